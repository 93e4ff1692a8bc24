"""/healthz reports each component from real connections: status only to the public, details to staff."""

import socket

import pytest

from tests.factories import UserFactory


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.django_db
def test_healthz_reports_components_and_degrades_without_rasa(admin_client):
    response = admin_client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True
    assert body["checks"]["broker"] == {
        "ok": True,
        "ms": body["checks"]["broker"]["ms"],
        "detail": "eager (no broker configured; tasks run in-process)",
    }
    assert body["checks"]["rasa"]["ok"] is False  # test settings point Rasa at a closed port
    assert body["status"] == "degraded"
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_broker(admin_client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    body = admin_client.get("/healthz").json()

    assert body["checks"]["broker"]["ok"] is False
    assert "Error" in body["checks"]["broker"]["error"]
    assert body["status"] == "degraded"


@pytest.mark.django_db
@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379 (apt-get install redis-server)")
def test_healthz_connects_to_a_real_redis_broker(admin_client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    from portal.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        body = admin_client.get("/healthz").json()
    finally:
        app.conf.broker_url = None

    assert body["checks"]["broker"] == {
        "ok": True,
        "ms": body["checks"]["broker"]["ms"],
        "detail": "connected",
    }


def test_healthz_is_down_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database unreachable at db.internal:5432")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["checks"]["database"] == {"ok": False}
    assert "db.internal" not in response.content.decode()


@pytest.mark.django_db
def test_the_public_sees_status_only_and_staff_see_details(client, django_user_model):
    resident = UserFactory(username="resident")

    anonymous = client.get("/healthz")
    client.force_login(resident)  # signed in, but no admin access
    signed_in = client.get("/healthz")

    for response in (anonymous, signed_in):
        assert response.status_code == 200
        assert response.json() == {
            "status": "degraded",
            "checks": {
                "database": {"ok": True},
                "cache": {"ok": True},
                "broker": {"ok": True},
                "rasa": {"ok": False},  # test settings point Rasa at a closed port
            },
        }
    staff = UserFactory(username="ops", admin=True)
    client.force_login(staff)
    details = client.get("/healthz").json()["checks"]
    assert details["database"]["ms"] >= 0
    assert details["broker"]["detail"].startswith("eager")
    assert "refused" in details["rasa"]["error"].lower()
