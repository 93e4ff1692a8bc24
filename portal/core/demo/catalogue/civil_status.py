"""Demo services of the Civil Status Office."""

from __future__ import annotations

from decimal import Decimal

from ..common import (
    APPLICATION_FORM,
    CIVIL_STATUS_DESK,
    CONTACT_FIELDS,
    DETAILS,
    EMAIL,
    FREE,
    ID_DOCUMENT,
    MESSAGE,
    PHONE,
)
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="casatoria-civila",
        title=Text("Căsătoria civilă", "Civil marriage", "Polgári házasságkötés"),
        summary=Text(
            "Viitorii soți depun personal declarația de căsătorie cu cel puțin 10 zile înainte de "
            "oficiere. Căsătoria are loc la sediul Stării Civile sau, la cerere, în alt loc din oraș.",
            "Both future spouses make the marriage declaration in person at least 10 days before "
            "the ceremony. Weddings take place at the Civil Status Office or, on request, at another "
            "venue in the city.",
            "A jegyespár személyesen teszi meg a házasságkötési szándékbejelentést, legalább "
            "10 nappal a szertartás előtt. A házasságkötés az Anyakönyvi Hivatalban vagy kérésre a "
            "város más helyszínén történik.",
        ),
        eligibility=Text(
            "<p>Persoanele care au împlinit 18 ani (sau 16 ani, cu acordul părinților și "
            "autorizarea instanței), dacă cel puțin unul dintre viitorii soți locuiește în Arad.</p>",
            "<p>People aged 18 or over (or 16, with their parents' consent and a court's "
            "authorisation), if at least one of the future spouses lives in Arad.</p>",
            "<p>A 18. életévüket betöltött személyek (illetve 16 évesek szülői beleegyezéssel és "
            "bírósági engedéllyel), ha a jegyesek közül legalább az egyik Aradon lakik.</p>",
        ),
        department="stare-civila",
        where_to_go=CIVIL_STATUS_DESK,
        processing_days=10,
        documents=(
            DocumentData(
                Text("Declarația de căsătorie", "Marriage declaration", "Házasságkötési szándékbejelentés"),
                Text(
                    "se completează la ghișeu, în fața ofițerului de stare civilă",
                    "filled in at the counter, before the registrar",
                    "a hivatalban, az anyakönyvvezető előtt kell kitölteni",
                ),
            ),
            DocumentData(
                Text(
                    "Actele de identitate ale viitorilor soți",
                    "The future spouses' identity documents",
                    "A jegyesek személyazonosító igazolványa",
                )
            ),
            DocumentData(
                Text("Certificatele de naștere", "Birth certificates", "Születési anyakönyvi kivonatok"),
                Text("original și copie", "original and copy", "eredeti és másolat"),
            ),
            DocumentData(
                Text(
                    "Certificate medicale prenupțiale",
                    "Pre-marital medical certificates",
                    "Házasságkötés előtti orvosi igazolások",
                ),
                Text(
                    "valabile 14 zile de la emitere",
                    "valid for 14 days from issue",
                    "a kiállítástól számított 14 napig érvényesek",
                ),
            ),
            DocumentData(
                Text(
                    "Sentința de divorț sau certificatul de deces al fostului soț",
                    "Divorce decree or death certificate of a former spouse",
                    "Válási ítélet vagy a volt házastárs halotti anyakönyvi kivonata",
                ),
                Text("dacă este cazul", "if applicable", "adott esetben"),
            ),
        ),
        fees=(
            FeeData(
                Text(
                    "Oficiere la sediu, în zilele lucrătoare",
                    "Ceremony at the office, on working days",
                    "Szertartás a hivatalban, munkanapokon",
                ),
                Decimal("0.00"),
            ),
            FeeData(
                Text(
                    "Oficiere sâmbăta, la sediu",
                    "Saturday ceremony at the office",
                    "Szombati szertartás a hivatalban",
                ),
                Decimal("200.00"),
            ),
            FeeData(
                Text(
                    "Oficiere în afara sediului (de exemplu, la Palatul Cultural)",
                    "Ceremony at another venue (for example the Cultural Palace)",
                    "Szertartás más helyszínen (például a Kultúrpalotában)",
                ),
                Decimal("500.00"),
            ),
        ),
        faq=(
            FAQData(
                Text(
                    "Putem alege data căsătoriei?",
                    "Can we choose the wedding date?",
                    "Választhatunk időpontot?",
                ),
                Text(
                    "<p>Da. Rezervați online data și ora dorite; rezervarea se confirmă la depunerea "
                    "declarației de căsătorie.</p>",
                    "<p>Yes. Book the date and time you want online; the booking is confirmed when "
                    "you make the marriage declaration.</p>",
                    "<p>Igen. Foglalja le online a kívánt napot és órát; a foglalást a "
                    "szándékbejelentéskor véglegesítjük.</p>",
                ),
            ),
            FAQData(
                Text("Avem nevoie de martori?", "Do we need witnesses?", "Szükség van tanúkra?"),
                Text(
                    "<p>Da, doi martori majori, cu actele de identitate asupra lor în ziua oficierii.</p>",
                    "<p>Yes, two adult witnesses, carrying their identity documents on the day.</p>",
                    "<p>Igen, két nagykorú tanúra, akiknél a szertartás napján ott van a "
                    "személyazonosító igazolványuk.</p>",
                ),
            ),
        ),
        form_fields=(
            FormFieldData(
                "spouse_1",
                Text("Numele primului viitor soț", "Name of the first future spouse", "Az első jegyes neve"),
                role="name",
            ),
            FormFieldData(
                "spouse_2",
                Text(
                    "Numele celui de-al doilea viitor soț",
                    "Name of the second future spouse",
                    "A második jegyes neve",
                ),
                role="name",
            ),
            EMAIL,
            PHONE,
            FormFieldData(
                "wedding_date",
                Text("Data dorită a căsătoriei", "Preferred wedding date", "A házasságkötés kívánt dátuma"),
                "date",
            ),
            FormFieldData(
                "venue",
                Text("Locul oficierii", "Venue", "Helyszín"),
                "dropdown",
                choices=Text(
                    "Sala de căsătorii a Stării Civile\nPalatul Cultural\nAlt loc (precizați în mesaj)",
                    "Civil Status Office wedding hall\nCultural Palace\nAnother venue (please say which)",
                    "Az Anyakönyvi Hivatal házasságkötő terme\nKultúrpalota\nMás helyszín (kérjük, írja meg)",
                ),
            ),
            MESSAGE,
        ),
    ),
    ServiceData(
        slug="inregistrarea-nasterii",
        title=Text("Înregistrarea nașterii", "Registering a birth", "Születés anyakönyvezése"),
        summary=Text(
            "Nașterea copilului se declară la Starea Civilă în cel mult 30 de zile; părinții primesc "
            "certificatul de naștere al copilului de obicei în aceeași zi.",
            "A child's birth must be registered at the Civil Status Office within 30 days; the "
            "parents usually receive the birth certificate the same day.",
            "A gyermek születését 30 napon belül kell bejelenteni az Anyakönyvi Hivatalban; a szülők "
            "a születési anyakönyvi kivonatot általában még aznap megkapják.",
        ),
        eligibility=Text(
            "<p>Oricare dintre părinți sau, dacă aceștia nu pot, o rudă ori o altă persoană care a "
            "luat cunoștință de naștere. Nașterea trebuie să fi avut loc în municipiul Arad.</p>",
            "<p>Either parent or, if they cannot, a relative or another person who knows of the "
            "birth. The birth must have taken place in Arad.</p>",
            "<p>Bármelyik szülő, vagy ha ők nem tudják, egy rokon vagy más személy, aki tud a "
            "születésről. A születésnek Aradon kellett történnie.</p>",
        ),
        department="stare-civila",
        where_to_go=CIVIL_STATUS_DESK,
        processing_days=1,
        online=False,
        documents=(
            DocumentData(
                Text(
                    "Certificatul medical constatator al nașterii",
                    "Medical certificate of birth",
                    "Orvosi születési igazolás",
                ),
                Text("eliberat de maternitate", "issued by the maternity ward", "a szülészet állítja ki"),
            ),
            DocumentData(
                Text(
                    "Actele de identitate ale părinților",
                    "Parents' identity documents",
                    "A szülők személyazonosító igazolványa",
                )
            ),
            DocumentData(
                Text(
                    "Certificatul de căsătorie al părinților",
                    "Parents' marriage certificate",
                    "A szülők házassági anyakönyvi kivonata",
                ),
                Text("dacă sunt căsătoriți", "if they are married", "ha házasok"),
            ),
            DocumentData(
                Text(
                    "Declarația privind numele copilului",
                    "Declaration on the child's surname",
                    "Nyilatkozat a gyermek családi nevéről",
                ),
                Text(
                    "dacă părinții nu sunt căsătoriți sau au nume diferite",
                    "if the parents are not married or have different surnames",
                    "ha a szülők nem házasok, vagy eltérő a családi nevük",
                ),
            ),
        ),
        fees=FREE,
        faq=(
            FAQData(
                Text(
                    "Ce se întâmplă dacă depășesc termenul de 30 de zile?",
                    "What if I miss the 30-day deadline?",
                    "Mi történik, ha lekésem a 30 napos határidőt?",
                ),
                Text(
                    "<p>Până la un an de la naștere, înregistrarea se face cu aprobarea primarului, "
                    "pe baza unei cereri. După un an, numai pe baza unei hotărâri judecătorești.</p>",
                    "<p>Up to one year after the birth, it can be registered with the mayor's "
                    "approval, on application. After a year, only on the basis of a court "
                    "judgment.</p>",
                    "<p>A születést követő egy éven belül kérelemre, a polgármester jóváhagyásával "
                    "lehet anyakönyvezni. Egy év után csak bírósági határozat alapján.</p>",
                ),
            ),
        ),
    ),
    ServiceData(
        slug="duplicat-certificat-stare-civila",
        title=Text(
            "Duplicat după un certificat de stare civilă",
            "Duplicate civil status certificate",
            "Anyakönyvi kivonat másodlata",
        ),
        summary=Text(
            "Dacă ați pierdut sau ați deteriorat certificatul de naștere, de căsătorie sau de deces, "
            "cereți un duplicat, eliberat pe baza actului din registrele de stare civilă.",
            "If you have lost or damaged a birth, marriage or death certificate, ask for a "
            "duplicate, issued from the entry in the civil status registers.",
            "Ha elvesztette vagy megrongálódott a születési, házassági vagy halotti anyakönyvi "
            "kivonata, kérjen másodlatot, amelyet az anyakönyvi bejegyzés alapján állítanak ki.",
        ),
        eligibility=Text(
            "<p>Titularul actului, părinții pentru copiii minori, moștenitorii sau un împuternicit "
            "cu procură notarială.</p>",
            "<p>The person named on the certificate, parents for children under 18, heirs, or a "
            "representative with a notarised power of attorney.</p>",
            "<p>A kivonaton szereplő személy, kiskorú gyermek esetén a szülők, az örökösök vagy "
            "közjegyzői meghatalmazással rendelkező meghatalmazott.</p>",
        ),
        department="stare-civila",
        where_to_go=CIVIL_STATUS_DESK,
        processing_days=5,
        documents=(
            APPLICATION_FORM,
            ID_DOCUMENT,
            DocumentData(
                Text("Certificatul deteriorat", "The damaged certificate", "A megrongálódott kivonat"),
                Text("dacă îl mai aveți", "if you still have it", "ha még megvan"),
            ),
            DocumentData(
                Text("Procură notarială", "Notarised power of attorney", "Közjegyzői meghatalmazás"),
                Text(
                    "dacă cererea o face altă persoană",
                    "if someone else applies for you",
                    "ha más nyújtja be a kérelmet",
                ),
            ),
        ),
        fees=FREE,
        faq=(
            FAQData(
                Text(
                    "Actul meu a fost înregistrat în altă localitate. Pot cere duplicatul la Arad?",
                    "My birth was registered in another town. Can I apply in Arad?",
                    "Az anyakönyvezés más településen történt. Kérhetem a másodlatot Aradon?",
                ),
                Text(
                    "<p>Da. Trimitem cererea primăriei care deține registrul, iar duplicatul vă este "
                    "înmânat la Arad în aproximativ 30 de zile.</p>",
                    "<p>Yes. We forward the request to the town hall that holds the register, and "
                    "you collect the duplicate in Arad in about 30 days.</p>",
                    "<p>Igen. A kérelmet továbbítjuk az anyakönyvet őrző hivatalnak, a másodlatot "
                    "pedig körülbelül 30 nap múlva Aradon veheti át.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            FormFieldData(
                "certificate_type",
                Text("Tipul certificatului", "Type of certificate", "A kivonat típusa"),
                "dropdown",
                choices=Text(
                    "Naștere\nCăsătorie\nDeces", "Birth\nMarriage\nDeath", "Születési\nHázassági\nHalotti"
                ),
            ),
            FormFieldData(
                "holder",
                Text(
                    "Numele titularului actului",
                    "Name of the person on the certificate",
                    "A kivonaton szereplő személy neve",
                ),
            ),
            FormFieldData(
                "event_date",
                Text("Data evenimentului", "Date of the event", "Az esemény dátuma"),
                "date",
                required=False,
            ),
            DETAILS,
        ),
    ),
)
