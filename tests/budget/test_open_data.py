"""The budget's datasets travel through the catalogue's publisher contract: collected by opendata,
served by the CKAN Action API and downloadable, with counts and no personal data. The proposals
are also a live layer of the city map."""

from __future__ import annotations

import datetime as dt

from opendata.services.published import publish_one
from participation.budget import publishers, services
from participation.budget.models import Phase

from .factories import ParticipantFactory, make_proposal, move_to


def test_the_catalogue_serves_the_budget_datasets_without_personal_data(
    client, cycle, district, resident, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Fezabil.")
    move_to(cycle, Phase.VOTING)
    voters = [resident] + [ParticipantFactory(district=district) for _ in range(2)]
    for voter in voters:
        services.cast_ballot(participant=voter, cycle=cycle, proposal_ids=[project.pk])
    move_to(cycle, Phase.RESULTS)
    for dataset in publishers.DATASETS:
        publish_one(dataset)

    found = client.get("/api/3/action/package_show", {"id": "participatory-budget-votes"}).json()
    assert found["success"], found
    downloads = b""
    for resource in found["result"]["resources"]:
        response = client.get(resource["url"])
        assert response.status_code in (200, 302), resource["url"]
        downloads += b"".join(response.streaming_content) if response.streaming else response.content
    text = downloads.decode("utf-8-sig", "replace")
    assert f"{cycle.year},Micălaca,{project.pk},{project.title},100000,3,1,True" in text
    assert not any(voter.email in text for voter in voters) and "@" not in text


def test_the_proposals_are_a_layer_of_the_city_map(client, cycle, district, resident):
    project = make_proposal(cycle, district, resident)
    layers = client.get("/api/v1/gis/layers").json()
    keys = [
        layer["key"]
        for layer in (layers if isinstance(layers, list) else layers.get("layers", layers.get("items", [])))
    ]
    assert "budget-proposals" in keys, layers
    features = client.get("/api/v1/gis/layers/budget-proposals/features").json()
    assert [f["properties"]["name"] for f in features["features"]] == [project.title]


def test_the_dates_in_the_proposals_dataset_are_the_citys_days(cycle, district, resident):
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Fezabil.")
    late_evening_utc = dt.datetime(2026, 3, 9, 22, 30, tzinfo=dt.UTC)  # 00:30 on 10 March in the city
    project.created_at = project.answered_at = late_evening_utc
    project.save(update_fields=["created_at", "answered_at"])

    (row,) = [r for r in publishers.proposal_rows() if r["id"] == project.pk]

    assert (row["submitted_on"], row["answered_on"]) == ("2026-03-10", "2026-03-10")
