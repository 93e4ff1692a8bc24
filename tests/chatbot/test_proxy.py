"""The portal's side of the chat with Rasa down (the test settings point RASA_URL at a closed port):
the resident is told plainly, offered search and contacts, and the portal keeps working."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from chatbot.models import Conversation, TranscriptLine
from portal.feedback.models import FeedbackResponse
from tests.factories import UserFactory

URL = "/api/v1/chatbot/message"


def post(client: Client, **body):
    return client.post(URL, body, content_type="application/json")


@pytest.mark.django_db
def test_rasa_down_answers_plainly_with_search_and_contacts_and_counts(client: Client) -> None:
    response = post(client, message="Care este programul?", lang="ro")
    assert response.status_code == 200
    body = response.json()
    assert body["available"] is False
    assert "nu este disponibil" in body["messages"][0]["text"]
    assert "/ro/search/" in [link["url"] for link in body["links"]]
    conversation = Conversation.objects.get(pk=body["conversation"])
    assert (conversation.messages, conversation.unanswered, conversation.language) == (1, 1, "ro")
    assert not TranscriptLine.objects.exists()  # no text kept without the resident's consent

    again = post(client, message="hello", lang="en", conversation=body["conversation"]).json()
    assert again["conversation"] == body["conversation"]
    assert "not available" in again["messages"][0]["text"]
    conversation.refresh_from_db()
    assert (conversation.messages, conversation.language) == (2, "en")


@pytest.mark.django_db
def test_text_is_kept_only_with_consent_and_dropped_when_withdrawn(client: Client) -> None:
    first = post(client, message="Bună ziua", lang="ro", keep_transcript=True).json()
    assert list(TranscriptLine.objects.values_list("sender", "text")) == [("resident", "Bună ziua")]
    post(client, message="altceva", lang="ro", conversation=first["conversation"], keep_transcript=False)
    assert not TranscriptLine.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"message": "", "lang": "ro"}, {"message": "x" * 1001, "lang": "ro"}, {}])
def test_invalid_messages_are_refused(client: Client, body: dict) -> None:
    assert client.post(URL, body, content_type="application/json").status_code in (400, 422)
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_rating_goes_to_the_shared_questionnaire_once(client: Client) -> None:
    conversation = post(client, message="hello", lang="en").json()["conversation"]
    rating = {"conversation": conversation, "score": 9, "comment": "Useful", "lang": "en"}
    assert client.post("/api/v1/chatbot/rating", rating, content_type="application/json").status_code == 201
    answer = FeedbackResponse.objects.get()
    assert (answer.solution, answer.score, answer.context, answer.language) == ("chatbot", 9, "chat", "en")
    again = client.post("/api/v1/chatbot/rating", rating, content_type="application/json")
    assert again.status_code == 409 and FeedbackResponse.objects.count() == 1
    unknown = {**rating, "conversation": str(uuid.uuid4())}
    assert client.post("/api/v1/chatbot/rating", unknown, content_type="application/json").status_code == 404
    bad = {**rating, "score": 11}
    assert client.post("/api/v1/chatbot/rating", bad, content_type="application/json").status_code == 422


def test_pages_carry_the_widget_and_the_chat_page_works_without_javascript(demo_city, client: Client) -> None:
    home = client.get("/en/")
    assert home.status_code == 200
    html = home.content.decode()
    assert 'id="chatbot"' in html and 'aria-controls="chatbot-panel"' in html
    assert 'href="/en/chatbot/"' in html  # the launcher is a plain link until the script upgrades it

    page = client.get("/hu/chatbot/")
    assert page.status_code == 200
    assert "<h1>" in page.content.decode()
    answer = client.post("/ro/chatbot/", {"message": "Care este programul registraturii?"})
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "nu este disponibil" in text and "/ro/search/" in text
    assert Conversation.objects.get().messages == 1
    assert 'name="score"' in text  # the shared 0–10 questionnaire at the end of the chat


@pytest.mark.django_db
def test_staff_see_chat_counts_in_the_admin(client: Client, django_user_model) -> None:
    admin = UserFactory(username="chatadmin", email="a@example.org", password="pw-Ch4t!", admin=True)
    client.force_login(admin)
    post(client, message="hello", lang="en")
    listing = client.get("/admin/chat_conversations/")
    assert listing.status_code == 200
    assert "Conversații cu asistentul" in listing.content.decode()  # the admin speaks Romanian
