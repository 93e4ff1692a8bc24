"""A resident's HTTP client for a running portal (the production stack of scripts/prod-stack.sh):
reads a service's request form as a browser does, fills every field it declares, sends it with
the page's CSRF token and reads the receipt. Shared by tests/deploy and bench/soak.py."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter


class _SourceAddress(HTTPAdapter):
    """Connections from one loopback address (127.0.0.0/8): each resident has their own."""

    def __init__(self, source: str) -> None:
        self._source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self._source, 0)
        return super().init_poolmanager(*args, **kwargs)


class Visitor:
    """One browser: its own cookies (session, CSRF), talking to `base` (nginx or one node)."""

    def __init__(self, base: str, *, verify: str | bool = True, behind_tls: bool = False, source: str = ""):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.verify = verify  # per request: REQUESTS_CA_BUNDLE would win over the session's
        self.behind_tls = behind_tls
        if behind_tls:  # a node behind the TLS proxy: say so, as the proxy does
            self.session.headers["X-Forwarded-Proto"] = "https"
        if source:
            self.session.mount("http://", _SourceAddress(source))
            self.session.mount("https://", _SourceAddress(source))
        self.origin = "https://" + urlsplit(self.base).netloc

    def at(self, base: str, *, behind_tls: bool = False) -> Visitor:
        """The same browser (same cookies) talking to another address: another node."""
        other = Visitor(base, verify=self.verify, behind_tls=behind_tls)
        other.session.cookies = self.session.cookies
        return other

    def url(self, path: str) -> str:
        return urljoin(self.base + "/", path.lstrip("/")) if not path.startswith("http") else path

    def _headers(self, extra: dict | None = None) -> dict:
        """The portal's cookies are Secure: a node spoken to over plain HTTP behind the TLS proxy
        gets them as the proxy passes them on (requests keeps Secure cookies for https only)."""
        headers = dict(extra or {})
        if self.behind_tls:
            secure = [f"{c.name}={c.value}" for c in self.session.cookies if c.secure]
            if secure:
                headers["Cookie"] = "; ".join(secure)
        return headers

    def get(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        kwargs.setdefault("verify", self.verify)
        kwargs["headers"] = self._headers(kwargs.get("headers"))
        return self.session.get(self.url(path), **kwargs)

    def post_form(self, path: str, data: dict, files=None, **kwargs) -> requests.Response:
        """A form POST as a browser sends it: the page's Origin and Referer (CSRF checks both)."""
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("verify", self.verify)
        headers = self._headers(
            {"Origin": self.origin, "Referer": self.origin + urlsplit(self.url(path)).path}
        )
        return self.session.post(self.url(path), data=data, files=files, headers=headers, **kwargs)


@dataclass
class Field:
    name: str
    kind: str  # input type, "select" or "textarea"
    required: bool = False
    options: list[str] = field(default_factory=list)
    accept: str = ""


@dataclass
class Form:
    action: str
    fields: list[Field]
    csrf: str


class _FormParser(HTMLParser):
    """The fields of the form with id `form_id`."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.action, self.csrf = form_id, False, "", ""
        self.fields: list[Field] = []
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside, self.action = True, a.get("action") or ""
            return
        if not self.inside:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if a.get("name") == "csrfmiddlewaretoken":
                self.csrf = a.get("value", "")
            elif kind == "radio" and any(f.name == a.get("name") for f in self.fields):
                next(f for f in self.fields if f.name == a.get("name")).options.append(a.get("value", ""))
            elif a.get("name"):
                options = [a.get("value", "on")] if kind in ("radio", "checkbox") else []
                self.fields.append(Field(a["name"], kind, "required" in a, options, a.get("accept", "")))
        elif tag in ("select", "textarea") and a.get("name"):
            self.fields.append(Field(a["name"], tag, "required" in a))
            self._select = self.fields[-1] if tag == "select" else None
        elif tag == "option" and self._select is not None and a.get("value"):
            self._select.options.append(a["value"])

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None


def read_form(html: str, form_id: str = "service-form") -> Form | None:
    parser = _FormParser(form_id)
    parser.feed(html)
    if not parser.fields:
        return None
    return Form(parser.action, parser.fields, parser.csrf)


def pdf_attachment(text: str) -> bytes:
    """A small real PDF (fpdf2, as the portal's own receipts are made)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def fill(form: Form, *, who: str, attachment: bytes | None = None) -> tuple[dict, list]:
    """Values for every field the form declares, as a resident types them; the attachment goes
    to the file field when the form takes PDFs."""
    data: dict[str, str] = {"csrfmiddlewaretoken": form.csrf}
    files = []
    for item in form.fields:
        if item.kind == "file":
            if attachment is not None and ".pdf" in (item.accept or ".pdf"):
                files.append((item.name, (f"{who}.pdf", io.BytesIO(attachment), "application/pdf")))
            continue
        if item.kind == "email":
            data[item.name] = f"{who}@example.org"
        elif item.kind == "number":
            data[item.name] = "2"
        elif item.kind == "date":
            data[item.name] = (dt.date.today() + dt.timedelta(days=30)).isoformat()
        elif item.kind == "tel":
            data[item.name] = "0257 000 000"
        elif item.kind in ("select", "radio"):
            if item.options:
                data[item.name] = item.options[0]
        elif item.kind == "checkbox":
            if item.required:
                data[item.name] = item.options[0] if item.options else "on"
        elif item.kind == "textarea":
            data[item.name] = f"Request sent by {who} through the production stack."
        elif item.kind not in ("hidden", "submit", "button"):
            data[item.name] = f"Resident {who}"
    return data, files


@dataclass
class Receipt:
    url: str
    number: str
    pin: str
    qr_png: bytes
    files: list[str]
    pdf_url: str


def read_receipt(html: str, url: str) -> Receipt:
    import base64

    def one(pattern: str) -> str:
        found = re.search(pattern, html, re.S)
        assert found, f"the receipt has no {pattern!r}"
        return found.group(1).strip()

    qr = one(r'class="receipt__qr">\s*<img src="data:image/png;base64,([^"]+)"')
    return Receipt(
        url=url,
        number=one(r'class="receipt__number">([^<]+)<'),
        pin=one(r'class="receipt__pin">([^<]+)<'),
        qr_png=base64.b64decode(qr),
        files=re.findall(r'<a href="([^"]*/files/\d+)"', html),
        pdf_url=one(r'<a class="button" href="([^"]+\.pdf)"'),
    )


def file_request(visitor: Visitor, service_url: str, *, who: str, attachment: bytes | None) -> Receipt:
    """Open the service's page, fill its form, send it; returns the receipt it lands on."""
    page = visitor.get(service_url)
    page.raise_for_status()
    form = read_form(page.text)
    assert form is not None, f"{service_url} has no request form"
    data, files = fill(form, who=who, attachment=attachment)
    answer = visitor.post_form(urlsplit(page.url).path, data, files=files or None, allow_redirects=False)
    assert answer.status_code == 302 and "/receipt/" in answer.headers["Location"], (
        f"the form was not accepted ({answer.status_code}): {answer.text[:2000]}"
    )
    receipt = visitor.get(answer.headers["Location"])
    receipt.raise_for_status()
    return read_receipt(receipt.text, receipt.url)


def online_services(visitor: Visitor, lang: str = "en") -> list[dict]:
    """The services whose pages take online requests, from the public services API."""
    answer = visitor.get(f"/api/v1/services?lang={lang}")
    answer.raise_for_status()
    return [service for service in answer.json() if service.get("online_request")]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)
