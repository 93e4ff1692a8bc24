"""Content entered by staff in several languages, shown in the reader's language.

A translatable field keeps the original in the site's default language (``title``) and optional
translations in sibling columns named after the language (``title_en``, ``title_hu``). Readers get
their language when a translation exists, else the original, and always learn which language the
text is in, so pages can mark it with ``lang`` (WCAG 3.1.2) and APIs can say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation


def default_language() -> str:
    """The site's default language: the one originals are written in."""
    return settings.LANGUAGE_CODE.split("-")[0]


def other_languages() -> list[str]:
    """The offered languages that hold translations beside the original."""
    return [code for code, _name in settings.LANGUAGES if code != default_language()]


def active_language(lang: str | None = None) -> str:
    """``lang`` when it is an offered language, else the active one, else the default."""
    offered = {code for code, _name in settings.LANGUAGES}
    for candidate in (lang, translation.get_language()):
        code = (candidate or "").split("-")[0].lower()
        if code in offered:
            return code
    return default_language()


@dataclass(frozen=True)
class Localized:
    """A text and the language it is really in."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


def localized(obj: Any, field: str, lang: str | None = None) -> Localized:
    """``obj.<field>`` in ``lang`` (default: the active language), falling back to the original."""
    wanted = active_language(lang)
    if wanted != default_language():
        value = getattr(obj, f"{field}_{wanted}", "") or ""
        if value.strip():
            return Localized(value, wanted)
    return Localized(getattr(obj, field) or "", default_language())


def translations(obj: Any, field: str) -> dict[str, str]:
    """Every language's text of ``obj.<field>`` that is filled in, original included."""
    texts = {default_language(): getattr(obj, field) or ""}
    for code in other_languages():
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip():
            texts[code] = value
    return {code: text for code, text in texts.items() if text}
