from django.urls import path

from . import meeting_views, views

app_name = "consultations"
urlpatterns = [
    path("participation/", views.index, name="index"),
    path("participation/confirm-email/", views.confirm_email, name="confirm-email"),
    path("participation/confirm-email/<str:token>/", views.confirm_link, name="confirm-link"),
    path("participation/sign-out/", views.sign_out, name="sign-out"),
    path("participation/consultations/<slug:slug>/", views.consultation, name="detail"),
    path("participation/consultations/<slug:slug>/comment/", views.comment, name="comment"),
    path("participation/consultations/<slug:slug>/answers/", views.answer, name="answer"),
    path("participation/meetings/", meeting_views.meetings, name="meetings"),
    path("participation/meetings/<slug:slug>/", meeting_views.meeting, name="meeting"),
    path("participation/meetings/<slug:slug>/items/<int:item_id>/speak/", meeting_views.speak, name="speak"),
    path("participation/meetings/<slug:slug>/items/<int:item_id>/ask/", meeting_views.ask, name="ask"),
]
