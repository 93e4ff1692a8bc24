"""Anonymous demographics shown only in groups of at least 5, staff completion per department,
the open dataset, and the admin screens trainers use."""

from __future__ import annotations

import csv
import io

import pytest

from portal.core.contracts import published_datasets
from tests.factories import CertificateFactory, DepartmentIndexPageFactory, DepartmentPageFactory, UserFactory
from training import selectors, services
from training.models import DemographicResponse, PopulationShare

from .conftest import course


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"a": 7, "b": 6, "c": 0}, {"a": 7, "b": 6, "c": 0}),
        # b is small; hiding it alone would let total - a reveal it, so a is hidden too.
        ({"a": 9, "b": 2, "c": 0}, {"a": None, "b": None, "c": 0}),
        # two small cells adding up to 5 or more protect each other.
        ({"a": 9, "b": 3, "c": 2}, {"a": 9, "b": None, "c": None}),
        # two small cells adding up to less than 5: the smallest large cell joins them.
        ({"a": 9, "b": 6, "c": 2, "d": 1}, {"a": 9, "b": None, "c": None, "d": None}),
    ],
)
def test_small_cells_are_suppressed_and_cannot_be_derived(counts, expected):
    assert selectors.suppress(counts) == expected


def _answer(client, age: str, gender: str = "woman", situation: str = "") -> None:
    response = client.post(
        "/ro/learning/about-you/", {"age_band": age, "gender": gender, "situation": situation}
    )
    assert response.status_code == 200


@pytest.fixture
def trainer(db, client):
    user = UserFactory(username="formator", password="x-Long-pass-42", groups=["Trainers"])
    client.force_login(user)
    return user


def test_demographic_aggregates_under_five_people_are_never_shown(db, client, trainer):
    for _ in range(4):
        _answer(client, "65-74", situation="retired")
    assert DemographicResponse.objects.count() == 4
    assert all(t.total is None and not t.cells for t in selectors.demographic_tables())
    page = client.get("/admin/training/").content.decode()
    assert page.count("data-too-few") == 4 and "<td>4</td>" not in page

    _answer(client, "18-24", gender="man", situation="disadvantaged")
    age = selectors.demographics(dimension="age_band")
    assert age.total == 5
    # 4 seniors and 1 young person: both cells are small, so both are hidden.
    assert {c.code: c.count for c in age.cells if c.count != 0} == {"65-74": None, "18-24": None}
    assert selectors.share_of(dimension="age_band", codes=("65-74", "75+")) is None

    for _ in range(5):
        _answer(client, "18-24", gender="man", situation="disadvantaged")
    for _ in range(5):
        _answer(client, "45-54", gender="man")
    shown = {c.code: c.count for c in selectors.demographics(dimension="age_band").cells if c.count != 0}
    # The 4 seniors stay hidden, and so does the next smallest group, or 15 - 6 - 5 would reveal them.
    assert shown == {"65-74": None, "45-54": None, "18-24": 6}
    page = client.get("/admin/training/").content.decode()
    assert "<td>6</td>" in page and "<td>15</td>" in page
    assert "<td>4</td>" not in page and "<td>5</td>" not in page


def test_representation_is_compared_with_population_shares(db, client):
    for _ in range(5):
        _answer(client, "65-74", situation="retired")
    for _ in range(5):
        _answer(client, "25-34", situation="disadvantaged")
    PopulationShare.objects.create(dimension="age_band", category="65-74", share=12)
    PopulationShare.objects.create(dimension="age_band", category="25-34", share=14)
    assert selectors.share_of(dimension="age_band", codes=("65-74", "75+")) == 50.0
    assert selectors.share_of(dimension="situation", codes=("disadvantaged",)) == 50.0
    assert selectors.representation_gap(dimension="age_band") == 38.0


def test_answers_hold_nothing_that_identifies_a_person():
    fields = {f.name for f in DemographicResponse._meta.get_fields()}
    assert fields == {"id", "session", "course", "age_band", "gender", "community", "situation", "month"}


def test_staff_completion_per_department_and_csv(city, client, trainer):
    home = course("portalul-pentru-angajati").get_parent().get_parent()
    index = DepartmentIndexPageFactory(parent=home, title="Direcții", slug="directii")
    tax = DepartmentPageFactory(parent=index, title="Direcția Fiscală Locală", slug="directia-fiscala")
    for i in range(4):
        staff = UserFactory(username=f"angajat{i}", password="x-Long-pass-42")
        services.set_staff_department(user=staff, department=tax)
        if i == 0:
            CertificateFactory(user=staff, course=course("portalul-pentru-angajati"), holder_name="A")

    rows = {r["department"]: r for r in selectors.staff_completion()}
    assert rows["Direcția Fiscală Locală"] == {
        "department": "Direcția Fiscală Locală",
        "staff": 4,
        "completed_online": 1,
        "trained": 1,
        "share": 25.0,
    }
    assert "Direcția Fiscală Locală" in client.get("/admin/training/staff/").content.decode()
    response = client.get("/admin/training/staff.csv")
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][0] == "department" and ["Direcția Fiscală Locală", "4", "1", "1", "25.0"] in table


def test_participation_dataset_is_aggregate_only(city):
    dataset = next(d for d in published_datasets() if d.key == "training-participation")
    participation = dataset.resources[0].produce().decode()
    assert "Securitate online pentru tineri" in participation
    assert "flyers_handed_out" in participation.splitlines()[0]
    for resource in dataset.resources:
        assert resource.produce()  # every resource renders


def test_admin_reports_need_a_training_role(db, client):
    user = UserFactory(username="someone", password="x-Long-pass-42")
    client.force_login(user)
    assert client.get("/admin/training/staff.csv").status_code in (302, 403)
