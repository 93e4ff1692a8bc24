"""Digital-skills training: public pages, served under the language prefix (/ro/, /en/, /hu/).
Courses and lessons themselves are Wagtail pages; these are the learner's actions and account."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "training"
urlpatterns = [
    path("learning/signup/", views.signup, name="signup"),
    path(
        "learning/login/",
        auth_views.LoginView.as_view(
            template_name="training/login.html",
            redirect_authenticated_user=True,
            next_page=reverse_lazy("training:dashboard"),
        ),
        name="login",
    ),
    path(
        "learning/logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("training:login")),
        name="logout",
    ),
    path("learning/my/", views.dashboard, name="dashboard"),
    path("learning/lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete-lesson"),
    path("learning/lessons/<int:lesson_id>/quiz/", views.submit_quiz, name="submit-quiz"),
    path("learning/certificates/<str:code>.pdf", views.certificate_pdf, name="certificate-pdf"),
    path("learning/about-you/", views.demographics, name="demographics"),
]
