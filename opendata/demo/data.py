"""The demo open data of Arad: three publishing departments and a handful of believable datasets,
each with one CSV resource described column by column."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from portal.core.demo.text import Text

from . import files


@dataclass(frozen=True)
class OrganizationData:
    name: str  # also the slug of the department page it is linked to, when there is one
    title: str
    description: str


@dataclass(frozen=True)
class ColumnData:
    """A CSV column as the datastore describes it."""

    id: str
    type: str  # a datastore type: text, int, numeric, bool, date
    description: str
    unit: str = ""

    def as_field(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class DatasetData:
    name: str
    org: str  # an OrganizationData.name
    title: Text
    notes: Text  # Markdown
    tags: tuple[str, ...]
    themes: tuple[str, ...]  # EU data themes, the groups the dataset belongs to
    frequency: str
    filename: str
    content: Callable[[], bytes]
    columns: tuple[ColumnData, ...]


ORGANIZATIONS: tuple[OrganizationData, ...] = (
    OrganizationData(
        "urbanism", "Direcția Urbanism și Transport", "Mobility, parking and public transport data."
    ),
    OrganizationData("directia-fiscala", "Direcția Fiscală", "Local budget and taxes."),
    OrganizationData("mediu", "Direcția Mediu", "Air quality and green spaces."),
)

DATASETS: tuple[DatasetData, ...] = (
    DatasetData(
        name="statii-transport-public",
        org="urbanism",
        title=Text(
            "Stații de transport public Arad",
            "Arad public transport stops",
            "Aradi tömegközlekedési megállók",
        ),
        notes=Text(
            "Stațiile de tramvai și autobuz ale **CTP Arad**, cu liniile care le deservesc, "
            "coordonatele WGS84 și accesibilitatea pentru persoanele cu dizabilități.",
            "Tram and bus stops of **CTP Arad**, with the lines serving them, WGS84 coordinates "
            "and accessibility for people with disabilities.",
            "A **CTP Arad** villamos- és buszmegállói, az őket kiszolgáló vonalakkal, WGS84 "
            "koordinátákkal és a fogyatékossággal élők számára való akadálymentességgel.",
        ),
        tags=("transport", "tramvai", "autobuz", "accesibilitate"),
        themes=("TRAN", "REGI"),
        frequency="MONTHLY",
        filename="statii-transport-public.csv",
        content=files.stops,
        columns=(
            ColumnData("stop_id", "int", "Identificatorul stației"),
            ColumnData("stop_name", "text", "Numele stației"),
            ColumnData("line", "text", "Linia"),
            ColumnData("lat", "numeric", "Latitudine", "grade"),
            ColumnData("lon", "numeric", "Longitudine", "grade"),
            ColumnData("accessible", "bool", "Acces fără trepte"),
        ),
    ),
    DatasetData(
        name="ocupare-parcari",
        org="urbanism",
        title=Text(
            "Gradul de ocupare al parcărilor publice",
            "Occupancy of public car parks",
            "A nyilvános parkolók kihasználtsága",
        ),
        notes=Text(
            "Ocuparea zilnică medie a parcărilor publice administrate de municipiu.",
            "Average daily occupancy of the public car parks run by the municipality.",
            "A város által üzemeltetett nyilvános parkolók átlagos napi kihasználtsága.",
        ),
        tags=("parcare", "mobilitate"),
        themes=("TRAN",),
        frequency="DAILY",
        filename="ocupare-parcari.csv",
        content=files.parking,
        columns=(
            ColumnData("date", "date", "Ziua"),
            ColumnData("parking", "text", "Parcarea"),
            ColumnData("capacity", "int", "Locuri", "locuri"),
            ColumnData("occupied", "int", "Locuri ocupate", "locuri"),
        ),
    ),
    DatasetData(
        name="executie-buget-local-2025",
        org="directia-fiscala",
        title=Text(
            "Execuția bugetului local 2025",
            "Local budget execution 2025",
            "A 2025-ös helyi költségvetés végrehajtása",
        ),
        notes=Text(
            "Bugetul local al municipiului Arad pe capitole: prevederi anuale și plăți efectuate.",
            "The local budget of the municipality of Arad by chapter: yearly estimates and payments made.",
            "Arad municípium helyi költségvetése fejezetenként: éves előirányzatok és "
            "teljesített kifizetések.",
        ),
        tags=("buget", "finanțe"),
        themes=("ECON", "GOVE"),
        frequency="ANNUAL",
        filename="executie-buget-2025.csv",
        content=files.budget,
        columns=(
            ColumnData("chapter", "text", "Capitolul bugetar"),
            ColumnData("name", "text", "Denumirea"),
            ColumnData("budgeted", "numeric", "Prevederi anuale", "RON"),
            ColumnData("executed", "numeric", "Plăți", "RON"),
        ),
    ),
    DatasetData(
        name="calitatea-aerului",
        org="mediu",
        title=Text("Calitatea aerului în Arad", "Air quality in Arad", "Levegőminőség Aradon"),
        notes=Text(
            "Concentrații medii zilnice de particule (PM10, PM2,5) și dioxid de azot la "
            "stațiile de monitorizare din oraș.",
            "Average daily concentrations of particulate matter (PM10, PM2.5) and nitrogen dioxide "
            "at the city's monitoring stations.",
            "A szálló por (PM10, PM2,5) és a nitrogén-dioxid átlagos napi koncentrációja a város "
            "mérőállomásain.",
        ),
        tags=("aer", "poluare", "mediu"),
        themes=("ENVI", "HEAL"),
        frequency="DAILY",
        filename="calitatea-aerului.csv",
        content=files.air,
        columns=(
            ColumnData("date", "date", "Ziua"),
            ColumnData("station", "text", "Stația"),
            ColumnData("pm10", "numeric", "PM10", "µg/m³"),
            ColumnData("pm25", "numeric", "PM2,5", "µg/m³"),
            ColumnData("no2", "numeric", "NO2", "µg/m³"),
        ),
    ),
)
