"""Page numbers as they arrive in query strings (typed, stale, made up by robots), read by
Django's Paginator so that every list pages the same way."""

from __future__ import annotations

from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

# Longer digit strings are past any last page (and past int()'s limit on digits).
MAX_DIGITS = 18


class QueryStringPaginator(Paginator):
    """A Paginator whose page numbers may be any text: anything but a positive whole number
    ("abc", "1.5", "0", "-3") is the first page; a number past the end, however many digits,
    is past the end (the last page for get_page, EmptyPage for page)."""

    def validate_number(self, number: Any) -> int:
        text = str(number).strip()
        if text.isascii() and text.isdigit() and len(text) > MAX_DIGITS:
            number = 10**MAX_DIGITS
        try:
            return super().validate_number(number)
        except EmptyPage:
            if int(number) < 1:
                raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
            raise


class LazyRows:
    """A sequence for Paginator over rows that come from a query function rather than a
    QuerySet: `count` gives the number of matches, `fetch(offset, limit)` one page of them."""

    def __init__(self, *, count: Any, fetch: Any) -> None:
        self._count, self._fetch = count, fetch

    def count(self) -> int:
        return self._count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Any]:
        start = index.start or 0
        return self._fetch(start, max(0, index.stop - start))
