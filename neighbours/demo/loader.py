"""Load the demo notices: `manage.py load_demo_neighbours` (idempotent: matched by Romanian title).
Demo notices are marked sent at a fixed distance in the past and have no deliveries: the demo
has no members."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cctv.models import District

from ..models import Notice
from . import data


@transaction.atomic
def load_demo_neighbours() -> int:
    """The demo notices for the districts that exist (load_demo_cctv's); how many notices."""
    now = timezone.now()
    loaded = 0
    for spec in data.NOTICES:
        districts = list(District.objects.filter(slug__in=spec.districts))
        if not districts:
            continue
        notice, _created = Notice.objects.update_or_create(
            title=spec.title.ro,
            defaults={
                **spec.title.columns("title"),
                **spec.body.columns("body"),
                "level": spec.level,
                "public": True,
                "sent_at": now - dt.timedelta(days=spec.days_ago),
            },
        )
        notice.districts.set(districts)
        loaded += 1
    return loaded
