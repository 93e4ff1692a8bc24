"""Training in the Wagtail admin: classroom sessions with attendance, certificates, staff
departments, population shares, the DigComp framework, and the reports (see admin_views)."""

from __future__ import annotations

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.admin_menu import PermissionMenuItem

from . import admin_views
from .models import Certificate, ClassroomSession, Competence, PopulationShare, StaffProfile

admin_urls = [
    path("", admin_views.overview, name="overview"),
    path("staff/", admin_views.staff_completion, name="staff-completion"),
    path("staff.csv", admin_views.staff_completion_csv, name="staff-completion-csv"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("training/", include((admin_urls, "training_admin"), namespace="training_admin"))]


@hooks.register("after_publish_page")
def tell_about_tutorial(request, page):
    """Publishing a service regenerates its tutorial (see signals.py): say so, and say when it
    will have no screenshots because Chromium is missing on the server."""
    from portal.services.models import ServicePage

    from .services.tutorial_generation import screenshots_by_default
    from .services.tutorial_screenshots import chromium_path

    if not isinstance(page.specific, ServicePage):
        return
    if screenshots_by_default() and chromium_path() is None:
        messages.warning(
            request,
            _(
                "The service's tutorial was regenerated without screenshots: Chromium is not "
                "installed on the server."
            ),
        )
    else:
        messages.info(request, _("The service's tutorial is regenerated from its fields and form."))


class ClassroomSessionViewSet(SnippetViewSet):
    model = ClassroomSession
    icon = "calendar"
    menu_label = _("Classroom sessions")
    list_display = ["title", "starts_at", "place", "audience", "attendee_count", "flyers_handed_out"]
    list_filter = ["audience", "place_kind"]
    search_fields = ["title", "place"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["code", "holder_name", "course", "issued_at", "revoked"]
    search_fields = ["code", "holder_name"]
    form_fields = ["revoked"]


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("Staff departments")
    list_display = ["user", "department"]
    form_fields = ["user", "department"]


class PopulationShareViewSet(SnippetViewSet):
    model = PopulationShare
    icon = "table"
    menu_label = _("Population shares")
    list_display = ["dimension", "category", "share", "source"]
    form_fields = ["dimension", "category", "share", "source"]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "list-ul"
    menu_label = _("DigComp competences")
    list_display = ["code", "name_en", "name_ro", "name_hu"]
    form_fields = ["code", "area", "name_en", "name_ro", "name_hu"]


class TrainingGroup(SnippetViewSetGroup):
    items = (
        ClassroomSessionViewSet,
        CertificateViewSet,
        StaffProfileViewSet,
        PopulationShareViewSet,
        CompetenceViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Digital skills")
    menu_name = "training"
    menu_order = 260

    def get_submenu_items(self):
        return [
            PermissionMenuItem(
                _("Figures and representation"),
                reverse("training_admin:overview"),
                icon_name="table",
                permission="training.view_classroomsession",
                order=1,
            ),
            PermissionMenuItem(
                _("Staff per department"),
                reverse("training_admin:staff-completion"),
                icon_name="group",
                permission="training.view_staffprofile",
                order=2,
            ),
            *super().get_submenu_items(),
        ]


register_snippet(TrainingGroup)
