"""A learner's account: sign-in and sign-up limits, password reset by e-mail, changing the
e-mail address, a copy of one's data and deleting the account. Thin: forms check, services act."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.core.net import client_address

from . import services
from .forms import DeleteAccountForm, EmailChangeForm, LearnerLoginForm, LearnerPasswordResetForm
from .limits import count_attempt, is_locked, too_many_message
from .services import accounts
from .views import learner_required


class LoginView(auth_views.LoginView):
    form_class = LearnerLoginForm
    template_name = "training/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("training:dashboard")

    def form_invalid(self, form):
        throttled = any(e.code == "throttled" for e in form.errors.as_data().get("__all__", []))
        return self.render_to_response(self.get_context_data(form=form), status=429 if throttled else 200)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail with the learning pages' templates; requests are limited per
    address and per e-mail address typed, and the answer is the same whether an account exists."""

    form_class = LearnerPasswordResetForm
    template_name = "training/password_reset_form.html"
    email_template_name = "training/emails/password_reset.txt"
    subject_template_name = "training/emails/password_reset_subject.txt"
    success_url = reverse_lazy("training:password-reset-sent")

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        address = client_address(request)
        email = (request.POST.get("email") or "").strip().lower()[:254]
        if is_locked("reset-address", address) or (email and is_locked("reset-email", email)):
            form.add_error(None, too_many_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        count_attempt("reset-address", address, per="reset_per_address")
        if email:
            count_attempt("reset-email", email, per="reset_per_email")
        return super().post(request, *args, **kwargs)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "training/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "training/password_reset_confirm.html"
    success_url = reverse_lazy("training:password-reset-complete")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        for field in form.fields.values():
            field.widget.attrs.pop("autofocus", None)
        return form


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "training/password_reset_complete.html"


@never_cache
@learner_required
def account(request: HttpRequest) -> HttpResponse:
    """The learner's account page: e-mail address, a copy of their data, deleting the account."""
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        accounts.request_email_change(
            user=request.user,
            new_email=form.cleaned_data["new_email"],
            confirm_url=lambda token: request.build_absolute_uri(
                reverse("training:email-confirm", kwargs={"token": token})
            ),
        )
        messages.success(
            request,
            _("We sent a link to %(email)s: open it to confirm your new address.")
            % {"email": form.cleaned_data["new_email"]},
        )
        return redirect("training:account")
    context = {"form": form, "city_account": accounts.is_city_staff(request.user)}
    return render(request, "training/account.html", context)


@never_cache
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the confirmation message: works signed in or not (another device)."""
    try:
        user = accounts.confirm_email_change(token=token)
    except services.TrainingError as error:
        return render(request, "training/email_confirmed.html", {"error": str(error)}, status=400)
    return render(request, "training/email_confirmed.html", {"email": user.email})


@never_cache
@learner_required
def export(request: HttpRequest) -> HttpResponse:
    """A ZIP with data.json and the certificates' PDFs."""
    archive = accounts.export_learner_data(user=request.user, language=get_language())
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="my-learning-data.zip"'
    return response


@never_cache
@learner_required
def delete(request: HttpRequest) -> HttpResponse:
    """Delete the account after the password is typed again; optionally revoke certificates."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    city_account = accounts.is_city_staff(request.user)
    if request.method == "POST" and not city_account and form.is_valid():
        user = request.user
        try:
            revoked = accounts.delete_learner_account(
                user=user, revoke_certificates=form.cleaned_data["revoke_certificates"]
            )
        except services.TrainingError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            return render(request, "training/account_deleted.html", {"revoked": revoked})
    return render(request, "training/account_delete.html", {"form": form, "city_account": city_account})
