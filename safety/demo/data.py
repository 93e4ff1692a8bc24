"""The demo city's call points, alert buttons and the e-service to request an alert button."""

from __future__ import annotations

from dataclasses import dataclass

from portal.core.demo.common import CONTACT_FIELDS, POLICE_DESK
from portal.core.demo.schema import FAQData, FormFieldData, ServiceData
from portal.core.demo.text import Text


@dataclass(frozen=True)
class DeviceData:
    code: str
    kind: str  # "call_point" | "alert_button"
    place: str
    district: str  # a cctv demo district's slug
    lat: float
    lon: float
    site: str = ""  # the business or institution of an alert button
    status: str = "operational"


OPERATOR = "Poliția Locală Arad – Dispeceratul de supraveghere"

DEVICES: tuple[DeviceData, ...] = (
    DeviceData(
        "AR-CP-0001", "call_point", "Piața Avram Iancu, lângă stația de tramvai", "centru", 46.1725, 21.3190
    ),
    DeviceData("AR-CP-0002", "call_point", "Bulevardul Revoluției 81, Primăria", "centru", 46.1745, 21.3172),
    DeviceData(
        "AR-CP-0003", "call_point", "Parcul Copiilor, intrarea dinspre Mureș", "centru", 46.1700, 21.3125
    ),
    DeviceData("AR-CP-0004", "call_point", "Gara Arad, peronul 1", "gai", 46.1890, 21.3275),
    DeviceData(
        "AR-CP-0005", "call_point", "Strada Poetului, stația de autobuz", "micalaca", 46.1850, 21.3480
    ),
    DeviceData("AR-CP-0006", "call_point", "Faleza Mureșului, debarcader", "centru", 46.1690, 21.3060),
    DeviceData(
        "AR-CP-0007", "call_point", "Piața Podgoria", "micalaca", 46.1810, 21.3380, status="installed"
    ),
    DeviceData(
        "AR-CP-0008",
        "call_point",
        "Calea Aurel Vlaicu, pasajul pietonal",
        "gai",
        46.1960,
        21.3020,
        status="planned",
    ),
    DeviceData(
        "AR-AB-0001",
        "alert_button",
        "Secretariat, parter",
        "centru",
        46.1760,
        21.3160,
        "Școala Gimnazială nr. 1",
    ),
    DeviceData(
        "AR-AB-0002",
        "alert_button",
        "Sala de grupă mare",
        "gai",
        46.1880,
        21.3240,
        "Grădinița cu program prelungit nr. 5",
    ),
    DeviceData(
        "AR-AB-0003",
        "alert_button",
        "Casa de bilete",
        "centru",
        46.1735,
        21.3180,
        "Teatrul Clasic „Ioan Slavici”",
    ),
    DeviceData(
        "AR-AB-0004",
        "alert_button",
        "Ghișeul de încasări",
        "micalaca",
        46.1830,
        21.3420,
        "Direcția Fiscală – punct de lucru Micălaca",
    ),
    DeviceData("AR-AB-0005", "alert_button", "Casieria", "centru", 46.1750, 21.3200, "Farmacia Centrală SRL"),
)

SERVICE = ServiceData(
    slug="cerere-buton-alarma",
    title=Text(
        "Cerere pentru un buton de alarmă legat la dispecerat",
        "Request an alert button linked to the supervision centre",
        "Riasztógomb igénylése a felügyeleti központhoz",
    ),
    summary=Text(
        "Școlile, grădinițele, teatrele, clădirile publice și firmele pot cere un buton de alarmă "
        "care alertează direct dispeceratul de supraveghere al Poliției Locale.",
        "Schools, day-care centres, theatres, public buildings and businesses can ask for an alert "
        "button that calls the Local Police supervision centre directly.",
        "Iskolák, óvodák, színházak, középületek és vállalkozások igényelhetnek riasztógombot, amely "
        "közvetlenül a Helyi Rendőrség felügyeleti központját riasztja.",
    ),
    eligibility=Text(
        "<p>Instituțiile publice din Arad și firmele cu sediu sau punct de lucru în Arad.</p>",
        "<p>Public institutions in Arad and businesses with premises in Arad.</p>",
        "<p>Aradi közintézmények és aradi székhelyű vagy telephelyű vállalkozások.</p>",
    ),
    department="politia-locala",
    where_to_go=POLICE_DESK,
    processing_days=30,
    documents=(),
    faq=(
        FAQData(
            Text(
                "Se publică locul butonului?",
                "Is the button's place published?",
                "Közzéteszik a gomb helyét?",
            ),
            Text(
                "<p>Nu. Pentru siguranța celor din clădire, se publică doar câte butoane sunt "
                "în fiecare cartier.</p>",
                "<p>No. For the safety of the people inside, only the number of buttons per "
                "district is published.</p>",
                "<p>Nem. Az épületben lévők biztonsága érdekében csak a gombok városrészenkénti "
                "száma nyilvános.</p>",
            ),
        ),
    ),
    form_fields=(
        FormFieldData(
            "organisation",
            Text("Instituția sau firma", "Institution or business", "Intézmény vagy vállalkozás"),
        ),
        FormFieldData(
            "site_address",
            Text("Adresa unde se montează butonul", "Address where the button goes", "A gomb helyének címe"),
            role="address",
        ),
        FormFieldData(
            "site_kind",
            Text("Tipul clădirii", "Kind of building", "Az épület típusa"),
            "dropdown",
            choices=Text(
                "Școală\nGrădiniță\nTeatru\nClădire a primăriei\nFirmă",
                "School\nDay-care centre\nTheatre\nMunicipal building\nBusiness",
                "Iskola\nÓvoda\nSzínház\nÖnkormányzati épület\nVállalkozás",
            ),
        ),
        *CONTACT_FIELDS,
        FormFieldData(
            "details",
            Text("De ce aveți nevoie de buton", "Why you need the button", "Miért van szüksége a gombra"),
            "multiline",
            required=False,
        ),
    ),
)
