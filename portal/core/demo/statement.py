"""The demo city's accessibility statement, in the EU model's sections, in ro/en/hu."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .text import Text

SLUG = "declaratie-de-accesibilitate"
PREPARED_ON = dt.date(2026, 5, 5)
REVIEWED_ON = dt.date(2026, 11, 30)
EMAIL = "accesibilitate@primariaarad.example"
PHONE = "+40 257 281 850"

TITLE = Text("Declarație de accesibilitate", "Accessibility statement", "Akadálymentesítési nyilatkozat")
COMPLIANCE = Text(
    "<p>Neconformitățile și excepțiile sunt enumerate mai jos.</p>",
    "<p>The non-compliances and exemptions are listed below.</p>",
    "<p>A meg nem felelések és kivételek alább olvashatók.</p>",
)
NON_ACCESSIBLE = Text(
    "<p>Conținutul de mai jos nu este încă accesibil:</p><ul>"
    "<li>Harta interactivă și harta camerelor nu pot fi folosite integral cu un cititor de ecran; "
    "aceleași informații sunt disponibile ca listă.</li>"
    "<li>Unele documente PDF mai vechi de 23 septembrie 2018 nu au structură accesibilă; le "
    "trimitem la cerere într-un format accesibil.</li>"
    "<li>Unele descrieri ale seturilor de date și ale camerelor există doar în limba română.</li></ul>",
    "<p>The content below is not yet accessible:</p><ul>"
    "<li>The interactive map and the camera map cannot be fully used with a screen reader; the "
    "same information is available as a list.</li>"
    "<li>Some PDF documents older than 23 September 2018 have no accessible structure; we send them "
    "in an accessible format on request.</li>"
    "<li>Some descriptions of data sets and cameras exist only in Romanian.</li></ul>",
    "<p>Az alábbi tartalmak még nem akadálymentesek:</p><ul>"
    "<li>Az interaktív térkép és a kameratérkép képernyőolvasóval nem használható teljes "
    "mértékben; ugyanezek az adatok listaként is elérhetők.</li>"
    "<li>Néhány 2018. szeptember 23. előtti PDF-dokumentum szerkezete nem akadálymentes; kérésre "
    "akadálymentes formában elküldjük.</li>"
    "<li>Egyes adatkészlet- és kameraleírások csak román nyelven érhetők el.</li></ul>",
)
PREPARATION = Text(
    "<p>Evaluarea a fost făcută de echipa portalului cu verificări automate (axe-core) pe fiecare "
    "tip de pagină, în română, engleză și maghiară, și cu testare manuală de la tastatură și cu un "
    "cititor de ecran.</p>",
    "<p>The portal team assessed the site with automated checks (axe-core) on every page type, in "
    "Romanian, English and Hungarian, and with manual testing by keyboard and with a screen "
    "reader.</p>",
    "<p>A portál csapata automatikus ellenőrzéssel (axe-core) vizsgálta az oldal minden típusát "
    "román, angol és magyar nyelven, valamint billentyűzettel és képernyőolvasóval végzett kézi "
    "teszteléssel.</p>",
)
FEEDBACK = Text(
    "<p>Dacă nu puteți folosi o parte a site-ului sau aveți nevoie de o informație într-un format "
    "accesibil, scrieți-ne prin formularul de mai jos sau la adresa de e-mail de mai jos.</p>",
    "<p>If you cannot use part of the site or need information in an accessible format, write to us "
    "through the form below or at the e-mail address below.</p>",
    "<p>Ha az oldal egy részét nem tudja használni, vagy akadálymentes formában van szüksége egy "
    "információra, írjon nekünk az alábbi űrlapon vagy e-mail-címen.</p>",
)
ENFORCEMENT = Text(
    "<p>Dacă nu primiți un răspuns mulțumitor în 30 de zile, vă puteți adresa Autorității pentru "
    "Digitalizarea României (ADR), autoritatea care monitorizează respectarea Ordonanței de urgență "
    "nr. 112/2018.</p>",
    "<p>If you do not receive a satisfactory reply within 30 days, you can contact the Authority for "
    "the Digitalisation of Romania (ADR), which monitors compliance with Emergency Ordinance "
    "112/2018.</p>",
    "<p>Ha 30 napon belül nem kap kielégítő választ, a Román Digitalizációs Hatósághoz (ADR) "
    "fordulhat, amely a 112/2018. sz. sürgősségi kormányrendelet betartását felügyeli.</p>",
)


def fields(lang: str) -> dict[str, Any]:
    """The statement page's field values in `lang`."""
    return {
        "title": TITLE[lang],
        "compliance_status": "partial",
        "compliance_intro": COMPLIANCE[lang],
        "non_accessible_content": NON_ACCESSIBLE[lang],
        "prepared_on": PREPARED_ON,
        "reviewed_on": REVIEWED_ON,
        "preparation_method": "self",
        "preparation_details": PREPARATION[lang],
        "feedback_intro": FEEDBACK[lang],
        "contact_email": EMAIL,
        "contact_phone": PHONE,
        "response_days": 30,
        "enforcement_procedure": ENFORCEMENT[lang],
        "show_in_menus": False,
    }
