"""The Content-Security-Policy on every response, and the endpoint browsers report violations to."""

from __future__ import annotations

import json
import logging

import pytest
from django.core.cache import cache
from django.test import Client

from portal.core.middleware import tile_origin

REPORT = {
    "csp-report": {
        "document-uri": "https://portal.example/ro/map/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "line-number": 12,
        "source-file": "https://portal.example/ro/map/",
        "original-policy": "default-src 'self'",
    }
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/api/v1/openapi.json", "/ro/no-such-page/"])
def test_every_response_carries_the_strict_policy(client, path):
    response = client.get(path)

    assert "Content-Security-Policy-Report-Only" not in response
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert policy["report-uri"] == ["/csp-report"]


@pytest.mark.django_db
def test_the_tile_server_of_the_settings_is_allowed_for_images(client, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png"

    policy = directives(client.get("/healthz")["Content-Security-Policy"])

    assert policy["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("http://tiles.local:8080/{z}/{x}/{y}.png", "http://tiles.local:8080"),
        ("/tiles/{z}/{x}/{y}.png", ""),  # the portal's own: 'self'
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_tile_origin(url, origin):
    assert tile_origin(url) == origin


@pytest.mark.django_db
def test_the_admin_alone_may_run_inline_scripts(client):
    admin = directives(client.get("/admin/login/")["Content-Security-Policy"])
    public = directives(client.get("/ro/no-such-page/")["Content-Security-Policy"])

    assert "'unsafe-inline'" in admin["script-src"] and admin["object-src"] == ["'none'"]
    assert admin["frame-ancestors"] == ["'self'"]  # Wagtail's preview frames its own pages
    assert "'unsafe-inline'" not in public["script-src"] and "'unsafe-eval'" not in public["script-src"]


@pytest.mark.django_db
def test_report_only_switch(client, settings):
    settings.CSP_REPORT_ONLY = True

    response = client.get("/healthz")

    assert "Content-Security-Policy" not in response
    assert directives(response["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'"]


def post_report(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/csp-report", data=data, content_type=content_type, **extra)


def test_a_report_is_logged_without_a_csrf_token(caplog):
    client = Client(enforce_csrf_checks=True)

    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = post_report(client, REPORT)

    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    logged = json.loads(record.getMessage().removeprefix("CSP violation: "))
    assert logged["blocked-uri"] == "inline" and logged["line-number"] == "12"
    assert "original-policy" not in logged


def test_reporting_api_batches_are_logged(client, caplog):
    batch = [
        {"type": "csp-violation", "body": {"documentURL": "https://portal.example/", "blockedURL": "eval"}},
        {"type": "deprecation", "body": {"id": "x"}},
    ]
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = post_report(client, batch, content_type="application/reports+json")

    assert response.status_code == 204
    assert len([r for r in caplog.records if r.name == "portal.csp"]) == 1


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        "[]",
        "{}",
        '{"csp-report": "x"}',
        '{"csp-report": {"a": 1}}',
        "[1, 2]",
        "null",
    ],
)
def test_garbage_is_a_bad_request(client, body):
    assert post_report(client, body).status_code == 400


def test_only_post_and_small_bodies(client, settings):
    assert client.get("/csp-report").status_code == 405
    big = {"csp-report": {**REPORT["csp-report"], "blocked-uri": "x" * settings.CSP_REPORT_MAX_BYTES}}
    assert post_report(client, big).status_code == 413


def test_reports_are_rate_limited_per_address(client, settings):
    settings.CSP_REPORT_LIMIT_PER_MINUTE = 3

    statuses = [post_report(client, REPORT).status_code for _ in range(4)]
    other = post_report(client, REPORT, REMOTE_ADDR="198.51.100.9")

    assert statuses == [204, 204, 204, 429]
    assert other.status_code == 204
