"""CCTV register: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "cctv"
urlpatterns = [
    path("cameras/", views.register, name="register"),
    path("cameras/map/", views.camera_map, name="map"),
    path("cameras/your-rights/", views.rights, name="rights"),
    path("cameras/register.csv", views.download_csv, name="register-csv"),
    path("cameras/register.geojson", views.download_geojson, name="register-geojson"),
    path("cameras/<str:code>/", views.camera, name="camera"),
]
