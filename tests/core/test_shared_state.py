"""With REDIS_URL every node shares the cache and the sessions through Redis: a sign-in lockout,
a lookup rate limit and a signed-in session made in this process are seen by another process
(a second node: `manage.py shell` started apart), and a lockout that process sets stops a
sign-in here. Uses Redis on 127.0.0.1:6379, database 9 (only that one is flushed)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
import redis
from django.test import Client

from portal.accounts import throttle
from portal.documents import selectors
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings, tmp_path):
    """This process's cache and sessions in Redis (database 9), with a key prefix of its own."""
    try:
        connection = redis.Redis.from_url(REDIS_URL)
        connection.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield prefix
    connection.flushdb()


def other_node(prefix: str, code: str, tmp_path: Path) -> str:
    """Run `code` in `manage.py shell` in a new process configured like another node: the same
    REDIS_URL and prefix, and a database of its own with no tables (so whatever it finds came
    from Redis, not from a database the two processes would share)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "SECRET_KEY": "other-node-test-secret",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "DATABASE_URL": f"spatialite:///{tmp_path / 'other-node.sqlite3'}",
        "ENV_FILE": str(tmp_path / "no.env"),
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_lockouts_rate_limits_and_sessions_are_shared_between_processes(shared_cache, tmp_path, settings):
    # Here: an account locked after failed sign-ins, an address over its lookup limit, a session.
    limits = settings.ACCOUNTS_LOGIN_LIMITS
    for _ in range(limits["per_account"]):
        throttle.fail(
            "login-account",
            "ana",
            limit=limits["per_account"],
            window_seconds=limits["window_seconds"],
            lockout_seconds=limits["lockout_seconds"],
        )
    assert throttle.is_locked("login-account", "ana")
    for n in range(selectors.lookup_limits().per_address):  # unknown numbers: each a failure
        assert selectors.lookup(number=f"AR-1999-{n:06d}", pin="000000", address="192.0.2.7") is None
    with pytest.raises(selectors.LookupLimited):
        selectors.lookup(number="AR-1999-999999", pin="000000", address="192.0.2.7")
    user = UserFactory(username="ion", password="x-Long-pass-42")
    browser = Client()
    browser.force_login(user)
    session_key = browser.cookies[settings.SESSION_COOKIE_NAME].value

    seen = other_node(
        shared_cache,
        f"""
        from django.contrib.sessions.backends.cached_db import SessionStore
        from portal.accounts import throttle
        from portal.documents import selectors
        try:
            selectors.lookup(number="AR-2026-000001", pin="000000", address="192.0.2.7")
        except selectors.LookupLimited:
            limited = "limited"
        else:
            limited = "free"
        session = SessionStore(session_key={session_key!r})
        print(throttle.is_locked("login-account", "ana"), limited, session.get("_auth_user_id"))
        # And a lockout made there, for this process to honour.
        throttle.fail("login-address", "198.51.100.4", limit=1, window_seconds=60, lockout_seconds=60)
        """,
        tmp_path,
    )
    assert seen == f"True limited {user.pk}"

    # Back here: the address the other node locked cannot sign in, even with the right password.
    assert throttle.is_locked("login-address", "198.51.100.4")
    response = Client(REMOTE_ADDR="198.51.100.4").post(
        "/admin/login/", {"username": "ion", "password": "x-Long-pass-42"}
    )
    assert response.status_code == 200  # the form again, not the redirect of a sign-in
    assert throttle.is_locked("login-address", "198.51.100.4")
