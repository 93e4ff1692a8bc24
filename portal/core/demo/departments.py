"""Demo departments of Arad City Hall, with contacts, places and opening hours."""

from __future__ import annotations

from .schema import DepartmentData, Hours
from .text import Text

MON_THU = (0, 1, 2, 3)
FRIDAY = (4,)

DEPARTMENTS: tuple[DepartmentData, ...] = (
    DepartmentData(
        slug="registratura",
        title=Text(
            "Registratură și Centrul de Informare pentru Cetățeni",
            "Central Registry and Citizens' Information Centre",
            "Általános Iktató és Ügyféltájékoztató Iroda",
        ),
        summary=Text(
            "Primește și înregistrează cererile, petițiile și corespondența adresate primăriei și "
            "vă îndrumă spre direcția potrivită.",
            "Receives and registers the requests, petitions and letters addressed to City Hall and "
            "points you to the right department.",
            "Átveszi és iktatja a hivatalhoz érkező kérelmeket, petíciókat és leveleket, és "
            "útbaigazít az illetékes osztályhoz.",
        ),
        head="Mirela Bălan",
        email="registratura@primariaarad.example",
        phone="+40 257 281 850",
        address="Piața Avram Iancu nr. 10, 310131 Arad",
        room=Text("Parter, ghișeele 1–6", "Ground floor, counters 1–6", "Földszint, 1–6. ablak"),
        location=(46.1741, 21.3151),
        hours=(
            Hours((0, 2, 3), "08:30", "16:30"),
            Hours(
                (1,),
                "08:30",
                "18:30",
                Text("Program prelungit", "Late opening", "Hosszabbított nyitvatartás"),
            ),
            Hours(FRIDAY, "08:30", "13:30"),
        ),
        body=Text(
            "<p>La Centrul de Informare primiți formulare tip, aflați stadiul unei cereri după "
            "numărul de înregistrare și puteți depune orice document adresat primăriei.</p>",
            "<p>At the Information Centre you can pick up standard forms, check the progress of a "
            "request by its registration number and hand in any document addressed to City "
            "Hall.</p>",
            "<p>Az Ügyféltájékoztató Irodában formanyomtatványokat kaphat, az iktatószám alapján "
            "megtudhatja, hol tart a kérelme, és bármilyen, a hivatalnak szóló iratot "
            "benyújthat.</p>",
        ),
    ),
    DepartmentData(
        slug="directia-fiscala",
        title=Text("Direcția Fiscală Locală", "Local Tax Directorate", "Helyi Adóigazgatóság"),
        summary=Text(
            "Stabilește și încasează impozitele și taxele locale pe clădiri, terenuri și mijloace "
            "de transport și eliberează certificate de atestare fiscală.",
            "Assesses and collects local taxes on buildings, land and vehicles, and issues tax "
            "clearance certificates.",
            "Kiszabja és beszedi az épületek, telkek és járművek utáni helyi adókat, és adóigazolást "
            "állít ki.",
        ),
        head="Daniel Crișan",
        email="taxe@primariaarad.example",
        phone="+40 257 281 861",
        address="Bulevardul Revoluției nr. 81, 310025 Arad",
        room=Text(
            "Parter, ghișeele 7–14 (casierie la ghișeele 12–14)",
            "Ground floor, counters 7–14 (cash desk at counters 12–14)",
            "Földszint, 7–14. ablak (pénztár a 12–14. ablaknál)",
        ),
        location=(46.1762, 21.3193),
        hours=(Hours(MON_THU, "08:00", "16:00"), Hours(FRIDAY, "08:00", "13:00")),
        body=Text(
            "<p>Impozitele pot fi plătite și online, cu cardul, prin ghiseul.ro, fără comision.</p>",
            "<p>Taxes can also be paid online by card through ghiseul.ro, free of charge.</p>",
            "<p>Az adók online, bankkártyával is befizethetők a ghiseul.ro oldalon, díjmentesen.</p>",
        ),
    ),
    DepartmentData(
        slug="urbanism",
        title=Text(
            "Direcția Arhitect-Șef (Urbanism)",
            "Chief Architect's Directorate (Urban Planning)",
            "Főépítészi Igazgatóság (Településrendezés)",
        ),
        summary=Text(
            "Emite certificate de urbanism și autorizații de construire sau de desființare și "
            "gestionează documentațiile de urbanism ale orașului.",
            "Issues urban planning certificates and building or demolition permits, and manages "
            "the city's zoning plans.",
            "Településrendezési bizonyítványokat, építési és bontási engedélyeket ad ki, és kezeli "
            "a város rendezési terveit.",
        ),
        head="arh. Radu Mărginean",
        email="urbanism@primariaarad.example",
        phone="+40 257 281 872",
        address="Bulevardul Revoluției nr. 75, 310130 Arad",
        room=Text("Etajul 1, camera 14", "First floor, room 14", "1. emelet, 14-es iroda"),
        location=(46.1727, 21.3187),
        hours=(
            Hours((0, 2), "08:30", "12:30"),
            Hours(
                (3,),
                "13:00",
                "16:00",
                Text(
                    "Audiențe la arhitectul-șef, cu programare",
                    "Meetings with the chief architect, by appointment",
                    "Fogadóóra a főépítésznél, előzetes bejelentkezéssel",
                ),
            ),
        ),
    ),
    DepartmentData(
        slug="stare-civila",
        title=Text("Serviciul Stare Civilă", "Civil Status Office", "Anyakönyvi Hivatal"),
        summary=Text(
            "Înregistrează nașterile, căsătoriile și decesele și eliberează certificate de stare "
            "civilă, inclusiv duplicate.",
            "Registers births, marriages and deaths and issues civil status certificates, "
            "including duplicates.",
            "Anyakönyvezi a születéseket, házasságkötéseket és elhalálozásokat, és anyakönyvi "
            "kivonatokat, illetve másodlatokat állít ki.",
        ),
        head="Simona Popovici",
        email="starecivila@primariaarad.example",
        phone="+40 257 281 883",
        address="Strada Vasile Goldiș nr. 6, 310017 Arad",
        room=Text(
            "Parter, ghișeele 1–4; sala de căsătorii la etajul 1",
            "Ground floor, counters 1–4; wedding hall on the first floor",
            "Földszint, 1–4. ablak; a házasságkötő terem az 1. emeleten",
        ),
        location=(46.1791, 21.3143),
        hours=(
            Hours(MON_THU, "08:30", "16:30"),
            Hours(FRIDAY, "08:30", "13:30"),
            Hours(
                (5,),
                "10:00",
                "14:00",
                Text("Doar oficieri de căsătorii", "Wedding ceremonies only", "Csak házasságkötések"),
            ),
        ),
    ),
    DepartmentData(
        slug="asistenta-sociala",
        title=Text(
            "Direcția de Asistență Socială",
            "Social Assistance Directorate",
            "Szociális Igazgatóság",
        ),
        summary=Text(
            "Acordă beneficii și servicii sociale: venitul minim de incluziune, ajutoare de urgență, "
            "îngrijire la domiciliu și sprijin pentru persoanele cu dizabilități.",
            "Provides social benefits and services: the minimum inclusion income, emergency aid, "
            "home care and support for people with disabilities.",
            "Szociális juttatásokat és szolgáltatásokat nyújt: minimális befogadási jövedelem, "
            "rendkívüli segély, házi gondozás és a fogyatékossággal élők támogatása.",
        ),
        head="Adriana Stanciu",
        email="social@primariaarad.example",
        phone="+40 257 270 416",
        address="Strada Cloșca nr. 2, 310050 Arad",
        room=Text(
            "Parter, biroul Beneficii sociale",
            "Ground floor, Social Benefits office",
            "Földszint, Szociális juttatások iroda",
        ),
        location=(46.1844, 21.3171),
        hours=(Hours(MON_THU, "08:00", "16:00"), Hours(FRIDAY, "08:00", "14:00")),
    ),
    DepartmentData(
        slug="politia-locala",
        title=Text("Poliția Locală Arad", "Arad Local Police", "Aradi Helyi Rendőrség"),
        summary=Text(
            "Veghează la ordinea publică, circulația și disciplina în construcții, avizează "
            "evenimentele în spațiul public și preia sesizările cetățenilor.",
            "Keeps public order, traffic and building discipline, approves events in public "
            "spaces and handles reports from residents.",
            "Őrködik a közrend, a közlekedés és az építési fegyelem felett, jóváhagyja a közterületi "
            "rendezvényeket, és fogadja a lakossági bejelentéseket.",
        ),
        head="Ovidiu Lazăr",
        email="politialocala@primariaarad.example",
        phone="+40 257 281 899",
        address="Bulevardul Decebal nr. 2–4, 310133 Arad",
        room=Text(
            "Parter, registratura Poliției Locale",
            "Ground floor, Local Police front desk",
            "Földszint, a Helyi Rendőrség iktatója",
        ),
        location=(46.1801, 21.3221),
        hours=(Hours(MON_THU, "08:00", "16:00"), Hours(FRIDAY, "08:00", "14:00")),
        body=Text(
            "<p>Dispeceratul răspunde non-stop la +40 257 281 899. În caz de urgență sunați la 112.</p>",
            "<p>The control room answers day and night on +40 257 281 899. In an emergency call 112.</p>",
            "<p>A diszpécserszolgálat éjjel-nappal hívható a +40 257 281 899-es számon. Vészhelyzetben "
            "hívja a 112-t.</p>",
        ),
    ),
    DepartmentData(
        slug="patrimoniu",
        title=Text("Direcția Patrimoniu", "Public Property Directorate", "Vagyonkezelési Igazgatóság"),
        summary=Text(
            "Administrează clădirile, terenurile și spațiile publice ale orașului: închirieri, "
            "concesiuni, parcări rezidențiale și ocuparea domeniului public.",
            "Manages the city's buildings, land and public spaces: leases, concessions, residential "
            "parking and use of public land.",
            "Kezeli a város épületeit, telkeit és közterületeit: bérletek, koncessziók, lakossági "
            "parkolás és közterület-használat.",
        ),
        head="Florin Ardelean",
        email="patrimoniu@primariaarad.example",
        phone="+40 257 281 894",
        address="Bulevardul Revoluției nr. 75, 310130 Arad",
        room=Text("Etajul 2, camerele 31–34", "Second floor, rooms 31–34", "2. emelet, 31–34-es iroda"),
        location=(46.1729, 21.3191),
        hours=(Hours(MON_THU, "08:30", "16:30"), Hours(FRIDAY, "08:30", "13:30")),
    ),
    DepartmentData(
        slug="mediu",
        title=Text(
            "Serviciul Mediu și Spații Verzi",
            "Environment and Green Spaces Service",
            "Környezetvédelmi és Zöldterületi Szolgálat",
        ),
        summary=Text(
            "Se ocupă de parcuri, arbori și spații verzi, de registrul câinilor cu stăpân și de "
            "protecția mediului în oraș.",
            "Looks after parks, trees and green spaces, keeps the register of owned dogs and "
            "protects the city's environment.",
            "Gondozza a parkokat, fákat és zöldterületeket, vezeti a gazdával rendelkező kutyák "
            "nyilvántartását, és védi a város környezetét.",
        ),
        head="Bogdan Iancu",
        email="mediu@primariaarad.example",
        phone="+40 257 281 877",
        address="Strada Tribunul Dobra nr. 12, 310036 Arad",
        room=Text("Etajul 1, camera 8", "First floor, room 8", "1. emelet, 8-as iroda"),
        location=(46.1904, 21.3081),
        hours=(Hours(MON_THU, "08:00", "16:00"), Hours(FRIDAY, "08:00", "13:00")),
    ),
)
