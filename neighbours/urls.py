"""Public pages, under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "neighbours"
urlpatterns = [
    path("neighbours/", views.notices, name="notices"),
    path("neighbours/notices/<int:pk>/", views.notice, name="notice"),
    path("neighbours/join/", views.join, name="join"),
    path("neighbours/join/sent/", views.join_sent, name="join-sent"),
    path("neighbours/confirm/<str:token>/", views.confirm, name="confirm"),
    path("neighbours/leave/", views.leave, name="leave"),
    path("neighbours/leave/sent/", views.leave_sent, name="leave-sent"),
    path("neighbours/leave/<str:token>/", views.leave_confirm, name="leave-confirm"),
]
