"""A real S3 API server on loopback for the object-storage tests, and the settings that point the
portal's storages at it (a pytest plugin of the suite: tests/conftest.py loads it).

moto's server (`moto_server`, from the test requirements) answers the S3 API over HTTP, as an
object store does in production. It does not check signatures or the expiry of presigned URLs,
so the expiry test uses s3rver (npm), which does, when it is installed (S3RVER=path of its
`s3rver` script, or `npm install --prefix var/s3rver s3rver@3.7.1`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
import requests
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    access_key: str
    secret_key: str

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def keys(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(command: list[str], endpoint: str, **kwargs) -> subprocess.Popen:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(endpoint, timeout=1)
            return process
        except requests.ConnectionError:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}") from None
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{command[0]} did not answer on {endpoint}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """moto's S3 server on a loopback port of its own, for the whole session."""
    port = free_port()
    binary = Path(sys.executable).parent / "moto_server"
    endpoint = f"http://127.0.0.1:{port}"
    process = _serve([str(binary), "-H", "127.0.0.1", "-p", str(port)], endpoint)
    try:
        yield S3Server(endpoint, "portal-test-key", "portal-test-secret")
    finally:
        _stop(process)


def s3rver_script() -> Path | None:
    """s3rver's start script, when it is installed."""
    installed = ROOT / "var" / "s3rver" / "node_modules" / ".bin" / "s3rver"
    for candidate in (os.environ.get("S3RVER", ""), str(installed)):
        if candidate and Path(candidate).exists() and shutil.which("node"):
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def signing_s3_server() -> Iterator[S3Server]:
    """s3rver on loopback: an S3 server that checks signatures and refuses expired URLs."""
    script = s3rver_script()
    if script is None:
        pytest.skip("s3rver is not installed (npm install --prefix var/s3rver s3rver@3.7.1)")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="s3rver-") as folder:
        process = _serve(
            [str(script), "--address", "127.0.0.1", "--port", str(port), "--directory", folder, "--silent"],
            endpoint,
        )
        try:
            # s3rver's built-in account.
            yield S3Server(endpoint, "S3RVER", "S3RVER")
        finally:
            _stop(process)


def s3_storages(server: S3Server, *, public: str, private: str, staticfiles: dict) -> dict:
    """STORAGES as settings/base.py builds them for STORAGE_BACKEND=s3."""
    common = {
        "endpoint_url": server.endpoint,
        "region_name": "us-east-1",
        "access_key": server.access_key,
        "secret_key": server.secret_key,
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
        "default_acl": None,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": public, "querystring_auth": True},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": private, "querystring_auth": True},
        },
        "staticfiles": staticfiles,
    }


@dataclass(frozen=True)
class Buckets:
    server: S3Server
    public: str
    private: str


def use_s3(settings, server: S3Server) -> Buckets:
    """Two new buckets on `server`, and the portal's storages pointed at them."""
    suffix = uuid.uuid4().hex[:12]
    buckets = Buckets(server, f"portal-public-{suffix}", f"portal-private-{suffix}")
    client = server.client()
    client.create_bucket(Bucket=buckets.public)
    client.create_bucket(Bucket=buckets.private)
    settings.STORAGES = s3_storages(
        server, public=buckets.public, private=buckets.private, staticfiles=settings.STORAGES["staticfiles"]
    )
    settings.PRIVATE_MEDIA_REDIRECT = True
    settings.PRIVATE_MEDIA_URL_EXPIRE = 60
    return buckets


@pytest.fixture
def s3(settings, s3_server) -> Buckets:
    """The portal's storages in moto's S3 server (new buckets for each test)."""
    return use_s3(settings, s3_server)
