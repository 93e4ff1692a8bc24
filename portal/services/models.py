"""Departments and the e-service catalogue: Wagtail pages whose fields are structured so that
the chatbot, the map and the public API can read them (opening hours, fees, terms, places)."""

from __future__ import annotations

import datetime as dt

from django.contrib.gis.db import models as gis_models
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.widgets import LatLonWidget
from portal.documents.models import RegistryFormPage

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class DepartmentIndexPage(Page):
    """Lists the city hall's departments."""

    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.DepartmentPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = self.get_children().live().specific().order_by("title")
        return context


class DepartmentPage(Page):
    """A department with its contacts and structured opening hours."""

    summary = models.TextField(_("summary"), blank=True)
    head = models.CharField(_("head of department"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    room = models.CharField(_("office or counter"), max_length=100, blank=True)
    location = gis_models.PointField(_("location"), srid=4326, null=True, blank=True)
    body = RichTextField(blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("head"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("address"),
                FieldPanel("room"),
                FieldPanel("location", widget=LatLonWidget()),
            ],
            heading=_("Contacts and place"),
        ),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Interval")),
        FieldPanel("body"),
    ]
    parent_page_types = ["services.DepartmentIndexPage"]
    subpage_types: list[str] = []

    def is_open_at(self, moment: dt.datetime | None = None) -> bool:
        """Whether the department's counter is open at `moment` (local time; now by default)."""
        moment = timezone.localtime(moment)
        return any(
            h.weekday == moment.weekday() and h.opens <= moment.time() < h.closes
            for h in self.opening_hours.all()
        )


class OpeningHours(Orderable):
    """One opening interval on a weekday; several per day allow a lunch break."""

    page = ParentalKey(DepartmentPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self) -> None:
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class ServiceIndexPage(Page):
    """The service catalogue: all e-services, grouped by department."""

    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .selectors import services_in_catalogue

        context["services"] = services_in_catalogue(index=self)
        return context


class DocumentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("document"))
    note = blocks.CharBlock(required=False, label=_("note"))

    class Meta:
        icon = "doc-full"
        label = _("Required document")


class FeeBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("what for"))
    amount = blocks.DecimalBlock(min_value=0, decimal_places=2, label=_("amount (lei)"))

    class Meta:
        icon = "tag"
        label = _("Fee")


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class SenderRole(models.TextChoices):
    """Which of the sender's contact details a request-form field holds (see forms.py)."""

    NAME = "name", _("Sender's name")
    EMAIL = "email", _("Sender's e-mail")
    PHONE = "phone", _("Sender's phone")
    ADDRESS = "address", _("Sender's address")


class ServiceFormField(AbstractFormField):
    """A field of the service's online request form, configured by editors."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="form_fields")
    role = models.CharField(
        _("sender's contact detail"),
        max_length=10,
        choices=SenderRole.choices,
        blank=True,
        help_text=_(
            "If this field holds the sender's name, e-mail, phone or address, say which: the "
            "registry files it as the sender's contact and e-mails the receipt to that address. "
            "Several fields may hold the name (both spouses)."
        ),
    )

    panels = AbstractFormField.panels + [FieldPanel("role")]


class ServicePage(RegistryFormPage):
    """One e-service: what it is, who may apply, what it needs and costs, how long it takes,
    where to go, and an online request form."""

    summary = models.TextField(_("what it is"))
    eligibility = RichTextField(_("who may apply"), blank=True)
    required_documents = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("required documents")
    )
    fees = StreamField([("fee", FeeBlock())], blank=True, verbose_name=_("fees"))
    processing_days = models.PositiveSmallIntegerField(
        _("legal processing term (days)"), null=True, blank=True
    )
    department = models.ForeignKey(
        "services.DepartmentPage",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    where_to_go = models.CharField(_("where to go"), max_length=255, blank=True)
    location = gis_models.PointField(_("location"), srid=4326, null=True, blank=True)
    tutorial = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tutorial"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The training lesson that shows how to use this service."),
    )
    faq = StreamField([("faq", FAQBlock())], blank=True, verbose_name=_("FAQ"))
    online = models.BooleanField(_("online request enabled"), default=True)
    thank_you_text = RichTextField(blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("required_documents"),
        index.SearchField("faq"),
        index.AutocompleteField("summary"),
        index.FilterField("department"),
    ]
    content_panels = RegistryFormPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldPanel("required_documents"),
        FieldPanel("fees"),
        FieldRowPanel([FieldPanel("processing_days"), FieldPanel("department")]),
        MultiFieldPanel(
            [FieldPanel("where_to_go"), FieldPanel("location", widget=LatLonWidget())],
            heading=_("Where to go"),
        ),
        FieldPanel("tutorial"),
        FieldPanel("faq"),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                InlinePanel("form_fields", label=_("Form field")),
                FieldPanel("thank_you_text"),
                FormSubmissionsPanel(),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Online request"),
        ),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types: list[str] = []

    @property
    def place(self):
        """Where to go: the service's own location, else its department's office."""
        if self.location:
            return self.location
        return self.department.location if self.department_id else None

    @property
    def total_fee(self):
        return sum((block.value["amount"] for block in self.fees), start=0)

    # Online requests go into the document registry (numbered, QR-tracked): RegistryFormPage.
    @property
    def form_builder(self):
        """The builder with the registry's column lengths and localised dates (imported late:
        the forms need the registry's models, which are still loading when this module is)."""
        from .forms import ServiceFormBuilder

        return ServiceFormBuilder

    def serve(self, request, *args, **kwargs):
        if not self.online or not self.form_fields.exists():
            # No form: serve the information page only (GET and POST alike).
            return Page.serve(self, request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)
