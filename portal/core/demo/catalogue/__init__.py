"""The demo service catalogue, one module per area."""

from __future__ import annotations

from ..schema import ServiceData
from . import civil_status, environment, public_space, reports, social, taxes, urbanism

SERVICES: tuple[ServiceData, ...] = (
    urbanism.SERVICES
    + taxes.SERVICES
    + civil_status.SERVICES
    + social.SERVICES
    + public_space.SERVICES
    + reports.SERVICES
    + environment.SERVICES
)
