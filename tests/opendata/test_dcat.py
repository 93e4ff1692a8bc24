"""The DCAT-AP 3 export in Turtle, JSON-LD and RDF/XML passes the DCAT-AP 3.0.0 SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from django.test import Client
from rdflib.namespace import DCAT, RDF

import opendata

SHAPES = rdflib.Graph().parse(Path(opendata.__file__).parent / "shacl" / "dcat-ap-3.0.0-shapes.ttl")


@pytest.mark.parametrize(
    ("extension", "rdf_format"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("rdf", "xml")]
)
def test_catalogue_export_conforms(demo_catalogue, extension, rdf_format) -> None:
    response = Client().get(f"/opendata/catalog.{extension}")
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format=rdf_format)
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 4
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == 4
    conforms, _, text = pyshacl.validate(graph, shacl_graph=SHAPES, inference="none")
    assert conforms, text


def test_the_shapes_catch_a_dataset_without_description() -> None:
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef("http://example.org/d"), RDF.type, DCAT.Dataset))
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=SHAPES, inference="none")
    assert not conforms
