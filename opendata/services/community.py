"""API tokens for CKAN clients, and public dataset requests."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from ..models import ApiToken, DatasetRequest, Organization
from ..models.community import hash_token


@transaction.atomic
def create_token(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the plain token is returned once and never stored."""
    plain = "arad_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=plain[:10], token_hash=hash_token(plain))
    return token, plain


def authenticate_token(plain: str) -> AbstractBaseUser | None:
    """The active owner of a valid, unrevoked token, noting when it was last used."""
    if not plain:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(plain.strip()), revoked=False)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.user


@transaction.atomic
def submit_request(
    *, title: str, description: str, organization: Organization | None = None, email: str = ""
) -> DatasetRequest:
    """A resident's request for a dataset; it starts as 'received' and is listed publicly."""
    return DatasetRequest.objects.create(
        title=title.strip(), description=description.strip(), organization=organization, email=email
    )
