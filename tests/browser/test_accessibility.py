"""The public site in a real browser: WCAG 2.1 AA by axe-core in every language, phone layout,
keyboard access, the language switcher, and an online request sent with JavaScript off."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from portal.home.models import ContactPage, HomePage, NewsPage
from portal.services.models import DepartmentPage, ServicePage
from tests.db_snapshots import load_demo_data
from tests.demo_pages import online_service

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["ro", "en", "hu"]
PHONE = {"width": 360, "height": 740}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' ')),
  }));
}"""


@pytest.fixture
def city(transactional_db, live_server):
    """The demo city, committed (`transactional_db`) so that the live server's thread sees it;
    returns the live server. Each test starts from the migrated data (tests/conftest.py), so it
    loads the city again. Loading it takes a while: the tests below are few and each checks a
    whole journey."""
    load_demo_data(("load_demo", {"verbosity": 0}))
    return live_server


def search_word(service: ServicePage) -> str:
    """The longest word of the service's title: a query that must find it."""
    return max(re.findall(r"\w+", service.title), key=len)


# Finite CSS animations (a message fading in) finished first: axe measures colours mid-fade.
SETTLE = """Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


def axe_violations(tab) -> list[dict]:
    tab.evaluate(SETTLE)
    tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    return tab.evaluate(RUN_AXE, WCAG_TAGS)


def assert_accessible(tab, url: str, status: int = 200) -> None:
    response = tab.goto(url)
    assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
    violations = axe_violations(tab)
    assert not violations, f"axe found WCAG 2.1 AA violations on {url}:\n" + json.dumps(
        violations, indent=2, ensure_ascii=False
    )


def test_pages_pass_axe_in_every_language(city, page):
    for language in LANGUAGES:
        home = HomePage.objects.live().get(locale__language_code=language)
        service = online_service(language)
        assert_accessible(page, city.url + home.url)
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, city.url + service.url)
        query = search_word(service)
        assert_accessible(page, f"{city.url}/{language}/search/?q={query}")
        assert page.locator(".results a", has_text=service.title).count() == 1

    # The other page types, an empty search, the 404 page (in Romanian).
    for model in (DepartmentPage, NewsPage, ContactPage):
        target = model.objects.live().filter(locale__language_code="ro").first()
        assert target is not None, f"the demo city has no {model.__name__} in ro"
        assert_accessible(page, city.url + target.url)
        assert_accessible(page, city.url + target.get_parent().url)
    assert_accessible(page, f"{city.url}/ro/search/?q=zzzzqqq-nothing")
    assert page.locator(".no-results").count() == 1
    assert_accessible(page, f"{city.url}/ro/no-such-page/", status=404)

    # The request form sent empty: the error summary and the fields' messages must be accessible too.
    service = online_service("ro")
    page.goto(city.url + service.url)
    page.locator("#service-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    assert page.title().startswith("Eroare")
    invalid = page.locator("#service-form [aria-invalid=true]")
    assert invalid.count() >= 1
    described = invalid.first.get_attribute("aria-describedby") or ""
    assert any(page.locator(f"#{i}").count() == 1 for i in described.split()), described
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)

    # Sent properly: the thank-you page.
    fill_form(page, service)
    page.locator("#service-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".confirmation").count() == 1
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)


def test_phone_layout_and_skip_link(city, browser):
    context = browser.new_context(viewport=PHONE, locale="ro-RO", has_touch=True, is_mobile=True)
    try:
        tab = context.new_page()
        for language in LANGUAGES:
            home = HomePage.objects.live().get(locale__language_code=language)
            service = online_service(language)
            for url in (home.url, service.url, f"/{language}/search/?q={search_word(service)}"):
                tab.goto(city.url + url)
                widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                assert widths[0] <= widths[1], f"{url} scrolls sideways at 360px: {widths}"

        tab.goto(city.url + online_service("ro").url)
        tab.keyboard.press("Tab")
        first = tab.evaluate(
            "(() => { const a = document.activeElement; const r = a.getBoundingClientRect();"
            " return {cls: a.className, href: a.getAttribute('href'), top: r.top, height: r.height}; })()"
        )
        assert first["cls"] == "skip-link" and first["href"] == "#main", first
        assert first["top"] >= 0 and first["height"] >= 24, f"the focused skip link is not visible: {first}"
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.id") == "main"
        # The next Tab stop is inside the main content, not back in the header.
        tab.keyboard.press("Tab")
        assert tab.evaluate("!!document.activeElement.closest('main')")
    finally:
        context.close()


def test_language_switcher_leads_to_the_translated_service(city, page):
    service = online_service("ro")
    translations = {p.locale.language_code: p for p in service.get_translations().live()}
    assert {"en", "hu"} <= set(translations)
    for language, native in (("en", "English"), ("hu", "Magyar")):
        page.goto(city.url + service.url)
        link = page.locator(f".lang-switcher a[hreflang={language}]")
        assert link.inner_text().strip() == native
        assert link.get_attribute("lang") == language
        link.click()
        page.wait_for_load_state()
        assert page.url == city.url + translations[language].url
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").inner_text().strip() == translations[language].title
        current = page.locator(".lang-switcher a[aria-current]")
        assert current.get_attribute("hreflang") == language


def fill_form(tab, service: ServicePage) -> None:
    """Fill every field of the service's request form with something valid."""
    for field in service.get_form_fields():
        name = field.clean_name
        kind = field.field_type
        if kind == "checkbox":
            tab.check(f"[name='{name}']")
        elif kind in ("radio", "checkboxes"):
            tab.locator(f"[name='{name}']").first.check()
        elif kind in ("dropdown", "multiselect"):
            last = tab.locator(f"select[name='{name}'] option").count() - 1
            tab.select_option(f"select[name='{name}']", index=last)
        elif kind == "email":
            tab.fill(f"[name='{name}']", "ana.pop@example.org")
        elif kind == "number":
            tab.fill(f"[name='{name}']", "3")
        elif kind == "url":
            tab.fill(f"[name='{name}']", "https://example.org/")
        elif kind == "date":
            tab.fill(f"[name='{name}']", "2026-03-01")
        elif kind == "datetime":
            tab.fill(f"[name='{name}']", "2026-03-01 10:00")
        elif kind != "hidden":
            tab.fill(f"[name='{name}']", "Ana Pop, Str. Mărului 3, Arad")


def test_online_request_works_without_javascript(city, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        tab = context.new_page()
        for language in ("ro", "hu"):
            service = online_service(language)
            tab.goto(city.url + service.url)
            fill_form(tab, service)
            tab.locator("#service-form button[type=submit]").click()
            tab.wait_for_load_state()
            assert tab.locator(".confirmation").count() == 1, tab.content()[:2000]
            assert tab.locator("html").get_attribute("lang") == language
            assert tab.locator("#service-form").count() == 0
    finally:
        context.close()
