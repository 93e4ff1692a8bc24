"""What the actions say, in Romanian (default), English and Hungarian."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("ro", "en", "hu")
DEFAULT_LANGUAGE = "ro"

TEXTS: dict[str, dict[str, str]] = {
    "portal_down": {
        "ro": "Nu pot accesa acum datele primăriei. Încercați din nou peste câteva minute sau "
        "sunați la registratura primăriei.",
        "en": "I can't reach City Hall's data right now. Please try again in a few minutes or "
        "call City Hall's registry.",
        "hu": "Most nem érem el a hivatal adatait. Próbálja újra néhány perc múlva, vagy hívja "
        "a hivatal iktatóját.",
    },
    "department_pick": {
        "ro": "Despre ce direcție doriți să aflați? De exemplu: {names}.",
        "en": "Which department would you like to know about? For example: {names}.",
        "hu": "Melyik osztályról szeretne tudni? Például: {names}.",
    },
    "department": {
        "ro": "{title} ({state})\nProgram: {hours}\nTelefon: {phone} · E-mail: {email}\n"
        "Adresa: {address}{room}\n{url}",
        "en": "{title} ({state})\nOpening hours: {hours}\nPhone: {phone} · E-mail: {email}\n"
        "Address: {address}{room}\n{url}",
        "hu": "{title} ({state})\nNyitvatartás: {hours}\nTelefon: {phone} · E-mail: {email}\n"
        "Cím: {address}{room}\n{url}",
    },
    "open_now": {"ro": "deschis acum", "en": "open now", "hu": "most nyitva"},
    "closed_now": {"ro": "închis acum", "en": "closed now", "hu": "most zárva"},
    "closed": {"ro": "închis", "en": "closed", "hu": "zárva"},
    "service_pick": {
        "ro": "Pentru ce serviciu? Scrieți de exemplu „Ce acte trebuie pentru certificatul de urbanism?”",
        "en": "Which service? For example: “What do I need for an urban planning certificate?”",
        "hu": "Melyik ügyről van szó? Például: „Mi kell a településrendezési bizonyítványhoz?”",
    },
    "service": {
        "ro": "{title}\nActe necesare: {documents}\nTaxe: {fees}\nTermen: {term}\nUnde: {where}\n{url}",
        "en": "{title}\nDocuments needed: {documents}\nFees: {fees}\nTerm: {term}\nWhere: {where}\n{url}",
        "hu": "{title}\nSzükséges iratok: {documents}\nDíjak: {fees}\nHatáridő: {term}\nHol: {where}\n{url}",
    },
    "none": {"ro": "niciuna", "en": "none", "hu": "nincs"},
    "days": {"ro": "{n} zile", "en": "{n} days", "hu": "{n} nap"},
    "unknown": {"ro": "nespecificat", "en": "not specified", "hu": "nincs megadva"},
    "online": {
        "ro": "Puteți depune cererea și online, pe pagina serviciului.",
        "en": "You can also apply online on the service's page.",
        "hu": "A kérelmet online is benyújthatja a szolgáltatás oldalán.",
    },
    "ask_number": {
        "ro": "Care este numărul de înregistrare al documentului? Arată așa: AR-2026-000123.",
        "en": "What is the document's registration number? It looks like AR-2026-000123.",
        "hu": "Mi a dokumentum iktatószáma? Például: AR-2026-000123.",
    },
    "ask_pin": {
        "ro": "Și codul PIN de pe dovada de înregistrare ({length})?",
        "en": "And the PIN printed on your registration slip ({length})?",
        "hu": "És az iktatási elismervényen szereplő PIN-kód ({length})?",
    },
    "pin_digits": {"ro": "{n} cifre", "en": "{n} digits", "hu": "{n} számjegy"},
    "pin_only_digits": {"ro": "doar cifre", "en": "digits only", "hu": "csak számjegyek"},
    "bad_number": {
        "ro": "Numărul nu pare corect: are forma AR-2026-000123.",
        "en": "That number doesn't look right: it has the form AR-2026-000123.",
        "hu": "A szám nem tűnik helyesnek: AR-2026-000123 formájú.",
    },
    "bad_pin": {
        "ro": "Codul PIN nu pare corect: are {length}.",
        "en": "That PIN doesn't look right: it has {length}.",
        "hu": "A PIN-kód nem tűnik helyesnek ({length}).",
    },
    "status": {
        "ro": "Documentul {number} ({service}) este în stadiul: {status_label}.\n"
        "Ultima actualizare: {updated}.{expected}{overdue}{note}\nUrmărire: {tracking_url}",
        "en": "Document {number} ({service}) is at status: {status_label}.\n"
        "Last updated: {updated}.{expected}{overdue}{note}\nTracking: {tracking_url}",
        "hu": "A(z) {number} dokumentum ({service}) állapota: {status_label}.\n"
        "Utolsó módosítás: {updated}.{expected}{overdue}{note}\nKövetés: {tracking_url}",
    },
    "expected": {
        "ro": " Termen estimat: {date}.",
        "en": " Expected by: {date}.",
        "hu": " Várható határidő: {date}.",
    },
    "overdue": {
        "ro": " Termenul a fost depășit; registratura a fost anunțată.",
        "en": " It is past its expected date; the registry has been notified.",
        "hu": " A határidő lejárt; az iktató értesült róla.",
    },
    "needs_info": {
        "ro": "Registratura are nevoie de mai multe informații: {note}",
        "en": "The registry needs more information: {note}",
        "hu": "Az iktatónak további információra van szüksége: {note}",
    },
    "needs_info_ask": {
        "ro": "Registratura are nevoie de mai multe informații; detaliile sunt pe pagina de urmărire.",
        "en": "The registry needs more information; the tracking page has the details.",
        "hu": "Az iktatónak további információra van szüksége; a részletek a követési oldalon vannak.",
    },
    "status_note": {
        "ro": "Nota registraturii: {note}",
        "en": "The registry's note: {note}",
        "hu": "Az iktató megjegyzése: {note}",
    },
    "status_not_found": {
        "ro": "Nu am găsit un document cu acest număr și PIN. Verificați dovada de înregistrare.",
        "en": "I found no document with that number and PIN. Please check your registration slip.",
        "hu": "Nem találtam dokumentumot ezzel a számmal és PIN-kóddal. Ellenőrizze az elismervényt.",
    },
    "status_rate_limited": {
        "ro": "Prea multe încercări. Vă rog să reveniți peste câteva minute.",
        "en": "Too many attempts. Please try again in a few minutes.",
        "hu": "Túl sok próbálkozás. Kérem, próbálja újra néhány perc múlva.",
    },
    "kind_pick": {
        "ro": "Ce căutați în apropiere?",
        "en": "What are you looking for nearby?",
        "hu": "Mit keres a közelben?",
    },
    "kind_building": {"ro": "Clădire publică", "en": "Public building", "hu": "Középület"},
    "kind_wifi": {"ro": "Wi-Fi gratuit", "en": "Free Wi-Fi", "hu": "Ingyenes Wi-Fi"},
    "kind_parking": {"ro": "Parcare", "en": "Parking", "hu": "Parkoló"},
    "nearest": {
        "ro": "{kind} cel mai aproape de {origin}:",
        "en": "{kind} nearest to {origin}:",
        "hu": "{kind} legközelebb ehhez: {origin}:",
    },
    "nearest_none": {
        "ro": "Nu am găsit nimic de acest fel pe hartă.",
        "en": "I found nothing of that kind on the map.",
        "hu": "Nem találtam ilyet a térképen.",
    },
    "city_centre": {"ro": "centrul orașului", "en": "the city centre", "hu": "a városközpont"},
    "place_unknown": {
        "ro": "Nu am găsit „{place}” pe hartă, așa că am pornit din centrul orașului.",
        "en": "I couldn't find “{place}” on the map, so I started from the city centre.",
        "hu": "Nem találtam „{place}” helyet a térképen, ezért a városközpontból indultam.",
    },
    "datasets": {
        "ro": "Seturi de date deschise despre „{topic}” ({count} în total):",
        "en": "Open datasets about “{topic}” ({count} in total):",
        "hu": "Nyílt adatkészletek ebben a témában: „{topic}” (összesen {count}):",
    },
    "datasets_none": {
        "ro": "Nu am găsit seturi de date deschise despre „{topic}”.",
        "en": "I found no open datasets about “{topic}”.",
        "hu": "Nem találtam nyílt adatkészletet ebben a témában: „{topic}”.",
    },
    "topic_pick": {
        "ro": "Despre ce temă căutați date? De exemplu: transport, buget, mediu.",
        "en": "Which topic are you looking for data on? For example: transport, budget, environment.",
        "hu": "Milyen témában keres adatokat? Például: közlekedés, költségvetés, környezet.",
    },
    "tutorials": {
        "ro": "Tutoriale pentru „{service}”:",
        "en": "Tutorials for “{service}”:",
        "hu": "Oktatóanyagok ehhez: „{service}”:",
    },
    "tutorials_none": {
        "ro": "Nu există încă un tutorial pentru „{service}”. Pagina serviciului explică pașii: {url}",
        "en": "There is no tutorial for “{service}” yet. The service's page explains the steps: {url}",
        "hu": "Még nincs oktatóanyag ehhez: „{service}”. A lépéseket a szolgáltatás oldala írja le: {url}",
    },
    "subject_problem": {
        "ro": "Problemă semnalată prin chatbot",
        "en": "Problem reported through the chatbot",
        "hu": "Chatboton keresztül bejelentett probléma",
    },
    "subject_human": {
        "ro": "Cerere de discuție cu un funcționar (chatbot)",
        "en": "Request to talk to a clerk (chatbot)",
        "hu": "Ügyintézővel való beszélgetés kérése (chatbot)",
    },
    "human_message": {
        "ro": "Locuitorul a cerut prin chatbot să vorbească cu un funcționar. Ultimul mesaj: {text}",
        "en": "The resident asked through the chatbot to talk to a clerk. Last message: {text}",
        "hu": "A lakos a chatboton keresztül ügyintézőt kért. Utolsó üzenet: {text}",
    },
    "request_created": {
        "ro": "Am înregistrat solicitarea cu numărul {number} (PIN {pin}). Un funcționar o va prelua; "
        "o puteți urmări aici: {tracking_url}",
        "en": "I have registered your request as number {number} (PIN {pin}). A clerk will take it "
        "up; you can follow it here: {tracking_url}",
        "hu": "Iktattam a kérését {number} számon (PIN {pin}). Egy ügyintéző foglalkozik vele; "
        "itt követheti: {tracking_url}",
    },
}


DAYS = {
    "ro": ("Luni", "Marți", "Miercuri", "Joi", "Vineri", "Sâmbătă", "Duminică"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "hu": ("Hétfő", "Kedd", "Szerda", "Csütörtök", "Péntek", "Szombat", "Vasárnap"),
}


def day_name(weekday: int, lang: str) -> str:
    """Monday is 0, as in Python and the portal's API."""
    return DAYS.get(lang, DAYS[DEFAULT_LANGUAGE])[weekday % 7]


def say(key: str, lang: str, **values: Any) -> str:
    """The text `key` in `lang` (Romanian when the language is unknown), filled with `values`."""
    variants = TEXTS[key]
    return variants.get(lang, variants[DEFAULT_LANGUAGE]).format(**values)
