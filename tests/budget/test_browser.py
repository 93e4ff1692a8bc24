"""The participatory budget in a real Chromium, JavaScript on and off, under production's
Referrer-Policy, with e-mail through a real SMTP server on loopback: a resident confirms the
address from the e-mailed link, declares residence and proposes a project with a point on the
map; another votes within the district's budget exactly once (a second ballot is refused), then
follows the winning project and receives the implementation update by e-mail. axe checks the
pages (with JavaScript); one run is phone-sized."""

from __future__ import annotations

import pytest

from participation.budget import selectors, services
from participation.budget.models import Ballot, ImplementationUpdate, Phase, Proposal
from tests.browser.tabs import DESKTOP, PHONE, browser_tabs, check
from tests.factories import DistrictFactory
from tests.mail import last_link, loopback_smtp

from .factories import (
    CycleFactory,
    DistrictBudgetFactory,
    ParticipantFactory,
    city_point,
    make_proposal,
    move_to,
)

pytestmark = pytest.mark.browser

JS = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


@pytest.fixture
def smtp(settings):
    with loopback_smtp(settings) as server:
        yield server


@pytest.fixture
def open_tab(browser, live_server, settings, transactional_db):
    settings.SECURE_REFERRER_POLICY = "same-origin"  # production's, which changes what is posted
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with browser_tabs(browser, failing=(403, 500, 502, 503)) as tabs:

        def open_tab(*, javascript: bool, phone: bool = False):
            size = PHONE if phone else DESKTOP
            return tabs.open(java_script_enabled=javascript, locale="ro-RO", viewport=size)

        yield open_tab


def take_part(tab, base: str, smtp, email: str, district: str, javascript: bool) -> None:
    """From a page that needs a participant: e-mail, the signed link, the declaration."""
    tab.fill("#id_email", email)
    check(tab, javascript)
    tab.locator("#identify button[type=submit]").click()
    assert email in tab.get_by_role("status").inner_text()
    tab.goto(last_link(smtp, email))
    tab.get_by_label("Cartierul în care locuiți").select_option(label=district)
    tab.get_by_label("Declar pe propria răspundere", exact=False).check()
    check(tab, javascript)
    tab.locator("#residence button[type=submit]").click()


@JS
def test_a_resident_proposes_a_project_with_a_point_on_the_map(
    open_tab, live_server, smtp, javascript, settings, tmp_path
):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path / "public", tmp_path / "private"
    base = live_server.url
    cycle = CycleFactory()
    district = DistrictFactory(name="Aurel Vlaicu", slug="aurel-vlaicu")
    DistrictBudgetFactory(cycle=cycle, district=district, amount=400_000)
    tab = open_tab(javascript=javascript, phone=not javascript)

    tab.goto(f"{base}/ro/budget/")
    check(tab, javascript)
    tab.locator(".budget-nav").get_by_role("link", name="Faceți o propunere").click()
    take_part(tab, base, smtp, "ioana@example.org", "Aurel Vlaicu", javascript)
    tab.wait_for_url(f"{base}/ro/budget/proposals/new/")

    tab.get_by_label("Titlu").fill("Loc de joacă accesibil")
    tab.get_by_label("Ce ar trebui făcut și de ce").fill("Un loc de joacă pentru toți copiii.")
    lat, lon = city_point(0.002, -0.001)
    if javascript:  # a click on the map fills in both coordinates
        picker = tab.locator("#budget-picker")
        picker.scroll_into_view_if_needed()
        box = picker.bounding_box()
        picker.click(position={"x": box["width"] / 2 + 30, "y": box["height"] / 2 - 20})
        assert tab.locator("#id_latitude").input_value() and tab.locator("#id_longitude").input_value()
    else:
        tab.get_by_label("Latitudine (°N)").fill(f"{lat:.6f}")
        tab.get_by_label("Longitudine (°E)").fill(f"{lon:.6f}")
    tab.get_by_label("Costul estimat (RON)").fill("120000")
    png = _png()
    tab.get_by_label("Fotografie (opțional)").set_input_files(
        {"name": "ioana-popa-acasa.png", "mimeType": "image/png", "buffer": png}
    )
    tab.get_by_label("Ce arată fotografia").fill("Terenul de azi")
    check(tab, javascript)
    tab.locator("#proposal button[type=submit]").click()
    assert "Loc de joacă accesibil" in tab.get_by_role("status").inner_text()

    proposal = Proposal.objects.get()
    assert proposal.moderation == "pending" and proposal.district == district
    assert proposal.proposer.email == "ioana@example.org" and proposal.cost_estimate == 120_000
    if javascript:
        centre_lat, centre_lon = city_point()
        assert abs(proposal.location.y - centre_lat) < 0.01 and abs(proposal.location.x - centre_lon) < 0.01
    else:
        assert (round(proposal.location.y, 6), round(proposal.location.x, 6)) == (
            round(lat, 6),
            round(lon, 6),
        )

    # The photo waits, unseen, for the moderators; once published everyone sees it.
    photo = proposal.photos.get()
    assert "ioana" not in photo.image.name and not list((tmp_path / "public").rglob("*.png"))
    photo_url = f"{base}/ro/budget/photos/{photo.pk}/"
    assert tab.request.get(photo_url).status == 404
    proposal.moderation = "published"
    proposal.save()
    tab.goto(f"{base}/ro/budget/proposals/{proposal.pk}/")
    image = tab.get_by_role("img", name="Terenul de azi")
    assert image.get_attribute("src") == f"/ro/budget/photos/{photo.pk}/"
    assert tab.request.get(photo_url).body() == png
    if javascript:  # loaded under the production headers
        assert image.evaluate("img => img.complete && img.naturalWidth") == 40
    check(tab, javascript)


@JS
def test_vote_once_within_the_budget_then_follow_the_winner_and_get_its_news(
    open_tab, live_server, smtp, javascript
):
    base = live_server.url
    cycle = CycleFactory(max_spend_per_ballot=250_000)
    district = DistrictFactory(name="Grădiște", slug="gradiste")
    DistrictBudgetFactory(cycle=cycle, district=district, amount=300_000)
    proposer = ParticipantFactory(district=district)
    park = make_proposal(
        cycle,
        district,
        proposer,
        title="Parc nou",
        cost=200_000,
        feasibility="feasible",
        public_reason="Terenul e al orașului.",
    )
    lights = make_proposal(
        cycle,
        district,
        proposer,
        title="Iluminat",
        cost=80_000,
        feasibility="feasible",
        public_reason="Rețeaua permite.",
    )
    move_to(cycle, Phase.VOTING)
    tab = open_tab(javascript=javascript)

    tab.goto(f"{base}/ro/budget/vote/")
    take_part(tab, base, smtp, "mihai@example.org", "Grădiște", javascript)
    tab.wait_for_url(f"{base}/ro/budget/vote/")
    check(tab, javascript)
    second = tab.context.new_page()  # the same ballot opened twice
    second.goto(f"{base}/ro/budget/vote/")

    # Both projects: 280,000 RON, over the 250,000 a ballot may spend.
    tab.get_by_label("Parc nou", exact=False).check()
    tab.get_by_label("Iluminat", exact=False).check()
    tab.locator("#ballot button[type=submit]").click()
    assert "250000" in tab.locator("#ballot .error-summary").inner_text()
    check(tab, javascript)
    tab.get_by_label("Iluminat", exact=False).uncheck()
    tab.locator("#ballot button[type=submit]").click()
    assert "votul dumneavoastră a fost înregistrat" in tab.get_by_role("status").inner_text()

    second.get_by_label("Iluminat", exact=False).check()
    second.locator("#ballot button[type=submit]").click()
    assert "Ați votat deja" in second.get_by_role("status").inner_text()
    assert Ballot.objects.count() == 1 and list(
        Ballot.objects.get().votes.values_list("proposal", flat=True)
    ) == [park.pk]

    # Results: the park wins; the resident follows it and hears of its progress.
    move_to(cycle, Phase.IMPLEMENTATION)
    tab.goto(f"{base}/ro/budget/results/")
    assert "costul mai mic" in tab.locator("#tie-rule").inner_text()
    check(tab, javascript)
    tab.goto(f"{base}/ro/budget/implementation/")
    tab.get_by_role("link", name="Parc nou").click()
    tab.get_by_role("button", name="Urmăriți proiectul prin e-mail").click()
    assert "Urmăriți acest proiect" in tab.get_by_role("status").inner_text()
    check(tab, javascript)
    assert (
        lights.pk not in [p.pk for p in services.selectors.winning_projects(cycle)]
        if hasattr(services, "selectors")
        else True
    )

    assert [p.pk for p in selectors.winning_projects(cycle)] == [park.pk]

    update = ImplementationUpdate.objects.create(
        proposal=park, text="Au început plantările.", progress="works", percent_done=35
    )
    services.publish_update(update=update)
    link = last_link(smtp, "mihai@example.org")
    message = smtp.to("mihai@example.org")[-1]
    assert "Au început plantările." in message.get_content() and "Parc nou" in message["Subject"]
    tab.goto(link)
    assert "Au început plantările." in tab.locator("main").inner_text()
    assert tab.locator("progress").get_attribute("value") == "35"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (40, 160, 90)).save(out, "PNG")
    return out.getvalue()
