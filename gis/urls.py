"""GIS map: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "gismap"
urlpatterns = [
    path("map/", views.map_view, name="map"),
    path("map/list/", views.list_view, name="list"),
    path("map/features/<slug:layer>/<str:fid>/", views.feature_view, name="feature"),
    path("map/buildings/<slug:slug>/", views.building_view, name="building"),
    path("map/buildings/<slug:slug>/qr.<str:fmt>", views.building_qr, name="building-qr"),
    path("map/buildings/<slug:slug>/label/", views.building_label, name="building-label"),
]
