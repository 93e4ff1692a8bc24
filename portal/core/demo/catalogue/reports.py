"""Demo services for writing to City Hall: petitions and reports to the Local Police."""

from __future__ import annotations

from decimal import Decimal

from ..common import CONTACT_FIELDS, POLICE_DESK
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="petitie",
        title=Text(
            "Petiție adresată primăriei",
            "Petition to City Hall",
            "Petíció a polgármesteri hivatalhoz",
        ),
        summary=Text(
            "Orice cerere, reclamație sau propunere adresată primăriei primește un număr de "
            "înregistrare și un răspuns scris în cel mult 30 de zile.",
            "Any request, complaint or proposal addressed to City Hall gets a registration number "
            "and a written reply within 30 days.",
            "A hivatalhoz intézett minden kérelem, panasz vagy javaslat iktatószámot és legfeljebb "
            "30 napon belül írásos választ kap.",
        ),
        eligibility=Text(
            "<p>Orice persoană, organizație sau asociație. Petițiile anonime nu primesc răspuns.</p>",
            "<p>Any person, organisation or association. Anonymous petitions get no reply.</p>",
            "<p>Bármely személy, szervezet vagy egyesület. A névtelen petíciókra nem válaszolunk.</p>",
        ),
        department="registratura",
        where_to_go=Text(
            "Registratura generală, Piața Avram Iancu nr. 10, parter",
            "Central registry, Piața Avram Iancu 10, ground floor",
            "Általános iktató, Piața Avram Iancu 10., földszint",
        ),
        processing_days=30,
        documents=(
            DocumentData(
                Text(
                    "Petiția, cu datele de contact",
                    "Your petition with your contact details",
                    "A petíció az elérhetőségeivel",
                ),
                Text("nume, adresă și semnătură", "name, address and signature", "név, cím és aláírás"),
            ),
            DocumentData(
                Text("Documente doveditoare", "Supporting documents", "Alátámasztó iratok"),
                Text("opțional", "optional", "nem kötelező"),
            ),
        ),
        fees=(
            FeeData(
                Text("Depunerea petiției", "Submitting a petition", "A petíció benyújtása"), Decimal("0.00")
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Ce fac dacă nu primesc răspuns în 30 de zile?",
                    "What if I get no reply within 30 days?",
                    "Mit tegyek, ha 30 napon belül nem kapok választ?",
                ),
                Text(
                    "<p>Sunați la Registratură, la +40 257 281 850, cu numărul de înregistrare. În "
                    "cazurile complexe termenul se poate prelungi cu cel mult 15 zile; veți fi "
                    "anunțat în scris.</p>",
                    "<p>Call the registry on +40 257 281 850, quoting your registration number. In "
                    "complex cases the deadline may be extended by up to 15 days, and you will be "
                    "told in writing.</p>",
                    "<p>Hívja az iktatót a +40 257 281 850-es számon, és adja meg az iktatószámot. "
                    "Összetett ügyekben a határidő legfeljebb 15 nappal meghosszabbítható, erről "
                    "írásban értesítjük.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData("subject", Text("Subiectul petiției", "Subject", "A petíció tárgya")),
            FormFieldData(
                "message",
                Text(
                    "Textul petiției",
                    "Your petition",
                    "A petíció szövege",
                ),
                "multiline",
            ),
        ),
    ),
    ServiceData(
        slug="sesizare-politia-locala",
        title=Text(
            "Sesizare către Poliția Locală", "Report to the Local Police", "Bejelentés a Helyi Rendőrségnek"
        ),
        summary=Text(
            "Semnalați mașini parcate neregulamentar, zgomot, deșeuri abandonate, construcții fără "
            "autorizație sau trotuare ocupate. Un agent verifică situația și vă comunică rezultatul.",
            "Report illegally parked cars, noise, fly-tipping, building works without a permit or "
            "blocked pavements. An officer checks the situation and tells you the outcome.",
            "Jelezze a szabálytalanul parkoló autókat, a zajt, az illegálisan lerakott hulladékot, "
            "az engedély nélküli építkezést vagy az elfoglalt járdát. Egy rendőr ellenőrzi a "
            "helyzetet, és tájékoztatja az eredményről.",
        ),
        eligibility=Text(
            "<p>Oricine. Pentru urgențe (accidente, violență, incendii) sunați la 112.</p>",
            "<p>Anyone. For emergencies (accidents, violence, fires) call 112.</p>",
            "<p>Bárki. Vészhelyzetben (baleset, erőszak, tűz) hívja a 112-t.</p>",
        ),
        department="politia-locala",
        where_to_go=POLICE_DESK,
        processing_days=30,
        documents=(
            DocumentData(
                Text(
                    "Descrierea situației și adresa exactă",
                    "Description of the problem and the exact address",
                    "A probléma leírása és a pontos cím",
                )
            ),
            DocumentData(
                Text("Fotografii", "Photos", "Fényképek"),
                Text(
                    "opțional, ca răspuns la e-mailul de confirmare",
                    "optional, in reply to the confirmation e-mail",
                    "nem kötelező, a visszaigazoló e-mailre válaszolva",
                ),
            ),
        ),
        fees=(),
        faq=(
            FAQData(
                Text(
                    "Pot face o sesizare anonimă?",
                    "Can I report anonymously?",
                    "Tehetek névtelen bejelentést?",
                ),
                Text(
                    "<p>Sesizările anonime nu primesc răspuns scris, dar dispeceratul verifică "
                    "situațiile urgente semnalate la +40 257 281 899.</p>",
                    "<p>Anonymous reports get no written reply, but the control room does check "
                    "urgent situations reported on +40 257 281 899.</p>",
                    "<p>A névtelen bejelentésekre nem küldünk írásos választ, de a "
                    "+40 257 281 899-es számon jelzett sürgős eseteket a diszpécserszolgálat "
                    "ellenőrzi.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "category",
                Text("Tipul problemei", "Type of problem", "A probléma típusa"),
                "dropdown",
                choices=Text(
                    "Parcare neregulamentară\nZgomot\nDeșeuri abandonate\nConstrucție neautorizată\n"
                    "Trotuar ocupat\nAltceva",
                    "Illegal parking\nNoise\nFly-tipping\nBuilding works without a permit\n"
                    "Blocked pavement\nSomething else",
                    "Szabálytalan parkolás\nZaj\nIllegális hulladéklerakás\nEngedély nélküli "
                    "építkezés\nElfoglalt járda\nEgyéb",
                ),
            ),
            FormFieldData("place", Text("Adresa sau locul", "Address or place", "Cím vagy helyszín")),
            FormFieldData(
                "message",
                Text("Descrierea situației", "What is happening", "A helyzet leírása"),
                "multiline",
            ),
        ),
    ),
)
