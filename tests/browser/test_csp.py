"""Chromium under the enforced Content-Security-Policy: every public page type, in every language,
runs with no violation (no `securitypolicyviolation` event, no CSP console error, no report)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from cctv.selectors import public_cameras
from gis.models import Feature, PublicBuilding
from opendata.models import Dataset, Resource
from tests.db_snapshots import load_demo_data

pytestmark = pytest.mark.browser

LANGUAGES = ["ro", "en", "hu"]
LISTS = [
    "",
    "search/?q=certificat",
    "search/?q=zzzzqqq-nothing",
    "track/",
    "map/",
    "map/list/",
    "cameras/",
    "cameras/map/",
    "cameras/your-rights/",
    "opendata/",
    "opendata/requests/",
    "kpi/",
    "chatbot/",
    "learning/signup/",
    "learning/login/",
    "learning/password-reset/",
    "verify?n=A1B2C-3D4E5",
    "no-such-page/",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def city(transactional_db, live_server):
    load_demo_data(("load_demo", {"all": True, "verbosity": 0}))
    return live_server


def detail_paths(language: str) -> list[str]:
    """A public map feature, building, camera, dataset and resource in `language`."""
    feature = Feature.objects.filter(layer__public=True).exclude(layer__key="public-buildings").first()
    camera = public_cameras().first()
    resource = Resource.objects.filter(dataset__in=Dataset.objects.public()).select_related("dataset").first()
    assert feature and camera and resource, "the demo has no feature, camera or resource"
    with override(language):
        return [
            reverse("gismap:feature", kwargs={"layer": feature.layer.key, "fid": str(feature.pk)}),
            PublicBuilding.objects.first().get_absolute_url(),
            reverse("cctv:camera", kwargs={"code": camera.code}),
            reverse("opendata:dataset", kwargs={"name": resource.dataset.name}),
            reverse("opendata:resource", kwargs={"name": resource.dataset.name, "pk": resource.pk}),
        ]


def page_urls(base: str) -> list[str]:
    """One live Wagtail page of each type per language, the apps' pages, and their detail pages."""
    urls = []
    seen: set[tuple[int, str]] = set()
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path"):
        key = (page.content_type_id, page.locale.language_code)
        if key not in seen:
            seen.add(key)
            urls.append(base + page.url)
    for language in LANGUAGES:
        urls += [f"{base}/{language}/{path}" for path in LISTS]
        urls += [base + path for path in detail_paths(language)]
    urls.append(f"{base}/api/v1/docs")
    return urls


def test_no_page_violates_the_policy(city, browser, caplog):
    context = browser.new_context(locale="ro-RO")
    context.add_init_script(RECORD_VIOLATIONS)
    context.route(re.compile(r"^https://tile\.openstreetmap\.org/"), lambda route: route.abort())
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    found: dict[str, list[str]] = {}
    try:
        urls = page_urls(city.url)
        for url in urls:
            console.clear()
            response = tab.goto(url)
            assert response is not None and response.status in (200, 404), (
                f"{url}: {response and response.status}"
            )
            assert "script-src 'self'" in response.headers["content-security-policy"], url
            tab.wait_for_load_state("networkidle")
            violations = tab.evaluate("window.__cspViolations") + [
                text for text in console if "Content Security Policy" in text
            ]
            if violations:
                found[url] = violations
    finally:
        context.close()

    assert not found, "CSP violations:\n" + "\n".join(f"{url}: {v}" for url, v in found.items())
    assert len(urls) > 60  # every language's page types were visited
    assert not [r for r in caplog.records if r.name == "portal.csp"]  # nothing reported either
