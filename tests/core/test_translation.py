"""Staff content in several languages: the reader's language when translated, else the original
marked with its own language."""

from types import SimpleNamespace

from django.template import Context, Template
from django.utils import translation

from portal.core.translation import active_language, localized, translations

LAYER = SimpleNamespace(title="Clădiri publice", title_en="Public buildings", title_hu="  ")


def test_translation_is_used_when_present() -> None:
    text = localized(LAYER, "title", "en")
    assert (text.text, text.lang) == ("Public buildings", "en")


def test_blank_translation_falls_back_to_original_with_its_language() -> None:
    text = localized(LAYER, "title", "hu")
    assert (text.text, text.lang) == ("Clădiri publice", "ro")


def test_unknown_language_means_active_language() -> None:
    with translation.override("en"):
        assert active_language("xx") == "en"
        assert localized(LAYER, "title").text == "Public buildings"


def test_translations_lists_filled_languages_only() -> None:
    assert translations(LAYER, "title") == {"ro": "Clădiri publice", "en": "Public buildings"}


def test_template_marks_untranslated_text_with_its_language() -> None:
    template = Template('{% load portal_tags %}{% localized_html layer "title" %}')
    with translation.override("hu"):
        assert template.render(Context({"layer": LAYER})) == '<span lang="ro">Clădiri publice</span>'
    with translation.override("en"):
        assert template.render(Context({"layer": LAYER})) == "Public buildings"
