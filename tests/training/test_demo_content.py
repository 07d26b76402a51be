"""The demo course loads and is complete: enough lessons, enough questions, feedback on every answer."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practices.content import CATALOG_FIXTURES, CONTENT_FIXTURES
from training.models import Audience, Course

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_course(settings):
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / "training_course.json"), verbosity=0)
    return Course.objects.get(slug="blended-behandelen-in-de-huisartsenpraktijk")


def test_demo_course_is_the_published_poh_ggz_course(demo_course):
    assert demo_course.title == "Blended behandelen in de huisartsenpraktijk"
    assert demo_course.audience == Audience.POH_GGZ
    assert demo_course.published


def test_demo_course_has_at_least_six_lessons_in_distinct_positions(demo_course):
    positions = list(demo_course.lessons.values_list("position", flat=True))
    assert len(positions) >= 6
    assert len(set(positions)) == len(positions)


def test_demo_lessons_cover_the_topics_from_the_sources(demo_course):
    text = " ".join(demo_course.lessons.values_list("body", flat=True)).lower()
    for topic in [
        "effectiviteit",
        "transparantie",
        "gebruiksvriendelijkheid",
        "veiligheid",
        "één tot drie",
        "samen met de patiënt",
        "acute nood",
        "minstens één keer per week",
        "begin positief",
        "volgende gesprek",
        "januari 2014",
    ]:
        assert topic in text, topic


def test_demo_quiz_has_eight_or_more_questions_each_with_a_right_answer_and_feedback(demo_course):
    questions = list(demo_course.quiz.questions.prefetch_related("choices"))
    assert len(questions) >= 8
    for question in questions:
        choices = list(question.choices.all())
        assert any(c.is_correct for c in choices), question.text
        assert any(not c.is_correct for c in choices), question.text
        assert all(c.feedback for c in choices), question.text
    assert any(sum(c.is_correct for c in q.choices.all()) > 1 for q in questions)


def test_training_fixtures_are_loaded_by_load_demo_after_the_catalogue():
    last_catalogue_file = max(CONTENT_FIXTURES.index(name) for name in CATALOG_FIXTURES)
    assert CONTENT_FIXTURES.index("training_funding") > last_catalogue_file
    assert CONTENT_FIXTURES.index("training_course") > last_catalogue_file


def test_demo_course_claims_no_accreditation_and_its_pages_say_so(demo_course, client):
    assert demo_course.accreditation_points == 0
    assert demo_course.accreditation_body == demo_course.accreditation_number == ""
    for url in [demo_course.get_absolute_url(), reverse("training:course_list")]:
        page = client.get(url).text
        assert "Deze cursus is niet geaccrediteerd" in page, url
        assert "accreditatiepunt" not in page.lower(), url


def test_the_reach_estimate_in_the_demo_course_names_its_year_and_source(demo_course):
    text = " ".join(demo_course.lessons.values_list("body", flat=True))
    assert "Trimbos-instituut uit 2014" in text
    assert "minder dan één op" in text
