"""Open data: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("opendata/", views.catalogue_search, name="search"),
    path("opendata/dataset/<slug:name>/", views.dataset_detail, name="dataset"),
    path("opendata/dataset/<slug:name>/resource/<uuid:pk>/", views.resource_detail, name="resource"),
    path("opendata/requests/", views.requests_list, name="requests"),
]
