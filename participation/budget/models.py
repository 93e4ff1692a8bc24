"""The participatory budget: a yearly cycle with phases and district budgets, residents'
proposals with a place on the map, staff answers, one ballot per person, and the implementation
of the winning projects. A participant is an e-mail address confirmed by a signed link plus a
declaration of residence (see services.identity)."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import PurePath

from django.contrib.gis.db import models as gis_models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from portal.core.storage import private_storage


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("not started yet")
    PROPOSALS = "proposals", _("proposals")
    REVIEW = "review", _("technical review")
    VOTING = "voting", _("voting")
    RESULTS = "results", _("results")
    IMPLEMENTATION = "implementation", _("implementation")


class Cycle(ClusterableModel):
    """One year of the participatory budget. Each phase starts on its date and ends when the next
    starts; the dates are inclusive days in the city's time zone."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    proposals_start = models.DateField(_("proposals open on"))
    review_start = models.DateField(_("technical review starts on"))
    voting_start = models.DateField(_("voting opens on"))
    results_start = models.DateField(_("results published on"))
    implementation_start = models.DateField(_("implementation starts on"))
    max_spend_per_ballot = models.PositiveIntegerField(
        _("maximum spend per ballot (RON)"),
        validators=[MinValueValidator(1)],
        help_text=_("The most a voter may spend on the projects of one ballot."),
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("title")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("proposals_start"), FieldPanel("review_start")]),
                FieldRowPanel([FieldPanel("voting_start"), FieldPanel("results_start")]),
                FieldPanel("implementation_start"),
            ],
            heading=_("Phases"),
        ),
        FieldPanel("max_spend_per_ballot"),
        InlinePanel("budgets", heading=_("Budget per district"), label=_("district budget")),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("budget cycle")
        verbose_name_plural = _("budget cycles")

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    def clean(self) -> None:
        dates = [self.proposals_start, self.review_start, self.voting_start, self.results_start]
        dates.append(self.implementation_start)
        if all(dates) and any(a >= b for a, b in zip(dates, dates[1:], strict=False)):
            raise ValidationError(_("Each phase must start after the one before it."))

    def phase(self, today: dt.date | None = None) -> str:
        """The phase on `today` (the city's local date by default)."""
        today = today or timezone.localdate()
        for start, phase in (
            (self.implementation_start, Phase.IMPLEMENTATION),
            (self.results_start, Phase.RESULTS),
            (self.voting_start, Phase.VOTING),
            (self.review_start, Phase.REVIEW),
            (self.proposals_start, Phase.PROPOSALS),
        ):
            if today >= start:
                return phase
        return Phase.UPCOMING

    def phase_label(self) -> str:
        return str(Phase(self.phase()).label)

    def results_public(self) -> bool:
        return self.phase() in (Phase.RESULTS, Phase.IMPLEMENTATION)


class DistrictBudget(models.Model):
    cycle = ParentalKey(Cycle, on_delete=models.CASCADE, related_name="budgets")
    district = models.ForeignKey("cctv.District", on_delete=models.PROTECT, verbose_name=_("district"))
    amount = models.PositiveIntegerField(_("budget (RON)"), validators=[MinValueValidator(1)])

    panels = [FieldRowPanel([FieldPanel("district"), FieldPanel("amount")])]

    class Meta:
        ordering = ["district__name"]
        verbose_name = _("district budget")
        verbose_name_plural = _("district budgets")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "district"], name="budget_one_amount_per_district")
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.amount} RON"


class AgeGroup(models.TextChoices):
    UNDER_25 = "16-24", _("16–24")
    FROM_25 = "25-39", _("25–39")
    FROM_40 = "40-54", _("40–54")
    FROM_55 = "55-69", _("55–69")
    FROM_70 = "70+", _("70 or over")


class Participant(models.Model):
    """A resident taking part: an e-mail address confirmed by following a signed link, and a
    declaration of residence (district, optional age group). Personal data: never published."""

    email = models.EmailField(_("e-mail address"), unique=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"))
    district = models.ForeignKey(
        "cctv.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("district of residence"),
    )
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True)
    residence_declared_at = models.DateTimeField(_("residence declared at"), null=True, blank=True)
    language = models.CharField(_("language of the e-mails"), max_length=8, default="ro")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.email

    @property
    def may_take_part(self) -> bool:
        return self.residence_declared_at is not None and self.district_id is not None


class Moderation(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden by moderators")


class Feasibility(models.TextChoices):
    PENDING = "pending", _("under review")
    FEASIBLE = "feasible", _("feasible")
    UNFEASIBLE = "unfeasible", _("not feasible")


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    DESIGN = "design", _("design and procurement")
    WORKS = "works", _("works under way")
    DONE = "done", _("completed")


class ProposalQuerySet(models.QuerySet):
    def published(self) -> ProposalQuerySet:
        return self.filter(moderation=Moderation.PUBLISHED)

    def on_ballot(self) -> ProposalQuerySet:
        """Published proposals the city found feasible: what voters choose from."""
        return self.published().filter(feasibility=Feasibility.FEASIBLE)


class Proposal(models.Model):
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("cycle")
    )
    district = models.ForeignKey("cctv.District", on_delete=models.PROTECT, verbose_name=_("district"))
    proposer = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=4000)
    address = models.CharField(_("address or place"), max_length=200, blank=True)
    location = gis_models.PointField(_("place on the map"), srid=4326)
    cost_estimate = models.PositiveIntegerField(_("cost estimate (RON)"))
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    moderation = models.CharField(
        _("moderation"), max_length=12, choices=Moderation.choices, default=Moderation.PENDING, db_index=True
    )
    moderation_note = models.TextField(_("moderation note (staff only)"), blank=True)
    feasibility = models.CharField(
        _("feasibility"), max_length=12, choices=Feasibility.choices, default=Feasibility.PENDING
    )
    assessed_cost = models.PositiveIntegerField(_("cost assessed by the city (RON)"), null=True, blank=True)
    public_reason = models.TextField(
        _("public reasons"),
        blank=True,
        help_text=_("Shown on the proposal's page and e-mailed to its followers."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_sent = models.CharField(max_length=64, blank=True, editable=False)
    progress = models.CharField(
        _("implementation status"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        permissions = [("moderate_proposal", "Can moderate budget proposals")]

    def __str__(self) -> str:
        return self.title

    @property
    def cost(self) -> int:
        """What the project counts for on a ballot: the city's assessment once there is one."""
        return self.assessed_cost if self.assessed_cost is not None else self.cost_estimate

    def clean(self) -> None:
        if self.feasibility != Feasibility.PENDING and not self.public_reason.strip():
            raise ValidationError({"public_reason": _("Give the public reasons for the answer.")})


PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def _photo_path(instance: ProposalPhoto, filename: str) -> str:
    """A random, unguessable name that keeps only a known image extension, never the sender's
    file name (it may say who they are, and a guessable path would be reachable)."""
    suffix = PurePath(filename).suffix.lower()
    return f"budget/proposals/{secrets.token_urlsafe(24)}{suffix if suffix in PHOTO_TYPES else ''}"


class ProposalPhoto(models.Model):
    """A photo sent with a proposal. Kept in the private storage: it is served by the portal
    (views.proposal_photo) only once the proposal is published, or to its moderators."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=_photo_path, storage=private_storage)
    description = models.CharField(_("what the photo shows"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.description

    @property
    def content_type(self) -> str:
        return PHOTO_TYPES.get(PurePath(self.image.name).suffix.lower(), "application/octet-stream")


class Ballot(models.Model):
    """One person's vote in a cycle. The unique constraint is what makes a second ballot
    impossible, whichever request reaches the database first."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="ballots")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="ballots")
    district = models.ForeignKey("cctv.District", on_delete=models.PROTECT)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "participant"], name="budget_one_ballot_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.cycle_id}/{self.pk}"


class Vote(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="votes")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal"], name="budget_one_vote_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.proposal_id}"


class Follow(models.Model):
    """A participant following a proposal: e-mailed its official answer and implementation updates."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "participant"], name="budget_follow_once")]

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.proposal_id}"


class ImplementationUpdate(models.Model):
    """News of a winning project's implementation, published by staff; followers are e-mailed."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="updates", verbose_name=_("project")
    )
    text = models.TextField(_("update"))
    progress = models.CharField(_("implementation status"), max_length=12, choices=Progress.choices)
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("proposal"),
        FieldRowPanel([FieldPanel("progress"), FieldPanel("percent_done")]),
        FieldPanel("text"),
        FieldPanel("photo"),
    ]

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("implementation update")
        verbose_name_plural = _("implementation updates")

    def __str__(self) -> str:
        return f"{self.proposal}: {self.published_at:%Y-%m-%d}"
