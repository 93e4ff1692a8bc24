"""Screenshots of a service's real request form, taken in Chromium (a computer's and a phone's
window) for each step of its generated tutorial.

The portal page is read over HTTP: from TRAINING_TUTORIAL_BASE_URL when set (a running portal),
else from a small server started here on a loopback port for the length of the session. Without
Chromium or Playwright the session is None and tutorials are written without pictures."""

from __future__ import annotations

import io
import logging
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from PIL import Image

from .tutorial_content import StepSpec

logger = logging.getLogger(__name__)

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
MARGIN = 12  # pixels of the page kept around the fields shown

# Each step's fields (by input name), or the send button, outlined and measured in the page, in
# page coordinates; null for a step whose fields are not found.
MEASURE = """(steps) => {
  const form = document.querySelector('#service-form');
  if (!form) return steps.map(() => null);
  return steps.map(([names, submit]) => {
    const found = names.map((name) => {
      const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
      return input && (input.closest('.field') || input);
    }).filter(Boolean);
    if (submit) found.push(form.querySelector('button[type=submit]'));
    if (!found.length) return null;
    for (const el of found) el.style.outline = '3px solid #d4351c';
    const rects = found.map((el) => el.getBoundingClientRect());
    const left = Math.min(...rects.map((r) => r.left)), top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return [left + window.scrollX, top + window.scrollY, right + window.scrollX, bottom + window.scrollY];
  });
}"""


def chromium_path() -> str | None:
    """Chromium's path when it and Playwright are installed, else None."""
    path = getattr(settings, "TRAINING_CHROMIUM", "/usr/bin/chromium")
    if not path or not os.path.exists(path):
        return None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None
    return path


@dataclass
class Shots:
    desktop: bytes
    phone: bytes


class Shooter:
    """One Chromium for many services: `shoot` returns each step's pictures by step key. One tab
    per window size is kept open across services (opening a context costs more than a page)."""

    def __init__(self, browser: Any, base_url: str, worker: ThreadPoolExecutor) -> None:
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.worker = worker
        self._tabs: dict[str, Any] = {}

    def _tab(self, name: str) -> Any:
        if name not in self._tabs:
            context = self.browser.new_context(
                viewport=DESKTOP if name == "desktop" else PHONE,
                is_mobile=name == "phone",
                has_touch=name == "phone",
                reduced_motion="reduce",
            )
            tab = context.new_page()
            tab.set_default_timeout(15_000)
            self._tabs[name] = tab
        return self._tabs[name]

    def close(self) -> None:
        for tab in self._tabs.values():
            tab.context.close()
        self._tabs.clear()

    def shoot(self, path: str, steps: list[StepSpec], language: str) -> dict[str, Shots]:
        """One full-page picture per window size, cut into each step's part of the form."""
        return self.worker.submit(self._shoot, path, steps).result()

    def _shoot(self, path: str, steps: list[StepSpec]) -> dict[str, Shots]:
        wanted = [s for s in steps if s.has_screenshot]
        if not wanted:
            return {}
        taken: dict[str, dict[str, bytes]] = {s.key: {} for s in wanted}
        for name in ("desktop", "phone"):
            tab = self._tab(name)
            response = tab.goto(self.base_url + path)
            if response is None or response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response and response.status}")
            boxes = tab.evaluate(MEASURE, [[s.fields, s.submit] for s in wanted])
            page = Image.open(io.BytesIO(tab.screenshot(full_page=True, animations="disabled", caret="hide")))
            for step, box in zip(wanted, boxes, strict=True):
                if box:
                    taken[step.key][name] = _crop(page, box)
        return {
            key: Shots(desktop=pair["desktop"], phone=pair["phone"])
            for key, pair in taken.items()
            if "desktop" in pair and "phone" in pair
        }


def _crop(page: Image.Image, box: list[float]) -> bytes:
    left, top, right, bottom = box
    area = (
        max(int(left) - MARGIN, 0),
        max(int(top) - MARGIN, 0),
        min(int(right) + MARGIN + 1, page.width),
        min(int(bottom) + MARGIN + 1, page.height),
    )
    out = io.BytesIO()
    page.crop(area).save(out, format="PNG")
    return out.getvalue()


@contextmanager
def screenshot_session(base_url: str | None = None) -> Iterator[Shooter | None]:
    """A Shooter for the duration of the block, or None (logged) when Chromium is missing.

    Playwright runs in a thread of its own: its sync API needs a thread without an event loop
    (the caller's may have one, e.g. a test's browser) and the ORM stays out of that loop."""
    chromium = chromium_path()
    if chromium is None:
        logger.warning("Chromium or Playwright is missing: tutorials are written without screenshots.")
        yield None
        return
    base_url = base_url or getattr(settings, "TRAINING_TUTORIAL_BASE_URL", "")
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tutorial-screenshots")
    try:
        with _local_portal(base_url) as url:
            playwright, browser = worker.submit(_launch, chromium).result()
            shooter = Shooter(browser, url, worker)
            try:
                yield shooter
            finally:
                worker.submit(_stop, shooter, playwright).result()
    finally:
        worker.shutdown(wait=True)


def _launch(chromium: str) -> tuple[Any, Any]:
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    return playwright, playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


def _stop(shooter: Shooter, playwright: Any) -> None:
    try:
        shooter.close()
        shooter.browser.close()
    finally:
        playwright.stop()


@contextmanager
def _local_portal(base_url: str) -> Iterator[str]:
    """`base_url` itself, or the portal served on a free loopback port while the block runs."""
    if base_url:
        yield base_url
        return
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
