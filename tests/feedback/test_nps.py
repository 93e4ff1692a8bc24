"""NPS = % promoters (9–10) − % detractors (0–6), checked against hand-computed values."""

import pytest
from django.core.exceptions import ValidationError

from portal.feedback.models import FeedbackResponse
from portal.feedback.selectors import mean_score, nps
from portal.feedback.services import record_feedback


@pytest.mark.django_db
def test_nps_matches_a_hand_computed_example():
    # 10 answers: promoters 10,9,9 (3); passives 8,7 (2); detractors 6,5,3,0,6 (5)
    for score in [10, 9, 9, 8, 7, 6, 5, 3, 0, 6]:
        record_feedback(solution="map", score=score)
    record_feedback(solution="opendata", score=10)  # another solution: not counted

    result = nps(solution="map")

    assert (result.responses, result.promoters, result.passives, result.detractors) == (10, 3, 2, 5)
    assert result.score == -20.0  # (3 - 5) / 10 * 100
    assert mean_score(solution="map") == 6.3  # 63 / 10


@pytest.mark.django_db
def test_nps_without_answers_is_unknown_not_zero():
    assert nps(solution="cctv").score is None


@pytest.mark.django_db
@pytest.mark.parametrize("solution,score", [("map", 11), ("map", -1), ("moon", 5)])
def test_bad_answers_are_rejected(solution, score):
    with pytest.raises(ValidationError):
        record_feedback(solution=solution, score=score)
    assert not FeedbackResponse.objects.exists()


@pytest.mark.django_db
def test_form_post_records_and_returns_to_the_page(client):
    response = client.post(
        "/en/feedback/", {"solution": "map", "score": "9", "comment": "Useful", "next": "/en/"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert FeedbackResponse.objects.get().score == 9


@pytest.mark.django_db
def test_form_refuses_an_offsite_redirect_and_a_missing_score(client):
    assert (
        client.post("/en/feedback/", {"solution": "map", "score": "3", "next": "https://evil.example/"})[
            "Location"
        ]
        == "/"
    )
    response = client.post("/en/feedback/", {"solution": "map", "next": "/en/"})
    assert response.status_code == 400
    assert FeedbackResponse.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("target", ['"', "index", "' OR 1=1 --", "//evil.example/", "(" * 400])
def test_form_returns_home_for_a_next_that_is_not_a_local_path(client, target):
    response = client.post("/en/feedback/", {"solution": "map", "score": "8", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"
