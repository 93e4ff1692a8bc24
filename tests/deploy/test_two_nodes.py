"""The production layout on one machine (scripts/prod-stack.sh): a request filed on one web node is
tracked, its receipt downloaded and its permit verified on the other; a task runs in the Celery
worker, not in the web process; with the first node stopped, the second and nginx keep serving
and nothing filed is lost; files live in the S3 server, not on a node's disk.

Needs PostgreSQL + PostGIS (`make test-postgis`): the stack serves a copy of the test database,
holding the small city the factories build. On SQLite it is skipped, saying why."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import psycopg
import pytest
import requests
from botocore.config import Config
from django.conf import settings

from tests.deploy.visitor import Visitor, csrf_of, file_request, online_services, pdf_attachment
from tests.factories import build_city
from tests.object_storage import free_port
from tests.qr_decoding import decode_qr_pdf, decode_qr_png, pdf_text

# Decided before any database is made: on SQLite the test is skipped at once.
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith(("postgis", "postgresql"))
pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(
        not ON_POSTGRESQL, reason="the production stack runs on PostgreSQL + PostGIS: make test-postgis"
    ),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "prod-stack.sh"
REDIS_DB = 10  # the stack's cache; its Celery queue uses 11 (other tests use 9 and 15)


@dataclass
class Stack:
    dir: Path
    env: dict[str, str]
    url: str
    node_a: str
    node_b: str
    database: str

    def run(self, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )

    def settings(self) -> dict[str, str]:
        """The variables every node runs with (the env file the script wrote)."""
        pairs = (line.split("=", 1) for line in (self.dir / "env").read_text().splitlines() if "=" in line)
        return {key: value for key, value in pairs if not key.startswith("#")}

    def pid(self, name: str) -> int:
        return int((self.dir / f"{name}.pid").read_text().strip())


def _admin(dbname: str = "postgres") -> psycopg.Connection:
    """A connection to the test database's own server (not wherever libpq's PG* variables point)."""
    from django.db import connection

    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=int(db["PORT"] or 5432),
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


def _clone_database(template: str, name: str) -> None:
    """The test database (migrated, with the factories' city committed) copied for the stack."""
    from django.db import connections

    connections.close_all()
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def _drop_database(name: str) -> None:
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def stack(transactional_db) -> Iterator[Stack]:
    from django.db import connection

    if shutil.which("pg_isready") is None or shutil.which("redis-cli") is None:
        pytest.skip("the production stack needs the local PostgreSQL and Redis servers")
    build_city()
    template = connection.settings_dict["NAME"]
    database = f"{template}_stack"[:63]
    _clone_database(template, database)

    folder = ROOT / "var" / "stack-test"
    shutil.rmtree(folder, ignore_errors=True)
    ports = [free_port() for _ in range(4)]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "PROD_", "AWS_", "CELERY_", "REDIS_"))
    } | {
        "PROD_DIR": str(folder),
        "PROD_DB": database,
        "PROD_PGHOST": connection.settings_dict["HOST"] or "127.0.0.1",
        "PROD_PGPORT": str(connection.settings_dict["PORT"] or 5432),
        "PROD_PORT": str(ports[0]),
        "PROD_NODE_PORTS": f"{ports[1]} {ports[2]}",
        "PROD_S3_PORT": str(ports[3]),
        "PROD_REDIS_DB": str(REDIS_DB),
        "PROD_WORKERS": "1",
        "PROD_DEMO": "none",
        "PROD_STATIC_ROOT": str(ROOT / "var" / "stack-test-static"),  # collected once, kept
    }
    for db in (REDIS_DB, REDIS_DB + 1):  # no counters or queued tasks from an earlier run
        subprocess.run(["redis-cli", "-n", str(db), "flushdb"], capture_output=True, check=False)
    made = Stack(
        folder,
        env,
        f"https://127.0.0.1:{ports[0]}",
        f"http://127.0.0.1:{ports[1]}",
        f"http://127.0.0.1:{ports[2]}",
        database,
    )
    started = made.run("start", timeout=600)
    (folder / "start.log").write_text(started.stdout + started.stderr)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        yield made
    finally:
        made.run("stop", timeout=120)
        _drop_database(database)


def _s3(stack: Stack):
    values = stack.settings()
    return boto3.client(
        "s3",
        endpoint_url=values["AWS_S3_ENDPOINT_URL"],
        region_name=values["AWS_S3_REGION_NAME"],
        aws_access_key_id=values["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=values["AWS_SECRET_ACCESS_KEY"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    ), values["AWS_PRIVATE_BUCKET_NAME"]


def _files_on_node_disk(stack: Stack) -> list[Path]:
    values = stack.settings()
    found = []
    for key in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        folder = Path(values[key])
        found += [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []
    return found


def _issue_permit(stack: Stack, number: str) -> str:
    """The registry moves the document to "issued" (as a clerk does in the admin, through the same
    service); returns the verification URL its signed QR encodes."""
    code = (
        "from portal.documents import services\n"
        "from portal.documents.models import Document\n"
        f"document = Document.objects.get(number={number!r})\n"
        "for status in ('in_review', 'approved', 'issued'):\n"
        "    services.change_status(document=document, status=status, public_note='ok')\n"
        "print(services.permit_url(Document.objects.get(pk=document.pk)))\n"
    )
    env = stack.env | stack.settings()
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _task_in_worker(stack: Stack) -> tuple[str, dict]:
    """Queue the KPI snapshot on the stack's broker; the worker's log names the task's id when it
    has run it, with its result."""
    from celery import Celery

    app = Celery(broker=stack.settings()["CELERY_BROKER_URL"])
    task_id = str(uuid.uuid4())
    app.send_task("portal.kpi.tasks.snapshot_kpis", task_id=task_id)
    log = stack.dir / "worker.log"
    deadline = time.monotonic() + 60
    pattern = re.compile(rf"Task portal\.kpi\.tasks\.snapshot_kpis\[{task_id}\] succeeded in [\d.]+s: (.*)")
    while time.monotonic() < deadline:
        found = pattern.search(log.read_text())
        if found:
            return task_id, ast.literal_eval(found.group(1))  # the task's dict, as Celery logs it
        time.sleep(0.3)
    raise AssertionError(f"the worker did not run task {task_id}:\n{log.read_text()[-3000:]}")


def _stop_node(stack: Stack, name: str) -> None:
    """TERM to the node's gunicorn master; returns once it has exited."""
    pid = stack.pid(name)
    os.kill(pid, 15)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    raise AssertionError(f"{name} did not stop")


def test_filed_on_one_node_served_by_the_other_and_after_a_node_stops(stack: Stack):
    cacert = str(stack.dir / "tls" / "cert.pem")
    resident = Visitor(stack.node_a, behind_tls=True)

    # The production settings on every node: security headers, no debug pages, no eager tasks.
    home = resident.get("/ro/")
    assert home.status_code == 200
    for header in ("Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options"):
        assert header in home.headers, header
    assert home.headers["X-Frame-Options"] == "DENY"
    assert resident.get("/ro/no-such-page/").status_code == 404
    assert "Traceback" not in resident.get("/ro/no-such-page/").text

    # Filed through node A, with a real PDF attached; the number and PIN are the registry's.
    service = online_services(resident, "ro")[0]
    attachment = pdf_attachment("Plan of the property")
    receipt = file_request(resident, urlsplit(service["url"]).path, who="ana-pop", attachment=attachment)
    assert re.fullmatch(r"[A-Z]+-\d{4}-\d{6}", receipt.number) and re.fullmatch(r"\d{6}", receipt.pin)
    assert receipt.files, "the receipt lists no attachment"

    # The attachment is in the private bucket of the S3 server, nothing on the nodes' disks.
    s3, private_bucket = _s3(stack)
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=private_bucket).get("Contents", [])]
    stored = [key for key in keys if key.endswith(".pdf")]
    assert stored, keys
    assert attachment in [s3.get_object(Bucket=private_bucket, Key=key)["Body"].read() for key in stored]
    assert _files_on_node_disk(stack) == []

    # Node B: the same browser (its session lives in Redis) gets the receipt and the file.
    same_browser_on_b = resident.at(stack.node_b, behind_tls=True)
    pdf = same_browser_on_b.get(receipt.pdf_url)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert receipt.number in pdf_text(pdf.content)
    tracking_url = decode_qr_pdf(pdf.content)
    assert tracking_url == decode_qr_png(receipt.qr_png) and "/t/" in tracking_url
    download = same_browser_on_b.get(receipt.files[0], allow_redirects=False)
    assert download.status_code == 302  # to a short-lived signed URL of the private bucket
    signed = download.headers["Location"]
    assert "X-Amz-Signature=" in signed and requests.get(signed, timeout=10).content == attachment

    # Node B: another phone scans the receipt's QR, then looks the request up by number and PIN.
    phone = Visitor(stack.node_b, behind_tls=True)
    tracked = phone.get(urlsplit(tracking_url).path)
    assert tracked.status_code == 200 and receipt.number in tracked.text
    lookup_page = phone.get("/ro/track/")
    found = phone.post_form(
        "/ro/track/",
        {"csrfmiddlewaretoken": csrf_of(lookup_page.text), "number": receipt.number, "pin": receipt.pin},
        allow_redirects=False,
    )
    assert found.status_code == 302 and found.headers["Location"].endswith(urlsplit(tracking_url).path)
    status = phone.get("/api/v1/documents/status", params={"number": receipt.number, "pin": receipt.pin})
    assert status.status_code == 200 and status.json()["number"] == receipt.number

    # The registry issues the permit; its signed QR verifies on node B (one key for all nodes).
    permit = _issue_permit(stack, receipt.number)
    verified = phone.get(urlsplit(permit).path + "?" + urlsplit(permit).query)
    assert verified.status_code == 200 and "verify-genuine" in verified.text
    assert 'data-status="issued"' in phone.get(urlsplit(tracking_url).path).text

    # A task queued on the broker runs in the worker process (tasks are not eager here), and its
    # work is in the shared database.
    task_id, result = _task_in_worker(stack)
    assert result["stored"] > 0 and result["failed"] == 0
    with _admin(stack.database) as db:
        snapshots = db.execute("SELECT count(*) FROM kpi_kpisnapshot").fetchone()[0]
    assert snapshots == result["stored"]
    for node in ("node-a", "node-b"):  # no web node ran it
        assert task_id not in (stack.dir / f"{node}.log").read_text()

    # Node A stops: node B, and nginx in front of both, keep serving; nothing filed is lost.
    _stop_node(stack, "node-a")
    with pytest.raises(requests.ConnectionError):
        resident.get("/ro/", timeout=5)
    through_nginx = resident.at(stack.url)
    through_nginx.verify = cacert
    for _ in range(6):  # nginx would otherwise send some of these to node A
        assert through_nginx.get("/ro/").status_code == 200
    assert through_nginx.get(receipt.pdf_url).status_code == 200  # the session survived node A
    again = through_nginx.get(
        "/api/v1/documents/status", params={"number": receipt.number, "pin": receipt.pin}
    )
    assert again.status_code == 200 and again.json()["status"] == "issued"
    second = file_request(
        Visitor(stack.url, verify=cacert),
        urlsplit(service["url"]).path,
        who="ion-ilie",
        attachment=pdf_attachment("Second request"),
    )
    assert second.number != receipt.number
    assert (
        Visitor(stack.node_b, behind_tls=True)
        .get("/api/v1/documents/status", params={"number": second.number, "pin": second.pin})
        .json()["number"]
        == second.number
    )
    assert (
        len([k for k in s3.list_objects_v2(Bucket=private_bucket)["Contents"] if k["Key"].endswith(".pdf")])
        >= 2
    )
    assert _files_on_node_disk(stack) == []
