"""Live hand-off to a chat operator, without a browser: the assistant stays silent while a person
holds the chat, the operator's answers reach the widget's endpoint and the chat page, a late
hand-off offers a call-back registered in the document registry, and the time to the first human
reply is a KPI. (Test settings point Rasa at a closed port: a message that reaches the relay
counts as "unanswered", so the counter shows whether the assistant was asked.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone, translation

from chatbot import selectors, services
from chatbot.models import ChatMessage, Conversation, Handoff
from portal.documents import selectors as registry
from portal.documents.models import Document
from portal.kpi.registry import discover
from tests.factories import ConversationFactory, UserFactory

API = "/api/v1/chatbot"


@pytest.fixture
def operator(django_user_model):
    user = UserFactory(username="ioana", first_name="Ioana", groups=["Chat operators"])
    return user


def ask_for_person(client: Client, lang: str = "ro") -> dict:
    response = client.post(
        f"{API}/message", {"message": services.HANDOFF_PAYLOAD, "lang": lang}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def poll(client: Client, conversation: str, after: int = 0) -> dict:
    response = client.get(f"{API}/conversation/{conversation}", {"after": after})
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    return response.json()


@pytest.mark.django_db
def test_operator_holds_the_chat_answers_and_hands_it_back(client: Client, operator) -> None:
    asked = ask_for_person(client, "en")
    assert asked["handoff"]["status"] == "waiting" and asked["handoff"]["active"] is True
    assert asked["messages"] == []  # the assistant was not asked
    conversation = Conversation.objects.get(pk=asked["conversation"])
    assert conversation.unanswered == 0
    notice = poll(client, asked["conversation"], after=asked["last_message"])["messages"]
    assert [m["sender"] for m in notice] == ["system"] and "An operator will answer" in notice[0]["text"]

    # The resident writes again while waiting: the message waits for the operator, not for Rasa.
    held = client.post(
        f"{API}/message",
        {"message": "My tax certificate is late", "lang": "en", "conversation": asked["conversation"]},
        content_type="application/json",
    ).json()
    assert held["available"] is True and held["messages"] == [] and held["handoff"]["active"]
    conversation.refresh_from_db()
    assert (conversation.messages, conversation.unanswered) == (2, 0)

    handoff = selectors.inbox().get()
    assert handoff.conversation == conversation
    services.claim(handoff=handoff, operator=operator)
    line = services.reply(handoff=handoff, operator=operator, text="Hello, I am looking at it now.")
    handoff.refresh_from_db()
    assert handoff.status == Handoff.Status.CLAIMED and handoff.first_reply_at == line.created_at

    news = poll(client, asked["conversation"], after=held["last_message"])
    assert [(m["sender"], m["text"]) for m in news["messages"]][-1] == (
        "operator",
        "Hello, I am looking at it now.",
    )
    assert news["handoff"]["status"] == "claimed"
    assert [m.sender for m in selectors.conversation_lines(conversation)] == [
        "resident",
        "system",
        "resident",
        "system",
        "operator",
    ]

    services.close(handoff=handoff, operator=operator)
    assert not selectors.inbox().exists()
    after_close = client.post(
        f"{API}/message",
        {"message": "thanks", "lang": "en", "conversation": asked["conversation"]},
        content_type="application/json",
    ).json()
    conversation.refresh_from_db()
    assert after_close["handoff"]["active"] is False and conversation.unanswered == 1  # relayed again


@pytest.mark.django_db
def test_only_the_claiming_operator_answers(operator, django_user_model) -> None:
    other = UserFactory(username="mihai", groups=["Chat operators"])
    handoff = services.request_handoff(conversation=ConversationFactory(language="ro"))
    with pytest.raises(services.HandoffError):
        services.reply(handoff=handoff, operator=operator, text="Bună ziua")
    services.claim(handoff=handoff, operator=operator)
    with pytest.raises(services.HandoffError):
        services.claim(handoff=handoff, operator=other)
    with pytest.raises(services.HandoffError):
        services.reply(handoff=handoff, operator=other, text="Bună ziua")
    with pytest.raises(services.HandoffError):
        services.close(handoff=handoff, operator=other)
    assert services.request_handoff(conversation=handoff.conversation) == handoff  # one at a time


@pytest.mark.django_db
def test_late_handoff_offers_a_callback_registered_in_the_registry(client: Client, settings) -> None:
    settings.CHAT_HANDOFF_TIMEOUT_SECONDS = 60
    asked = ask_for_person(client, "hu")
    conversation = asked["conversation"]
    early = client.post(
        f"{API}/callback", {"conversation": conversation, "phone": "0722 123 456"}, "application/json"
    )
    assert early.status_code == 409  # an operator may still answer

    handoff = Handoff.objects.get(conversation=conversation)
    assert services.expire_unanswered(now=handoff.requested_at + dt.timedelta(seconds=59)) == 0
    assert services.expire_unanswered(now=handoff.requested_at + dt.timedelta(seconds=61)) == 1
    state = poll(client, conversation)
    assert state["handoff"] == {
        "status": "unanswered",
        "active": False,
        "offer_callback": True,
        "poll_seconds": settings.CHAT_HANDOFF_POLL_SECONDS,
    }
    assert "nincs szabad ügyintéző" in state["messages"][-1]["text"]

    empty = client.post(f"{API}/callback", {"conversation": conversation}, "application/json")
    assert empty.status_code == 400
    bad_phone = client.post(
        f"{API}/callback", {"conversation": conversation, "phone": "call me"}, "application/json"
    )
    assert bad_phone.status_code == 400
    response = client.post(
        f"{API}/callback", {"conversation": conversation, "phone": "0722 123 456"}, "application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    document = Document.objects.get(number=body["number"])
    assert (document.channel, document.sender_phone, document.language) == ("chatbot", "0722 123 456", "hu")
    assert body["pin"] == document.pin and body["tracking_url"] == registry.tracking_url(document.token)
    assert registry.public_status(document, lang="hu")["number"] == document.number
    assert "Szeretnék egy személlyel beszélni." in document.message  # the transcript
    handoff.refresh_from_db()
    assert handoff.callback_document == document
    assert poll(client, conversation)["handoff"]["offer_callback"] is False
    assert document.number in poll(client, conversation)["messages"][-1]["text"]
    again = client.post(
        f"{API}/callback", {"conversation": conversation, "email": "a@example.org"}, "application/json"
    )
    assert again.status_code == 409
    assert Document.objects.filter(channel="chatbot").count() == 1


@pytest.mark.django_db
def test_time_to_first_human_reply_is_a_kpi(operator) -> None:
    kpi = discover()["chatbot.first_human_reply"]
    with translation.override("en"):
        assert (kpi.solution, str(kpi.unit)) == ("chatbot", "seconds")
    assert kpi.compute() is None
    start = timezone.now() - dt.timedelta(hours=1)
    for wait in (30, 90, 400):
        handoff = services.request_handoff(conversation=ConversationFactory(language="ro"), now=start)
        services.claim(handoff=handoff, operator=operator, now=start)
        services.reply(
            handoff=handoff, operator=operator, text="Bună", now=start + dt.timedelta(seconds=wait)
        )
    unanswered = services.request_handoff(conversation=ConversationFactory(language="ro"))
    assert unanswered.first_reply_at is None
    assert kpi.compute() == 90.0


@pytest.mark.django_db
def test_chat_page_shows_the_operator_reply_on_reload(client: Client, operator) -> None:
    asked = client.post("/ro/chatbot/", {"message": services.HANDOFF_PAYLOAD})
    assert asked.status_code == 200
    assert "Aș dori să vorbesc cu o persoană." in asked.content.decode()
    handoff = Handoff.objects.get()
    services.claim(handoff=handoff, operator=operator)
    services.reply(handoff=handoff, operator=operator, text="Bună ziua, vă ascult.")
    page = client.get("/ro/chatbot/").content.decode()
    assert "Bună ziua, vă ascult." in page and "chatbot__msg--operator" in page
    assert 'value="/request_human"' not in page and "Reîncărcați pagina" in page


@pytest.mark.django_db
def test_inbox_and_replies_in_the_admin(client: Client, operator, django_user_model) -> None:
    handoff = services.request_handoff(conversation=ConversationFactory(language="en"))
    services.post_message(conversation=handoff.conversation, sender="resident", text="Where is my permit?")
    client.force_login(operator)
    inbox = client.get("/admin/chat-inbox/").content.decode()
    assert f"/admin/chat-inbox/{handoff.pk}/" in inbox and 'id="chat-inbox"' in inbox
    assert "/admin/chat-inbox/" in client.get("/admin/").content.decode()  # the menu item
    assert "Where is my permit?" in client.get(f"/admin/chat-inbox/{handoff.pk}/").content.decode()
    client.post(f"/admin/chat-inbox/{handoff.pk}/claim/")
    client.post(f"/admin/chat-inbox/{handoff.pk}/reply/", {"text": "Your permit is ready."})
    assert ChatMessage.objects.filter(
        sender="operator", operator=operator, text="Your permit is ready."
    ).exists()
    assert client.post(f"/admin/chat-inbox/{handoff.pk}/close/").status_code == 302
    handoff.refresh_from_db()
    assert handoff.status == Handoff.Status.CLOSED

    clerk = UserFactory(username="clerk", groups=["Registry clerks"])
    client.force_login(clerk)
    assert client.post(f"/admin/chat-inbox/{handoff.pk}/claim/").status_code in (302, 403)
    assert "/admin/chat-inbox/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_lines_of_chats_without_a_person_go_after_a_day(settings) -> None:
    settings.CHAT_LINES_RETENTION_HOURS = 24
    settings.CHATBOT_TRANSCRIPT_RETENTION_DAYS = 180
    bot_only = services.relay_message(text="Care este programul?", language="ro").conversation
    handed = services.relay_message(text=services.HANDOFF_PAYLOAD, language="ro").conversation
    now = timezone.now()
    assert services.purge_transcripts(now=now + dt.timedelta(hours=23)) == 0
    assert services.purge_transcripts(now=now + dt.timedelta(hours=25)) == 1
    assert not ChatMessage.objects.filter(conversation=bot_only).exists()
    assert ChatMessage.objects.filter(conversation=handed).count() == 2  # the request and its notice
    assert services.purge_transcripts(now=now + dt.timedelta(days=181)) == 1
    assert not ChatMessage.objects.exists() and Conversation.objects.count() == 2


@pytest.mark.django_db
def test_text_with_nul_is_refused_not_stored(client: Client, operator) -> None:
    from django.core.exceptions import ValidationError

    handoff = services.request_handoff(conversation=ConversationFactory(language="en"))
    services.claim(handoff=handoff, operator=operator)
    with pytest.raises(ValidationError):
        services.reply(handoff=handoff, operator=operator, text="a\x00b")
    page = client.post("/en/chatbot/", {"message": "a\x00b"})
    assert page.status_code == 400
    assert not ChatMessage.objects.filter(text__contains="a").exclude(sender="system").exists()
