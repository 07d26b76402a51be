"""The course for the whole practice team, as the production loader puts it in the database.

It must load with `content_load`, be published for the whole practice, claim no accreditation, have its lessons
in order and a quiz with exactly one right answer per question, and cite its facts with links to exact pages
(https, never a home page), each with the date it was seen.
"""

import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from tests import factories as common
from toolkit.markdown import render_markdown
from training.models import Audience, Course, Quiz

pytestmark = pytest.mark.django_db

TEAM_COURSE_SLUG = "e-mental-health-voor-het-hele-praktijkteam"
POH_COURSE_SLUG = "blended-behandelen-in-de-huisartsenpraktijk"
HREF = re.compile(r'href="([^"]*)"')
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]*)")
# The site addresses everyone with "u" (CONTENT.md); these words would address the reader as "je".
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


@pytest.fixture
def team_course(content_loaded_once):
    return Course.objects.get(slug=TEAM_COURSE_SLUG)


def _lesson_links(course):
    links = []
    for lesson in course.lessons.all():
        links += [(lesson.title, url) for url in HREF.findall(str(render_markdown(lesson.body)))]
        links += [(lesson.title, url) for url in MARKDOWN_LINK.findall(lesson.body)]
    return links


def test_the_team_course_loads_with_the_production_loader_and_is_published_for_the_whole_practice(team_course):
    assert team_course.published
    assert team_course in Course.objects.published()
    assert team_course.audience == Audience.PRACTICE


def test_the_team_course_claims_no_accreditation_and_an_honest_duration(team_course):
    assert team_course.accreditation_points == 0
    assert team_course.accreditation_body == team_course.accreditation_number == ""
    assert 30 <= team_course.estimated_minutes <= 45


def test_the_team_course_has_at_least_four_lessons_numbered_in_order(team_course):
    positions = list(team_course.lessons.values_list("position", flat=True))
    assert len(positions) >= 4
    assert positions == list(range(1, len(positions) + 1))


def test_the_lessons_cover_the_topics_the_team_needs(team_course):
    text = " ".join(team_course.lessons.values_list("body", flat=True)).lower()
    for topic in ["zelfhulp", "blended", "crisis", "poh-ggz", "keuzehulp", "adviesblad", "patiëntenpagina", "privacy"]:
        assert topic in text, topic


def test_the_crisis_route_names_every_line(team_course):
    text = " ".join(team_course.lessons.values_list("body", flat=True))
    for line in ["112", "113", "0800-0113", "113.nl", "huisartsenpost", "urgentie"]:
        assert line in text, line


def test_every_link_in_the_lessons_is_https_and_points_at_an_exact_page(team_course):
    links = _lesson_links(team_course)
    assert links, "the lessons cite no source at all"
    for title, url in links:
        parsed = urlparse(url)
        assert parsed.scheme == "https", (title, url)
        assert parsed.netloc, (title, url)
        assert parsed.path not in ("", "/"), (title, url)


def test_every_lesson_that_links_a_source_says_when_it_was_seen(team_course):
    for lesson in team_course.lessons.all():
        if MARKDOWN_LINK.search(lesson.body):
            assert "gezien op" in lesson.body, lesson.title


def test_the_lessons_address_the_reader_with_u_and_hold_no_raw_html(team_course):
    for lesson in team_course.lessons.all():
        assert not INFORMAL.search(lesson.body), (lesson.title, INFORMAL.search(lesson.body).group())
        assert not re.search(r"<[a-zA-Z/!]", lesson.body), lesson.title


def test_the_quiz_has_five_or_six_questions_each_with_three_choices_and_exactly_one_right(team_course):
    questions = list(team_course.quiz.questions.prefetch_related("choices"))
    assert 5 <= len(questions) <= 6
    assert [question.position for question in questions] == list(range(1, len(questions) + 1))
    for question in questions:
        choices = list(question.choices.all())
        assert len(choices) == 3, question.text
        assert sum(choice.is_correct for choice in choices) == 1, question.text
        assert all(choice.feedback for choice in choices), question.text


def test_the_quiz_asks_the_same_pass_mark_as_the_poh_ggz_course(team_course):
    assert team_course.quiz.pass_mark == Quiz.objects.get(course__slug=POH_COURSE_SLUG).pass_mark


def test_the_team_course_is_listed_and_each_lesson_renders_for_a_learner(team_course, client):
    listing = client.get(reverse("training:course_list")).text
    assert team_course.title in listing
    client.force_login(common.user("assistent"))
    client.post(reverse("training:course_enrol", kwargs={"slug": team_course.slug}))
    for lesson in team_course.lessons.all():
        response = client.get(lesson.get_absolute_url())
        assert response.status_code == 200, lesson.title
        page = response.text
        assert "<script" not in page.split('class="tk-lesson-body"', 1)[1].split("</div>", 1)[0]
        for url in HREF.findall(str(render_markdown(lesson.body))):
            assert f'href="{url}"' in page, (lesson.title, url)


def test_every_curated_quiz_question_names_a_lesson_of_its_own_course(content_loaded_once):
    for quiz in Quiz.objects.select_related("course"):
        for question in quiz.questions.select_related("lesson"):
            assert question.lesson is not None, question.text
            assert question.lesson.course_id == quiz.course_id, question.text
