"""Demo services of the Chief Architect's Directorate: planning certificates and permits."""

from __future__ import annotations

from decimal import Decimal

from ..common import ADDRESS, CONTACT_FIELDS, DETAILS, URBANISM_DESK
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="certificat-de-urbanism",
        title=Text("Certificat de urbanism", "Urban planning certificate", "Településrendezési bizonyítvány"),
        summary=Text(
            "Actul care arată regimul juridic, economic și tehnic al unui imobil și ce avize sunt "
            "necesare înainte de a construi, de a demola sau de a împărți un teren.",
            "The document that sets out the legal, economic and technical status of a property and "
            "lists the approvals you need before building, demolishing or dividing a plot.",
            "Az okirat, amely rögzíti az ingatlan jogi, gazdasági és műszaki helyzetét, és felsorolja "
            "az építés, bontás vagy telekmegosztás előtt szükséges engedélyeket.",
        ),
        eligibility=Text(
            "<p>Orice persoană fizică sau juridică interesată de un imobil din municipiul Arad; nu "
            "este nevoie să fiți proprietar.</p>",
            "<p>Any person or company with an interest in a property in Arad; you do not need to be "
            "the owner.</p>",
            "<p>Bármely természetes vagy jogi személy, akinek érdeke fűződik egy aradi "
            "ingatlanhoz; nem szükséges tulajdonosnak lennie.</p>",
        ),
        department="urbanism",
        where_to_go=URBANISM_DESK,
        processing_days=30,
        documents=(
            DocumentData(
                Text(
                    "Cerere tip (formularul F.1), completată și semnată",
                    "Standard application form (form F.1), filled in and signed",
                    "F.1-es formanyomtatvány, kitöltve és aláírva",
                )
            ),
            DocumentData(
                Text(
                    "Plan de încadrare în zonă, scara 1:5000",
                    "Location plan, scale 1:5000",
                    "Áttekintő helyszínrajz, 1:5000 méretarányban",
                ),
                Text("2 exemplare", "2 copies", "2 példányban"),
            ),
            DocumentData(
                Text(
                    "Plan de situație, scara 1:500, vizat de OCPI",
                    "Site plan, scale 1:500, endorsed by the Cadastre Office (OCPI)",
                    "Helyszínrajz, 1:500 méretarányban, a kataszteri hivatal (OCPI) láttamozásával",
                )
            ),
            DocumentData(
                Text(
                    "Extras de carte funciară pentru informare",
                    "Land register extract for information",
                    "Tájékoztató telekkönyvi kivonat",
                ),
                Text(
                    "emis cu cel mult 30 de zile în urmă",
                    "issued no more than 30 days ago",
                    "30 napnál nem régebbi",
                ),
            ),
            DocumentData(
                Text(
                    "Dovada plății taxei",
                    "Proof of payment of the fee",
                    "Az illeték befizetésének igazolása",
                )
            ),
        ),
        fees=(
            FeeData(Text("Teren de până la 150 m²", "Plot of up to 150 m²", "150 m²-ig"), Decimal("6.00")),
            FeeData(
                Text("Teren între 151 și 250 m²", "Plot of 151–250 m²", "151–250 m² között"), Decimal("7.00")
            ),
            FeeData(
                Text("Teren între 251 și 500 m²", "Plot of 251–500 m²", "251–500 m² között"), Decimal("9.00")
            ),
            FeeData(
                Text("Teren între 501 și 750 m²", "Plot of 501–750 m²", "501–750 m² között"), Decimal("12.00")
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Cât timp este valabil certificatul de urbanism?",
                    "How long is an urban planning certificate valid?",
                    "Meddig érvényes a településrendezési bizonyítvány?",
                ),
                Text(
                    "<p>Între 6 și 24 de luni, cum scrie în certificat. Poate fi prelungit o singură "
                    "dată, cu cel mult 12 luni, dacă cereți prelungirea cu cel puțin 15 zile înainte "
                    "de expirare.</p>",
                    "<p>Between 6 and 24 months, as stated on the certificate. It can be extended "
                    "once, by up to 12 months, if you apply at least 15 days before it expires.</p>",
                    "<p>6 és 24 hónap között, a bizonyítványban feltüntetett ideig. Egyszer, "
                    "legfeljebb 12 hónappal meghosszabbítható, ha a kérelmet legalább 15 nappal a "
                    "lejárat előtt benyújtja.</p>",
                ),
            ),
            FAQData(
                Text(
                    "Am nevoie de certificat de urbanism ca să vând un teren?",
                    "Do I need an urban planning certificate to sell a plot?",
                    "Szükség van településrendezési bizonyítványra egy telek eladásához?",
                ),
                Text(
                    "<p>Pentru o vânzare simplă, nu. Este necesar însă pentru alipirea sau "
                    "dezmembrarea terenurilor, cu scopul menționat în cerere.</p>",
                    "<p>Not for a simple sale. You do need one to merge or divide plots, with that "
                    "purpose stated in the application.</p>",
                    "<p>Egyszerű eladáshoz nem. Telkek egyesítéséhez vagy megosztásához azonban "
                    "szükséges, a kérelemben megjelölt céllal.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            ADDRESS,
            FormFieldData(
                "cadastral_number",
                Text(
                    "Număr cadastral sau de carte funciară",
                    "Cadastral or land register number",
                    "Helyrajzi vagy telekkönyvi szám",
                ),
            ),
            FormFieldData(
                "purpose",
                Text("Scopul solicitării", "Purpose of the request", "A kérelem célja"),
                "dropdown",
                choices=Text(
                    "Construire\nDesființare\nAlipire sau dezmembrare\nInformare",
                    "Building\nDemolition\nMerging or dividing plots\nInformation only",
                    "Építés\nBontás\nTelekegyesítés vagy -megosztás\nTájékozódás",
                ),
            ),
            DETAILS,
        ),
    ),
    ServiceData(
        slug="autorizatie-de-construire",
        title=Text("Autorizație de construire", "Building permit", "Építési engedély"),
        summary=Text(
            "Actul care permite construirea, extinderea, consolidarea sau modificarea unei clădiri, "
            "pe baza documentației tehnice (DTAC) și a avizelor cerute prin certificatul de urbanism.",
            "The permit that allows you to build, extend, strengthen or alter a building, based on "
            "the technical design (DTAC) and the approvals required by the urban planning certificate.",
            "Az engedély, amely lehetővé teszi egy épület megépítését, bővítését, megerősítését vagy "
            "átalakítását a műszaki dokumentáció (DTAC) és a településrendezési bizonyítványban "
            "előírt engedélyek alapján.",
        ),
        eligibility=Text(
            "<p>Proprietarul imobilului sau titularul unui alt drept real (superficie, uzufruct, "
            "concesiune), personal sau prin împuternicit.</p>",
            "<p>The owner of the property or the holder of another real right (building right, "
            "usufruct, concession), in person or through a representative.</p>",
            "<p>Az ingatlan tulajdonosa vagy más dologi jog (felépítményi jog, haszonélvezet, "
            "koncesszió) jogosultja, személyesen vagy meghatalmazott útján.</p>",
        ),
        department="urbanism",
        where_to_go=URBANISM_DESK,
        processing_days=30,
        documents=(
            DocumentData(
                Text(
                    "Cerere tip (formularul F.8)",
                    "Standard application form (form F.8)",
                    "F.8-as formanyomtatvány",
                )
            ),
            DocumentData(
                Text(
                    "Certificatul de urbanism, în copie",
                    "A copy of the urban planning certificate",
                    "A településrendezési bizonyítvány másolata",
                )
            ),
            DocumentData(
                Text(
                    "Extras de carte funciară actualizat",
                    "Up-to-date land register extract",
                    "Friss telekkönyvi kivonat",
                ),
                Text(
                    "care dovedește dreptul de a construi",
                    "proving your right to build",
                    "amely igazolja az építési jogot",
                ),
            ),
            DocumentData(
                Text(
                    "Documentația tehnică pentru autorizarea executării lucrărilor (DTAC)",
                    "Technical design for the permit (DTAC)",
                    "Műszaki engedélyezési dokumentáció (DTAC)",
                ),
                Text(
                    "2 exemplare, semnate de un arhitect cu drept de semnătură",
                    "2 copies, signed by a licensed architect",
                    "2 példányban, aláírási joggal rendelkező építész aláírásával",
                ),
            ),
            DocumentData(
                Text(
                    "Avizele și acordurile cerute prin certificatul de urbanism",
                    "The approvals listed in the urban planning certificate",
                    "A településrendezési bizonyítványban előírt szakhatósági engedélyek",
                )
            ),
        ),
        fees=(
            FeeData(
                Text(
                    "Locuințe: 0,5% din valoarea lucrărilor (exemplu pentru 400.000 lei)",
                    "Homes: 0.5% of the value of the works (example for 400,000 lei)",
                    "Lakóépületek: a munkálatok értékének 0,5%-a (példa 400 000 lejre)",
                ),
                Decimal("2000.00"),
            ),
            FeeData(
                Text(
                    "Alte construcții: 1% din valoarea lucrărilor (exemplu pentru 100.000 lei)",
                    "Other buildings: 1% of the value of the works (example for 100,000 lei)",
                    "Egyéb épületek: a munkálatok értékének 1%-a (példa 100 000 lejre)",
                ),
                Decimal("1000.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Cât timp este valabilă autorizația de construire?",
                    "How long is a building permit valid?",
                    "Meddig érvényes az építési engedély?",
                ),
                Text(
                    "<p>Lucrările trebuie începute în cel mult 12 luni de la emitere. Durata "
                    "execuției este cea stabilită în autorizație, pe baza documentației tehnice.</p>",
                    "<p>Works must start within 12 months of issue. The time allowed for the works "
                    "is set in the permit, based on the technical design.</p>",
                    "<p>A munkálatokat a kiállítástól számított 12 hónapon belül meg kell kezdeni. "
                    "A kivitelezés időtartamát az engedély rögzíti a műszaki dokumentáció "
                    "alapján.</p>",
                ),
            ),
            FAQData(
                Text(
                    "Trebuie să anunț începerea lucrărilor?",
                    "Do I have to report the start of the works?",
                    "Be kell jelentenem a munkálatok megkezdését?",
                ),
                Text(
                    "<p>Da. Anunțați primăria și Inspectoratul de Stat în Construcții înainte de "
                    "începerea lucrărilor, cu formularul primit odată cu autorizația.</p>",
                    "<p>Yes. Notify City Hall and the State Construction Inspectorate before the "
                    "works begin, using the form you receive with the permit.</p>",
                    "<p>Igen. A munkálatok megkezdése előtt értesítse a polgármesteri hivatalt és "
                    "az Állami Építésfelügyeletet az engedéllyel együtt kapott nyomtatványon.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            ADDRESS,
            FormFieldData(
                "certificate_number",
                Text(
                    "Numărul și data certificatului de urbanism",
                    "Number and date of the urban planning certificate",
                    "A településrendezési bizonyítvány száma és kelte",
                ),
            ),
            FormFieldData(
                "works_value",
                Text(
                    "Valoarea estimată a lucrărilor (lei)",
                    "Estimated value of the works (lei)",
                    "A munkálatok becsült értéke (lej)",
                ),
                "number",
            ),
            DETAILS,
        ),
    ),
)
