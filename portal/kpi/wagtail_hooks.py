"""KPI staff screens: the staff dashboard (KPI viewers) and the roadmap and funding records."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .dashboard import solutions
from .models import Activity, FundingCommitment, Initiative
from .roadmap import category

PERMISSION = "kpi.view_kpisnapshot"


def staff_dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboards with every activity's schedule, for staff following the plan."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    today = timezone.localdate()
    activities = [
        (a, category(a, today))
        for a in Activity.objects.select_related("initiative").order_by("initiative__solution", "planned_end")
    ]
    return TemplateResponse(
        request, "kpi/admin/dashboard.html", {"solutions": solutions(today=today), "activities": activities}
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("kpi/", staff_dashboard, name="kpi_staff_dashboard")]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(_("KPI dashboard"), reverse("kpi_staff_dashboard"), icon_name="table", order=270)


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "list-ul"
    list_display = ["title", "solution", "order"]
    list_filter = ["solution"]


class FundingViewSet(SnippetViewSet):
    model = FundingCommitment
    icon = "doc-full"
    list_display = ["funder", "solution", "source", "amount", "committed_on"]
    list_filter = ["solution", "source"]
    panels = [
        FieldRowPanel([FieldPanel("solution"), FieldPanel("source")]),
        FieldPanel("funder"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("committed_on")]),
        FieldPanel("note"),
    ]


class PlanGroup(SnippetViewSetGroup):
    items = (InitiativeViewSet, FundingViewSet)
    menu_icon = "list-ul"
    menu_label = _("Digital plan")
    menu_name = "digital-plan"
    menu_order = 271


register_snippet(PlanGroup)
