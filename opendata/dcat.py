"""The catalogue as DCAT-AP 3 (Turtle, JSON-LD, RDF/XML), for European data portals' harvesters.

Every IRI is language-neutral and resolves on this site: datasets and distributions at their
un-prefixed page paths (redirected to the reader's language; the landing page is the one in the
site's default language), publishers at the catalogue filtered
by that publisher. Literals carry the language they are written in: labels the product translates
appear once per language that has a translation; staff-entered text of our own datasets is in the
site's default language; text harvested from another portal comes untagged (its language is not
known).
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import re
from pathlib import Path
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from portal.core.city import get_city

from .models import FREQUENCY_URI, LICENSES, Dataset, Organization
from .models.catalogue import THEMES
from .selectors import dictize

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = {"CSV": "text/csv", "JSON": "application/json", "GEOJSON": "application/geo+json"}
FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}
FILE_NAME = re.compile(r"[\w.-]+\.[A-Za-z0-9]{1,5}")
CATALOGUE_TITLE = gettext_noop("%(city)s – open data")
CATALOGUE_DESCRIPTION = gettext_noop("Open data of %(authority)s.")


def languages() -> list[str]:
    """The languages the site offers (ro, en, hu)."""
    return [code for code, _name in settings.LANGUAGES]


def source_language() -> str:
    """The language msgids are written in."""
    return "en"


class _Missing(gettext_module.NullTranslations):
    """End of a catalogue chain: a message no catalogue of the language holds comes back empty."""

    def gettext(self, message: str) -> str:
        return ""


@functools.cache
def _own_catalogue(lang: str) -> gettext_module.NullTranslations:
    """The language's own compiled catalogues (project and apps), without Django's fallback to the
    default language, so that a missing translation is seen as missing."""
    dirs = [*settings.LOCALE_PATHS, *(Path(app.path) / "locale" for app in apps.get_app_configs())]
    chain: gettext_module.NullTranslations = _Missing()
    for directory in reversed(dirs):
        found = gettext_module.translation("django", str(directory), [lang], fallback=True)
        if isinstance(found, gettext_module.GNUTranslations):
            found.add_fallback(chain)
            chain = found
    return chain


def translated(msgid: str) -> dict[str, str]:
    """`msgid` in every offered language that really has it (English is the source)."""
    texts = {}
    for lang in languages():
        text = msgid if lang == source_language() else _own_catalogue(lang).gettext(msgid)
        if text:
            texts[lang] = text
    return texts


def _labels(msgid: str) -> list[Literal]:
    return [Literal(text, lang=lang) for lang, text in translated(msgid).items()]


def _city_labels(msgid: str) -> list[Literal]:
    """`msgid` in every language, with the city's and city hall's names in that language."""
    city = get_city()
    return [
        Literal(text % {"city": city.name(lang), "authority": city.authority(lang)}, lang=lang)
        for lang, text in translated(msgid).items()
    ]


def _default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def _staff_text(text: str, dataset: Dataset) -> Literal:
    """Text typed into our catalogue is in the default language; harvested text and file names
    (a resource named after its file) are in no language we know, so untagged."""
    if dataset.origin == Dataset.Origin.HARVESTED or FILE_NAME.fullmatch(text):
        return Literal(text)
    return Literal(text, lang=_default_language())


def dataset_iri(site: str, dataset: Dataset) -> URIRef:
    return URIRef(f"{site}/opendata/dataset/{dataset.name}/")


def distribution_iri(site: str, dataset: Dataset, resource_pk: object) -> URIRef:
    return URIRef(f"{site}/opendata/dataset/{dataset.name}/resource/{resource_pk}/")


def publisher_iri(site: str, organization: Organization) -> URIRef:
    """The catalogue's page of this publisher's datasets."""
    return URIRef(f"{site}/opendata/?{urlencode({'organization': organization.name})}")


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
    homepage = URIRef(f"{site}/opendata/")
    g.add((catalog, RDF.type, DCAT.Catalog))
    for label in _city_labels(CATALOGUE_TITLE):
        g.add((catalog, DCTERMS.title, label))
    for label in _city_labels(CATALOGUE_DESCRIPTION):
        g.add((catalog, DCTERMS.description, label))
    g.add((catalog, DCTERMS.publisher, city))
    g.add((catalog, FOAF.homepage, homepage))
    g.add((homepage, RDF.type, FOAF.Document))
    g.add((city, RDF.type, FOAF.Agent))
    for lang in languages():
        g.add((city, FOAF.name, Literal(get_city().authority(lang), lang=lang)))
    for dataset in dictize.with_relations(Dataset.objects.public().order_by("name")):
        node = dataset_iri(site, dataset)
        g.add((catalog, DCAT.dataset, node))
        _dataset(g, node, dataset, site)
    return g


def _spatial(g: Graph, node: URIRef, dataset: Dataset) -> None:
    """The area covered, as the dataset says it: a place IRI, or a named place; nothing if unknown."""
    text = (dataset.spatial or "").strip()
    if not text:
        return
    if dataset.origin != Dataset.Origin.HARVESTED and text == get_city().spatial_label:
        place: URIRef | BNode = URIRef(get_city().spatial_uri)
    elif text.startswith(("http://", "https://")):
        place = URIRef(text)
    else:
        place = BNode()
        g.add((place, LOCN.geographicName, Literal(text)))
    g.add((node, DCTERMS.spatial, place))
    g.add((place, RDF.type, DCTERMS.Location))


def _themes(g: Graph, node: URIRef, dataset: Dataset) -> None:
    for theme in dataset.themes.all():
        concept = URIRef(theme.uri)
        g.add((node, DCAT.theme, concept))
        g.add((concept, RDF.type, SKOS.Concept))
        with translation.override(source_language()):
            msgid = str(THEMES.get(theme.code, theme.code))
        for label in _labels(msgid):
            g.add((concept, SKOS.prefLabel, label))


def _dataset(g: Graph, node: URIRef, dataset: Dataset, site: str) -> None:
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.identifier, Literal(str(dataset.pk))))
    g.add((node, DCTERMS.title, _staff_text(dataset.title, dataset)))
    g.add((node, DCTERMS.description, _staff_text(dataset.notes or dataset.title, dataset)))
    for prop, value in (
        (DCTERMS.issued, dataset.metadata_created),
        (DCTERMS.modified, dataset.metadata_modified),
    ):
        g.add((node, prop, Literal(value.replace(microsecond=0), datatype=XSD.dateTime)))
    publisher = publisher_iri(site, dataset.organization)
    g.add((node, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, _staff_text(dataset.organization.title, dataset)))
    for tag in dataset.tags.all():
        g.add((node, DCAT.keyword, _staff_text(tag.name, dataset)))
    _themes(g, node, dataset)
    frequency = URIRef(FREQUENCY_URI + dataset.frequency)
    g.add((node, DCTERMS.accrualPeriodicity, frequency))
    g.add((frequency, RDF.type, DCTERMS.Frequency))
    _spatial(g, node, dataset)
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
    page = URIRef(f"{site}/{_default_language()}/opendata/dataset/{dataset.name}/")
    g.add((node, DCAT.landingPage, page))
    g.add((page, RDF.type, FOAF.Document))
    licence = URIRef(LICENSES.get(dataset.license_id, LICENSES["CC-BY-4.0"])["eu"])
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    for resource in dataset.resources.all():
        _distribution(g, node, dataset, resource, licence, site)


def _distribution(g: Graph, node: URIRef, dataset: Dataset, resource, licence: URIRef, site: str) -> None:
    dist = distribution_iri(site, dataset, resource.pk)
    url = URIRef(dictize.download_url(resource, site))
    g.add((node, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCAT.accessURL, url))
    g.add((dist, DCAT.downloadURL, url))
    g.add((url, RDF.type, RDFS.Resource))
    g.add((dist, DCTERMS.title, _staff_text(resource.name, dataset)))
    if resource.description:
        g.add((dist, DCTERMS.description, _staff_text(resource.description, dataset)))
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
    if resource.size is not None and resource.size >= 0:
        g.add((dist, DCAT.byteSize, Literal(resource.size, datatype=XSD.nonNegativeInteger)))
    if resource.last_modified:
        modified = Literal(resource.last_modified.replace(microsecond=0), datatype=XSD.dateTime)
        g.add((dist, DCTERMS.modified, modified))


def serialize(*, fmt: str, site: str | None = None) -> bytes:
    """The catalogue in one of FORMATS' serialisations (by media type)."""
    return catalogue_graph(site=site).serialize(format=FORMATS[fmt], encoding="utf-8")
