"""The demo city of Arad: the site's sections, plus departments, services and news gathered from
their own modules. Plain data; `loader.py` turns it into pages."""

from __future__ import annotations

from .catalogue import SERVICES
from .common import EMAIL, MESSAGE, NAME
from .departments import DEPARTMENTS
from .news import NEWS
from .schema import ContactData, HomeData, IndexData
from .text import Text

HOME = HomeData(
    slug="primaria-arad",
    title=Text(
        "Primăria Municipiului Arad",
        "Arad City Hall",
        "Arad Megyei Jogú Város Polgármesteri Hivatala",
    ),
    intro=Text(
        "Servicii publice online pentru arădeni: cereri, taxe locale, acte de stare civilă și "
        "programul direcțiilor primăriei, într-un singur loc.",
        "Online public services for the people of Arad: requests, local taxes, civil status "
        "documents and the opening hours of City Hall's departments, all in one place.",
        "Online közszolgáltatások az aradiaknak: kérelmek, helyi adók, anyakönyvi iratok és a "
        "hivatali osztályok ügyfélfogadási ideje egy helyen.",
    ),
    body=Text(
        "<p>Majoritatea cererilor pot fi depuse online, la orice oră, fără drum la ghișeu. "
        "Actele emise poartă un cod QR prin care oricine le poate verifica autenticitatea.</p>"
        "<p>Asistentul virtual răspunde non-stop la întrebări despre acte, taxe și program, "
        "iar Centrul de Informare pentru Cetățeni vă așteaptă în Piața Avram Iancu nr. 10.</p>",
        "<p>Most requests can be submitted online, at any hour, without queuing at a counter. "
        "The documents we issue carry a QR code that anyone can use to check they are genuine.</p>"
        "<p>The virtual assistant answers questions about documents, fees and opening hours day and "
        "night, and the Citizens' Information Centre welcomes you at Piața Avram Iancu 10.</p>",
        "<p>A legtöbb kérelem online, bármikor benyújtható, sorban állás nélkül. A kiállított "
        "iratokon QR-kód található, amellyel bárki ellenőrizheti azok hitelességét.</p>"
        "<p>A virtuális asszisztens éjjel-nappal válaszol az iratokkal, illetékekkel és "
        "nyitvatartással kapcsolatos kérdésekre, az Ügyféltájékoztató Iroda pedig az Avram Iancu "
        "tér 10. szám alatt várja Önt.</p>",
    ),
)

SERVICE_INDEX = IndexData(
    slug="servicii",
    title=Text("Servicii", "Services", "Szolgáltatások"),
    intro=Text(
        "<p>Catalogul serviciilor Primăriei Arad: ce acte sunt necesare, cât costă, în cât timp se "
        "rezolvă și unde mergeți. Multe cereri pot fi trimise direct de aici.</p>",
        "<p>The catalogue of Arad City Hall's services: which documents you need, what it costs, "
        "how long it takes and where to go. Many requests can be sent straight from here.</p>",
        "<p>Az Aradi Polgármesteri Hivatal szolgáltatásai: milyen iratok szükségesek, mennyibe "
        "kerül, mennyi ideig tart az ügyintézés és hová kell menni. Számos kérelem innen is "
        "beküldhető.</p>",
    ),
)

DEPARTMENT_INDEX = IndexData(
    slug="directii",
    title=Text("Direcții", "Departments", "Osztályok"),
    intro=Text(
        "<p>Programul cu publicul, datele de contact și adresa fiecărei direcții a primăriei.</p>",
        "<p>Opening hours, contact details and address of each City Hall department.</p>",
        "<p>A hivatal osztályainak ügyfélfogadási ideje, elérhetőségei és címe.</p>",
    ),
)

NEWS_INDEX = IndexData(
    slug="noutati",
    title=Text("Noutăți", "News", "Hírek"),
    intro=Text(
        "<p>Anunțuri, schimbări de program și proiecte ale Primăriei Arad.</p>",
        "<p>Announcements, changes to opening hours and projects of Arad City Hall.</p>",
        "<p>Az Aradi Polgármesteri Hivatal közleményei, nyitvatartási változásai és projektjei.</p>",
    ),
)

CONTACT = ContactData(
    slug="contact",
    title=Text("Contact", "Contact", "Kapcsolat"),
    intro=Text(
        "<p>Registratura generală este deschisă luni–joi între 08:30 și 16:30 (marți până la "
        "18:30) și vineri între 08:30 și 13:30.</p><p>Ne puteți scrie și prin formularul de mai "
        "jos; răspundem în cel mult 30 de zile, conform legii privind petițiile (OG 27/2002).</p>",
        "<p>The central registry is open Monday to Thursday from 08:30 to 16:30 (Tuesday until "
        "18:30) and Friday from 08:30 to 13:30.</p><p>You can also write to us using the form "
        "below; we reply within 30 days, as the law on petitions (GO 27/2002) requires.</p>",
        "<p>Az általános iktató hétfőtől csütörtökig 08:30 és 16:30 között (kedden 18:30-ig), "
        "pénteken 08:30 és 13:30 között tart nyitva.</p><p>Az alábbi űrlapon is írhat nekünk; a "
        "petíciókról szóló jogszabály (27/2002. sz. kormányrendelet) szerint legfeljebb 30 napon "
        "belül válaszolunk.</p>",
    ),
    address="Piața Avram Iancu nr. 10, 310131 Arad",
    phone="+40 257 281 850",
    email="contact@primariaarad.example",
    thank_you_text=Text(
        "<p>Vă mulțumim! Mesajul dumneavoastră a fost înregistrat; vă răspundem în cel mult 30 de zile.</p>",
        "<p>Thank you! Your message has been registered; we will reply within 30 days.</p>",
        "<p>Köszönjük! Üzenetét iktattuk, legfeljebb 30 napon belül válaszolunk.</p>",
    ),
    subject=Text(
        "Mesaj nou prin formularul de contact",
        "New message from the contact form",
        "Új üzenet a kapcsolatfelvételi űrlapról",
    ),
    form_fields=(NAME, EMAIL, MESSAGE),
)

# Sent with every online service request and shown once it is registered.
SERVICE_THANK_YOU = Text(
    "<p>Cererea dumneavoastră a fost înregistrată. Un funcționar al direcției vă va scrie pe e-mail "
    "numărul de înregistrare și pașii următori.</p>",
    "<p>Your request has been registered. An officer of the department will e-mail you its "
    "registration number and the next steps.</p>",
    "<p>Kérelmét iktattuk. Az osztály ügyintézője e-mailben elküldi Önnek az iktatószámot és a "
    "további teendőket.</p>",
)
SERVICE_SUBJECT = Text("Cerere online", "Online request", "Online kérelem")
FROM_ADDRESS = "portal@primariaarad.example"

__all__ = [
    "CONTACT",
    "DEPARTMENTS",
    "DEPARTMENT_INDEX",
    "FROM_ADDRESS",
    "HOME",
    "NEWS",
    "NEWS_INDEX",
    "SERVICES",
    "SERVICE_INDEX",
    "SERVICE_SUBJECT",
    "SERVICE_THANK_YOU",
]
