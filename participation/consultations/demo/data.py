"""Demo public consultations and council meetings for Arad, in Romanian, English and Hungarian.
Dates are relative to the day the demo is loaded, so one consultation is always open."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.core.demo.text import Text


@dataclass(frozen=True)
class SectionData:
    heading: Text
    text: Text


@dataclass(frozen=True)
class CommentData:
    section: int | None  # index in the consultation's sections; None: the whole draft
    body: str
    language: str = "ro"
    answer: Text | None = None  # the city's answer, when the report is published


@dataclass(frozen=True)
class ConsultationData:
    slug: str
    kind: str
    title: Text
    summary: Text
    opens_in_days: int  # negative: opened that many days ago
    days_open: int
    moderation: str = "pre"
    sections: tuple[SectionData, ...] = ()
    questions: tuple[Text, ...] = ()
    comments: tuple[CommentData, ...] = ()
    report: Text | None = None


@dataclass(frozen=True)
class AgendaItemData:
    title: Text
    consultation: str = ""  # slug
    decision: Text | None = None


@dataclass(frozen=True)
class MeetingData:
    slug: str
    title: Text
    starts_in_days: int
    place: str
    items: tuple[AgendaItemData, ...] = field(default_factory=tuple)
    minutes: Text | None = None


PARKING = ConsultationData(
    slug="regulament-parcari-resedinta",
    kind="regulation",
    title=Text(
        "Regulamentul privind parcările de reședință",
        "Regulation on residential parking",
        "A lakóövezeti parkolásról szóló szabályzat",
    ),
    summary=Text(
        "Proiectul stabilește cum se atribuie locurile de parcare din cartiere, tariful anual și "
        "regulile pentru locurile rămase libere.",
        "The draft sets how parking places in the neighbourhoods are allotted, the yearly fee and the "
        "rules for places left free.",
        "A tervezet meghatározza a lakótelepi parkolóhelyek kiosztását, az éves díjat és a szabadon "
        "maradt helyek szabályait.",
    ),
    opens_in_days=-5,
    days_open=30,
    sections=(
        SectionData(
            Text(
                "Art. 1 – Atribuirea locurilor", "Art. 1 – Allotting places", "1. cikk – A helyek kiosztása"
            ),
            Text(
                "Locurile se atribuie anual, prin punctaj, locatarilor fără garaj.",
                "Places are allotted every year, by points, to residents without a garage.",
                "A helyeket évente, pontozás alapján osztják ki a garázs nélküli lakóknak.",
            ),
        ),
        SectionData(
            Text("Art. 2 – Tariful anual", "Art. 2 – The yearly fee", "2. cikk – Az éves díj"),
            Text(
                "Tariful este de 150 de lei pe an; pensionarii plătesc jumătate.",
                "The fee is 150 lei a year; pensioners pay half.",
                "A díj évi 150 lej; a nyugdíjasok a felét fizetik.",
            ),
        ),
    ),
    questions=(
        Text(
            "Aveți loc de parcare atribuit în prezent?",
            "Do you have an allotted parking place now?",
            "Van jelenleg kiosztott parkolóhelye?",
        ),
    ),
    comments=(
        CommentData(1, "Propun ca vechimea în cartier să conteze la punctaj."),
        CommentData(None, "Ar trebui locuri și pentru biciclete în fiecare parcare.", "ro"),
    ),
)

PARKS = ConsultationData(
    slug="plan-spatii-verzi-2027",
    kind="plan",
    title=Text("Planul spațiilor verzi 2027", "Green spaces plan 2027", "Zöldterület-terv 2027"),
    summary=Text(
        "Parcurile care se amenajează în 2027 și arborii care se plantează pe străzi.",
        "The parks laid out in 2027 and the trees planted along streets.",
        "A 2027-ben kialakítandó parkok és az utcákra ültetendő fák.",
    ),
    opens_in_days=-50,
    days_open=30,
    moderation="post",
    sections=(
        SectionData(
            Text("Parcul de pe malul Mureșului", "The park on the Mureș bank", "A Maros-parti park"),
            Text(
                "Alei noi, iluminat și un loc de joacă.",
                "New paths, lighting and a playground.",
                "Új sétányok, világítás és játszótér.",
            ),
        ),
    ),
    comments=(
        CommentData(
            0,
            "Vă rog să păstrați arborii bătrâni de lângă debarcader.",
            answer=Text(
                "Arborii de lângă debarcader rămân; aleea ocolește zona lor.",
                "The trees by the landing stage stay; the path goes around them.",
                "A kikötő melletti fák megmaradnak; a sétány megkerüli őket.",
            ),
        ),
        CommentData(
            None,
            "Mai multe bănci și fântâni cu apă potabilă.",
            answer=Text(
                "Am adăugat 20 de bănci și 4 fântâni în plan.",
                "We added 20 benches and 4 drinking fountains to the plan.",
                "A tervbe 20 padot és 4 ivókutat vettünk fel.",
            ),
        ),
    ),
    report=Text(
        "Au sosit 2 comentarii; planul a fost completat cu bănci, fântâni și protecția arborilor bătrâni.",
        "2 comments arrived; the plan now has benches, fountains and protects the old trees.",
        "2 hozzászólás érkezett; a terv padokkal, ivókutakkal és az öreg fák védelmével bővült.",
    ),
)

TRANSPORT = ConsultationData(
    slug="hotarare-tarife-transport-2027",
    kind="decision",
    title=Text(
        "Hotărârea privind tarifele transportului public 2027",
        "Decision on public transport fares 2027",
        "Határozat a 2027-es közösségi közlekedési díjakról",
    ),
    summary=Text(
        "Abonamentele lunare și biletele de călătorie pentru tramvai și autobuz.",
        "Monthly passes and single tickets for trams and buses.",
        "Havi bérletek és menetjegyek villamosra és buszra.",
    ),
    opens_in_days=10,
    days_open=30,
)

CONSULTATIONS: tuple[ConsultationData, ...] = (PARKING, PARKS, TRANSPORT)

MEETINGS: tuple[MeetingData, ...] = (
    MeetingData(
        slug="sedinta-ordinara-urmatoare",
        title=Text(
            "Ședința ordinară a Consiliului Local",
            "Ordinary meeting of the Local Council",
            "A helyi tanács rendes ülése",
        ),
        starts_in_days=12,
        place="Sala de consiliu, Bd. Revoluției 75",
        items=(
            AgendaItemData(
                Text(
                    "Aprobarea planului spațiilor verzi 2027",
                    "Approving the green spaces plan 2027",
                    "A 2027-es zöldterület-terv jóváhagyása",
                ),
                consultation=PARKS.slug,
            ),
            AgendaItemData(
                Text(
                    "Rectificarea bugetului local",
                    "Amending the local budget",
                    "A helyi költségvetés módosítása",
                )
            ),
        ),
    ),
    MeetingData(
        slug="sedinta-ordinara-trecuta",
        title=Text(
            "Ședința ordinară a Consiliului Local (luna trecută)",
            "Ordinary meeting of the Local Council (last month)",
            "A helyi tanács rendes ülése (múlt hónap)",
        ),
        starts_in_days=-25,
        place="Sala de consiliu, Bd. Revoluției 75",
        items=(
            AgendaItemData(
                Text(
                    "Iluminatul public în cartierul Micălaca",
                    "Street lighting in the Micălaca district",
                    "Közvilágítás a Mikelaka negyedben",
                ),
                decision=Text(
                    "Adoptată cu 21 de voturi pentru: 340 de stâlpi noi cu LED.",
                    "Adopted with 21 votes for: 340 new LED lamp posts.",
                    "21 igen szavazattal elfogadva: 340 új LED-es lámpaoszlop.",
                ),
            ),
        ),
        minutes=Text(
            "Ședința a început la ora 14:00; au fost prezenți 23 de consilieri. "
            "Doi locuitori au luat cuvântul.",
            "The meeting began at 14:00 with 23 councillors present. Two residents spoke.",
            "Az ülés 14:00-kor kezdődött, 23 képviselő volt jelen. Két lakos szólalt fel.",
        ),
    ),
)
