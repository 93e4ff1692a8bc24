"""`import_layer` lists every rejected row with its reason, fails when nothing was imported,
rejects rows far from the city saying what probably happened (X/Y or lon/lat swapped, Stereo 70
read as degrees), and refuses a re-import that would duplicate a layer's features."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from gis.models import Feature, Layer
from portal.core.city import get_city
from tests.factories import LayerFactory

from .conftest import ARAD, to_stereo70

pytestmark = pytest.mark.django_db


@pytest.fixture
def layer(db) -> Layer:
    return LayerFactory(key="wifi", title="Wi-Fi", geometry_type="Point")


@pytest.fixture(autouse=True)
def _english() -> None:
    with translation.override("en"):
        yield


def write_csv(tmp_path: Path, text: str, name: str = "points.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path, *args: str, layer: str = "wifi") -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_layer", layer, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(path: Path, *args: str) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_layer", "wifi", str(path), *args, stdout=StringIO(), stderr=err)
    return str(failure.value), err.getvalue()


def test_each_rejected_row_is_listed_with_its_number_and_reason(layer, tmp_path):
    path = write_csv(
        tmp_path,
        "id;name;lat;lon\nw1;Piața Avram Iancu;46.1697;21.3183\nw2;Greșit;abc;21.3\n"
        "w3;Parcul Eminescu;46.1748;21.3227\n",
    )
    out, err = run(path)
    assert "Row 2 (id w2) rejected: unreadable coordinates" in err
    assert "2 created, 0 updated, 0 repaired, 1 rejected" in out
    assert sorted(Feature.objects.filter(layer=layer).values_list("external_id", flat=True)) == ["w1", "w3"]


def test_nothing_imported_is_a_failure(layer, tmp_path):
    path = write_csv(tmp_path, "id;name;lat;lon\nw1;Fără coordonate;;\n")
    message, err = run_failing(path)
    assert "Nothing was imported" in message and "1 rejected" in message
    assert "Row 1 (id w1) rejected: unreadable coordinates" in err
    assert not Feature.objects.filter(layer=layer).exists()


def test_stereo70_with_x_as_northing_is_rejected_as_swapped(layer, tmp_path):
    # The Romanian convention: X is the northing, Y the easting; read as x=easting it lands
    # in Bulgaria, still valid coordinates, so only the city's area tells it apart.
    east, north = to_stereo70(*ARAD)
    path = write_csv(tmp_path, f"id,name,X,Y\nc1,Primăria,{north:.2f},{east:.2f}\n")
    message, err = run_failing(path, "--srid", "3844")
    assert "Row 1 (id c1) rejected: outside the city area" in err
    assert "X and Y look swapped" in err
    # the same file with the columns the other way round is imported where it belongs
    good = write_csv(tmp_path, f"id,name,X,Y\nc1,Primăria,{east:.2f},{north:.2f}\n", "good.csv")
    run(good, "--srid", "3844")
    point = Feature.objects.get(layer=layer, external_id="c1").geometry
    assert get_city().contains(point.x, point.y)


def test_swapped_longitude_and_latitude_are_named(layer, tmp_path):
    lat, lon = ARAD
    path = write_csv(tmp_path, f"id;name;lat;lon\nw1;Primăria;{lon};{lat}\nw2;Teatrul;46.1830;21.3190\n")
    out, err = run(path)
    assert "Row 1 (id w1) rejected: outside the city area" in err
    assert "longitude and latitude look swapped" in err
    assert list(Feature.objects.filter(layer=layer).values_list("external_id", flat=True)) == ["w2"]


def test_stereo70_metres_read_as_degrees_are_named(layer, tmp_path):
    east, north = to_stereo70(*ARAD)
    path = write_csv(tmp_path, f"id,x,y\nm1,{east:.2f},{north:.2f}\n")
    _message, err = run_failing(path)
    assert "Row 1 (id m1) rejected: coordinates outside WGS84" in err
    assert "look like Stereo 70 metres" in err and "EPSG:3844" in err


def test_rows_outside_the_area_can_be_allowed(layer, tmp_path):
    path = write_csv(tmp_path, "id;name;lat;lon\nt1;Timișoara;45.7537;21.2257\n")
    _message, err = run_failing(path)
    assert "outside the city area" in err
    run(path, "--allow-outside-area")
    assert Feature.objects.filter(layer=layer, external_id="t1").exists()


def test_reimport_without_an_id_column_is_refused(layer, tmp_path):
    path = write_csv(tmp_path, "name;lat;lon\nPiața Avram Iancu;46.1697;21.3183\nParc;46.1748;21.3227\n")
    run(path)  # an empty layer: nothing to duplicate
    assert Feature.objects.filter(layer=layer).count() == 2
    message, _err = run_failing(path)
    assert "no id column" in message and "--id-field" in message and "2 features" in message
    assert Feature.objects.filter(layer=layer).count() == 2
    run(path, "--replace")  # replacing the layer's features duplicates nothing either
    assert Feature.objects.filter(layer=layer).count() == 2
    run(path, "--id-field", "name")
    assert Feature.objects.filter(layer=layer).count() == 4  # old anonymous ones + named ones
    run(path, "--id-field", "name")
    assert Feature.objects.filter(layer=layer).count() == 4


def test_messages_are_translated(layer, tmp_path):
    lat, lon = ARAD
    path = write_csv(tmp_path, f"id;lat;lon\nw1;{lon};{lat}\n")
    with translation.override("ro"):
        message, err = run_failing(path)
    assert "Rândul 1 (id w1) respins" in err and "Nu s-a importat nimic" in message
