"""Public forms of the participatory budget. Labels and errors come from the shared accessible
form include; every form works without JavaScript."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from cctv.models import District
from gis import selectors as gis_selectors
from portal.core.uploads import within_size_limit

from . import limits
from .models import AgeGroup, Cycle, Proposal


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link; opening it confirms the address. No password is needed."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _districts(cycle: Cycle | None):
    if cycle is None:
        return District.objects.none()
    return District.objects.filter(pk__in=cycle.budgets.values("district")).order_by("name")


class ResidenceForm(forms.Form):
    district = forms.ModelChoiceField(queryset=District.objects.none(), label=_("District where you live"))
    age_group = forms.ChoiceField(
        label=_("Age group (optional)"),
        choices=[("", _("I prefer not to say"))] + AgeGroup.choices,
        required=False,
        help_text=_("Only used for statistics of groups of 5 people or more."),
    )
    declaration = forms.BooleanField(
        label=_("I declare on my own responsibility that I live in the city, in the district chosen."),
    )

    def __init__(self, *args, cycle: Cycle | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _districts(cycle)


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("What should be done, and why"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6})
    )
    district = forms.ModelChoiceField(queryset=District.objects.none(), label=_("District"))
    address = forms.CharField(
        label=_("Address or place"),
        max_length=200,
        required=False,
        help_text=_("A named place or building is found on the map; or give the coordinates below."),
    )
    latitude = forms.FloatField(
        label=_("Latitude (°N)"),
        required=False,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        widget=forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
    )
    longitude = forms.FloatField(
        label=_("Longitude (°E)"),
        required=False,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        widget=forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        help_text=_("With JavaScript on, a click on the map fills in both coordinates."),
    )
    cost_estimate = forms.IntegerField(
        label=_("Cost estimate (RON)"), min_value=1, max_value=100_000_000, widget=forms.NumberInput()
    )
    photo = forms.ImageField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_description = forms.CharField(label=_("What the photo shows"), max_length=200, required=False)

    def __init__(self, *args, cycle: Cycle | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _districts(cycle)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            within_size_limit(photo, limits.photo_max_bytes())
            if getattr(photo, "image", None) is not None and photo.image.format not in (
                "JPEG",
                "PNG",
                "WEBP",
            ):
                raise forms.ValidationError(_("Send a JPEG, PNG or WebP photo."))
        return photo

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise forms.ValidationError(_("Give both coordinates, or neither and an address."))
        if lat is None and not self.errors:
            address = data.get("address", "").strip()
            if not address:
                raise forms.ValidationError(_("Say where: an address or place, or the coordinates."))
            found = gis_selectors.search(address, limit=1)
            if not found:
                raise forms.ValidationError(
                    _("The place “%(address)s” was not found on the map; give the coordinates."),
                    params={"address": address},
                )
            data["latitude"], data["longitude"] = found[0]["lat"], found[0]["lon"]
        return data


class BallotForm(forms.Form):
    projects = forms.ModelMultipleChoiceField(
        queryset=Proposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Projects you vote for"),
    )

    def __init__(self, *args, options, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = options
        self.fields["projects"].label_from_instance = lambda p: f"{p.title} – {p.cost:,} RON".replace(
            ",", "."
        )
