"""Map admin in Wagtail: modules, layers, features drawn on a map, the public buildings register
(with its QR/NFC label), imports with their reports."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.widgets import LatLonWidget

from . import admin_views
from .models import Feature, Layer, Module, PublicBuilding


class MapWidget(LeafletWidget):
    """django-leaflet's drawing widget, bringing its own Leaflet into the admin page."""

    include_media = True


class ModuleViewSet(SnippetViewSet):
    model = Module
    icon = "folder-open-inverse"
    list_display = ["title", "key", "order"]
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_hu")]),
        FieldPanel("key"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("description_en"), FieldPanel("description_hu")]),
        FieldPanel("order"),
    ]


class LayerViewSet(SnippetViewSet):
    model = Layer
    icon = "doc-full"
    list_display = ["title", "key", "module", "source", "public"]
    list_filter = ["module", "source", "public", "kind"]
    search_fields = ["title", "key"]
    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("key")]),
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_hu")]),
        FieldRowPanel([FieldPanel("module"), FieldPanel("kind")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("description_en"), FieldPanel("description_hu")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("geometry_type"), FieldPanel("color"), FieldPanel("icon")]),
                FieldPanel("cluster"),
            ],
            heading=_("Style"),
        ),
        MultiFieldPanel(
            [FieldPanel("license"), FieldPanel("attribution"), FieldPanel("public"), FieldPanel("source")],
            heading=_("Publication"),
        ),
    ]


class FeatureViewSet(SnippetViewSet):
    model = Feature
    icon = "site"
    list_display = ["__str__", "external_id", "layer", "updated_at"]
    list_filter = ["layer"]
    search_fields = ["name", "external_id"]
    panels = [
        FieldRowPanel([FieldPanel("layer"), FieldPanel("external_id")]),
        FieldPanel("name"),
        FieldPanel("geometry", widget=MapWidget(attrs={"map_height": "420px"})),
        FieldPanel("properties"),
        FieldPanel("time"),
    ]


class BuildingViewSet(SnippetViewSet):
    model = PublicBuilding
    icon = "home"
    list_display = [
        "name",
        "address",
        "published",
        Column(
            "label",
            label=_("QR/NFC label"),
            accessor=lambda b: format_html(
                '<a href="{}">{}</a>',
                reverse("gismap:building-label", kwargs={"slug": b.slug}),
                _("Print label"),
            ),
        ),
    ]
    list_filter = ["published", "step_free_access"]
    search_fields = ["name", "address"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("address"),
        FieldPanel("location", widget=LatLonWidget()),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("description_en"), FieldPanel("description_hu")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free_access"), FieldPanel("lift")]),
                FieldRowPanel([FieldPanel("accessible_toilet"), FieldPanel("tactile_guidance")]),
                FieldPanel("accessible_parking"),
                FieldPanel("accessibility_notes"),
                FieldRowPanel([FieldPanel("accessibility_notes_en"), FieldPanel("accessibility_notes_hu")]),
            ],
            heading=_("Accessibility"),
        ),
        InlinePanel("entrances", heading=_("Entrances"), label=_("Entrance")),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Interval")),
        FieldPanel("services"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("published")]),
    ]


class MapGroup(SnippetViewSetGroup):
    menu_label = _("Map")
    menu_icon = "site"
    menu_order = 400
    items = (ModuleViewSet, LayerViewSet, FeatureViewSet, BuildingViewSet)


register_snippet(MapGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    urls = [
        path("", admin_views.import_view, name="import"),
        path("<int:pk>/", admin_views.import_job_view, name="import-job"),
    ]
    return [path("gis/import/", include((urls, "gismap_admin"), namespace="gismap_admin"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("gismap.add_importjob")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import map features"), reverse("gismap_admin:import"), icon_name="upload", order=401
    )
