"""Production settings serve: `collectstatic` with the manifest storage into a fresh STATIC_ROOT,
then gunicorn answers every page type, the static files and /healthz over the TLS proxy's header,
with the security headers on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.contrib.gis.geos import Point
from django.db import connection

from tests.factories import FeatureFactory, LayerFactory, SmallCity, build_city
from tests.object_storage import free_port

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x9!" + "k" * 60 + "Q7#zR2$vL8@pW4%mN6^tB1&"
HTTPS = {"X-Forwarded-Proto": "https"}


def database_url() -> str:
    """The test database (which this test has filled and committed) as a DATABASE_URL."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"spatialite:///{db['NAME']}"
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgis://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"} and not key.startswith("PYTEST")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ENV_FILE="/nonexistent",  # not the developer's .env
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url(),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        QR_SIGNING_KEY_FILE=str(ROOT / "var" / "test-keys" / "qr-ed25519.pem"),
        RASA_URL="http://127.0.0.1:1",
    )
    return env


@pytest.fixture
def collecting(production_env) -> Iterator[subprocess.Popen]:
    """`collectstatic` under production settings, started (the test's data load meanwhile)."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=production_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


@pytest.fixture
def city(transactional_db) -> SmallCity:
    """A home page and a service (committed: gunicorn reads them), a map layer with a point."""
    city = build_city()
    layer = LayerFactory(key="cladiri", title="Clădiri", geometry_type="Point")
    FeatureFactory(layer=layer, name="Primăria", geometry=Point(21.3123, 46.1866, srid=4326))
    return city


@pytest.fixture
def gunicorn(collecting, production_env) -> Iterator[str]:
    """gunicorn on a free loopback port once the static files are collected; yields its base URL."""
    output, _ = collecting.communicate(timeout=180)
    assert collecting.returncode == 0, output
    assert (Path(production_env["STATIC_ROOT"]) / "staticfiles.json").exists()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=production_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                # The port opens before the worker has loaded Django; the first answer waits for it.
                requests.get(f"{base}/healthz", headers=HTTPS, timeout=60)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def assert_secure(response: requests.Response) -> None:
    headers = response.headers
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in {"same-origin", "no-referrer"}  # the tracking pages: none
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp, csp


def assert_served(base: str, path: str, content_type: str) -> requests.Response:
    response = requests.get(base + path, headers=HTTPS, timeout=30, allow_redirects=False)
    assert response.status_code == 200, f"{path}: HTTP {response.status_code}\n{response.text[:2000]}"
    assert response.headers["Content-Type"].startswith(content_type), (path, response.headers["Content-Type"])
    assert_secure(response)
    return response


def test_production_collects_static_files_and_serves_every_page_type(city, gunicorn):
    base = gunicorn

    pages = [
        city.home.url,
        city.service.url,
        "/ro/track/",
        "/ro/map/",
        "/ro/opendata/",
        "/ro/cameras/",
        "/ro/kpi/",
        "/api/v1/docs",
    ]
    assets: set[str] = set()
    for path in pages:
        response = assert_served(base, path, "text/html")
        assert response.headers["X-Frame-Options"] == "DENY"
        assets |= set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', response.text))

    # The pages name the manifest's hashed files, and whitenoise serves them (compressed too).
    assert any(re.search(r"\.[0-9a-f]{12}\.css$", a) for a in assets), assets
    assert any(re.search(r"\.[0-9a-f]{12}\.js$", a) for a in assets), assets
    for asset in sorted(assets):
        kind = "text/css" if asset.endswith(".css") else "text/javascript"
        response = requests.get(base + asset, headers={**HTTPS, "Accept-Encoding": "gzip"}, timeout=30)
        assert response.status_code == 200, asset
        assert response.headers["Content-Type"].startswith(kind), (asset, response.headers["Content-Type"])
        assert "max-age=315360000" in response.headers["Cache-Control"], asset
        assert response.headers["Content-Encoding"] == "gzip", asset

    health = assert_served(base, "/healthz", "application/json").json()
    assert health["status"] == "degraded"  # Rasa is not running
    assert health["checks"]["database"] == {"ok": True}

    # Plain HTTP is sent to HTTPS.
    plain = requests.get(base + "/ro/", timeout=30, allow_redirects=False)
    assert plain.status_code == 301
    assert re.fullmatch(r"https://127\.0\.0\.1(:\d+)?/ro/", plain.headers["Location"])
