"""Learners: lessons, quizzes with feedback, certificates with a signed QR, and xAPI statements."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from portal.qr import services as qr
from tests.factories import CertificateFactory, UserFactory
from tests.qr_decoding import decode_qr_pdf, pdf_text
from training import selectors, services

from .conftest import course, lesson

YOUTH = "securitate-online-pentru-tineri"


def right_answers(quiz_lesson) -> dict[str, list[int]]:
    return {
        q["id"]: [a["index"] for a in q["answers"] if a["correct"]] for q in selectors.questions(quiz_lesson)
    }


def wrong_answers(quiz_lesson) -> dict[str, list[int]]:
    return {
        q["id"]: [a["index"] for a in q["answers"] if not a["correct"]][:1]
        for q in selectors.questions(quiz_lesson)
    }


@pytest.fixture
def learner(db):
    return services.register_learner(
        username="ana", email="ana@example.org", password="x-Long-pass-42", full_name="Ana Țăranu-Mureșan"
    )


def test_a_lesson_with_a_quiz_is_completed_only_by_passing_it(city, learner):
    quiz = lesson("recunoasterea-fraudelor")
    with pytest.raises(services.TrainingError):
        services.complete_lesson(user=learner, lesson=quiz)
    with pytest.raises(services.TrainingError):
        services.submit_quiz(user=learner, lesson=quiz, answers={})

    failed = services.submit_quiz(user=learner, lesson=quiz, answers=wrong_answers(quiz))
    assert (failed.passed, failed.score) == (False, 0)
    state = selectors.lesson_state(lesson=quiz, user=learner)
    assert not state["completed"]
    chosen = [a for q in state["questions"] for a in q["answers"] if a.get("chosen")]
    assert chosen and all(a["feedback"] and not a["correct"] for a in chosen)

    # Multiple choice counts only when every right answer and no wrong one is chosen.
    partly = right_answers(quiz)
    multiple = next(q for q in selectors.questions(quiz) if q["multiple"])
    partly[multiple["id"]] = partly[multiple["id"]][:1]
    assert services.submit_quiz(user=learner, lesson=quiz, answers=partly).score == 50

    passed = services.submit_quiz(user=learner, lesson=quiz, answers=right_answers(quiz))
    assert (passed.passed, passed.score) == (True, 100)
    assert selectors.lesson_state(lesson=quiz, user=learner)["completed"]


def test_completing_every_lesson_issues_a_certificate_whose_qr_verifies(city, learner):
    youth = course(YOUTH)
    services.complete_lesson(user=learner, lesson=lesson("parole-puternice"))
    assert selectors.certificate_for(user=learner, course=youth) is None

    quiz = lesson("recunoasterea-fraudelor")
    services.submit_quiz(user=learner, lesson=quiz, answers=right_answers(quiz))
    certificate = selectors.certificate_for(user=learner, course=youth)
    assert certificate is not None and certificate.holder_name == "Ana Țăranu-Mureșan"

    pdf = services.certificate_pdf(certificate, language="ro")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    result = qr.verify(services.certificate_token(certificate))
    assert result.status == "genuine"
    assert result.payload["id"] == certificate.code and result.payload["name"] == "Ana Țăranu-Mureșan"

    services.revoke_certificate(certificate=certificate)
    assert qr.verify(services.certificate_token(certificate)).status == "revoked"
    assert selectors.people_trained_online() == 0  # a revoked certificate no longer counts


def test_certificates_are_downloaded_only_by_their_holder(city, learner, client):
    youth = course(YOUTH)
    other = UserFactory(username="ion", password="x-Long-pass-42")
    certificate = CertificateFactory(user=learner, course=youth, holder_name="Ana")
    url = f"/ro/learning/certificates/{certificate.code}.pdf"

    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)  # streamed from the private storage
    assert "Ana" in pdf_text(content)
    assert decode_qr_pdf(content) == qr.verify_url(services.certificate_token(certificate))


def test_pages_are_readable_without_an_account(city, client):
    quiz = lesson("recunoasterea-fraudelor")
    youth = course(YOUTH)
    pages = (
        youth.get_parent().url,
        youth.url,
        quiz.get_parent().url,
        quiz.url,
        course(YOUTH, "en").url,
        "/ro/learning/signup/",
        "/hu/learning/login/",
        "/ro/learning/about-you/",
    )
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(quiz.url).content.decode()
    assert "Vă grăbește" in body and 'name="q-' not in body  # questions shown, no form
    assert client.post(f"/ro/learning/lessons/{quiz.pk}/quiz/").status_code == 302
    assert "Tanulói fiók létrehozása" in client.get("/hu/learning/signup/").content.decode()


def test_dashboard_lists_progress_and_certificates(city, learner, client):
    services.complete_lesson(user=learner, lesson=lesson("parole-puternice"))
    client.force_login(learner)
    body = client.get("/ro/learning/my/").content.decode()
    assert "Securitate online pentru tineri" in body and "1 / 2" in body


class _LRS(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 — http.server's naming
        length = int(self.headers["Content-Length"])
        _LRS.received.append(
            {
                "path": self.path,
                "version": self.headers["X-Experience-API-Version"],
                "body": json.loads(self.rfile.read(length)),
            }
        )
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'["ok"]')

    def log_message(self, *args) -> None:
        pass


def test_xapi_statements_reach_a_configured_learning_record_store(
    city, learner, settings, django_capture_on_commit_callbacks
):
    server = HTTPServer(("127.0.0.1", 0), _LRS)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.TRAINING_XAPI_ENDPOINT = f"http://127.0.0.1:{server.server_port}/xapi/"
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.complete_lesson(user=learner, lesson=lesson("parole-puternice"))
    finally:
        server.shutdown()
    statement = _LRS.received[-1]
    assert statement["path"] == "/xapi/statements" and statement["version"] == "1.0.3"
    assert statement["body"]["verb"]["id"].endswith("/completed")
    assert "ana" not in json.dumps(statement["body"]).lower()  # a pseudonym, never the learner's name
