"""Open data: language-neutral endpoints for machines — the CKAN Action API, downloads, DCAT."""

from django.urls import path

from . import views
from .ckan import views as ckan_views

urlpatterns = [
    path("api/3/action/<str:name>", ckan_views.action, name="ckan-action"),
    path("api/action/<str:name>", ckan_views.action, name="ckan-action-unversioned"),
    path("opendata/catalog.<str:extension>", views.dcat_catalogue, name="opendata-dcat"),
    path("opendata/download/<uuid:pk>/<str:filename>", views.download, name="opendata-download"),
]
