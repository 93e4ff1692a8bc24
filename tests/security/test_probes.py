"""Injection and overflow probes sent to every public GET parameter: no answer may be a 5xx.

Each case is one (endpoint, parameter, probe), so a failure names all three. The endpoints are
the public pages and APIs with the query parameters they read; URLs that need a real object
(a layer, a dataset, a camera, a Wagtail page of each type) take it from the demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from tests.db_snapshots import load_demo_data

# Injection and query-syntax probes, sent to every parameter.
PROBES: dict[str, str] = {
    "quote": '"',
    "sql": "' OR 1=1 --",
    "solr-all": "*:*",
    "paren": "(",
    "nested-parens": "(" * 400,
    "huge-int": str(10**20),
    "minus-one": "-1",
    "nan": "NaN",
    "inf": "inf",
    "1e300": "1e300",
    "long-10k": "a " * 5000,
    "nul": "a\x00b",
    "bad-date": "2020-13-45",
    "solr-range": "[NOW-99999999999YEARS TO *]",
}
# And to parameters of a kind (`name:kind` below), what breaks that kind.
KIND_PROBES: dict[str, dict[str, str]] = {
    "int": {"digits-5000": "9" * 5000, "superscript": "²", "empty": ""},
    "search": {"star": "*", "fts-and": "AND", "fts-or": "a OR", "fts-near": "NEAR(", "empty": ""},
    "bbox": {"bbox-huge": "-1e300,-1e300,1e300,1e300", "bbox-nan": "nan,nan,nan,nan"},
    "fq": {
        "fq-id-sql": "id:' OR 1=1 --",
        "fq-bad-date": "metadata_modified:[2020-13-45 TO *]",
        "fq-now-overflow": "metadata_modified:[NOW-99999999999YEARS TO *]",
    },
}

LANG = "en"
# (endpoint id, method, URL, parameters as `name` or `name:kind`). `{name}` placeholders are
# filled from the demo data; `{property}` is a property of the map layer's features, and
# `{property}__regex` asks for an ORM lookup the map APIs must not pass through.
ENDPOINTS: list[tuple[str, str, str, list[str]]] = [
    # portal
    ("site-search", "GET", "/{lang}/search/", ["q:search", "page:int"]),
    ("qr-verify", "GET", "/{lang}/verify", ["p", "n"]),
    ("api-departments", "GET", "/api/v1/departments", ["lang"]),
    ("api-services", "GET", "/api/v1/services", ["q:search", "lang"]),
    ("api-service", "GET", "/api/v1/services/{service_slug}", ["lang"]),
    ("api-document-status", "GET", "/api/v1/documents/status", ["number", "pin", "lang"]),
    ("api-document-track", "GET", "/api/v1/documents/track/{document_token}", ["lang"]),
    ("documents-lookup", "POST", "/{lang}/track/", ["number", "pin"]),
    ("feedback", "POST", "/{lang}/feedback/", ["solution", "score:int", "comment", "next"]),
    ("chatbot", "POST", "/{lang}/chatbot/", ["message"]),
    # cctv
    ("cameras", "GET", "/{lang}/cameras/", ["district", "purpose"]),
    ("api-cctv-cameras", "GET", "/api/v1/cctv/cameras", ["district", "purpose"]),
    # safety
    ("call-points", "GET", "/{lang}/call-points/", ["district"]),
    ("api-safety-call-points", "GET", "/api/v1/safety/call-points", ["district", "lang"]),
    # participation
    ("budget", "GET", "/{lang}/budget/", ["district"]),
    ("budget-take-part", "POST", "/{lang}/budget/take-part/", ["email", "next"]),
    ("consultations-confirm-email", "POST", "/{lang}/participation/confirm-email/", ["email", "next"]),
    # training
    ("training-signup", "GET", "/{lang}/learning/signup/", ["next"]),
    ("training-login", "GET", "/{lang}/learning/login/", ["next"]),
    ("training-password-reset", "POST", "/{lang}/learning/password-reset/", ["email"]),
    ("training-about-you", "GET", "/{lang}/learning/about-you/", ["session:int", "course:int"]),
    ("api-training-tutorials", "GET", "/api/v1/training/tutorials", ["service", "lang"]),
    # map
    ("map", "GET", "/{lang}/map/", ["layers", "q:search", "feature"]),
    ("map-list", "GET", "/{lang}/map/list/", ["layer", "page:int"]),
    (
        "api-gis-features",
        "GET",
        "/api/v1/gis/layers/{layer}/features",
        ["bbox:bbox", "limit:int", "offset:int", "{property}", "{property}__regex"],
    ),
    (
        "api-gis-nearest",
        "GET",
        "/api/v1/gis/nearest?kind=building&lat=46.18&lon=21.31",
        ["lat:int", "lon:int", "limit:int"],
    ),
    ("api-gis-places", "GET", "/api/v1/gis/places", ["q:search", "limit:int"]),
    ("ogc-collections", "GET", "/ogcapi/collections", ["f"]),
    (
        "ogc-items",
        "GET",
        "/ogcapi/collections/{layer}/items",
        ["bbox:bbox", "limit:int", "offset:int", "datetime", "f", "{property}", "{property}__regex"],
    ),
    # open data
    (
        "catalogue",
        "GET",
        "/{lang}/opendata/",
        ["q:search", "page:int", "organization", "tags", "res_format", "sort"],
    ),
    ("catalogue-requests", "GET", "/{lang}/opendata/requests/", ["page:int"]),
    ("catalogue-resource", "GET", "/{lang}/opendata/dataset/{dataset}/resource/{resource}/", ["page:int"]),
    ("ckan-package-list", "GET", "/api/3/action/package_list", ["limit:int", "offset:int"]),
    (
        "ckan-current-packages",
        "GET",
        "/api/3/action/current_package_list_with_resources",
        ["limit:int", "offset:int", "page:int"],
    ),
    (
        "ckan-package-search",
        "GET",
        "/api/3/action/package_search",
        ["q:search", "fq:fq", "rows:int", "start:int", "sort"],
    ),
    ("ckan-package-show", "GET", "/api/3/action/package_show", ["id"]),
    ("ckan-organization-list", "GET", "/api/3/action/organization_list", ["limit:int", "offset:int", "sort"]),
    ("ckan-tag-list", "GET", "/api/3/action/tag_list", ["query"]),
    ("ckan-resource-show", "GET", "/api/3/action/resource_show", ["id"]),
    (
        "ckan-resource-search",
        "GET",
        "/api/3/action/resource_search",
        ["query", "limit:int", "offset:int", "order_by"],
    ),
    (
        "ckan-datastore-search",
        "GET",
        "/api/3/action/datastore_search?resource_id={resource}",
        ["q:search", "limit:int", "offset:int", "sort", "filters"],
    ),
]
# The form fields sent with a probed one, so that the probe reaches the code behind the form.
POST_DATA: dict[str, dict[str, str]] = {
    "documents-lookup": {"number": "AR-2026-000001", "pin": "000000"},
    "feedback": {"solution": "map", "score": "9", "comment": "", "next": "/"},
    "chatbot": {"message": "Bună ziua"},
    "training-password-reset": {"email": "nobody@example.org"},
    "budget-take-part": {"email": "nobody@example.org", "next": "/"},
    "consultations-confirm-email": {"email": "nobody@example.org", "next": "/"},
}
# Every Wagtail page type that lists others, with `page` (lists paginate with it) on one live
# page of each.
PAGE_TYPES = [
    "home.HomePage",
    "home.NewsIndexPage",
    "services.DepartmentIndexPage",
    "services.ServiceIndexPage",
    "training.TrainingIndexPage",
    "training.CoursePage",
    "training.ModulePage",
]


def _probes(kind: str) -> dict[str, str]:
    return {**PROBES, **KIND_PROBES.get(kind, {})}


def _cases() -> Iterator[Any]:
    for endpoint, method, url, params in ENDPOINTS:
        for spec in params:
            param, _, kind = spec.partition(":")
            for probe, value in _probes(kind).items():
                yield _case(endpoint, method, url, param, probe, value)
    for page_type in PAGE_TYPES:
        for probe, value in _probes("int").items():
            yield _case(f"page:{page_type}", "GET", "{page:" + page_type + "}", "page", probe, value)


def _case(endpoint: str, method: str, url: str, param: str, probe: str, value: str) -> Any:
    return pytest.param(endpoint, method, url, param, value, id=f"{endpoint}|{param}|{probe}")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[dict[str, str]]:
    """The demo city with every app's data, loaded once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_data(("load_demo", {"all": True, "verbosity": 0}))
        yield _demo_values()
        transaction.set_rollback(True)


def _demo_values() -> dict[str, str]:
    from wagtail.models import Locale, Page

    from cctv.models import Camera
    from gis.models import Layer
    from opendata.models import Resource
    from portal.documents.models import Document
    from portal.services.models import ServicePage

    layer = Layer.objects.filter(public=True, features__isnull=False).distinct().first()
    prop = next(iter(layer.features.first().properties or {"name": ""}))
    resource = Resource.objects.select_related("dataset").filter(datastore_active=True).first() or (
        Resource.objects.select_related("dataset").first()
    )
    values = {
        "lang": LANG,
        "layer": layer.key,
        "property": prop,
        "dataset": resource.dataset.name,
        "resource": str(resource.pk),
        "camera_code": Camera.objects.public().first().code,
        "document_token": Document.objects.first().token,
        "service_slug": ServicePage.objects.live().first().slug,
    }
    locale = Locale.objects.get(language_code=LANG)
    for page_type in PAGE_TYPES:
        page = Page.objects.live().public().filter(locale=locale).exact_type(_type_for(page_type)).first()
        values[f"page:{page_type}"] = page.url if page else ""
    return values


def _type_for(page_type: str) -> Any:
    from django.apps import apps

    return apps.get_model(page_type)


CLIENT = Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint,method,url,param,value", list(_cases()))
def test_probe_gets_no_server_error(
    demo: dict[str, str], endpoint: str, method: str, url: str, param: str, value: str
) -> None:
    path = demo[url[1:-1]] if url.startswith("{page:") else url.format(**demo)
    if not path:
        pytest.skip(f"the demo has no live {url[6:-1]}")
    name = param.format(**demo)
    if method == "POST":
        response = CLIENT.post(path, {**POST_DATA[endpoint], name: value})
    else:
        response = CLIENT.get(path, {name: value})
    assert response.status_code < 500, (
        f"{method} {path} {name}={value[:60]!r} answered {response.status_code}"
    )
