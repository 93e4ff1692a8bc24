"""The camera register in the Wagtail admin, for the CCTV operators role: cameras, districts and
the fault log as snippets, plus the import and health screens (see admin_views)."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.admin_menu import PermissionMenuItem
from portal.core.widgets import LatLonWidget

from . import admin_views as views
from .forms import CameraAdminForm
from .models import Camera, District, Fault


class CameraViewSet(SnippetViewSet):
    model = Camera
    icon = "view"
    list_display = ["code", "name", "district", "camera_type", "purpose", "status", "last_heartbeat_at"]
    list_filter = ["status", "district", "camera_type", "purpose", "funding_source"]
    search_fields = ["code", "name", "road_segment"]
    edit_handler_panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("status")]),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("location", widget=LatLonWidget()),
                FieldRowPanel([FieldPanel("district"), FieldPanel("road_segment")]),
                FieldRowPanel([FieldPanel("mounting"), FieldPanel("mounting_height_m")]),
                FieldRowPanel([FieldPanel("direction_deg"), FieldPanel("fov_deg"), FieldPanel("range_m")]),
            ],
            heading=_("Where and what it sees"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("camera_type"), FieldPanel("purpose")]),
                FieldPanel("what_is_filmed"),
                FieldRowPanel([FieldPanel("what_is_filmed_en"), FieldPanel("what_is_filmed_hu")]),
                FieldRowPanel([FieldPanel("operator"), FieldPanel("owner")]),
                FieldPanel("legal_basis"),
                FieldRowPanel([FieldPanel("retention_days"), FieldPanel("dpia_reference")]),
                FieldRowPanel([FieldPanel("privacy_masking"), FieldPanel("signage_present")]),
                FieldPanel("contact"),
            ],
            heading=_("Purpose and legal basis (public)"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("planned_on"), FieldPanel("procured_on"), FieldPanel("installed_on")]
                ),
                FieldRowPanel([FieldPanel("operational_on"), FieldPanel("decommissioned_on")]),
                FieldRowPanel(
                    [FieldPanel("procurement_reference"), FieldPanel("funding_source"), FieldPanel("cost")]
                ),
            ],
            heading=_("Lifecycle and procurement"),
        ),
        MultiFieldPanel(
            [FieldPanel("stream_url"), FieldPanel("vms_secret"), FieldPanel("notes")],
            heading=_("Staff only (never published)"),
        ),
    ]
    edit_handler = ObjectList(edit_handler_panels, base_form_class=CameraAdminForm)


class BoundaryWidget(LeafletWidget):
    """django-leaflet's drawing widget (its vendored Leaflet, no CDN) for a district's polygon."""

    include_media = True


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = [
        "name",
        "slug",
        "road_km",
        Column(
            "boundary",
            label=_("boundary"),
            accessor=lambda district: _("yes") if district.boundary is not None else _("no"),
        ),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("road_km"),
        FieldPanel(
            "boundary",
            widget=BoundaryWidget(attrs={"map_height": "420px", "geom_type": "MultiPolygon"}),
            help_text=_(
                "Draw the district's outline, or import many at once (Import district boundaries). "
                "With a road network layer, density is measured on the roads inside it."
            ),
        ),
    ]


class FaultViewSet(SnippetViewSet):
    model = Fault
    icon = "warning"
    list_display = ["camera", "cause", "started_at", "repaired_at"]
    list_filter = ["cause", "camera__district"]
    search_fields = ["camera__code", "description"]
    panels = [
        FieldRowPanel([FieldPanel("camera"), FieldPanel("cause")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("started_at"), FieldPanel("repaired_at")]),
        FieldPanel("repair"),
        FieldPanel("reported_by"),
    ]


class CCTVGroup(SnippetViewSetGroup):
    items = (CameraViewSet, DistrictViewSet, FaultViewSet)
    menu_icon = "view"
    menu_label = _("CCTV register")
    menu_name = "cctv"
    menu_order = 260


register_snippet(CCTVGroup)

admin_urls = [
    path("import/", views.import_view, name="import"),
    path("health/", views.health_view, name="health"),
    path("districts/import/", views.district_import_view, name="district-import"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("cctv/", include((admin_urls, "cctv_admin"), namespace="cctv_admin"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Import cameras"),
        reverse("cctv_admin:import"),
        icon_name="upload",
        order=261,
        permission="cctv.add_camera",
    )


@hooks.register("register_admin_menu_item")
def register_health_menu_item():
    return PermissionMenuItem(
        _("Camera health"),
        reverse("cctv_admin:health"),
        icon_name="pick",
        order=262,
        permission="cctv.view_camera",
    )


@hooks.register("register_admin_menu_item")
def register_district_import_menu_item():
    return PermissionMenuItem(
        _("Import district boundaries"),
        reverse("cctv_admin:district-import"),
        icon_name="upload",
        order=263,
        permission="cctv.change_district",
    )
