"""Call points and alert buttons in the Wagtail admin, for the "Safety operators" group: the
device register, its fault log and the alert log as snippets, plus the operator console."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.admin_menu import PermissionMenuItem
from portal.core.widgets import LatLonWidget

from . import admin_views as views
from .forms import DeviceAdminForm
from .models import Alert, Device, DeviceFault


class DeviceViewSet(SnippetViewSet):
    model = Device
    icon = "warning"
    list_display = ["code", "kind", "name", "site", "district", "status", "last_heartbeat_at"]
    list_filter = ["kind", "status", "district"]
    search_fields = ["code", "name", "business_name", "operator"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("kind"), FieldPanel("status")]),
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("location", widget=LatLonWidget()),
                    FieldPanel("district"),
                    FieldPanel("building"),
                    FieldRowPanel([FieldPanel("business_name"), FieldPanel("business_address")]),
                ],
                heading=_("Where (a public building, or a business)"),
            ),
            FieldPanel("operator"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("planned_on"), FieldPanel("procured_on"), FieldPanel("installed_on")]
                    ),
                    FieldRowPanel([FieldPanel("operational_on"), FieldPanel("decommissioned_on")]),
                ],
                heading=_("Lifecycle"),
            ),
            MultiFieldPanel(
                [FieldPanel("secret"), FieldPanel("notes")], heading=_("Staff only (never published)")
            ),
        ],
        base_form_class=DeviceAdminForm,
    )


class DeviceFaultViewSet(SnippetViewSet):
    model = DeviceFault
    icon = "warning"
    list_display = ["device", "cause", "started_at", "repaired_at"]
    list_filter = ["cause", "device__kind"]
    search_fields = ["device__code", "description"]
    panels = [
        FieldRowPanel([FieldPanel("device"), FieldPanel("cause")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("started_at"), FieldPanel("repaired_at")]),
        FieldPanel("repair"),
        FieldPanel("reported_by"),
    ]


class AlertViewSet(SnippetViewSet):
    """The alert log (read in the admin; alerts are handled on the console)."""

    model = Alert
    icon = "warning"
    list_display = ["device", "raised_at", "is_test", "status", "acknowledged_at", "closed_at", "outcome"]
    list_filter = ["status", "is_test", "outcome", "device__kind"]
    search_fields = ["device__code", "dispatch_note", "outcome_note"]
    panels = [FieldPanel("dispatch_note"), FieldPanel("outcome"), FieldPanel("outcome_note")]


class SafetyGroup(SnippetViewSetGroup):
    items = (DeviceViewSet, DeviceFaultViewSet, AlertViewSet)
    menu_icon = "warning"
    menu_label = _("Call points and alert buttons")
    menu_name = "safety"
    menu_order = 265


register_snippet(SafetyGroup)

admin_urls = [
    path("console/", views.console, name="console"),
    path("console/alerts.json", views.console_alerts, name="console-alerts"),
    path("alerts/<int:pk>/", views.alert_detail, name="alert"),
    path("alerts/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("alerts/<int:pk>/dispatch/", views.dispatch, name="dispatch"),
    path("alerts/<int:pk>/close/", views.close, name="close"),
    path("requests/", views.requests_view, name="requests"),
    path("requests/<int:pk>/approve/", views.approve_view, name="approve"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("safety/", include((admin_urls, "safety_admin"), namespace="safety_admin"))]


@hooks.register("register_admin_menu_item")
def register_console_menu_item():
    return PermissionMenuItem(
        _("Alert console"),
        reverse("safety_admin:console"),
        icon_name="warning",
        order=264,
        permission="safety.view_alert",
    )


@hooks.register("register_admin_menu_item")
def register_requests_menu_item():
    return PermissionMenuItem(
        _("Alert button requests"),
        reverse("safety_admin:requests"),
        icon_name="form",
        order=266,
        permission="safety.add_device",
    )
