"""Two ballots of one person sent at the same moment, each in its own thread and database
connection: the unique constraint lets exactly one through. Runs on SQLite (writers queue at
BEGIN IMMEDIATE) and on PostgreSQL (the second insert waits for the first, then conflicts)."""

from __future__ import annotations

import threading

from django.db import connections

from participation.budget import services
from participation.budget.models import Ballot, Phase, Vote

from .factories import make_proposal, move_to

THREADS = 6


def test_a_concurrent_double_vote_is_refused(cycle, district, resident, transactional_db):
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="ok")
    move_to(cycle, Phase.VOTING)
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []

    def vote() -> None:
        try:
            barrier.wait()
            services.cast_ballot(participant=resident, cycle=cycle, proposal_ids=[project.pk])
            outcomes.append("recorded")
        except services.AlreadyVoted:
            outcomes.append("refused")
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["recorded"] + ["refused"] * (THREADS - 1)
    assert Ballot.objects.filter(participant=resident).count() == 1
    assert Vote.objects.filter(proposal=project).count() == 1
