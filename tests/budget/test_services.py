"""The rules of the participatory budget: phases, proposals, one ballot within the budget, the
published tie rule, answers and updates e-mailed to followers, open data without personal data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core import mail

from participation.budget import kpis, maplayers, publishers, selectors, services
from participation.budget.models import Ballot, ImplementationUpdate, Phase, Vote
from tests.factories import DistrictFactory

from .factories import ParticipantFactory, city_point, make_proposal, move_to


def submit(resident, cycle, district, *, lat=None, lon=None, **fields):
    """A proposal sent by `resident` (at a point in the city unless told), through the service."""
    if lat is None:
        lat, lon = city_point()
    values = {"title": "x", "description": "x", "address": "", "cost_estimate": 1} | fields
    return services.submit_proposal(
        participant=resident, cycle=cycle, district=district, lat=lat, lon=lon, **values
    )


def feasible(cycle, district, resident, title: str, cost: int):
    """A proposal assessed as feasible, on the ballot once voting opens."""
    return make_proposal(
        cycle, district, resident, title=title, cost=cost, feasibility="feasible", public_reason="ok"
    )


def test_the_phase_follows_the_dates(cycle):
    assert cycle.phase() == Phase.PROPOSALS
    assert cycle.phase(cycle.proposals_start - dt.timedelta(days=1)) == Phase.UPCOMING
    assert cycle.phase(cycle.voting_start) == Phase.VOTING
    assert cycle.phase(cycle.implementation_start + dt.timedelta(days=400)) == Phase.IMPLEMENTATION


def test_a_proposal_waits_for_moderation_and_its_proposer_follows_it(cycle, district, resident):
    proposal = submit(resident, cycle, district, title=" Bănci ", description="De ce.", cost_estimate=5000)
    assert proposal.moderation == "pending" and proposal.title == "Bănci"
    assert list(selectors.public_proposals(cycle)) == []
    assert proposal.follows.get().participant == resident


def test_proposals_outside_the_city_or_the_phase_are_refused(cycle, district, resident):
    with pytest.raises(services.BudgetError):
        submit(resident, cycle, district, lat=10.0, lon=10.0)
    move_to(cycle, Phase.VOTING)
    with pytest.raises(services.BudgetError):
        submit(resident, cycle, district)


def test_one_ballot_within_the_budget_and_the_maximum_spend(cycle, district, resident):
    cheap = feasible(cycle, district, resident, "A", 100_000)
    dear = feasible(cycle, district, resident, "B", 250_000)
    unfeasible = make_proposal(
        cycle, district, resident, title="C", cost=1, feasibility="unfeasible", public_reason="no"
    )
    with pytest.raises(services.BudgetError):  # not yet voting
        services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[cheap.pk])
    move_to(cycle, Phase.VOTING)
    with pytest.raises(services.BudgetError, match="300000"):  # over the district's 300,000
        services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[cheap.pk, dear.pk])
    with pytest.raises(services.BudgetError):  # not on the ballot
        services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[unfeasible.pk])
    cycle.max_spend_per_ballot = 200_000
    cycle.save()
    with pytest.raises(services.BudgetError, match="200000"):
        services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[dear.pk])
    services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[cheap.pk])
    with pytest.raises(services.AlreadyVoted):
        services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[cheap.pk])
    assert Ballot.objects.count() == 1 and Vote.objects.count() == 1


def test_voters_of_another_district_do_not_see_these_projects(cycle, district, resident):
    other = DistrictFactory(name="Grădiște", slug="gradiste")
    cycle.budgets.create(district=other, amount=10)
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="ok")
    move_to(cycle, Phase.VOTING)
    neighbour = ParticipantFactory(district=other)
    with pytest.raises(services.BudgetError):
        services.cast_ballot(participant=neighbour, cycle=cycle, proposal_ids=[project.pk])


def test_results_apply_the_published_tie_rule_within_the_budget(cycle, district, resident):
    # Budget 300,000. A and B tie on votes: the cheaper B comes first; C has more votes.
    a, b, c, d = (
        feasible(cycle, district, resident, title, cost)
        for title, cost in (("A", 150_000), ("B", 100_000), ("C", 150_000), ("D", 50_000))
    )
    move_to(cycle, Phase.VOTING)
    for choice in ([c.pk], [c.pk, a.pk], [c.pk, b.pk], [a.pk], [b.pk], [d.pk]):
        services.cast_ballot(
            participant=ParticipantFactory(district=district), cycle=cycle, proposal_ids=choice
        )
    move_to(cycle, Phase.RESULTS)
    (result,) = selectors.results(cycle)
    assert [(r.proposal.title, r.votes, r.winner) for r in result.rows] == [
        ("C", 3, True),
        ("B", 2, True),  # 250,000 spent: A (150,000) no longer fits ...
        ("A", 2, False),
        ("D", 1, True),  # ... but D (50,000) does
    ]
    assert result.spent == 300_000
    assert {p.title for p in selectors.winning_projects(cycle)} == {"C", "B", "D"}


def test_the_official_answer_is_emailed_once_to_followers(cycle, district, resident):
    proposal = make_proposal(cycle, district, resident)
    assert services.notify_answer(proposal=proposal) == 0  # still under review
    proposal.feasibility, proposal.assessed_cost, proposal.public_reason = (
        "feasible",
        120_000,
        "Terenul e public.",
    )
    proposal.save()
    assert services.notify_answer(proposal=proposal) == 1
    assert services.notify_answer(proposal=proposal) == 0  # nothing new
    assert mail.outbox[-1].to == [resident.email] and "Terenul e public." in mail.outbox[-1].body
    proposal.refresh_from_db()
    assert proposal.answered_at is not None


def test_an_implementation_update_moves_the_project_and_emails_followers(cycle, district, resident):
    proposal = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="ok")
    fan = ParticipantFactory(district=district, language="hu")
    services.follow(participant=fan, proposal=proposal)
    services.follow(participant=fan, proposal=proposal)  # twice is once
    update = ImplementationUpdate.objects.create(
        proposal=proposal, text="Lucrările au început.", progress="works", percent_done=40
    )
    assert services.publish_update(update=update) == 2
    assert services.publish_update(update=update) == 0
    proposal.refresh_from_db()
    assert (proposal.progress, proposal.percent_done) == ("works", 40)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, fan.email])


def test_open_data_and_the_map_layer_hold_no_personal_data(cycle, district, resident):
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Fezabil.")
    move_to(cycle, Phase.VOTING)
    services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[project.pk])
    move_to(cycle, Phase.RESULTS)
    everything = b"".join(r.produce() for ds in publishers.DATASETS for r in ds.resources).decode()
    assert resident.email not in everything and "rezident" not in everything
    rows = list(csv.DictReader(io.StringIO(publishers.votes_per_project_csv().decode("utf-8-sig"))))
    assert rows == [
        {
            "cycle": str(cycle.year),
            "district": "Micălaca",
            "project_id": str(project.pk),
            "title": project.title,
            "cost_ron": "100000",
            "votes": "1",
            "rank": "1",
            "winner": "True",
        }
    ]
    (feature,) = json.loads(publishers.proposals_geojson())["features"]
    assert feature["properties"]["district"] == "Micălaca" and "email" not in json.dumps(feature)
    assert [f["id"] for f in maplayers.proposal_features()] == [project.pk]


def test_kpis_count_people_once_and_hide_small_groups(cycle, district, resident):
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="ok")
    move_to(cycle, Phase.VOTING)
    voters = [ParticipantFactory(district=district, age_group="40-54") for _ in range(5)]
    for voter in [resident, *voters]:
        services.cast_ballot(participant=voter, cycle=cycle, proposal_ids=[project.pk])
    found = {k.key: k for k in kpis.KPIS}
    assert found["budget.participants"].compute() == 6  # the proposer voted too: once
    assert found["budget.participants"].breakdown() == [("Micălaca", 6)]
    assert found["budget.participants_by_age"].breakdown() == [("40–54", 5)]  # the lone 25–39 hidden
    assert found["budget.votes"].compute() == 6 and found["budget.proposals"].compute() == 1
    move_to(cycle, Phase.IMPLEMENTATION)
    assert found["budget.winners_implemented"].compute() == 0
    project.progress = "done"
    project.save()
    assert found["budget.winners_implemented"].compute() == 100


def test_the_demo_loads_twice_with_winners_under_way(db):
    from django.core.management import call_command

    from participation.budget.models import Cycle

    call_command("load_demo_cctv", verbosity=0)
    call_command("load_demo_budget", verbosity=0)
    call_command("load_demo_budget", verbosity=0)
    previous, current = Cycle.objects.order_by("year")
    assert current.phase() == Phase.VOTING and previous.phase() == Phase.IMPLEMENTATION
    winners = selectors.winning_projects(previous)
    assert len(winners) == 3 and all(p.feasibility == "feasible" for p in winners)
    assert selectors.share_implemented() == round(100 / 3, 1)
