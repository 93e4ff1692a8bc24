"""Staff screens in the Wagtail admin: the moderation queue, and each consultation's report
(answers to comments, one by one or grouped, then publication with the e-mails to commenters)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import AnswerForm, ModerationForm
from .models import Comment, Consultation

MODERATE = "consultations.moderate_comment"
REPORT = "consultations.change_consultation"


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def moderation(request: HttpRequest) -> HttpResponse:
    """Comments waiting for a moderator; each is published or refused with a reason."""
    _require(request, MODERATE)
    status = 200
    if request.method == "POST":
        comment = get_object_or_404(Comment, pk=request.POST.get("comment") or 0)
        form = ModerationForm(request.POST)
        if form.is_valid():
            try:
                services.moderate_comment(
                    comment=comment,
                    approve=form.cleaned_data["decision"] == "approve",
                    reason=form.cleaned_data["reason"],
                    moderator=request.user,
                    page_url=_page_url(request, comment.consultation),
                )
            except services.ParticipationError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(request, _("Comment no. %(number)d moderated.") % {"number": comment.pk})
                return redirect("consultations_admin:moderation")
        else:
            messages.error(request, _("Choose whether to publish the comment."))
            status = 400
    return TemplateResponse(
        request,
        "consultations/admin/moderation.html",
        {
            "page_title": _("Comments to moderate"),
            "header_icon": "comment",
            "comments": selectors.moderation_queue(),
        },
        status=status,
    )


def reports(request: HttpRequest) -> HttpResponse:
    _require(request, REPORT)
    return TemplateResponse(
        request,
        "consultations/admin/reports.html",
        {
            "page_title": _("Consultation reports"),
            "header_icon": "doc-full",
            "consultations": Consultation.objects.all(),
        },
    )


def _page_url(request: HttpRequest, consultation: Consultation):
    def url(language: str) -> str:
        with translation.override(language):
            return request.build_absolute_uri(reverse("consultations:detail", args=[consultation.slug]))

    return url


def report(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer the published comments, then publish the report and tell every commenter."""
    _require(request, REPORT)
    consultation = get_object_or_404(Consultation, pk=pk)
    comments = list(selectors.comments_to_answer(consultation).prefetch_related("answers"))
    form = AnswerForm(comment_ids=[c.pk for c in comments])
    status = 200
    if request.method == "POST" and request.POST.get("action") == "publish":
        try:
            told = services.publish_report(
                consultation=consultation, page_url=_page_url(request, consultation)
            )
        except services.ParticipationError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(
                request, _("Report published; %(count)d commenter(s) notified by e-mail.") % {"count": told}
            )
            return redirect("consultations_admin:report", pk=pk)
    elif request.method == "POST":
        form = AnswerForm(request.POST, comment_ids=[c.pk for c in comments])
        if form.is_valid():
            try:
                services.answer_comments(
                    consultation=consultation,
                    comment_ids=form.cleaned_data["comments"],
                    text=form.cleaned_data["text"],
                    text_en=form.cleaned_data["text_en"],
                    text_hu=form.cleaned_data["text_hu"],
                )
            except services.ParticipationError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(request, _("Answer saved."))
                return redirect("consultations_admin:report", pk=pk)
        else:
            status = 400
    return TemplateResponse(
        request,
        "consultations/admin/report.html",
        {
            "page_title": _("Report: %(title)s") % {"title": consultation.title},
            "header_icon": "doc-full",
            "consultation": consultation,
            "comments": comments,
            "form": form,
            "answers": consultation.answers.prefetch_related("comments"),
            "counts": selectors.comment_counts(consultation),
        },
        status=status,
    )
