"""The catalogue as DCAT-AP 3 (Turtle, JSON-LD, RDF/XML), for European data portals' harvesters."""

from __future__ import annotations

from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from portal.core.city import get_city

from .models import FREQUENCY_URI, LICENSES, Dataset
from .selectors import dictize

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = {"CSV": "text/csv", "JSON": "application/json", "GEOJSON": "application/geo+json"}
FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}


def catalogue_graph(*, site: str | None = None) -> Graph:
    """Every public dataset with its distributions, publisher, themes, licence and contact point."""
    site = (site or dictize.base_url()).rstrip("/")
    g = Graph()
    for prefix, ns in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("skos", SKOS),
        ("locn", LOCN),
    ):
        g.bind(prefix, ns)
    catalog = URIRef(f"{site}/opendata/catalog")
    city = URIRef(f"{site}/#city-hall")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(f"{get_city().name('ro')} – date deschise", lang="ro")))
    g.add((catalog, DCTERMS.title, Literal(f"{get_city().name('en')} – open data", lang="en")))
    g.add((catalog, DCTERMS.description, Literal(f"Date deschise: {get_city().authority('ro')}.", lang="ro")))
    g.add((catalog, DCTERMS.description, Literal(f"Open data of {get_city().authority('en')}.", lang="en")))
    g.add((catalog, DCTERMS.publisher, city))
    g.add((catalog, FOAF.homepage, URIRef(f"{site}/ro/opendata/")))
    g.add((city, RDF.type, FOAF.Agent))
    g.add((city, FOAF.name, Literal(get_city().authority("ro"), lang="ro")))
    for dataset in dictize.with_relations(Dataset.objects.public().order_by("name")):
        node = URIRef(site + reverse("opendata:dataset", args=[dataset.name]))
        g.add((catalog, DCAT.dataset, node))
        _dataset(g, node, dataset, site)
    return g


def _dataset(g: Graph, node: URIRef, dataset: Dataset, site: str) -> None:
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.identifier, Literal(str(dataset.pk))))
    g.add((node, DCTERMS.title, Literal(dataset.title, lang="ro")))
    g.add((node, DCTERMS.description, Literal(dataset.notes or dataset.title, lang="ro")))
    g.add(
        (
            node,
            DCTERMS.issued,
            Literal(dataset.metadata_created.replace(microsecond=0), datatype=XSD.dateTime),
        )
    )
    g.add(
        (
            node,
            DCTERMS.modified,
            Literal(dataset.metadata_modified.replace(microsecond=0), datatype=XSD.dateTime),
        )
    )
    publisher = URIRef(f"{site}/opendata/organization/{dataset.organization.name}")
    g.add((node, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(dataset.organization.title, lang="ro")))
    for tag in dataset.tags.all():
        g.add((node, DCAT.keyword, Literal(tag.name, lang="ro")))
    for theme in dataset.themes.all():
        concept = URIRef(theme.uri)
        g.add((node, DCAT.theme, concept))
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.prefLabel, Literal(theme.title, lang="en")))
    frequency = URIRef(FREQUENCY_URI + dataset.frequency)
    g.add((node, DCTERMS.accrualPeriodicity, frequency))
    g.add((frequency, RDF.type, DCTERMS.Frequency))
    place = URIRef(get_city().spatial_uri)
    g.add((node, DCTERMS.spatial, place))
    g.add((place, RDF.type, DCTERMS.Location))
    if dataset.temporal_start or dataset.temporal_end:
        period = BNode()
        g.add((node, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if dataset.temporal_start:
            g.add((period, DCAT.startDate, Literal(dataset.temporal_start, datatype=XSD.date)))
        if dataset.temporal_end:
            g.add((period, DCAT.endDate, Literal(dataset.temporal_end, datatype=XSD.date)))
    if dataset.contact_email or dataset.contact_name:
        contact = BNode()
        g.add((node, DCAT.contactPoint, contact))
        g.add((contact, RDF.type, VCARD.Kind))
        g.add((contact, VCARD.fn, Literal(dataset.contact_name or dataset.organization.title)))
        if dataset.contact_email:
            g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{dataset.contact_email}")))
    g.add((node, DCAT.landingPage, node))
    licence = URIRef(LICENSES.get(dataset.license_id, LICENSES["CC-BY-4.0"])["eu"])
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    for resource in dataset.resources.all():
        dist = URIRef(f"{node}resource/{resource.pk}/")
        url = URIRef(dictize.download_url(resource, site))
        g.add((node, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCTERMS.title, Literal(resource.name, lang="ro")))
        if resource.description:
            g.add((dist, DCTERMS.description, Literal(resource.description, lang="ro")))
        g.add((dist, DCTERMS.license, licence))
        if resource.format:
            fmt = URIRef(FILE_TYPE + resource.format.upper())
            g.add((dist, DCTERMS.format, fmt))
            g.add((fmt, RDF.type, DCTERMS.MediaTypeOrExtent))
        media = MEDIA_TYPES.get(resource.format.upper())
        if media:
            media_node = URIRef(f"https://www.iana.org/assignments/media-types/{media}")
            g.add((dist, DCAT.mediaType, media_node))
            g.add((media_node, RDF.type, DCTERMS.MediaType))
        if resource.size is not None:
            g.add((dist, DCAT.byteSize, Literal(resource.size, datatype=XSD.decimal)))
        if resource.last_modified:
            g.add(
                (
                    dist,
                    DCTERMS.modified,
                    Literal(resource.last_modified.replace(microsecond=0), datatype=XSD.dateTime),
                )
            )


def serialize(*, fmt: str, site: str | None = None) -> bytes:
    """The catalogue in one of FORMATS' serialisations (by media type)."""
    return catalogue_graph(site=site).serialize(format=FORMATS[fmt], encoding="utf-8")
