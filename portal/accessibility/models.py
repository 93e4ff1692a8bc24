"""The accessibility statement (the EU model of Commission Implementing Decision (EU) 2018/1523)
and the accessibility problems people report through it."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class PreparationMethod(models.TextChoices):
    SELF = "self", _("a self-assessment by the city")
    THIRD_PARTY = "third_party", _("an assessment by a third party")


class AccessibilityStatementPage(Page):
    """The site's accessibility statement, with the sections the EU model requires, and the form
    through which anyone reports content they cannot use."""

    standard = models.CharField(
        _("standard"), max_length=200, default="EN 301 549 v3.2.1 / WCAG 2.1 AA", blank=True
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    compliance_intro = RichTextField(_("about the compliance status"), blank=True)
    non_accessible_content = RichTextField(
        _("non-accessible content"),
        blank=True,
        help_text=_(
            "Non-compliance, disproportionate burden, content outside the scope; and the alternatives."
        ),
    )
    prepared_on = models.DateField(_("statement prepared on"), default=timezone.localdate)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    preparation_method = models.CharField(
        _("method used to prepare the statement"),
        max_length=20,
        choices=PreparationMethod.choices,
        default=PreparationMethod.SELF,
    )
    preparation_details = RichTextField(_("how the site was assessed"), blank=True)
    feedback_intro = RichTextField(_("feedback and contact details"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    response_days = models.PositiveSmallIntegerField(_("reply within (days)"), default=30)
    enforcement_procedure = RichTextField(_("enforcement procedure"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("non_accessible_content")]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("standard"), FieldPanel("compliance_status"), FieldPanel("compliance_intro")],
            heading=_("Compliance status"),
        ),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                FieldPanel("preparation_method"),
                FieldPanel("preparation_details"),
            ],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_intro"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("response_days"),
            ],
            heading=_("Feedback and contact information"),
        ),
        FieldPanel("enforcement_procedure"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "accessibility/statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        from .forms import FeedbackForm
        from .services import record_feedback

        form = FeedbackForm(request.POST or None, initial={"page_url": request.GET.get("from", "")})
        if request.method == "POST" and form.is_valid():
            record_feedback(page=self, language=self.locale.language_code, **form.cleaned_data)
            return HttpResponseRedirect(f"{self.url}?sent=1#feedback")
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["sent"] = request.method == "GET" and request.GET.get("sent") == "1"
        return TemplateResponse(request, self.get_template(request), context)


class AccessibilityFeedback(models.Model):
    """A report of content someone could not use, sent through the statement's form."""

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    page_url = models.CharField(_("page address"), max_length=500, blank=True)
    description = models.TextField(_("description of the problem"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.email}"
