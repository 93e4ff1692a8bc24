"""Pieces shared by many demo services: request-form fields, documents and counters."""

from __future__ import annotations

from decimal import Decimal

from .schema import DocumentData, FeeData, FormFieldData
from .text import Text

# Request-form fields; `name` is the stable key of the answer in submissions.
# `role` says which of the sender's contact details a field holds (the registry files them).
NAME = FormFieldData("name", Text("Nume și prenume", "Full name", "Teljes név"), role="name")
EMAIL = FormFieldData(
    "email",
    Text(
        "Adresă de e-mail",
        "E-mail address",
        "E-mail-cím",
    ),
    "email",
    role="email",
)
PHONE = FormFieldData("phone", Text("Telefon", "Phone", "Telefonszám"), required=False, role="phone")
CONTACT_FIELDS = (NAME, EMAIL, PHONE)
ADDRESS = FormFieldData(
    "address",
    Text("Adresa imobilului", "Address of the property", "Az ingatlan címe"),
    help_text=Text(
        "Stradă, număr, bloc, apartament", "Street, number, block, flat", "Utca, házszám, tömb, lakás"
    ),
)
HOME_ADDRESS = FormFieldData(
    "home_address", Text("Adresa de domiciliu", "Home address", "Lakcím"), role="address"
)
PLATE = FormFieldData("plate", Text("Număr de înmatriculare", "Registration number", "Rendszám"))
MESSAGE = FormFieldData("message", Text("Mesaj", "Message", "Üzenet"), "multiline", required=False)
DETAILS = FormFieldData(
    "details",
    Text("Detalii despre cerere", "Details of your request", "A kérelem részletei"),
    "multiline",
    required=False,
)

ID_DOCUMENT = DocumentData(Text("Act de identitate", "Identity document", "Személyazonosító igazolvány"))
APPLICATION_FORM = DocumentData(Text("Cerere tip", "Standard application form", "Formanyomtatvány"))
FREE = (FeeData(Text("Eliberare gratuită", "Free of charge", "Díjmentes"), Decimal("0.00")),)

# Where to go: the departments' counters.
URBANISM_DESK = Text(
    "Direcția Arhitect-Șef, Bulevardul Revoluției nr. 75, etajul 1, camera 14",
    "Chief Architect's Directorate, Bulevardul Revoluției 75, first floor, room 14",
    "Főépítészi Igazgatóság, Bulevardul Revoluției 75., 1. emelet, 14-es iroda",
)
TAX_DESK = Text(
    "Direcția Fiscală Locală, Bulevardul Revoluției nr. 81, parter, ghișeele 7–14",
    "Local Tax Directorate, Bulevardul Revoluției 81, ground floor, counters 7–14",
    "Helyi Adóigazgatóság, Bulevardul Revoluției 81., földszint, 7–14. ablak",
)
CIVIL_STATUS_DESK = Text(
    "Serviciul Stare Civilă, Strada Vasile Goldiș nr. 6, parter, ghișeele 1–4",
    "Civil Status Office, Strada Vasile Goldiș 6, ground floor, counters 1–4",
    "Anyakönyvi Hivatal, Strada Vasile Goldiș 6., földszint, 1–4. ablak",
)
PROPERTY_DESK = Text(
    "Direcția Patrimoniu, Bulevardul Revoluției nr. 75, etajul 2, camerele 31–34",
    "Public Property Directorate, Bulevardul Revoluției 75, second floor, rooms 31–34",
    "Vagyonkezelési Igazgatóság, Bulevardul Revoluției 75., 2. emelet, 31–34-es iroda",
)
POLICE_DESK = Text(
    "Poliția Locală Arad, Bulevardul Decebal nr. 2–4, parter",
    "Arad Local Police, Bulevardul Decebal 2–4, ground floor",
    "Aradi Helyi Rendőrség, Bulevardul Decebal 2–4., földszint",
)
ENVIRONMENT_DESK = Text(
    "Serviciul Mediu și Spații Verzi, Strada Tribunul Dobra nr. 12, etajul 1, camera 8",
    "Environment and Green Spaces Service, Strada Tribunul Dobra 12, first floor, room 8",
    "Környezetvédelmi és Zöldterületi Szolgálat, Strada Tribunul Dobra 12., 1. emelet, 8-as iroda",
)
