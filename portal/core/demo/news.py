"""Demo news of Arad City Hall, 2026."""

from __future__ import annotations

import datetime as dt

from .schema import NewsData
from .text import Text

NEWS: tuple[NewsData, ...] = (
    NewsData(
        slug="impozite-2026-bonificatie",
        date=dt.date(2026, 1, 12),
        title=Text(
            "Impozitele locale pe 2026 se pot plăti cu bonificație de 10% până la 31 martie",
            "2026 local taxes: 10% discount for payment in full by 31 March",
            "2026-os helyi adók: 10% kedvezmény a március 31-ig történő teljes befizetésre",
        ),
        intro=Text(
            "Arădenii care achită integral impozitul pe clădiri, teren și mijloace de transport până "
            "la 31 martie primesc o reducere de 10%.",
            "Residents who pay their building, land and vehicle taxes in full by 31 March get a 10% "
            "discount.",
            "Azok az aradiak, akik március 31-ig teljes egészében befizetik az épület-, telek- és "
            "gépjárműadót, 10% kedvezményt kapnak.",
        ),
        body=Text(
            "<p>Plata se poate face online, cu cardul, prin ghiseul.ro, fără comision, sau la "
            "ghișeele Direcției Fiscale Locale de pe Bulevardul Revoluției nr. 81.</p><p>Înștiințările "
            "de plată au fost trimise prin poștă în prima jumătate a lunii ianuarie.</p>",
            "<p>You can pay online by card through ghiseul.ro, with no commission, or at the Local "
            "Tax Directorate's counters at Bulevardul Revoluției 81.</p><p>Tax notices were posted "
            "in the first half of January.</p>",
            "<p>Befizetni online, bankkártyával, jutalék nélkül lehet a ghiseul.ro oldalon, vagy a "
            "Helyi Adóigazgatóság ablakainál a Bulevardul Revoluției 81. szám alatt.</p><p>Az "
            "adófizetési értesítőket január első felében postáztuk.</p>",
        ),
    ),
    NewsData(
        slug="registratura-program-prelungit",
        date=dt.date(2026, 2, 3),
        title=Text(
            "Registratura primăriei are program prelungit în fiecare marți",
            "City Hall's registry now opens late every Tuesday",
            "A hivatal iktatója minden kedden hosszabbított nyitvatartással várja az ügyfeleket",
        ),
        intro=Text(
            "Începând din februarie, Registratura și Centrul de Informare pentru Cetățeni sunt "
            "deschise marțea până la ora 18:30.",
            "From February, the Central Registry and Citizens' Information Centre stay open until "
            "18:30 on Tuesdays.",
            "Februártól az Általános Iktató és Ügyféltájékoztató Iroda keddenként 18:30-ig tart nyitva.",
        ),
        body=Text(
            "<p>Programul prelungit vine în sprijinul celor care lucrează în timpul zilei. În restul "
            "săptămânii programul rămâne neschimbat: luni, miercuri și joi 08:30–16:30, vineri "
            "08:30–13:30.</p>",
            "<p>The late opening helps people who work during the day. The rest of the week is "
            "unchanged: Monday, Wednesday and Thursday 08:30–16:30, Friday 08:30–13:30.</p>",
            "<p>A hosszabbított nyitvatartás a napközben dolgozókat segíti. A hét többi napján a "
            "nyitvatartás változatlan: hétfőn, szerdán és csütörtökön 08:30–16:30, pénteken "
            "08:30–13:30.</p>",
        ),
    ),
    NewsData(
        slug="asistent-virtual",
        date=dt.date(2026, 2, 24),
        title=Text(
            "Asistentul virtual al primăriei răspunde în română, engleză și maghiară",
            "City Hall's virtual assistant answers in Romanian, English and Hungarian",
            "A hivatal virtuális asszisztense románul, angolul és magyarul is válaszol",
        ),
        intro=Text(
            "Pe portal puteți întreba oricând ce acte vă trebuie, cât costă un serviciu sau când este "
            "deschisă o direcție.",
            "On the portal you can ask at any time which documents you need, what a service costs "
            "or when a department is open.",
            "A portálon bármikor megkérdezheti, milyen iratok szükségesek, mennyibe kerül egy "
            "szolgáltatás, vagy mikor van nyitva egy osztály.",
        ),
        body=Text(
            "<p>Asistentul folosește informațiile din catalogul de servicii și vă poate trimite "
            "direct la formularul de cerere potrivit. Pentru situațiile pe care nu le poate "
            "rezolva, vă indică datele de contact ale direcției responsabile.</p>",
            "<p>The assistant uses the information in the service catalogue and can take you "
            "straight to the right request form. When it cannot help, it gives you the contact "
            "details of the department in charge.</p>",
            "<p>Az asszisztens a szolgáltatásjegyzék adatait használja, és egyenesen a megfelelő "
            "kérelemhez irányíthatja. Ha nem tud segíteni, megadja az illetékes osztály "
            "elérhetőségeit.</p>",
        ),
    ),
    NewsData(
        slug="toaletare-arbori-primavara",
        date=dt.date(2026, 3, 16),
        title=Text(
            "Începe campania de primăvară de toaletare a arborilor",
            "Spring tree-pruning campaign begins",
            "Elkezdődik a tavaszi fagallyazási kampány",
        ),
        intro=Text(
            "Echipele Serviciului Mediu și Spații Verzi toaletează arborii de pe străzile din Micălaca, "
            "Gai și Aradul Nou până la sfârșitul lunii aprilie.",
            "Crews from the Environment and Green Spaces Service are pruning street trees in "
            "Micălaca, Gai and Aradul Nou until the end of April.",
            "A Környezetvédelmi és Zöldterületi Szolgálat csapatai április végéig gallyazzák az "
            "utcai fákat Mikelakán, Gájon és Újaradon.",
        ),
        body=Text(
            "<p>Vă rugăm să nu parcați sub arborii marcați cu panglică roșie în zilele anunțate pe "
            "indicatoarele temporare. Resturile vegetale sunt ridicate în aceeași zi.</p>",
            "<p>Please do not park under trees marked with red tape on the days shown on the "
            "temporary signs. Cuttings are cleared the same day.</p>",
            "<p>Kérjük, az ideiglenes táblákon jelzett napokon ne parkoljon a piros szalaggal "
            "megjelölt fák alatt. A levágott ágakat még aznap elszállítjuk.</p>",
        ),
    ),
    NewsData(
        slug="parcare-rezidentiala-micalaca",
        date=dt.date(2026, 4, 7),
        title=Text(
            "180 de noi locuri de parcare rezidențială în Micălaca",
            "180 new residents' parking spaces in Micălaca",
            "180 új lakossági parkolóhely Mikelakán",
        ),
        intro=Text(
            "Parcările modernizate de pe strada Renașterii pot fi folosite de la 1 mai cu abonament "
            "de parcare rezidențială.",
            "The upgraded car parks on Strada Renașterii can be used with a residential parking "
            "permit from 1 May.",
            "A Strada Renașterii felújított parkolói május 1-jétől lakossági parkolási bérlettel "
            "használhatók.",
        ),
        body=Text(
            "<p>Cererile de abonament se depun online sau la Direcția Patrimoniu. Abonamentul anual "
            "costă 120 de lei.</p>",
            "<p>Apply for a permit online or at the Public Property Directorate. The annual permit "
            "costs 120 lei.</p>",
            "<p>A bérletet online vagy a Vagyonkezelési Igazgatóságon lehet igényelni. Az éves "
            "bérlet ára 120 lej.</p>",
        ),
    ),
    NewsData(
        slug="competente-digitale-seniori",
        date=dt.date(2026, 5, 5),
        title=Text(
            "Cursuri gratuite de competențe digitale pentru seniori",
            "Free digital skills courses for older residents",
            "Ingyenes digitális készségfejlesztő tanfolyamok időseknek",
        ),
        intro=Text(
            "Primăria și Biblioteca Județeană „Alexandru D. Xenopol” organizează cursuri în care "
            "seniorii învață să folosească serviciile online ale orașului.",
            "City Hall and the Alexandru D. Xenopol County Library run courses where older "
            "residents learn to use the city's online services.",
            "A hivatal és az Alexandru D. Xenopol Megyei Könyvtár tanfolyamokat szervez, ahol az "
            "idősek megtanulhatják a város online szolgáltatásainak használatát.",
        ),
        body=Text(
            "<p>Cursurile au loc marțea și joia, între orele 10:00 și 12:00, în grupe de câte 12 "
            "persoane. Înscrierile se fac la bibliotecă sau la Centrul de Informare pentru "
            "Cetățeni.</p>",
            "<p>Classes run on Tuesdays and Thursdays from 10:00 to 12:00, in groups of 12. Sign up "
            "at the library or at the Citizens' Information Centre.</p>",
            "<p>A foglalkozások kedden és csütörtökön 10:00 és 12:00 között zajlanak, 12 fős "
            "csoportokban. Jelentkezni a könyvtárban vagy az Ügyféltájékoztató Irodában lehet.</p>",
        ),
    ),
)
