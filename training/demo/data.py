"""The demo digital-skills programme of Arad: three courses, lessons for several e-services,
quizzes, and the classroom sessions behind the plan's figures (450 staff trained, then 100
more; 1,500 flyers handed out). Sessions carry head counts only: no invented people."""

from __future__ import annotations

from portal.core.demo.text import Text

from .schema import Answer, CourseData, LessonData, ModuleData, Question, SessionData

INDEX_SLUG = "competente-digitale"
INDEX_TITLE = Text("Competențe digitale", "Digital skills", "Digitális készségek")
INDEX_INTRO = Text(
    "<p>Cursuri gratuite, pas cu pas, pentru a folosi serviciile online ale primăriei și pentru a "
    "rămâne în siguranță pe internet. Le puteți citi fără cont; cu un cont gratuit vă salvați "
    "progresul și primiți un certificat.</p>",
    "<p>Free step-by-step courses on using City Hall's online services and staying safe on the "
    "internet. Read them without an account; a free account saves your progress and earns you a "
    "certificate.</p>",
    "<p>Ingyenes, lépésről lépésre haladó tanfolyamok a hivatal online szolgáltatásainak "
    "használatáról és az internetes biztonságról. Fiók nélkül is olvashatók; egy ingyenes fiókkal "
    "menti a haladását és tanúsítványt kap.</p>",
)

FLYER_TITLE = "Pliant – Servicii digitale ale Primăriei Arad / Digital services flyer"

SENIORS = CourseData(
    slug="servicii-digitale-pentru-seniori",
    title=Text(
        "Servicii digitale ale primăriei pentru seniori",
        "City Hall's digital services for seniors",
        "A hivatal digitális szolgáltatásai időseknek",
    ),
    summary=Text(
        "Cum găsiți un serviciu pe portal, cum plătiți impozitul și cum cereți un certificat fără drum "
        "la ghișeu. Explicat rar, cu pași mari.",
        "How to find a service on the portal, pay your tax and request a certificate without going to "
        "a counter. Explained slowly, in big steps.",
        "Hogyan találjon meg egy szolgáltatást a portálon, hogyan fizesse be az adót és kérjen "
        "igazolást ügyintézés nélkül. Lassan, nagy lépésekben elmagyarázva.",
    ),
    audience="citizens",
    level=1,
    duration_minutes=90,
    competences=("1.1", "2.1", "2.3", "4.2"),
    modules=(
        ModuleData(
            slug="primii-pasi",
            title=Text("Primii pași pe portal", "First steps on the portal", "Első lépések a portálon"),
            lessons=(
                LessonData(
                    slug="gasirea-unui-serviciu",
                    title=Text("Cum găsiți un serviciu", "Finding a service", "Szolgáltatás keresése"),
                    summary=Text(
                        "Căutarea și catalogul serviciilor.",
                        "Search and the service catalogue.",
                        "Keresés és a szolgáltatások katalógusa.",
                    ),
                    text=Text(
                        "<p>Pe prima pagină a portalului există o casetă de căutare. Scrieți un cuvânt, "
                        "de exemplu „impozit”, și apăsați „Caută”.</p>",
                        "<p>The portal's front page has a search box. Type a word, for example "
                        "“tax”, and press “Search”.</p>",
                        "<p>A portál nyitóoldalán keresőmező található. Írjon be egy szót, például "
                        "„adó”, és nyomja meg a „Keresés” gombot.</p>",
                    ),
                    steps=(
                        Text(
                            "Deschideți portalul primăriei",
                            "Open City Hall's portal",
                            "Nyissa meg a portált",
                        ),
                        Text(
                            "Scrieți ce căutați în caseta de căutare",
                            "Type what you need in the search box",
                            "Írja be a keresőmezőbe, amit keres",
                        ),
                        Text(
                            "Alegeți serviciul din listă",
                            "Choose the service from the list",
                            "Válassza ki a szolgáltatást a listából",
                        ),
                    ),
                    flyer=True,
                ),
                LessonData(
                    slug="plata-impozitului-online",
                    title=Text(
                        "Plata impozitului pe clădiri online",
                        "Paying the building tax online",
                        "Az épületadó online befizetése",
                    ),
                    summary=Text(
                        "Plata cu cardul, pas cu pas.",
                        "Paying by card, step by step.",
                        "Kártyás fizetés lépésről lépésre.",
                    ),
                    text=Text(
                        "<p>Impozitul pe clădiri se poate plăti online cu cardul, fără comision. "
                        "Aveți nevoie de codul numeric personal și de un card bancar.</p>",
                        "<p>The building tax can be paid online by card, without a fee. You need "
                        "your personal numeric code and a bank card.</p>",
                        "<p>Az épületadó online, bankkártyával, díjmentesen fizethető. Szüksége "
                        "lesz a személyi számára és egy bankkártyára.</p>",
                    ),
                    steps=(
                        Text(
                            "Deschideți pagina serviciului",
                            "Open the service's page",
                            "Nyissa meg a szolgáltatás oldalát",
                        ),
                        Text(
                            "Verificați suma de plată",
                            "Check the amount due",
                            "Ellenőrizze a fizetendő összeget",
                        ),
                        Text(
                            "Plătiți cu cardul și păstrați chitanța",
                            "Pay by card and keep the receipt",
                            "Fizessen kártyával, és őrizze meg a nyugtát",
                        ),
                    ),
                    teaches="plata-impozitului-pe-cladiri",
                ),
            ),
        ),
        ModuleData(
            slug="cereri-online",
            title=Text("Cereri online", "Online requests", "Online kérelmek"),
            lessons=(
                LessonData(
                    slug="certificat-fiscal-online",
                    title=Text(
                        "Certificatul de atestare fiscală",
                        "The tax clearance certificate",
                        "Adóigazolás igénylése",
                    ),
                    summary=Text(
                        "Cererea online și urmărirea ei cu codul QR.",
                        "Requesting it online and tracking it with its QR code.",
                        "Online igénylés és követés QR-kóddal.",
                    ),
                    text=Text(
                        "<p>Completați formularul online. Primiți un număr de înregistrare și un cod QR "
                        "cu care urmăriți cererea până la eliberarea certificatului.</p>",
                        "<p>Fill in the online form. You receive a registration number and a QR code to "
                        "follow your request until the certificate is issued.</p>",
                        "<p>Töltse ki az online űrlapot. Iktatószámot és QR-kódot kap, amellyel az "
                        "igazolás kiállításáig követheti kérelmét.</p>",
                    ),
                    teaches="certificat-de-atestare-fiscala",
                ),
                LessonData(
                    slug="sesizari-politia-locala",
                    title=Text(
                        "Sesizări către Poliția Locală",
                        "Reporting a problem to the Local Police",
                        "Bejelentés a helyi rendőrségnek",
                    ),
                    summary=Text(
                        "Cum trimiteți o sesizare cu fotografie.",
                        "How to send a report with a photo.",
                        "Hogyan küldjön bejelentést fényképpel.",
                    ),
                    text=Text(
                        "<p>O mașină parcată pe trotuar sau un gunoi abandonat se pot semnala online. "
                        "Descrieți locul cât mai exact.</p>",
                        "<p>A car parked on the pavement or dumped rubbish can be reported online. "
                        "Describe the place as precisely as you can.</p>",
                        "<p>A járdán parkoló autó vagy az illegálisan lerakott szemét online "
                        "bejelenthető. Írja le a helyet minél pontosabban.</p>",
                    ),
                    teaches="sesizare-politia-locala",
                    quiz=(
                        Question(
                            Text(
                                "Ce trebuie să conțină o sesizare?",
                                "What should a report contain?",
                                "Mit kell tartalmaznia egy bejelentésnek?",
                            ),
                            (
                                Answer(
                                    Text("Locul exact", "The exact place", "A pontos helyet"),
                                    True,
                                    Text(
                                        "Da, altfel echipajul nu găsește problema.",
                                        "Yes, otherwise the patrol cannot find the problem.",
                                        "Igen, különben a járőr nem találja meg a problémát.",
                                    ),
                                ),
                                Answer(
                                    Text("Parola contului bancar", "Your bank password", "A banki jelszavát"),
                                    False,
                                    Text(
                                        "Niciodată! Nimeni nu vă cere parola.",
                                        "Never! Nobody will ask for your password.",
                                        "Soha! Senki nem kéri a jelszavát.",
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

YOUTH = CourseData(
    slug="securitate-online-pentru-tineri",
    title=Text(
        "Securitate online pentru tineri", "Online safety for young people", "Online biztonság fiataloknak"
    ),
    summary=Text(
        "Parole puternice, autentificare în doi pași și cum recunoașteți o fraudă online.",
        "Strong passwords, two-step sign-in and how to recognise an online scam.",
        "Erős jelszavak, kétlépcsős azonosítás és az online csalások felismerése.",
    ),
    audience="citizens",
    level=2,
    duration_minutes=45,
    competences=("2.5", "2.6", "4.1", "4.2"),
    modules=(
        ModuleData(
            slug="conturi-si-parole",
            title=Text("Conturi și parole", "Accounts and passwords", "Fiókok és jelszavak"),
            lessons=(
                LessonData(
                    slug="parole-puternice",
                    title=Text(
                        "Parole puternice și autentificarea în doi pași",
                        "Strong passwords and two-step sign-in",
                        "Erős jelszavak és kétlépcsős azonosítás",
                    ),
                    summary=Text(
                        "O parolă lungă, diferită pentru fiecare cont.",
                        "A long password, a different one for every account.",
                        "Hosszú jelszó, minden fiókhoz más.",
                    ),
                    text=Text(
                        "<p>O parolă bună este lungă: trei-patru cuvinte fără legătură între ele. "
                        "Folosiți o parolă diferită pentru fiecare cont și activați autentificarea în "
                        "doi pași acolo unde se poate.</p>",
                        "<p>A good password is long: three or four unrelated words. Use a different "
                        "password for every account and turn on two-step sign-in wherever you can.</p>",
                        "<p>A jó jelszó hosszú: három-négy, egymáshoz nem kapcsolódó szó. Minden "
                        "fiókhoz használjon más jelszót, és ahol lehet, kapcsolja be a kétlépcsős "
                        "azonosítást.</p>",
                    ),
                ),
                LessonData(
                    slug="recunoasterea-fraudelor",
                    title=Text(
                        "Recunoașterea fraudelor online",
                        "Recognising online scams",
                        "Az online csalások felismerése",
                    ),
                    summary=Text(
                        "Mesajele care cer bani sau date în grabă.",
                        "Messages that urgently ask for money or data.",
                        "Sürgősen pénzt vagy adatot kérő üzenetek.",
                    ),
                    text=Text(
                        "<p>Un mesaj care vă grăbește, vă promite un premiu sau vă cere codul primit prin "
                        "SMS este aproape sigur o fraudă. Primăria nu cere niciodată date de card prin "
                        "e-mail.</p>",
                        "<p>A message that rushes you, promises a prize or asks for the code you received "
                        "by text is almost certainly a scam. City Hall never asks for card details by "
                        "e-mail.</p>",
                        "<p>Az az üzenet, amely sürget, nyereményt ígér vagy az SMS-ben kapott kódot kéri, "
                        "szinte biztosan csalás. A hivatal soha nem kér kártyaadatokat e-mailben.</p>",
                    ),
                    quiz=(
                        Question(
                            Text(
                                "Primiți un SMS: „Coletul dvs. este blocat, plătiți 2 lei aici”. Ce faceți?",
                                "A text says: “Your parcel is held, pay 2 lei here”. What do you do?",
                                "SMS-t kap: „A csomagja elakadt, fizessen itt 2 lejt”. Mit tesz?",
                            ),
                            (
                                Answer(
                                    Text(
                                        "Nu deschid linkul și șterg mesajul",
                                        "I do not open the link and delete it",
                                        "Nem nyitom meg a linket, és törlöm az üzenetet",
                                    ),
                                    True,
                                    Text(
                                        "Corect: suma mică este o momeală.",
                                        "Right: the small sum is bait.",
                                        "Helyes: a kis összeg csak csali.",
                                    ),
                                ),
                                Answer(
                                    Text(
                                        "Plătesc, e o sumă mică",
                                        "I pay, it is a small sum",
                                        "Kifizetem, kis összeg",
                                    ),
                                    False,
                                    Text(
                                        "Așa vă fură datele cardului.",
                                        "That is how they steal your card details.",
                                        "Így lopják el a kártyaadatait.",
                                    ),
                                ),
                            ),
                        ),
                        Question(
                            Text(
                                "Care sunt semne ale unei fraude?",
                                "Which are signs of a scam?",
                                "Melyek a csalás jelei?",
                            ),
                            (
                                Answer(
                                    Text("Vă grăbește", "It rushes you", "Sürget"),
                                    True,
                                    Text(
                                        "Da, graba vă împiedică să verificați.",
                                        "Yes, haste stops you checking.",
                                        "Igen, a sietség megakadályozza az ellenőrzést.",
                                    ),
                                ),
                                Answer(
                                    Text(
                                        "Cere codul primit prin SMS",
                                        "It asks for the code sent by text",
                                        "Az SMS-ben kapott kódot kéri",
                                    ),
                                    True,
                                    Text(
                                        "Da, codul este doar pentru dvs.",
                                        "Yes, the code is for you alone.",
                                        "Igen, a kód csak az Öné.",
                                    ),
                                ),
                                Answer(
                                    Text(
                                        "Vine de la un număr cunoscut",
                                        "It comes from a number you know",
                                        "Ismert számról jön",
                                    ),
                                    False,
                                    Text(
                                        "Nu neapărat: și numerele cunoscute pot fi imitate.",
                                        "Not necessarily: known numbers can be spoofed too.",
                                        "Nem feltétlenül: az ismert számokat is lehet hamisítani.",
                                    ),
                                ),
                            ),
                            multiple=True,
                        ),
                    ),
                ),
            ),
        ),
    ),
)

STAFF = CourseData(
    slug="portalul-pentru-angajati",
    title=Text(
        "Portalul Arad Digital pentru angajații primăriei",
        "The Arad Digital portal for City Hall staff",
        "Az Arad Digital portál a hivatal munkatársainak",
    ),
    summary=Text(
        "Registratura electronică, petițiile online și răspunsul către cetățeni prin portal.",
        "The electronic registry, online petitions and answering citizens through the portal.",
        "Az elektronikus iktató, az online petíciók és a polgárok megválaszolása a portálon.",
    ),
    audience="staff",
    level=3,
    duration_minutes=120,
    competences=("1.3", "2.1", "5.1"),
    modules=(
        ModuleData(
            slug="registratura-electronica",
            title=Text("Registratura electronică", "The electronic registry", "Az elektronikus iktató"),
            lessons=(
                LessonData(
                    slug="petitii-online",
                    title=Text("Petițiile online", "Online petitions", "Online petíciók"),
                    summary=Text(
                        "De la înregistrare la răspuns, în termenul legal.",
                        "From registration to answer, within the legal term.",
                        "Az iktatástól a válaszig, a törvényes határidőn belül.",
                    ),
                    text=Text(
                        "<p>Fiecare petiție primește un număr și un cod QR. Schimbați starea ei pe măsură "
                        "ce lucrați, ca cetățeanul să vadă unde se află cererea.</p>",
                        "<p>Every petition gets a number and a QR code. Update its status as you work, so "
                        "the citizen can see where the request is.</p>",
                        "<p>Minden petíció iktatószámot és QR-kódot kap. Munka közben frissítse az "
                        "állapotát, hogy a polgár lássa, hol tart a kérelme.</p>",
                    ),
                    teaches="petitie",
                ),
            ),
        ),
    ),
)

COURSES = (SENIORS, YOUTH, STAFF)

# The plan's figures: 450 staff in a first wave of 10 groups, then 100 more in 4 groups; citizens
# in a day centre, an NGO and the university, where the 1,500 flyers were handed out.
SESSIONS = (
    *(
        SessionData(
            f"Angajați – etapa 1, grupa {i}",
            300 - 7 * i,
            "city_hall",
            "Primăria Arad, sala de instruire, Bd. Revoluției 75",
            "staff",
            STAFF.slug,
            45,
        )
        for i in range(1, 11)
    ),
    *(
        SessionData(
            f"Angajați – etapa 2, grupa {i}",
            120 - 7 * i,
            "city_hall",
            "Primăria Arad, sala de instruire, Bd. Revoluției 75",
            "staff",
            STAFF.slug,
            25,
        )
        for i in range(1, 5)
    ),
    SessionData(
        "Seniori – Centrul de zi pentru vârstnici",
        60,
        "day_centre",
        "Centrul de zi pentru persoane vârstnice, Arad",
        "citizens",
        SENIORS.slug,
        24,
        600,
    ),
    SessionData(
        "Tineri – atelier cu un ONG local",
        45,
        "ngo",
        "Sediul asociației partenere, Arad",
        "citizens",
        YOUTH.slug,
        18,
        500,
    ),
    SessionData(
        "Tineri – Universitatea „Aurel Vlaicu”",
        30,
        "university",
        "Universitatea „Aurel Vlaicu” din Arad",
        "citizens",
        YOUTH.slug,
        32,
        400,
    ),
)
