"""A password sign-in always starts unverified: the code step comes after it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import forget_verification


@receiver(user_logged_in)
def _start_unverified(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        forget_verification(request)
