"""The vigilant neighbours in the Wagtail admin, for the Safety operators role: safety notices as
snippets (written in the original language with optional translations), a send action with its
delivery progress, and the membership counts per district. Members themselves have no screen."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.admin_menu import PermissionMenuItem

from . import admin_views as views
from .models import Notice


class NoticeViewSet(SnippetViewSet):
    model = Notice
    icon = "warning"
    menu_label = _("Safety notices")
    menu_name = "neighbours-notices"
    menu_order = 270
    add_to_admin_menu = True
    list_display = [
        "title",
        "level",
        Column(
            "districts",
            label=_("districts"),
            accessor=lambda notice: ", ".join(d.name for d in notice.districts.all()),
        ),
        "sent_at",
    ]
    list_filter = ["level", "districts"]
    search_fields = ["title", "body"]
    panels = [
        FieldRowPanel([FieldPanel("level"), FieldPanel("public")]),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("body")],
            heading=_("Original (Romanian)"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("body_en"), FieldPanel("title_hu"), FieldPanel("body_hu")],
            heading=_("Translations (optional: neighbours without one read the original)"),
        ),
    ]

    def get_queryset(self, request):
        return Notice.objects.prefetch_related("districts")


register_snippet(NoticeViewSet)


@hooks.register("register_snippet_listing_buttons")
def notice_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Notice):
        return []
    if snippet.sent_at is None and user.has_perm("neighbours.send_notice"):
        return [Button(_("Send…"), reverse("neighbours_admin:send", args=[snippet.pk]), icon_name="mail")]
    if snippet.sent_at is not None:
        return [
            Button(
                _("Delivery"), reverse("neighbours_admin:progress", args=[snippet.pk]), icon_name="list-ul"
            )
        ]
    return []


admin_urls = [
    path("notices/<int:pk>/send/", views.send_view, name="send"),
    path("notices/<int:pk>/delivery/", views.progress_view, name="progress"),
    path("overview/", views.overview_view, name="overview"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("neighbours/", include((admin_urls, "neighbours_admin"), namespace="neighbours_admin"))]


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return PermissionMenuItem(
        _("Vigilant neighbours"),
        reverse("neighbours_admin:overview"),
        icon_name="group",
        order=271,
        permission="neighbours.view_notice",
    )


@hooks.register("after_create_snippet")
def record_author(request, instance):
    if isinstance(instance, Notice) and instance.created_by_id is None:
        Notice.objects.filter(pk=instance.pk).update(created_by=request.user)


@hooks.register("before_delete_snippet")
def keep_sent_notices(request, instances):
    """A sent notice keeps its delivery records: it can be hidden from the public page, not deleted."""
    if any(isinstance(instance, Notice) and instance.sent_at for instance in instances):
        messages.error(
            request,
            _(
                "A sent notice is kept with its delivery records. "
                "To hide it, untick “also shown on the public page”."
            ),
        )
        return redirect("wagtailsnippets_neighbours_notice:list")
    return None
