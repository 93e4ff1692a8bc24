"""Residents' proposals: submitted during the proposals phase with a point in the city, a cost
estimate and photos; they wait for the moderators before anyone sees them."""

from __future__ import annotations

from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cctv.models import District
from portal.core.city import get_city

from .. import limits
from ..models import Cycle, Follow, Participant, Phase, Proposal, ProposalPhoto
from .errors import BudgetError


@transaction.atomic
def submit_proposal(
    *,
    participant: Participant,
    cycle: Cycle,
    district: District,
    title: str,
    description: str,
    address: str,
    lat: float,
    lon: float,
    cost_estimate: int,
    photos: list[tuple[UploadedFile, str]] | None = None,
) -> Proposal:
    """A new proposal, waiting for moderation; its proposer follows it."""
    if cycle.phase() != Phase.PROPOSALS:
        raise BudgetError(_("Proposals are not being accepted now."))
    if not participant.may_take_part:
        raise BudgetError(_("Declare your residence before taking part."))
    if not cycle.budgets.filter(district=district).exists():
        raise BudgetError(_("This district has no budget in this cycle."))
    if not get_city().contains(lon, lat):
        raise BudgetError(_("The place must be in the city."))
    limit = limits.photo_max_bytes()
    for upload, _text in photos or []:
        if upload.size > limit:
            raise BudgetError(_("A photo is too large."))
    proposal = Proposal.objects.create(
        cycle=cycle,
        district=district,
        proposer=participant,
        title=title.strip(),
        description=description.strip(),
        address=address.strip(),
        location=Point(lon, lat, srid=4326),
        cost_estimate=cost_estimate,
    )
    for upload, text in photos or []:
        ProposalPhoto.objects.create(proposal=proposal, image=upload, description=text.strip() or title)
    Follow.objects.create(proposal=proposal, participant=participant)
    return proposal


def follow(*, participant: Participant, proposal: Proposal) -> Follow:
    """Follow a proposal (again following is harmless)."""
    try:
        with transaction.atomic():
            return Follow.objects.create(proposal=proposal, participant=participant)
    except IntegrityError:
        return Follow.objects.get(proposal=proposal, participant=participant)


def unfollow(*, participant: Participant, proposal: Proposal) -> None:
    Follow.objects.filter(proposal=proposal, participant=participant).delete()
