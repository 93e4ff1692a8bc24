"""Digital-skills training: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path  # noqa: F401

app_name = "training"
urlpatterns: list = []
