"""The questionnaire's endpoint: a plain form POST (works without JavaScript)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import FeedbackForm
from .services import record_feedback


@require_POST
def submit(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/form_page.html", {"form": form}, status=400)
    target = form.cleaned_data["next"]
    # Back to the page the form was on: a path on this site, never elsewhere nor a view name.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = "/"
    record_feedback(
        solution=form.cleaned_data["solution"],
        score=form.cleaned_data["score"],
        comment=form.cleaned_data["comment"],
        context=target,
        language=get_language(),
    )
    # Shown inside the questionnaire on the page it came from (see feedback/nps_form.html).
    messages.success(request, _("Thank you for your feedback."), extra_tags="feedback")
    return HttpResponseRedirect(target)
