"""Demo services for using public space: residents' parking, street trading, events."""

from __future__ import annotations

from decimal import Decimal

from ..common import (
    APPLICATION_FORM,
    CONTACT_FIELDS,
    DETAILS,
    HOME_ADDRESS,
    PLATE,
    POLICE_DESK,
    PROPERTY_DESK,
)
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="abonament-parcare-rezidentiala",
        title=Text(
            "Abonament de parcare rezidențială",
            "Residential parking permit",
            "Lakossági parkolási bérlet",
        ),
        summary=Text(
            "Abonamentul anual vă dă dreptul să parcați în parcările de reședință din cartierul în "
            "care locuiți. Se acordă un singur abonament pe locuință, pentru un autoturism.",
            "The annual permit lets you park in the residents' car parks of the neighbourhood where "
            "you live. One permit is issued per home, for one car.",
            "Az éves bérlet feljogosít a lakóhelye szerinti városrész lakossági parkolóinak "
            "használatára. Lakásonként egy bérlet adható ki, egy személygépkocsira.",
        ),
        eligibility=Text(
            "<p>Proprietarii sau chiriașii unei locuințe din Arad care au un autoturism pe numele lor "
            "(sau în leasing ori comodat) și nu au datorii la bugetul local.</p>",
            "<p>Owners or tenants of a home in Arad who have a car in their name (or on lease or "
            "loan) and owe nothing to the local budget.</p>",
            "<p>Aradi lakás tulajdonosai vagy bérlői, akiknek saját nevükön (vagy lízingben, "
            "haszonkölcsönben) van személygépkocsijuk, és nincs helyiadó-tartozásuk.</p>",
        ),
        department="patrimoniu",
        where_to_go=PROPERTY_DESK,
        processing_days=15,
        documents=(
            DocumentData(
                Text(
                    "Act de identitate cu domiciliul în cartierul solicitat",
                    "Identity document showing an address in the neighbourhood applied for",
                    "Személyazonosító igazolvány a kért városrészbeli lakcímmel",
                )
            ),
            DocumentData(
                Text(
                    "Certificatul de înmatriculare al autoturismului",
                    "The car's registration certificate",
                    "A gépkocsi forgalmi engedélye",
                )
            ),
            DocumentData(
                Text(
                    "Contractul de leasing sau de comodat",
                    "Lease or loan agreement",
                    "Lízing- vagy haszonkölcsön-szerződés",
                ),
                Text(
                    "dacă mașina nu este pe numele dumneavoastră",
                    "if the car is not registered in your name",
                    "ha a gépkocsi nem az Ön nevén van",
                ),
            ),
            DocumentData(
                Text("Certificat de atestare fiscală", "Tax clearance certificate", "Helyi adóigazolás"),
                Text("fără datorii", "showing no debts", "tartozásmentességről"),
            ),
        ),
        fees=(
            FeeData(Text("Abonament anual", "Annual permit", "Éves bérlet"), Decimal("120.00")),
            FeeData(
                Text(
                    "Înlocuirea unui abonament pierdut",
                    "Replacing a lost permit",
                    "Elveszett bérlet pótlása",
                ),
                Decimal("20.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Îmi este garantat un loc de parcare?",
                    "Am I guaranteed a parking space?",
                    "Garantált a parkolóhely?",
                ),
                Text(
                    "<p>Nu. Abonamentul vă permite să parcați în parcările de reședință din cartier, "
                    "fără un loc anume. Locurile nominale se atribuie separat, prin licitație.</p>",
                    "<p>No. The permit lets you park in the neighbourhood's residents' car parks, "
                    "without a reserved space. Named spaces are allocated separately, by auction.</p>",
                    "<p>Nem. A bérlet a városrész lakossági parkolóinak használatára jogosít, kijelölt "
                    "hely nélkül. A névre szóló helyeket külön, árverésen osztják ki.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            HOME_ADDRESS,
            PLATE,
            FormFieldData(
                "neighbourhood",
                Text("Cartierul", "Neighbourhood", "Városrész"),
                "dropdown",
                choices=Text(
                    "Centru\nMicălaca\nGai\nPârneava\nAradul Nou",
                    "City centre\nMicălaca\nGai\nPârneava\nAradul Nou",
                    "Belváros\nMikelaka\nGáj\nPernyáva\nÚjarad",
                ),
            ),
        ),
    ),
    ServiceData(
        slug="acord-comert-stradal",
        title=Text("Acord pentru comerț stradal", "Street trading permit", "Közterületi árusítási engedély"),
        summary=Text(
            "Acordul permite vânzarea de produse sau prestarea de servicii pe domeniul public "
            "(tarabe, chioșcuri sezoniere, terase) pe un amplasament aprobat și pentru o perioadă "
            "stabilită.",
            "The permit allows you to sell goods or offer services on public land (stalls, "
            "seasonal kiosks, pavement cafés) at an approved spot for a set period.",
            "Az engedély lehetővé teszi áruk értékesítését vagy szolgáltatások nyújtását "
            "közterületen (standok, idényjellegű pavilonok, teraszok) jóváhagyott helyen, "
            "meghatározott ideig.",
        ),
        eligibility=Text(
            "<p>Persoanele fizice autorizate, întreprinderile individuale și firmele înregistrate "
            "la Registrul Comerțului pentru activitatea respectivă.</p>",
            "<p>Sole traders and companies registered with the Trade Register for the activity "
            "concerned.</p>",
            "<p>Az adott tevékenységre a cégjegyzékbe bejegyzett egyéni vállalkozók és cégek.</p>",
        ),
        department="patrimoniu",
        where_to_go=PROPERTY_DESK,
        processing_days=30,
        documents=(
            APPLICATION_FORM,
            DocumentData(
                Text(
                    "Certificatul de înregistrare la Registrul Comerțului",
                    "Trade Register certificate",
                    "Cégbejegyzési igazolás",
                ),
                Text("copie", "copy", "másolat"),
            ),
            DocumentData(
                Text(
                    "Schița amplasamentului, cu suprafața ocupată",
                    "Sketch of the spot, showing the area used",
                    "Helyszínrajz az elfoglalt terület feltüntetésével",
                )
            ),
            DocumentData(
                Text(
                    "Înregistrarea sanitar-veterinară (DSVSA)",
                    "Food safety registration (DSVSA)",
                    "Állategészségügyi és élelmiszer-biztonsági nyilvántartásba vétel (DSVSA)",
                ),
                Text("doar pentru alimente", "food only", "csak élelmiszer esetén"),
            ),
        ),
        fees=(
            FeeData(
                Text("Eliberarea acordului", "Issuing the permit", "Az engedély kiállítása"), Decimal("50.00")
            ),
            FeeData(
                Text(
                    "Ocuparea domeniului public, pe m² și zi",
                    "Use of public land, per m² per day",
                    "Közterület-használati díj, m²-enként és naponta",
                ),
                Decimal("2.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Pot vinde oriunde în oraș?",
                    "Can I trade anywhere in the city?",
                    "Bárhol árusíthatok a városban?",
                ),
                Text(
                    "<p>Nu. Comerțul stradal este permis doar pe amplasamentele aprobate de Consiliul "
                    "Local, pe care le găsiți pe harta interactivă a orașului.</p>",
                    "<p>No. Street trading is only allowed at the spots approved by the City Council, "
                    "which you can find on the city's interactive map.</p>",
                    "<p>Nem. Közterületen csak a helyi tanács által jóváhagyott helyeken lehet "
                    "árusítani; ezeket a város interaktív térképén találja.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "company",
                Text("Denumirea firmei și CUI", "Company name and tax ID (CUI)", "Cégnév és adószám (CUI)"),
            ),
            FormFieldData("requested_spot", Text("Amplasamentul dorit", "Requested spot", "Kért helyszín")),
            FormFieldData("start_date", Text("Data de început", "Start date", "Kezdő dátum"), "date"),
            FormFieldData("end_date", Text("Data de sfârșit", "End date", "Záró dátum"), "date"),
            DETAILS,
        ),
    ),
    ServiceData(
        slug="avizare-eveniment-public",
        title=Text(
            "Avizarea unui eveniment public",
            "Approval of a public event",
            "Közterületi rendezvény engedélyezése",
        ),
        summary=Text(
            "Concertele, târgurile, marșurile și alte manifestări în spații publice se declară la "
            "primărie și sunt analizate de comisia de avizare, din care fac parte Poliția Locală, "
            "Poliția și Jandarmeria.",
            "Concerts, fairs, marches and other gatherings in public spaces must be declared to "
            "City Hall and are reviewed by the approval committee, which includes the Local Police, "
            "the Police and the Gendarmerie.",
            "A közterületi koncerteket, vásárokat, felvonulásokat és más rendezvényeket be kell "
            "jelenteni a hivatalnál; ezeket a véleményező bizottság vizsgálja, amelynek tagja a "
            "Helyi Rendőrség, a Rendőrség és a Csendőrség.",
        ),
        eligibility=Text(
            "<p>Organizatorii, persoane fizice sau juridice. Declarația se depune cu cel puțin "
            "3 zile înainte de eveniment (Legea nr. 60/1991); pentru evenimentele cu scenă sau cu "
            "peste 500 de participanți vă recomandăm cel puțin 15 zile.</p>",
            "<p>Organisers, whether people or companies. The declaration must be made at least "
            "3 days before the event (Law 60/1991); for events with a stage or over 500 people we "
            "recommend at least 15 days.</p>",
            "<p>A szervezők (természetes vagy jogi személyek). A bejelentést legalább 3 nappal a "
            "rendezvény előtt kell megtenni (1991. évi 60. törvény); színpados vagy 500 főnél "
            "nagyobb rendezvény esetén legalább 15 nappal korábban javasoljuk.</p>",
        ),
        department="politia-locala",
        where_to_go=POLICE_DESK,
        processing_days=3,
        documents=(
            DocumentData(
                Text("Declarație prealabilă", "Prior declaration", "Előzetes bejelentés"),
                Text(
                    "formular tip, semnat de organizator",
                    "standard form signed by the organiser",
                    "formanyomtatvány, a szervező aláírásával",
                ),
            ),
            DocumentData(
                Text(
                    "Programul și traseul sau planul amplasamentului",
                    "Programme and route or site plan",
                    "Program és útvonal vagy helyszínrajz",
                )
            ),
            DocumentData(
                Text(
                    "Contractul cu o firmă de pază sau măsurile proprii de ordine",
                    "Contract with a security firm or your own stewarding plan",
                    "Biztonsági céggel kötött szerződés vagy saját rendezői terv",
                )
            ),
            DocumentData(
                Text(
                    "Avizul ISU",
                    "Fire and rescue service (ISU) approval",
                    "Katasztrófavédelmi (ISU) engedély",
                ),
                Text(
                    "pentru scene, tribune sau alte structuri temporare",
                    "for stages, stands or other temporary structures",
                    "színpad, lelátó vagy más ideiglenes építmény esetén",
                ),
            ),
        ),
        fees=(
            FeeData(
                Text("Avizarea evenimentului", "Approving the event", "A rendezvény engedélyezése"),
                Decimal("0.00"),
            ),
            FeeData(
                Text(
                    "Ocuparea domeniului public pentru evenimente comerciale, pe m² și zi",
                    "Use of public land for commercial events, per m² per day",
                    "Közterület-használat kereskedelmi rendezvényekhez, m²-enként és naponta",
                ),
                Decimal("1.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Am nevoie de aviz pentru o petrecere în curtea casei?",
                    "Do I need approval for a party in my garden?",
                    "Kell engedély egy kerti bulihoz?",
                ),
                Text(
                    "<p>Nu. Avizul este necesar doar pentru evenimentele din spații publice: piețe, "
                    "parcuri, străzi sau faleza Mureșului. Respectați însă orele de liniște.</p>",
                    "<p>No. Approval is only needed for events in public spaces: squares, parks, "
                    "streets or the Mureș riverside. Please respect the quiet hours, though.</p>",
                    "<p>Nem. Engedély csak közterületi rendezvényhez kell: terek, parkok, utcák vagy "
                    "a Maros-part. A csendes órákat azonban tartsa be.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "event_name", Text("Denumirea evenimentului", "Name of the event", "A rendezvény neve")
            ),
            FormFieldData(
                "event_date", Text("Data evenimentului", "Date of the event", "A rendezvény dátuma"), "date"
            ),
            FormFieldData("event_place", Text("Locul desfășurării", "Place", "Helyszín")),
            FormFieldData(
                "participants",
                Text(
                    "Număr estimat de participanți",
                    "Expected number of people",
                    "Várható résztvevők száma",
                ),
                "number",
            ),
            DETAILS,
        ),
    ),
)
