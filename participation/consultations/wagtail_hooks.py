"""Participation in the Wagtail admin: consultations (with sections, documents and questions) and
council meetings as snippets, the moderation queue and the consultation reports."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.admin_menu import PermissionMenuItem

from . import admin_views
from .admin_views import MODERATE, REPORT
from .models import Comment, Consultation, Meeting, SpeakerRegistration, WrittenQuestion

admin_urls = [
    path("moderation/", admin_views.moderation, name="moderation"),
    path("reports/", admin_views.reports, name="reports"),
    path("reports/<int:pk>/", admin_views.report, name="report"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "participation/",
            include((admin_urls, "consultations_admin"), namespace="consultations_admin"),
        )
    ]


def _translated(name: str) -> list:
    return [FieldPanel(name), FieldRowPanel([FieldPanel(f"{name}_en"), FieldPanel(f"{name}_hu")])]


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "doc-full"
    menu_label = _("Public consultations")
    list_display = ["title", "kind", "opens_on", "closes_on", "moderation", "is_published"]
    list_filter = ["kind", "is_published", "moderation"]
    search_fields = ["title", "summary"]
    panels = [
        MultiFieldPanel(
            [*_translated("title"), FieldRowPanel([FieldPanel("slug"), FieldPanel("kind")])],
            heading=_("The draft"),
        ),
        MultiFieldPanel(_translated("summary"), heading=_("Summary")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldRowPanel([FieldPanel("moderation"), FieldPanel("is_published")]),
            ],
            heading=_("Period and moderation"),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        InlinePanel(
            "sections",
            heading=_("Sections"),
            label=_("Section"),
            panels=[*_translated("heading"), *_translated("text")],
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), panels=_translated("text")),
        MultiFieldPanel(
            _translated("report"),
            heading=_("Summary report (published from Participation › Consultation reports)"),
        ),
    ]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Council meetings")
    list_display = ["title", "starts_at", "place", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title"]
    panels = [
        MultiFieldPanel(
            [*_translated("title"), FieldPanel("slug")],
            heading=_("Meeting"),
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("requests_close_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("is_published")]),
        InlinePanel(
            "items",
            heading=_("Agenda"),
            label=_("Agenda item"),
            panels=[
                *_translated("title"),
                FieldPanel("consultation"),
                *_translated("decision"),
                FieldPanel("decision_document"),
            ],
        ),
        MultiFieldPanel([*_translated("minutes"), FieldPanel("minutes_document")], heading=_("Minutes")),
    ]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("All comments")
    list_display = ["__str__", "consultation", "section", "status", "created_at"]
    list_filter = ["status", "consultation"]
    search_fields = ["body"]
    form_fields = ["status", "rejection_reason"]


class SpeakerRegistrationViewSet(SnippetViewSet):
    model = SpeakerRegistration
    icon = "user"
    menu_label = _("Requests to speak")
    list_display = ["name", "item", "topic", "created_at"]
    form_fields = ["name", "topic"]


class WrittenQuestionViewSet(SnippetViewSet):
    model = WrittenQuestion
    icon = "help"
    menu_label = _("Written questions")
    list_display = ["__str__", "item", "created_at"]
    form_fields = ["text", "answer"]


class ParticipationGroup(SnippetViewSetGroup):
    items = (
        ConsultationViewSet,
        MeetingViewSet,
        CommentViewSet,
        SpeakerRegistrationViewSet,
        WrittenQuestionViewSet,
    )
    menu_icon = "group"
    menu_label = _("Participation")
    menu_name = "participation"
    menu_order = 270

    def get_submenu_items(self):
        return [
            PermissionMenuItem(
                _("Comments to moderate"),
                reverse("consultations_admin:moderation"),
                icon_name="comment",
                permission=MODERATE,
                order=1,
            ),
            PermissionMenuItem(
                _("Consultation reports"),
                reverse("consultations_admin:reports"),
                icon_name="doc-full",
                permission=REPORT,
                order=2,
            ),
            *super().get_submenu_items(),
        ]


register_snippet(ParticipationGroup)
