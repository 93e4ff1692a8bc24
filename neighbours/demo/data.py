"""Demo safety notices of the vigilant neighbours (no people: members join through the site)."""

from __future__ import annotations

from dataclasses import dataclass

from portal.core.demo.text import Text


@dataclass(frozen=True)
class NoticeData:
    key: str  # stable: the demo loader matches notices by their Romanian title
    level: str
    districts: tuple[str, ...]  # district slugs of the demo CCTV register
    title: Text
    body: Text
    days_ago: int


NOTICES: tuple[NoticeData, ...] = (
    NoticeData(
        key="furturi-biciclete",
        level="warning",
        districts=("centru", "gai"),
        title=Text(
            "Furturi de biciclete în zona centrală",
            "Bicycle thefts in the centre",
            "Kerékpárlopások a belvárosban",
        ),
        body=Text(
            "Poliția Locală a înregistrat mai multe furturi de biciclete lângă piețe și școli. "
            "Folosiți un lacăt în formă de U și legați cadrul, nu doar roata. "
            "Anunțați orice faptă suspectă la 112.",
            "The local police recorded several bicycle thefts near markets and schools. "
            "Use a U-lock and lock the frame, not only the wheel. Report anything suspicious on 112.",
            "A helyi rendőrség több kerékpárlopást rögzített piacok és iskolák közelében. "
            "Használjon U-lakatot, és a vázat zárja le, ne csak a kereket. Gyanús esetet a 112-n jelezzen.",
        ),
        days_ago=6,
    ),
    NoticeData(
        key="inundatii-mures",
        level="alert",
        districts=("subcetate", "poltura", "sannicolau-mic"),
        title=Text(
            "Cod galben de inundații pe Mureș",
            "Yellow flood warning on the Mureș",
            "Sárga árvízriasztás a Maroson",
        ),
        body=Text(
            "Nivelul Mureșului crește până joi seara. Nu parcați pe faleză și țineți copiii departe de mal. "
            "Urmați indicațiile echipajelor de intervenție.",
            "The Mureș is rising until Thursday evening. Do not park on the riverside and keep children "
            "away from the bank. Follow the instructions of the emergency crews.",
            "A Maros szintje csütörtök estig emelkedik. Ne parkoljon a rakparton, és tartsa távol a "
            "gyerekeket a parttól. Kövesse a mentőegységek utasításait.",
        ),
        days_ago=2,
    ),
    NoticeData(
        key="iluminat-micalaca",
        level="info",
        districts=("micalaca",),
        title=Text(
            "Lucrări la iluminatul public în Micălaca",
            "Street lighting works in Micălaca",
            "Közvilágítási munkálatok Mikelakán",
        ),
        body=Text(
            "Între 22:00 și 5:00, unele străzi vor fi neiluminate timp de două nopți. "
            "Camerele de supraveghere din zonă funcționează în continuare.",
            "Between 22:00 and 5:00 some streets will be unlit for two nights. "
            "The area's surveillance cameras keep working.",
            "22:00 és 5:00 között két éjszakán át néhány utca kivilágítatlan lesz. "
            "A környék térfigyelő kamerái tovább működnek.",
        ),
        days_ago=1,
    ),
)
