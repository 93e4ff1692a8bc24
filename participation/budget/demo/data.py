"""The demo participatory budget of Arad: last year's cycle with its winning projects under way,
and this year's cycle open for voting. Residents write proposals in their own language (`lang`);
the city's answers and updates are in Romanian, as the city hall publishes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.core.demo.text import Text

CYCLE_TITLE = Text(
    "Bugetare participativă Arad",
    "Arad participatory budget",
    "Aradi részvételi költségvetés",
)
MAP_MODULE = Text("Participare", "Participation", "Részvétel")
# District budgets (RON) by the cctv demo's district slugs.
BUDGETS = {"centru": 600_000, "micalaca": 500_000, "aurel-vlaicu": 400_000, "gradiste": 300_000}
MAX_SPEND_PER_BALLOT = 450_000


@dataclass(frozen=True)
class ProposalData:
    key: str  # stable: the demo finds its proposals again by title and cycle
    title: Text
    description: Text
    lang: str  # the language the resident wrote in
    district: str
    lat: float
    lon: float
    cost: int
    feasibility: str = "feasible"
    assessed_cost: int | None = None
    reason: str = "Terenul aparține municipiului, iar lucrarea se încadrează în normele tehnice."
    votes: int = 0
    progress: str = "not_started"
    percent: int = 0
    updates: tuple[str, ...] = field(default_factory=tuple)


PREVIOUS: tuple[ProposalData, ...] = (
    ProposalData(
        "park-benches",
        Text(
            "Bănci și umbrare în Parcul Eminescu",
            "Benches and shade in Eminescu Park",
            "Padok és árnyékolók az Eminescu parkban",
        ),
        Text(
            "Bănci noi și pergole cu plante agățătoare.",
            "New benches and pergolas with climbers.",
            "Új padok és futónövényes pergolák.",
        ),
        "ro",
        "centru",
        46.1838,
        21.3170,
        180_000,
        assessed_cost=210_000,
        votes=9,
        progress="works",
        percent=60,
        updates=("Proiectul tehnic a fost aprobat.", "Băncile au fost montate; urmează pergolele."),
    ),
    ProposalData(
        "bike-lane",
        Text(
            "Pistă de biciclete pe Calea Timișorii",
            "Cycle lane on Calea Timișorii",
            "Kerékpárút a Temesvári úton",
        ),
        Text(
            "Pistă între cartier și centru.",
            "A cycle lane between the estate and the centre.",
            "Kerékpárút a lakótelep és a központ között.",
        ),
        "hu",
        "micalaca",
        46.1905,
        21.3480,
        350_000,
        votes=7,
        progress="done",
        percent=100,
        updates=("Pista a fost dată în folosință.",),
    ),
    ProposalData(
        "playground",
        Text(
            "Loc de joacă accesibil în Aurel Vlaicu",
            "Accessible playground in Aurel Vlaicu",
            "Akadálymentes játszótér Aurel Vlaicuban",
        ),
        Text(
            "Echipamente pentru copiii în scaun rulant.",
            "Equipment for children in wheelchairs.",
            "Eszközök kerekesszékes gyerekeknek.",
        ),
        "ro",
        "aurel-vlaicu",
        46.1775,
        21.2850,
        250_000,
        votes=6,
        progress="design",
        percent=20,
        updates=("Achiziția echipamentelor este în curs.",),
    ),
    ProposalData(
        "fountain",
        Text("Fântână arteziană în Grădiște", "A fountain in Grădiște", "Szökőkút Grădiștén"),
        Text(
            "O fântână în piața cartierului.",
            "A fountain in the district's square.",
            "Szökőkút a kerület terén.",
        ),
        "ro",
        "gradiste",
        46.1765,
        21.3390,
        400_000,
        feasibility="unfeasible",
        reason="Rețeaua de apă nu permite racordarea fără lucrări peste bugetul cartierului.",
    ),
)

CURRENT: tuple[ProposalData, ...] = (
    ProposalData(
        "trees",
        Text("Arbori pe strada Horia", "Trees on Horia Street", "Fák a Horia utcán"),
        Text("Plantarea a 40 de arbori de aliniament.", "Planting 40 street trees.", "40 utcai fa ültetése."),
        "ro",
        "centru",
        46.1850,
        21.3140,
        120_000,
        votes=0,
    ),
    ProposalData(
        "lighting",
        Text(
            "Iluminat în parcul din Micălaca",
            "Lighting in the Micălaca park",
            "Világítás a mikelakai parkban",
        ),
        Text(
            "Stâlpi cu LED pe aleile parcului.",
            "LED lamp posts on the park's paths.",
            "LED-es lámpaoszlopok a park sétányain.",
        ),
        "ro",
        "micalaca",
        46.1895,
        21.3560,
        160_000,
        votes=0,
    ),
    ProposalData(
        "library-box",
        Text(
            "Cutii de cărți în stațiile de tramvai",
            "Book boxes at tram stops",
            "Könyvdobozok a villamosmegállókban",
        ),
        Text(
            "Cutii de schimb de cărți în cinci stații.",
            "Book-swap boxes at five stops.",
            "Könyvcsere-dobozok öt megállóban.",
        ),
        "hu",
        "gradiste",
        46.1770,
        21.3370,
        30_000,
        votes=0,
    ),
)
PARTICIPANTS = 12  # demo voters of last year's cycle (example.org addresses)
AGE_GROUPS = ("25-39", "40-54", "25-39", "55-69", "16-24", "40-54")
