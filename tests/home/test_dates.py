"""Dates read the same way on every page of a language; Romanian month names in lower case."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format

from portal.home.models import NewsPage


def test_news_dates_in_each_language(demo_city, client):
    for language in ("ro", "en", "hu"):
        news = NewsPage.objects.live().filter(locale__language_code=language).first()
        with translation.override(language):
            shown = date_format(news.date, "DATE_FORMAT")
        assert shown in client.get(news.url).content.decode()
        if language in ("ro", "hu"):
            assert shown == shown.lower(), shown  # "5 mai 2026", "2026. május 5."
    with translation.override("ro"):
        assert date_format(dt.date(2026, 5, 5), "DATE_FORMAT") == "5 mai 2026"
