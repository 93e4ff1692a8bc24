"""The EU DigComp 2.2 framework's 5 areas and 21 competences (code, English, Romanian,
Hungarian); loaded by a data migration. Proficiency levels are in models.digcomp."""

from __future__ import annotations

AREAS: list[tuple[str, str, str, str]] = [
    (
        "1",
        "Information and data literacy",
        "Alfabetizare informațională și de date",
        "Információs és adatkezelési műveltség",
    ),
    ("2", "Communication and collaboration", "Comunicare și colaborare", "Kommunikáció és együttműködés"),
    ("3", "Digital content creation", "Crearea de conținut digital", "Digitális tartalom létrehozása"),
    ("4", "Safety", "Siguranță", "Biztonság"),
    ("5", "Problem solving", "Rezolvarea problemelor", "Problémamegoldás"),
]

COMPETENCES: list[tuple[str, str, str, str]] = [
    (
        "1.1",
        "Browsing, searching and filtering data, information and digital content",
        "Navigarea, căutarea și filtrarea datelor, informațiilor și conținutului digital",
        "Adatok, információk és digitális tartalmak böngészése, keresése és szűrése",
    ),
    (
        "1.2",
        "Evaluating data, information and digital content",
        "Evaluarea datelor, informațiilor și conținutului digital",
        "Adatok, információk és digitális tartalmak értékelése",
    ),
    (
        "1.3",
        "Managing data, information and digital content",
        "Gestionarea datelor, informațiilor și conținutului digital",
        "Adatok, információk és digitális tartalmak kezelése",
    ),
    (
        "2.1",
        "Interacting through digital technologies",
        "Interacțiunea prin tehnologii digitale",
        "Interakció digitális technológiák segítségével",
    ),
    (
        "2.2",
        "Sharing through digital technologies",
        "Partajarea prin tehnologii digitale",
        "Megosztás digitális technológiák segítségével",
    ),
    (
        "2.3",
        "Engaging in citizenship through digital technologies",
        "Implicarea civică prin tehnologii digitale",
        "Állampolgári részvétel digitális technológiák segítségével",
    ),
    (
        "2.4",
        "Collaborating through digital technologies",
        "Colaborarea prin tehnologii digitale",
        "Együttműködés digitális technológiák segítségével",
    ),
    ("2.5", "Netiquette", "Eticheta online (netichetă)", "Netikett"),
    (
        "2.6",
        "Managing digital identity",
        "Gestionarea identității digitale",
        "A digitális identitás kezelése",
    ),
    (
        "3.1",
        "Developing digital content",
        "Dezvoltarea de conținut digital",
        "Digitális tartalom fejlesztése",
    ),
    (
        "3.2",
        "Integrating and re-elaborating digital content",
        "Integrarea și reelaborarea conținutului digital",
        "Digitális tartalmak integrálása és átdolgozása",
    ),
    ("3.3", "Copyright and licences", "Drepturi de autor și licențe", "Szerzői jog és licencek"),
    ("3.4", "Programming", "Programare", "Programozás"),
    ("4.1", "Protecting devices", "Protejarea dispozitivelor", "Eszközök védelme"),
    (
        "4.2",
        "Protecting personal data and privacy",
        "Protejarea datelor personale și a vieții private",
        "Személyes adatok és a magánszféra védelme",
    ),
    (
        "4.3",
        "Protecting health and well-being",
        "Protejarea sănătății și a stării de bine",
        "Az egészség és a jóllét védelme",
    ),
    ("4.4", "Protecting the environment", "Protejarea mediului", "A környezet védelme"),
    ("5.1", "Solving technical problems", "Rezolvarea problemelor tehnice", "Technikai problémák megoldása"),
    (
        "5.2",
        "Identifying needs and technological responses",
        "Identificarea nevoilor și a soluțiilor tehnologice",
        "Igények és technológiai válaszok azonosítása",
    ),
    (
        "5.3",
        "Creatively using digital technologies",
        "Utilizarea creativă a tehnologiilor digitale",
        "A digitális technológiák kreatív használata",
    ),
    (
        "5.4",
        "Identifying digital competence gaps",
        "Identificarea lacunelor în competențele digitale",
        "A digitális kompetenciák hiányosságainak azonosítása",
    ),
]
