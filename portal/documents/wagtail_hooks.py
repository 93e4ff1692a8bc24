"""The registry in the Wagtail admin: its own screens (see admin_views) and the per-service
registry policies; both visible to staff with the registry's permissions only."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views as views
from .models import ServiceRegistryPolicy

admin_urls = [
    path("", views.index, name="index"),
    path("scan/", views.scan, name="scan"),
    path("new/", views.register, name="register"),
    path("labels.pdf", views.labels, name="labels"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.change_status, name="status"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
    path("<int:pk>/label.pdf", views.label, name="label"),
    path("<int:pk>/receipt.pdf", views.receipt, name="receipt"),
    path("<int:pk>/permit.pdf", views.permit, name="permit"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("registry/", include((admin_urls, "documents_admin"), namespace="documents_admin"))]


class RegistryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("documents.view_document")


@hooks.register("register_admin_menu_item")
def register_registry_menu_item():
    return RegistryMenuItem(
        _("Document registry"), reverse("documents_admin:index"), icon_name="doc-full-inverse", order=250
    )


class ServiceRegistryPolicyViewSet(ModelViewSet):
    model = ServiceRegistryPolicy
    icon = "cog"
    menu_label = _("Registry policies")
    menu_order = 251
    add_to_admin_menu = True
    form_fields = [
        "service",
        "number_prefix",
        "max_attachments",
        "max_attachment_mb",
        "allowed_types",
        "retention_years",
    ]
    list_display = ["service", "number_prefix", "allowed_types", "retention_years"]


@hooks.register("register_admin_viewset")
def register_policy_viewset():
    return ServiceRegistryPolicyViewSet("registry_policies")
