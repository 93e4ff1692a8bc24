"""Month names as Django's date formats use them (`django.utils.dates.MONTHS`), listed so the
portal's own catalogues carry them: Romanian writes months in lower case ("5 mai 2026"), unlike
Django's Romanian catalogue, and the portal's catalogues take precedence over Django's."""

from django.utils.translation import gettext_noop

MONTHS = (
    # Translators: month names are written in lower case in Romanian and Hungarian (5 mai 2026).
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
