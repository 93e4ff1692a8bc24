"""The DCAT-AP 3 export: it passes the DCAT-AP 3.0.0 release SHACL shapes with no violation, its
IRIs are language-neutral and resolve, its literals say the language they are in, and harvested
datasets keep their source's publisher and area."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from django.conf import settings
from django.test import Client
from django.utils import translation
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS, XSD

from opendata import dcat
from opendata.clients import RemoteCatalogue
from opendata.models import THEMES, Dataset, Resource
from opendata.services import catalogue, sync
from portal.core.city import get_city

from .test_sync import CKAN_TOKEN, CKAN_URL, _reachable

SHAPES = rdflib.Graph().parse(Path(__file__).parent / "shacl" / "dcat-ap-SHACL.ttl")
LANGS = [code for code, _name in settings.LANGUAGES]


def _export(extension: str = "ttl", rdf_format: str = "turtle", **headers: str) -> rdflib.Graph:
    response = Client().get(f"/opendata/catalog.{extension}", **headers)
    assert response.status_code == 200
    return rdflib.Graph().parse(data=response.content, format=rdf_format)


def _violations(graph: rdflib.Graph) -> tuple[int, str]:
    conforms, report, text = pyshacl.validate(graph, shacl_graph=SHAPES, inference="none")
    found = len(list(report.subjects(SH.resultSeverity, SH.Violation)))
    assert conforms == (found == 0), text
    return found, text


@pytest.mark.parametrize(
    ("extension", "rdf_format"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("rdf", "xml")]
)
def test_catalogue_export_has_no_violation_of_the_release_shapes(
    demo_catalogue, extension, rdf_format
) -> None:
    graph = _export(extension, rdf_format)
    public = Dataset.objects.public()
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == public.count()
    assert (
        len(set(graph.subjects(RDF.type, DCAT.Distribution)))
        == Resource.objects.filter(dataset__in=public).count()
    )
    found, text = _violations(graph)
    assert found == 0, text


def test_the_release_shapes_catch_a_decimal_byte_size_and_a_missing_description(demo_catalogue) -> None:
    graph = _export()
    dist = next(graph.subjects(RDF.type, DCAT.Distribution))
    graph.set((dist, DCAT.byteSize, rdflib.Literal("12.0", datatype=XSD.decimal)))
    assert _violations(graph)[0] == 1
    bare = rdflib.Graph()
    bare.add((rdflib.URIRef("http://example.org/d"), RDF.type, DCAT.Dataset))
    assert _violations(bare)[0] >= 1


def test_byte_size_is_a_non_negative_integer_with_the_stored_size(demo_catalogue) -> None:
    graph = _export()
    sized = Resource.objects.filter(dataset__in=Dataset.objects.public(), size__isnull=False)
    assert sized.exists()
    sizes = {int(o) for o in graph.objects(None, DCAT.byteSize)}
    assert {o.datatype for o in graph.objects(None, DCAT.byteSize)} == {XSD.nonNegativeInteger}
    assert sizes == set(sized.values_list("size", flat=True))


def _iris(graph: rdflib.Graph) -> dict[str, set[rdflib.URIRef]]:
    return {
        "datasets": set(graph.subjects(RDF.type, DCAT.Dataset)),
        "distributions": set(graph.subjects(RDF.type, DCAT.Distribution)),
        "publishers": set(graph.objects(None, DCTERMS.publisher)),
    }


def test_iris_do_not_depend_on_the_readers_language_and_all_resolve(demo_catalogue) -> None:
    exports = [_export(HTTP_ACCEPT_LANGUAGE=lang) for lang in LANGS]
    client = Client()
    for lang in LANGS:  # a reader who chose a language on the site
        client.get(f"/{lang}/opendata/")
    exports.append(rdflib.Graph().parse(data=client.get("/opendata/catalog.ttl").content, format="turtle"))
    first = _iris(exports[0])
    assert all(_iris(other) == first for other in exports[1:])
    assert all(first.values())
    for kind, iris in first.items():
        for iri in iris:
            assert not any(f"/{lang}/" in iri for lang in LANGS), (kind, iri)
            site, path = str(iri).split("://", 1)[1].split("/", 1)
            for lang in LANGS:
                response = Client().get("/" + path, follow=True, HTTP_ACCEPT_LANGUAGE=lang)
                assert response.status_code == 200, (kind, iri, lang, response.redirect_chain)


def test_publisher_iri_is_the_page_of_that_publishers_datasets(demo_catalogue) -> None:
    graph = _export()
    for dataset_iri, publisher in graph.subject_objects(DCTERMS.publisher):
        if (dataset_iri, RDF.type, DCAT.Dataset) not in graph:
            continue
        dataset = Dataset.objects.get(pk=str(graph.value(dataset_iri, DCTERMS.identifier)))
        path = "/" + str(publisher).split("://", 1)[1].split("/", 1)[1]
        page = Client().get(path, follow=True).content.decode()
        assert dataset.title in page
        others = Dataset.objects.public().exclude(organization=dataset.organization)
        assert others.exists() and not any(o.title in page for o in others)
        names = {str(n) for n in graph.objects(publisher, FOAF.name)}
        assert names == {dataset.organization.title}


def test_theme_labels_come_in_every_language_with_their_own_tag(demo_catalogue) -> None:
    graph = _export()
    concepts = set(graph.objects(None, DCAT.theme))
    assert concepts
    for concept in concepts:
        code = str(concept).rsplit("/", 1)[1]
        labels = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        assert set(labels) == set(LANGS), labels
        for lang in LANGS:
            with translation.override(lang):
                assert labels[lang] == str(THEMES[code])


def test_a_label_missing_in_a_language_is_not_published_under_its_tag(db) -> None:
    assert dcat.translated("A phrase no catalogue translates") == {"en": "A phrase no catalogue translates"}
    environment = dcat.translated("Environment")
    assert len(set(environment.values())) == len(LANGS)  # three different words, each its own tag


def test_catalogue_text_is_tagged_with_its_real_language(demo_catalogue) -> None:
    graph = _export(HTTP_ACCEPT_LANGUAGE="hu")
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    descriptions = {lit.language: str(lit) for lit in graph.objects(catalog, DCTERMS.description)}
    assert set(descriptions) == set(LANGS)
    for lang in LANGS:
        with translation.override(lang):
            expected = translation.gettext("Open data of %(authority)s.") % {
                "authority": get_city().authority()
            }
            assert descriptions[lang] == expected
    local = Dataset.objects.public().first()
    node = dcat.dataset_iri("http://testserver", local)
    assert {lit.language for lit in graph.objects(node, DCTERMS.title)} == {settings.LANGUAGE_CODE}
    assert local.resources.exists()
    for resource in local.resources.all():  # the demo names its resources after their files
        assert resource.upload.name.endswith(resource.name)
        dist = dcat.distribution_iri("http://testserver", local, resource.pk)
        assert [lit.language for lit in graph.objects(dist, DCTERMS.title)] == [None]


REMOTE = "https://data.example.org"


def _harvest(remote_package: dict) -> Dataset:
    """A remote package pulled through the sync's own upsert."""
    summary = sync.SyncSummary()
    sync._pull_one(RemoteCatalogue(REMOTE), remote_package, summary)
    assert not summary.failed
    return Dataset.objects.get(remote_id=remote_package["id"])


def _package(name: str, org: dict, extras: list[dict]) -> dict:
    return {
        "id": f"remote-{name}",
        "name": name,
        "title": f"Remote {name}",
        "notes": "Harvested from a county portal.",
        "license_id": "cc-by",
        "organization": org,
        "metadata_modified": "2026-01-02T03:04:05",
        "extras": extras,
        "resources": [{"id": f"r-{name}", "name": "data", "format": "CSV", "url": f"{REMOTE}/{name}.csv"}],
    }


def test_harvested_datasets_keep_their_source_publisher_and_area(demo_catalogue, settings) -> None:
    settings.OPENDATA_CKAN_ORG_PREFIX = ""
    county = {"name": "consiliul-judetean-timis", "title": "Consiliul Județean Timiș"}
    placed = _harvest(
        _package(
            "drumuri-timis", county, [{"key": "spatial_uri", "value": "https://sws.geonames.org/665091/"}]
        )
    )
    unplaced = _harvest(_package("buget-timis", county, []))
    assert (placed.origin, placed.spatial) == (Dataset.Origin.HARVESTED, "https://sws.geonames.org/665091/")
    assert unplaced.spatial == ""
    graph = _export()
    assert _violations(graph)[0] == 0
    site = "http://testserver"
    placed_node, unplaced_node = dcat.dataset_iri(site, placed), dcat.dataset_iri(site, unplaced)
    assert set(graph.objects(placed_node, DCTERMS.spatial)) == {rdflib.URIRef(placed.spatial)}
    assert set(graph.objects(unplaced_node, DCTERMS.spatial)) == set()
    for node in (placed_node, unplaced_node):
        publisher = graph.value(node, DCTERMS.publisher)
        assert [str(n) for n in graph.objects(publisher, FOAF.name)] == [county["title"]]
        assert publisher != graph.value(next(graph.subjects(RDF.type, DCAT.Catalog)), DCTERMS.publisher)
        assert all(lit.language is None for lit in graph.objects(node, DCTERMS.title))
    local = Dataset.objects.public().exclude(origin=Dataset.Origin.HARVESTED).first()
    city_place = rdflib.URIRef(get_city().spatial_uri)
    assert set(graph.objects(dcat.dataset_iri(site, local), DCTERMS.spatial)) == {city_place}
    assert city_place not in set(graph.objects(placed_node, DCTERMS.spatial))
    catalogue.delete_package(dataset=unplaced)


@pytest.mark.skipif(bool(_reachable()), reason=_reachable() or "CKAN reachable")
def test_datasets_pulled_from_a_real_ckan_keep_its_publisher_and_area(demo_catalogue, settings) -> None:
    settings.OPENDATA_CKAN_ORG_PREFIX = "arad-"
    remote = RemoteCatalogue(CKAN_URL, CKAN_TOKEN)
    org = {"name": "cj-timis", "title": "Consiliul Județean Timiș"}
    remote.ensure_organization(org["name"], org["title"])
    area = "https://sws.geonames.org/665091/"
    for name, extras in (("poduri-timis", [{"key": "spatial_uri", "value": area}]), ("taxe-timis", [])):
        package = {
            "name": name,
            "title": f"Date {name}",
            "notes": "Publicate de județ.",
            "owner_org": org["name"],
            "license_id": "cc-by",
            "extras": extras,
            "resources": [{"name": "date", "url": f"https://example.org/{name}.csv", "format": "CSV"}],
        }
        existing = remote.show(name)
        remote.update({**package, "id": existing["id"]}) if existing else remote.create(package)
    summary = sync.pull(client=remote, organizations=[org["name"]])
    assert not summary.failed and len(summary.created) == 2
    graph = _export()
    assert _violations(graph)[0] == 0
    site = "http://testserver"
    city = graph.value(next(graph.subjects(RDF.type, DCAT.Catalog)), DCTERMS.publisher)
    for name, spatial in (("poduri-timis", {rdflib.URIRef(area)}), ("taxe-timis", set())):
        node = dcat.dataset_iri(site, Dataset.objects.get(name=name, origin=Dataset.Origin.HARVESTED))
        assert set(graph.objects(node, DCTERMS.spatial)) == spatial
        publisher = graph.value(node, DCTERMS.publisher)
        assert publisher != city
        assert [str(n) for n in graph.objects(publisher, FOAF.name)] == [org["title"]]
