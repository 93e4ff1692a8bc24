"""Browser tabs for the journeys through the public forms: each in its own context, all closed
when the test ends, and any refusal or server error answered to them fails the test; and the
accessibility check run on the pages they show (axe-core's WCAG 2.1 AA rules)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' +
  v.nodes.map(n => n.target.join(' ')).join(', '))"""
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
FAILURES = (403, 429, 500, 502, 503)


def check(tab, javascript: bool, *, fits: bool = False) -> None:
    """axe-core's rules (they need JavaScript: checked in the runs that have it); with `fits`, the
    page must not be wider than the tab (no sideways scrolling on a phone)."""
    if fits:
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= tab.viewport_size["width"], f"{tab.url}: {width}px wide"
    if javascript:
        tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
        violations = tab.evaluate(RUN_AXE)
        assert not violations, f"{tab.url}: " + json.dumps(violations, ensure_ascii=False)


class Tabs:
    """Opens tabs, each in a new browser context, and records the answers in `failing`."""

    def __init__(self, browser, failing: tuple[int, ...]) -> None:
        self.browser, self.failing = browser, failing
        self.contexts: list = []
        self.failures: list[str] = []

    def open(self, *, cookies: list[dict] | None = None, **options):
        context = self.browser.new_context(**options)
        if cookies:
            context.add_cookies(cookies)
        self.contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.on("response", lambda r: r.status in self.failing and self.failures.append(f"{r.status} {r.url}"))
        return tab


@contextmanager
def browser_tabs(browser, failing: tuple[int, ...] = FAILURES) -> Iterator[Tabs]:
    """Tabs for one test; at its end their contexts close and no answer may have been failing."""
    tabs = Tabs(browser, failing)
    yield tabs
    for context in tabs.contexts:
        context.close()
    assert not tabs.failures, tabs.failures
