"""Every public page type of the full demo city (all apps) in Romanian, English and Hungarian,
in one Chromium: WCAG 2.1 AA by axe-core, text in another language marked with its `lang`, no
sideways scrolling on a 360 px phone, no text hidden under a fixed element, and the
accessibility statement linked from the footer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from cctv.models import Camera
from gis.models import Layer, PublicBuilding
from opendata.models import Dataset
from portal.accessibility.models import AccessibilityStatementPage
from portal.core.translation import localized
from portal.home.models import HomePage, NewsIndexPage, NewsPage
from portal.services.models import ServiceIndexPage, ServicePage
from tests.db_snapshots import load_demo_data
from training.models.pages import LessonPage, TrainingIndexPage

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["ro", "en", "hu"]
PHONE = {"width": 360, "height": 740}
CRUMBS = "nav.breadcrumbs[aria-label] li:last-child a[aria-current=page]"

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""

# Visible text elements whose centre, once scrolled into view, is covered by something else.
COVERED = """() => {
  const fixed = el => {
    for (let e = el; e; e = e.parentElement) {
      if (['fixed', 'sticky'].includes(getComputedStyle(e).position)) return true;
    }
    return false;
  };
  const leaves = Array.from(document.querySelectorAll('main *, footer *')).filter(el => {
    const skipped = '.leaflet-container, [aria-hidden=true], .visually-hidden, details:not([open])';
    if (el.closest(skipped)) return false;
    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !fixed(el);
  });
  const covered = [];
  const pending = new Set(leaves);
  const bottom = document.scrollingElement.scrollHeight;
  for (let y = 0; pending.size && y < bottom; y += Math.floor(innerHeight / 2)) {
    window.scrollTo({top: y, behavior: 'instant'});
    for (const el of Array.from(pending)) {
      const r = el.getBoundingClientRect();
      const cy = r.top + r.height / 2;
      if (cy < 0 || cy >= innerHeight) continue;
      pending.delete(el);
      const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const hit = document.elementFromPoint(cx, cy);
      if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) {
        const what = el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '"';
        covered.push(what + ' under ' + hit.tagName + '.' + hit.className);
      }
    }
  }
  window.scrollTo({top: 0, behavior: 'instant'});
  return covered.slice(0, 5);
}"""

# For each [text, lang]: the deepest elements holding the text, and the language they are marked in.
LANG_OF = """(texts) => texts.map(([text, lang]) => {
  const norm = s => s.replace(/\\s+/g, ' ').trim();
  const holders = Array.from(document.querySelectorAll('main *:not(script, style, template)')).filter(el =>
    norm(el.textContent).includes(text)
    && !Array.from(el.children).some(c => norm(c.textContent).includes(text)));
  const langOf = el => (el.closest('[lang]') || document.documentElement).getAttribute('lang');
  return {text, lang, found: holders.map(langOf)};
})"""


@pytest.fixture
def full_city(transactional_db, live_server):
    """Every app's demo data, committed so that the live server sees it."""
    load_demo_data(("load_demo", {"all": True, "verbosity": 0}))
    return live_server


def plain(text: str) -> str:
    """A text's first words without Markdown or HTML, as a browser would show them."""
    text = re.sub(r"<[^>]+>|[*_#`>\[\]]|\(https?://[^)]*\)", "", text)
    words = " ".join(text.split()).split(" ")
    return " ".join(words[:6])


def public_pages(language: str) -> list[tuple]:
    """One live page of every public type in `language`, each with the texts on it that are in
    another language (text, its language), taken from the data; and CRUMBS where the page shows
    breadcrumbs."""

    def live(model, **filters):
        page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
        assert page is not None, f"the demo city has no live {model.__name__} in {language}"
        return page.url

    def foreign(obj, *fields: str) -> list[tuple[str, str]]:
        texts = [localized(obj, field, language) for field in fields]
        return [(plain(t.text), t.lang) for t in texts if t.lang != language and t.text.strip()]

    dataset = Dataset.objects.filter(state="active", notes__gt="").order_by("name").first()
    camera = Camera.objects.exclude(what_is_filmed="").order_by("code").first()
    building = PublicBuilding.objects.order_by("slug").first()
    layers = [layer for layer in Layer.objects.filter(public=True).order_by("pk")[:3]]
    assert dataset and camera and building and layers, (
        "the full demo city lacks a dataset, camera, building or layer"
    )
    service = (
        ServicePage.objects.live()
        .filter(locale__language_code=language, online=True)
        .order_by("path")
        .first()
    )
    search_word = max(re.findall(r"\w+", service.title), key=len)
    with translation.override(language):
        return [
            (live(HomePage), []),
            (live(ServiceIndexPage), []),
            (service.url, [], CRUMBS),
            (reverse("documents:lookup"), []),
            (live(NewsIndexPage), []),
            (live(NewsPage), []),
            (reverse("gismap:map"), [t for layer in layers for t in foreign(layer, "title")]),
            (reverse("gismap:list"), [t for layer in layers for t in foreign(layer, "title")]),
            (reverse("gismap:building", args=[building.slug]), []),
            (reverse("cctv:register"), []),
            (reverse("cctv:map"), []),
            (reverse("cctv:camera", args=[camera.code]), foreign(camera, "what_is_filmed")),
            (reverse("opendata:search"), foreign(dataset, "title")),
            (reverse("opendata:dataset", args=[dataset.name]), foreign(dataset, "title", "notes"), CRUMBS),
            (live(TrainingIndexPage), []),
            (live(LessonPage), [], CRUMBS),
            (live(AccessibilityStatementPage), []),
            (f"{reverse('search')}?q={search_word}", []),
            (reverse("chatbot:chat"), []),
            (reverse("kpi:dashboard"), []),
            (reverse("training:login"), []),
            (reverse("training:signup"), []),
            (reverse("training:password-reset"), []),
            (reverse("qr-verify"), []),
        ]


def test_every_public_page_type_in_every_language(full_city, browser):
    # Not `is_mobile`: a mobile viewport widens itself to fit content that overflows it.
    context = browser.new_context(viewport=PHONE, locale="ro-RO")
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"), lambda route: route.abort())
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    problems: list[str] = []
    visited = 0
    try:
        for language in LANGUAGES:
            statement = AccessibilityStatementPage.objects.live().get(locale__language_code=language).url
            for url, foreign_texts, *crumbs in public_pages(language):
                response = tab.goto(full_city.url + url)
                visited += 1
                if response is None or response.status != 200:
                    problems.append(f"{url}: HTTP {response and response.status}")
                    continue
                if tab.locator("#gis-map").count():
                    tab.wait_for_selector("#gis-map[data-ready=true]")
                if tab.locator("#cctv-map").count():
                    tab.wait_for_selector("#cctv-map[data-loaded]")
                tab.evaluate(AXE.read_text())
                violations = tab.evaluate(RUN_AXE, WCAG_TAGS)
                if violations:
                    problems.append(f"{url}: axe {json.dumps(violations, ensure_ascii=False)}")
                width = tab.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
                if width[0] > width[1]:
                    problems.append(f"{url}: scrolls sideways at 360 px {width}")
                covered = tab.evaluate(COVERED)
                if covered:
                    problems.append(f"{url}: covered by a fixed element {covered}")
                if tab.locator(f"footer a[href='{statement}']").count() != 1:
                    problems.append(f"{url}: no link to the accessibility statement in the footer")
                if re.search(r"\*\*\S|\S\*\*", tab.inner_text("main")):
                    problems.append(f"{url}: raw Markdown (**) shown")
                if crumbs and tab.locator(CRUMBS).count() != 1:
                    problems.append(f"{url}: no breadcrumbs ending in the current page")
                if tab.locator("html").get_attribute("lang") != language:
                    problems.append(f"{url}: html lang is not {language}")
                for found in tab.evaluate(LANG_OF, foreign_texts):
                    if not found["found"] or set(found["found"]) != {found["lang"]}:
                        problems.append(
                            f"{url}: “{found['text']}” should be in lang={found['lang']}: {found['found']}"
                        )
    finally:
        context.close()
    assert visited == 3 * 24
    assert not problems, "\n".join(problems)
