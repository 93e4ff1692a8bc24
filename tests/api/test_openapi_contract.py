"""The public API keeps the promises of its OpenAPI document: schemathesis reads the document from
a live server and sends every operation generated valid and invalid requests, with all of its
checks on (no server error, documented status codes, content types, headers and response schemas,
invalid input refused and valid input accepted, declared authentication enforced, ...)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from cctv.models import Camera
from chatbot import services as chat_services
from gis import selectors as gis_selectors
from portal.core.signing import sign
from portal.documents import services as documents
from safety.models import Device
from tests.factories import ConversationFactory, build_city
from tests.safety.factories import make_device

# Examples per operation and generation mode (positive, negative): ~1,000 requests in all.
MAX_EXAMPLES = 25

# Text with NUL is refused with 422 everywhere (tests/api/test_openapi_document.py), which the
# document's string types do not say: not generated. A layer's `bbox` is four numbers, min before
# max, in WGS84 bounds, more than its type (a string) says: a request valid by the document may
# get 400 there. A call-back needs a phone or an e-mail (400 without), a hand-off that timed out
# (409 before) and is asked for once (409 again). A device's times (`raised_at`, `at`,
# `started_at`) more than the signature window ahead are refused with 400, which `date-time` does
# not say.
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"allow-x00": False},
        "operations": [
            {
                "include-name": "GET /api/v1/gis/layers/{key}/features",
                "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}},
            },
            {
                "include-name": "POST /api/v1/chatbot/callback",
                "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404", "409"]}},
            },
            *(
                {
                    "include-name": f"POST /api/v1/safety/{name}",
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "401", "404", "409"]}
                    },
                }
                for name in ("alerts", "heartbeat", "faults")
            ),
        ],
    }
)


class VmsSignature(requests.auth.AuthBase):
    """Signs a request to the signed device endpoints as the device would, when it carries the two
    headers and its body names a known device: the generated header values become a valid
    signature. Cameras (`camera`, X-CCTV-*) sign as the VMS does; call points and alert buttons
    (`device`, X-Safety-*) as themselves. The body's generated `nonce` is kept: one repeated inside
    the window is refused (401)."""

    SCHEMES = (
        ("X-CCTV-Timestamp", "X-CCTV-Signature", "camera"),
        ("X-Safety-Timestamp", "X-Safety-Signature", "device"),
    )

    def __init__(self, secrets: dict[str, str]) -> None:
        self.secrets = secrets

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        scheme = next((s for s in self.SCHEMES if {s[0], s[1]} <= set(request.headers)), None)
        if scheme is None:
            return request
        timestamp_header, signature_header, key = scheme
        body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
        try:
            code = json.loads(body)[key]
        except (ValueError, TypeError, KeyError):
            return request
        if not isinstance(code, str) or code not in self.secrets:
            return request
        timestamp = int(time.time())
        request.headers[timestamp_header] = str(timestamp)
        request.headers[signature_header] = sign(secret=self.secrets[code], timestamp=timestamp, body=body)
        return request


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
# What the document asks of a value beyond being a string: a generated value that breaks it is
# part of an invalid request and stays as it is (replacing it would make the request valid).
VALID: dict[str, Callable[[str], bool]] = {
    "conversation": lambda value: UUID.fullmatch(value) is not None,
    "phone": lambda value: len(value) <= 20,
    "email": lambda value: len(value) <= 254,
    "device": lambda value: len(value) <= 40,
}


def _sometimes_real(values: Any, real: dict[str, list[str]]) -> st.SearchStrategy:
    """`values` as generated, or with its string identifiers replaced by ones that exist."""
    if not isinstance(values, dict):
        return st.just(values)
    names = [
        name
        for name in values
        if name in real and isinstance(values[name], str) and VALID.get(name, bool)(values[name] or "x")
    ]
    if not names:
        return st.just(values)
    replaced = st.fixed_dictionaries({name: st.sampled_from(real[name]) for name in names})
    # Real ones first: Hypothesis leans to the first alternative of `one_of`.
    return st.one_of(replaced.map(lambda new: {**values, **new}), st.just(values))


@pytest.fixture
def city_data(transactional_db) -> dict[str, Any]:
    """A small city with one of everything, committed for the live server: a department and
    services, a registered document, the demo map, cameras and plan; with what exists."""
    city = build_city()
    document = documents.register_document(channel="online", subject="Test", service=city.service)
    call_command("load_demo_map", verbosity=0)
    call_command("load_demo_cctv", verbosity=0)
    call_command("load_demo_kpi", verbosity=0)
    cameras = list(Camera.objects.filter(status__in=Camera.IN_SERVICE).order_by("code")[:3])
    devices = [
        make_device("AR-CP-0101"),
        make_device("AR-AB-0102", kind=Device.Kind.ALERT_BUTTON),
    ]
    conversations = [ConversationFactory(language="ro") for _ in range(5)]
    # Hand-offs nobody answered in time: their call-back requests can succeed (once each).
    long_ago = timezone.now() - dt.timedelta(seconds=settings.CHAT_HANDOFF_TIMEOUT_SECONDS + 60)
    for conversation in conversations:
        chat_services.request_handoff(conversation=conversation, now=long_ago)
    return {
        "document": document,
        "secrets": {
            **{camera.code: camera.vms_secret for camera in cameras},
            **{device.code: device.secret for device in devices},
        },
        "real": {
            "slug": [city.department.slug, city.service.slug, city.offline_service.slug],
            "service": [city.service.slug, city.offline_service.slug],
            "key": [info.key for info in gis_selectors.layer_catalog(include_staff=False)],
            "token": [document.token],
            "camera": [camera.code for camera in cameras],
            "device": [device.code for device in devices],
            "conversation": [str(conversation.pk) for conversation in conversations],
            "phone": ["0722 123 456", "+40 257 281 850"],
            "email": ["ana@example.org"],
        },
    }


@pytest.fixture
def vms_signature(city_data) -> VmsSignature:
    return VmsSignature(city_data["secrets"])


@pytest.fixture
def api_schema(request, city_data, live_server) -> Iterator[schemathesis.BaseSchema]:
    """The document as the live server publishes it; generated identifiers are sometimes
    replaced by ones that exist, so that operations also find what they look up. Afterwards,
    every operation must have answered with success at least once (its success schema checked)."""
    # schemathesis 4.32 renames the test node through `_nodeid`, which pytest 9.2 no longer has.
    request.node._nodeid = request.node.nodeid
    document, real = city_data["document"], city_data["real"]
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json", config=CONFIG)

    @schema.hook
    def flatmap_path_parameters(context, path_parameters):
        return _sometimes_real(path_parameters, real)

    @schema.hook
    def flatmap_query(context, query):
        if isinstance(query, dict) and all(isinstance(query.get(name), str) for name in ("number", "pin")):
            found = {**query, "number": document.number, "pin": document.pin}
            return st.sampled_from([found, query])
        return _sometimes_real(query, real)

    @schema.hook
    def flatmap_body(context, body):
        return _sometimes_real(body, real)

    succeeded: dict[str, bool] = {}

    @schema.hook
    def after_call(context, case, response):
        label = case.operation.label
        succeeded[label] = succeeded.get(label, False) or 200 <= response.status_code < 300

    yield schema
    if succeeded:  # (empty when the document could not be loaded: that failure says it all)
        assert not [label for label, ok in succeeded.items() if not ok], succeeded


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_api_matches_its_openapi_document(case, vms_signature):
    case.call_and_validate(auth=vms_signature)
