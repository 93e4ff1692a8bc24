"""Screenshots of a service's real request form, taken in Chromium (a computer's and a phone's
window) for each step of its generated tutorial.

The portal page is read over HTTP: from TRAINING_TUTORIAL_BASE_URL when set (a running portal),
else from a small server started here on a loopback port for the length of the session. Without
Chromium or Playwright the session is None and tutorials are written without pictures."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings

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

# The fields of a step (by input name), or the send button, outlined and measured in the page.
MEASURE = """([names, submit]) => {
  const form = document.querySelector('#service-form');
  if (!form) return null;
  const boxes = [];
  for (const name of names) {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const box = input && (input.closest('.field') || input);
    if (box) boxes.push(box);
  }
  if (submit) boxes.push(form.querySelector('button[type=submit]'));
  const found = boxes.filter(Boolean);
  if (!found.length) return null;
  found[0].scrollIntoView({block: 'start'});
  document.querySelectorAll('[data-tutorial-mark]').forEach((el) => {
    el.style.outline = ''; el.removeAttribute('data-tutorial-mark');
  });
  for (const el of found) {
    el.style.outline = '3px solid #d4351c'; el.setAttribute('data-tutorial-mark', '');
  }
  const rects = found.map((el) => el.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left)), top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right)), bottom = Math.max(...rects.map((r) => r.bottom));
  return {x: left + window.scrollX, y: top + window.scrollY, width: right - left, height: bottom - top};
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
    """One Chromium for many services: `shoot` returns each step's pictures by step key."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url.rstrip("/")

    def shoot(self, path: str, steps: list[StepSpec], language: str) -> dict[str, Shots]:
        wanted = [s for s in steps if s.has_screenshot]
        if not wanted:
            return {}
        taken: dict[str, dict[str, bytes]] = {s.key: {} for s in wanted}
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = self.browser.new_context(
                viewport=viewport,
                locale=language,
                is_mobile=name == "phone",
                has_touch=name == "phone",
                reduced_motion="reduce",
            )
            try:
                tab = context.new_page()
                tab.set_default_timeout(15_000)
                response = tab.goto(self.base_url + path)
                if response is None or response.status != 200:
                    raise RuntimeError(f"{path}: HTTP {response and response.status}")
                for step in wanted:
                    box = tab.evaluate(MEASURE, [step.fields, step.submit])
                    if not box:
                        continue
                    clip = {
                        "x": max(box["x"] - MARGIN, 0),
                        "y": max(box["y"] - MARGIN, 0),
                        "width": min(box["width"] + 2 * MARGIN, viewport["width"]),
                        "height": box["height"] + 2 * MARGIN,
                    }
                    taken[step.key][name] = tab.screenshot(
                        clip=clip, full_page=True, type="png", animations="disabled", caret="hide"
                    )
            finally:
                context.close()
        return {
            key: Shots(desktop=pair["desktop"], phone=pair["phone"])
            for key, pair in taken.items()
            if "desktop" in pair and "phone" in pair
        }


@contextmanager
def screenshot_session(base_url: str | None = None) -> Iterator[Shooter | None]:
    """A Shooter for the duration of the block, or None (logged) when Chromium is missing."""
    chromium = chromium_path()
    if chromium is None:
        logger.warning("Chromium or Playwright is missing: tutorials are written without screenshots.")
        yield None
        return
    from playwright.sync_api import sync_playwright

    base_url = base_url or getattr(settings, "TRAINING_TUTORIAL_BASE_URL", "")
    with _local_portal(base_url) as url:
        # Playwright's sync API runs an event loop in this thread; the ORM would refuse to work
        # in it otherwise, though nothing here is asynchronous.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                yield Shooter(browser, url)
            finally:
                browser.close()


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
