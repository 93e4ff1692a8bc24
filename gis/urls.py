"""GIS map: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path  # noqa: F401

app_name = "gismap"
urlpatterns: list = []
