"""The catalogue in the Wagtail admin, for the "Data publishers" role: datasets, resources,
organizations, dataset requests and API tokens (a token is shown once, when it is made)."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .admin_forms import ApiTokenForm, ResourceForm
from .models import ApiToken, Dataset, DatasetRequest, Organization, Resource
from .services.community import create_token


class DatasetViewSet(ModelViewSet):
    model = Dataset
    icon = "table"
    menu_label = _lazy("Datasets")
    form_fields = [
        "name",
        "title",
        "title_en",
        "title_hu",
        "notes",
        "notes_en",
        "notes_hu",
        "organization",
        "license_id",
        "tags",
        "themes",
        "frequency",
        "temporal_start",
        "temporal_end",
        "spatial",
        "contact_name",
        "contact_email",
        "private",
        "state",
    ]
    list_display = ["title", "organization", "origin", "private", "state", "metadata_modified"]
    list_filter = ["organization", "origin", "private", "state"]
    search_fields = ["title", "title_en", "title_hu", "name", "notes"]


class ResourceViewSet(ModelViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _lazy("Resources")
    list_display = ["name", "dataset", "format", "validation_status", "datastore_active", "downloads"]
    list_filter = ["format", "validation_status"]
    search_fields = ["name"]

    def get_form_class(self, for_update: bool = False):
        return ResourceForm


class OrganizationViewSet(ModelViewSet):
    model = Organization
    icon = "group"
    menu_label = _lazy("Organizations")
    form_fields = ["name", "title", "description", "department", "email"]
    list_display = ["title", "name", "department"]


class DatasetRequestViewSet(ModelViewSet):
    model = DatasetRequest
    icon = "help"
    menu_label = _lazy("Dataset requests")
    form_fields = ["title", "description", "organization", "email", "status", "response", "dataset"]
    list_display = ["title", "status", "created"]
    list_filter = ["status"]


class TokenCreateView(CreateView):
    def save_instance(self) -> ApiToken:
        token, plain = create_token(user=self.form.cleaned_data["user"], name=self.form.cleaned_data["name"])
        messages.warning(
            self.request,
            _("Copy this API token now, it will not be shown again: %(token)s") % {"token": plain},
        )
        return token


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = _lazy("API tokens")
    add_view_class = TokenCreateView
    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]

    def get_form_class(self, for_update: bool = False):
        return ApiTokenForm


class OpenDataGroup(ModelViewSetGroup):
    menu_label = _lazy("Open data")
    menu_icon = "table"
    menu_order = 260
    items = (DatasetViewSet, ResourceViewSet, OrganizationViewSet, DatasetRequestViewSet, ApiTokenViewSet)


@hooks.register("register_admin_viewset")
def register_open_data() -> OpenDataGroup:
    return OpenDataGroup()
