"""Call points: the public register, under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("call-points/", views.register, name="register"),
]
