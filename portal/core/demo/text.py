"""One demo text in each of the demo city's languages, shared by every app's demo data.

The demo city is written in Romanian (the default language) with English and Hungarian
translations; pages take one language at a time (`text[lang]`), models with sibling translation
columns take all three (`text.columns("title")`), and CKAN's fluent fields the translations only.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("ro", "en", "hu")  # the default language first


@dataclass(frozen=True)
class Text:
    """A text in Romanian, English and Hungarian; an empty string is a missing translation."""

    ro: str
    en: str
    hu: str

    def __getitem__(self, lang: str) -> str:
        """The text in `lang` (one of LANGUAGES)."""
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)

    def columns(self, name: str) -> dict[str, str]:
        """Values for a translatable model field and its siblings: `name`, `name_en`, `name_hu`."""
        return {name: self.ro} | {f"{name}_{lang}": self[lang] for lang in LANGUAGES[1:]}

    def translations(self) -> dict[str, str]:
        """The translations by language, without the Romanian original."""
        return {lang: self[lang] for lang in LANGUAGES[1:]}


def text_in(text: Text | None, lang: str) -> str:
    """An optional text in `lang`; empty when there is none."""
    return text[lang] if text else ""
