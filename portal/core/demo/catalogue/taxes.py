"""Demo services of the Local Tax Directorate."""

from __future__ import annotations

from decimal import Decimal

from ..common import ADDRESS, APPLICATION_FORM, CONTACT_FIELDS, DETAILS, ID_DOCUMENT, TAX_DESK
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="plata-impozitului-pe-cladiri",
        title=Text("Plata impozitului pe clădiri", "Paying the building tax", "Az épületadó befizetése"),
        summary=Text(
            "Impozitul anual pe clădiri se plătește în două rate egale, până la 31 martie și până la "
            "30 septembrie. Dacă achitați integral până la 31 martie, primiți o bonificație de 10%.",
            "The annual building tax is paid in two equal instalments, by 31 March and by "
            "30 September. If you pay the full amount by 31 March you get a 10% discount.",
            "Az éves épületadót két egyenlő részletben kell megfizetni, március 31-ig és "
            "szeptember 30-ig. Aki március 31-ig a teljes összeget befizeti, 10% kedvezményt kap.",
        ),
        eligibility=Text(
            "<p>Proprietarii de clădiri din municipiul Arad. Puteți plăti și pentru altă persoană, "
            "dacă știți numărul de rol fiscal.</p>",
            "<p>Owners of buildings in Arad. You can also pay for someone else if you know their "
            "tax account number.</p>",
            "<p>Aradi épületek tulajdonosai. Más személy helyett is fizethet, ha ismeri az "
            "adószámlája számát.</p>",
        ),
        department="directia-fiscala",
        where_to_go=TAX_DESK,
        processing_days=None,
        documents=(
            ID_DOCUMENT,
            DocumentData(
                Text(
                    "Înștiințarea de plată sau numărul de rol fiscal",
                    "The tax notice or your tax account number",
                    "Az adófizetési értesítő vagy az adószámla száma",
                ),
                Text(
                    "opțional, grăbește căutarea",
                    "optional, makes it quicker",
                    "nem kötelező, de gyorsítja az ügyintézést",
                ),
            ),
        ),
        fees=(
            FeeData(
                Text(
                    "Plată online prin ghiseul.ro (fără comision)",
                    "Online payment via ghiseul.ro (no commission)",
                    "Online fizetés a ghiseul.ro oldalon (jutalék nélkül)",
                ),
                Decimal("0.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Ce se întâmplă dacă plătesc după termen?",
                    "What if I pay late?",
                    "Mi történik, ha késve fizetek?",
                ),
                Text(
                    "<p>Pentru fiecare lună sau fracțiune de lună de întârziere se adaugă majorări de "
                    "1% din suma restantă.</p>",
                    "<p>A surcharge of 1% of the amount due is added for each month or part of a "
                    "month of delay.</p>",
                    "<p>Minden megkezdett késedelmes hónap után a hátralék 1%-ának megfelelő "
                    "késedelmi pótlék jár.</p>",
                ),
            ),
            FAQData(
                Text(
                    "Cum aflu cât am de plată?",
                    "How do I find out how much I owe?",
                    "Honnan tudom meg, mennyit kell fizetnem?",
                ),
                Text(
                    "<p>Din înștiințarea de plată primită prin poștă, din contul dumneavoastră de pe "
                    "ghiseul.ro sau cerând situația prin formularul de mai jos.</p>",
                    "<p>From the tax notice sent by post, from your account on ghiseul.ro, or by "
                    "asking for a statement with the form below.</p>",
                    "<p>A postán kapott adófizetési értesítőből, a ghiseul.ro fiókjából, vagy ha az "
                    "alábbi űrlapon kimutatást kér.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            ADDRESS,
            FormFieldData(
                "tax_account",
                Text("Număr de rol fiscal", "Tax account number", "Adószámla száma"),
                required=False,
            ),
            DETAILS,
        ),
    ),
    ServiceData(
        slug="declararea-unui-vehicul",
        title=Text(
            "Înregistrarea unui vehicul în evidența fiscală",
            "Registering a vehicle for local tax",
            "Jármű bejelentése a helyi adónyilvántartásba",
        ),
        summary=Text(
            "După ce cumpărați un autoturism, o motocicletă sau o remorcă, o declarați la Direcția "
            "Fiscală Locală în cel mult 30 de zile, pentru stabilirea impozitului. Tot aici scoateți "
            "vehiculul din evidență după vânzare.",
            "After buying a car, motorcycle or trailer, declare it to the Local Tax Directorate "
            "within 30 days so the tax can be assessed. The same office removes it from the records "
            "after you sell it.",
            "Személygépkocsi, motorkerékpár vagy pótkocsi vásárlása után a járművet 30 napon belül "
            "be kell jelenteni a Helyi Adóigazgatóságon az adó megállapítása végett. Eladás után "
            "ugyanitt lehet kivezetni a nyilvántartásból.",
        ),
        eligibility=Text(
            "<p>Persoanele cu domiciliul și firmele cu sediul în Arad care cumpără sau vând un vehicul.</p>",
            "<p>People living in Arad and companies based in Arad that buy or sell a vehicle.</p>",
            "<p>Aradi lakosok és aradi székhelyű cégek, amelyek járművet vásárolnak vagy eladnak.</p>",
        ),
        department="directia-fiscala",
        where_to_go=TAX_DESK,
        processing_days=1,
        documents=(
            DocumentData(
                Text(
                    "Declarație fiscală (formularul ITL 005)",
                    "Tax return (form ITL 005)",
                    "Adóbevallás (ITL 005-ös nyomtatvány)",
                )
            ),
            DocumentData(
                Text(
                    "Contractul de vânzare-cumpărare sau factura",
                    "Sale contract or invoice",
                    "Adásvételi szerződés vagy számla",
                ),
                Text("original și copie", "original and copy", "eredeti és másolat"),
            ),
            DocumentData(
                Text(
                    "Cartea de identitate a vehiculului",
                    "Vehicle identity card",
                    "A jármű törzskönyve",
                ),
                Text("copie", "copy", "másolat"),
            ),
            ID_DOCUMENT,
        ),
        fees=(
            FeeData(
                Text(
                    "Înregistrarea în evidența fiscală",
                    "Registration for local tax",
                    "Adónyilvántartásba vétel",
                ),
                Decimal("0.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Ce fac după ce am vândut mașina?",
                    "What do I do after selling my car?",
                    "Mi a teendőm, miután eladtam az autómat?",
                ),
                Text(
                    "<p>Depuneți în 30 de zile o declarație de scoatere din evidență, împreună cu "
                    "contractul de vânzare. Impozitul nu se mai datorează din luna următoare "
                    "vânzării.</p>",
                    "<p>Within 30 days, hand in a deregistration form together with the sale "
                    "contract. The tax stops from the month after the sale.</p>",
                    "<p>30 napon belül nyújtson be kivezetési nyilatkozatot az adásvételi "
                    "szerződéssel együtt. Az eladást követő hónaptól már nem kell adót fizetni.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "plate",
                Text("Număr de înmatriculare", "Registration number", "Rendszám"),
                required=False,
            ),
            FormFieldData("vin", Text("Serie de șasiu (VIN)", "Chassis number (VIN)", "Alvázszám (VIN)")),
            FormFieldData(
                "acquired_on",
                Text("Data cumpărării", "Date of purchase", "A vásárlás dátuma"),
                "date",
            ),
            DETAILS,
        ),
    ),
    ServiceData(
        slug="certificat-de-atestare-fiscala",
        title=Text("Certificat de atestare fiscală", "Tax clearance certificate", "Helyi adóigazolás"),
        summary=Text(
            "Arată dacă aveți datorii la bugetul local. Îl cer notarii la vânzarea unei locuințe sau "
            "a unei mașini și este necesar și pentru licitații sau unele beneficii sociale.",
            "Shows whether you owe anything to the local budget. Notaries ask for it when a home or "
            "a car is sold, and it is also needed for tenders and some social benefits.",
            "Igazolja, hogy van-e tartozása a helyi költségvetés felé. A közjegyzők lakás vagy autó "
            "eladásakor kérik, de közbeszerzésekhez és egyes szociális juttatásokhoz is szükséges.",
        ),
        eligibility=Text(
            "<p>Contribuabilul, persoană fizică sau juridică, ori un împuternicit al acestuia.</p>",
            "<p>The taxpayer, whether a person or a company, or their authorised representative.</p>",
            "<p>Az adózó (természetes vagy jogi személy) vagy annak meghatalmazottja.</p>",
        ),
        department="directia-fiscala",
        where_to_go=TAX_DESK,
        processing_days=2,
        documents=(
            APPLICATION_FORM,
            ID_DOCUMENT,
            DocumentData(
                Text("Procură notarială", "Notarised power of attorney", "Közjegyzői meghatalmazás"),
                Text(
                    "doar dacă cererea este depusă de altă persoană",
                    "only if someone else applies for you",
                    "csak ha más nyújtja be a kérelmet",
                ),
            ),
        ),
        fees=(
            FeeData(
                Text("Eliberarea certificatului", "Issuing the certificate", "Az igazolás kiállítása"),
                Decimal("0.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Cât timp este valabil certificatul?",
                    "How long is the certificate valid?",
                    "Meddig érvényes az igazolás?",
                ),
                Text(
                    "<p>30 de zile de la emitere, pentru persoanele fizice.</p>",
                    "<p>30 days from issue, for private individuals.</p>",
                    "<p>Magánszemélyek esetén a kiállítástól számított 30 napig.</p>",
                ),
            ),
            FAQData(
                Text("Îl pot primi pe e-mail?", "Can I receive it by e-mail?", "Megkaphatom e-mailben?"),
                Text(
                    "<p>Da. Cerut online, certificatul vine semnat electronic și cu un cod QR pe care "
                    "notarul îl poate verifica imediat.</p>",
                    "<p>Yes. When requested online, the certificate is signed electronically and "
                    "carries a QR code the notary can check at once.</p>",
                    "<p>Igen. Online igényléskor az igazolást elektronikusan aláírva, QR-kóddal "
                    "kapja meg, amelyet a közjegyző azonnal ellenőrizhet.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "purpose",
                Text("Scopul certificatului", "Purpose of the certificate", "Az igazolás célja"),
                "dropdown",
                choices=Text(
                    "Vânzare imobil\nVânzare vehicul\nDosar social\nAlt scop",
                    "Selling a property\nSelling a vehicle\nSocial benefit application\nOther purpose",
                    "Ingatlan eladása\nJármű eladása\nSzociális kérelem\nEgyéb cél",
                ),
            ),
            DETAILS,
        ),
    ),
)
