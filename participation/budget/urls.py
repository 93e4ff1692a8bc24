"""Participatory budget pages, under the language prefix: /<lang>/budget/…"""

from django.urls import path

from . import views

app_name = "budget"
urlpatterns = [
    path("", views.index, name="index"),
    path("proposals/new/", views.new_proposal, name="new-proposal"),
    path("proposals/<int:pk>/", views.proposal, name="proposal"),
    path("proposals/<int:pk>/follow/", views.follow, name="follow"),
    path("photos/<int:pk>/", views.proposal_photo, name="photo"),
    path("take-part/", views.identify, name="identify"),
    path("take-part/confirm/<str:token>/", views.confirm, name="confirm"),
    path("take-part/residence/", views.residence, name="residence"),
    path("take-part/leave/", views.sign_out, name="sign-out"),
    path("vote/", views.ballot, name="ballot"),
    path("results/", views.results, name="results"),
    path("implementation/", views.implementation, name="implementation"),
]
