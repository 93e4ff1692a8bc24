"""Digital-skills training: public pages, served under the language prefix (/ro/, /en/, /hu/).
Courses and lessons themselves are Wagtail pages; these are the learner's actions and account."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import account_views, views

app_name = "training"
urlpatterns = [
    path("learning/signup/", views.signup, name="signup"),
    path("learning/login/", account_views.LoginView.as_view(), name="login"),
    path(
        "learning/logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("training:login")),
        name="logout",
    ),
    path("learning/password-reset/", account_views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "learning/password-reset/sent/",
        account_views.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "learning/password-reset/done/",
        account_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path(
        "learning/password-reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("learning/my/", views.dashboard, name="dashboard"),
    path("learning/my/account/", account_views.account, name="account"),
    path("learning/my/account/export.zip", account_views.export, name="account-export"),
    path("learning/my/account/delete/", account_views.delete, name="account-delete"),
    path("learning/email/<str:token>/", account_views.email_confirm, name="email-confirm"),
    path("learning/lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete-lesson"),
    path("learning/lessons/<int:lesson_id>/quiz/", views.submit_quiz, name="submit-quiz"),
    path("learning/certificates/<str:code>.pdf", views.certificate_pdf, name="certificate-pdf"),
    path("learning/about-you/", views.demographics, name="demographics"),
]
