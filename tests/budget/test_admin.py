"""Staff work in the Wagtail admin: a participation moderator finds the proposals waiting in the
moderation queue, publishes one with the city's answer (the proposer is e-mailed once), and posts
an implementation update that the followers receive."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core import mail

from participation.budget.models import ImplementationUpdate, Proposal
from tests.factories import UserFactory

from .factories import make_proposal


def moderator(client):
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name="Participation moderators"))
    client.force_login(user)
    return user


def test_a_moderator_publishes_and_answers_a_proposal(client, cycle, district, resident):
    proposal = make_proposal(cycle, district, resident, title="Fântână")
    Proposal.objects.filter(pk=proposal.pk).update(moderation="pending")
    moderator(client)
    queue = client.get("/admin/snippets/budget/proposal/?moderation=pending")
    assert queue.status_code == 200 and "Fântână" in queue.content.decode()
    edit = client.get(f"/admin/snippets/budget/proposal/edit/{proposal.pk}/")
    assert edit.status_code == 200 and "Nicio fotografie." in edit.content.decode()  # the photos panel
    form = {
        "moderation": "published",
        "moderation_note": "",
        "title": "Fântână",
        "description": "Descriere.",
        "cycle": cycle.pk,
        "district": district.pk,
        "address": "",
        "location_0": proposal.location.y,
        "location_1": proposal.location.x,
        "feasibility": "feasible",
        "assessed_cost": "150000",
        "public_reason": "Rețeaua permite racordarea.",
    }
    missing_reason = client.post(
        f"/admin/snippets/budget/proposal/edit/{proposal.pk}/", form | {"public_reason": ""}
    )
    assert missing_reason.status_code == 200 and mail.outbox == []  # the form asks for the reasons
    response = client.post(f"/admin/snippets/budget/proposal/edit/{proposal.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert (proposal.moderation, proposal.assessed_cost) == ("published", 150_000) and proposal.answered_at
    assert [m.to for m in mail.outbox] == [[resident.email]]
    assert "Rețeaua permite racordarea." in mail.outbox[0].body
    client.post(f"/admin/snippets/budget/proposal/edit/{proposal.pk}/", form)
    assert len(mail.outbox) == 1  # the same answer is not sent again


def test_an_implementation_update_from_the_admin_reaches_followers(client, cycle, district, resident):
    proposal = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Da.")
    moderator(client)
    response = client.post(
        "/admin/snippets/budget/implementationupdate/add/",
        {
            "proposal": proposal.pk,
            "progress": "works",
            "percent_done": "50",
            "text": "S-a turnat fundația.",
            "photo": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ImplementationUpdate.objects.get().notified_at is not None
    assert [m.to for m in mail.outbox] == [[resident.email]] and "S-a turnat fundația." in mail.outbox[0].body
    proposal.refresh_from_db()
    assert proposal.percent_done == 50
