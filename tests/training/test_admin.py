"""Curators manage training content in the admin: inline lesson order, check-overdue filter, Redactie."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories as common
from tests.otp import verified_login
from tests.training import factories
from training.models import Course, Lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client, redactie_group):
    curator = common.user("redacteur", is_staff=True)
    curator.groups.add(redactie_group)
    verified_login(client, curator)
    return client


def course_change_data(course, lessons):
    """The course change form as the admin would post it, with `lessons` as (lesson, new position)."""
    data = {
        "title": course.title,
        "slug": course.slug,
        "audience": course.audience,
        "summary": course.summary,
        "estimated_minutes": course.estimated_minutes,
        "accreditation_points": course.accreditation_points,
        "accreditation_body": course.accreditation_body,
        "accreditation_number": course.accreditation_number,
        "published": "on",
        "lessons-TOTAL_FORMS": len(lessons),
        "lessons-INITIAL_FORMS": len(lessons),
        "lessons-MIN_NUM_FORMS": 0,
        "lessons-MAX_NUM_FORMS": 1000,
        "quiz-TOTAL_FORMS": 1,
        "quiz-INITIAL_FORMS": 1,
        "quiz-MIN_NUM_FORMS": 0,
        "quiz-MAX_NUM_FORMS": 1,
        "quiz-0-id": course.quiz.pk,
        "quiz-0-course": course.pk,
        "quiz-0-pass_mark": course.quiz.pass_mark,
        "quiz-0-intro": "",
    }
    for index, (lesson, position) in enumerate(lessons):
        data.update(
            {
                f"lessons-{index}-id": lesson.pk,
                f"lessons-{index}-course": course.pk,
                f"lessons-{index}-position": position,
                f"lessons-{index}-title": lesson.title,
                f"lessons-{index}-body": lesson.body,
                f"lessons-{index}-video_url": "",
            }
        )
    return data


def test_the_redactie_group_may_manage_training_content_and_only_view_learner_records(redactie_group):
    codenames = set(redactie_group.permissions.values_list("codename", flat=True))
    assert {"change_course", "add_lesson", "change_quiz", "add_choice", "change_fundingscheme"} <= codenames
    assert {"add_insurerrule", "change_insurer", "view_certificate"} <= codenames
    assert "change_certificate" not in codenames
    assert "delete_enrolment" not in codenames


def test_curator_reorders_lessons_inline_by_swapping_positions(curator_client):
    course = factories.course("Volgorde", lessons=3)
    first, second, third = course.lessons.all()
    data = course_change_data(course, [(first, 2), (second, 1), (third, 3)])
    response = curator_client.post(reverse("admin:training_course_change", args=[course.pk]), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert list(course.lessons.values_list("title", flat=True)) == ["Les 2", "Les 1", "Les 3"]


def test_the_course_change_page_shows_lessons_inline_with_a_position_column(curator_client):
    course = factories.course("Inline", lessons=2)
    body = curator_client.get(reverse("admin:training_course_change", args=[course.pk])).content.decode()
    assert 'name="lessons-0-position"' in body
    assert 'name="lessons-1-title"' in body


def test_curator_adds_a_course_with_lessons_in_one_save(curator_client):
    data = {
        "title": "Nieuwe cursus",
        "slug": "nieuwe-cursus",
        "audience": "gp",
        "summary": "Kort.",
        "estimated_minutes": 30,
        "accreditation_points": 1,
        "accreditation_body": "Testregister (fictief)",
        "accreditation_number": "TR-0002",
        "lessons-TOTAL_FORMS": 2,
        "lessons-INITIAL_FORMS": 0,
        "lessons-MIN_NUM_FORMS": 0,
        "lessons-MAX_NUM_FORMS": 1000,
        "lessons-0-position": 2,
        "lessons-0-title": "Tweede",
        "lessons-0-body": "B",
        "lessons-1-position": 1,
        "lessons-1-title": "Eerste",
        "lessons-1-body": "A",
        "quiz-TOTAL_FORMS": 0,
        "quiz-INITIAL_FORMS": 0,
        "quiz-MIN_NUM_FORMS": 0,
        "quiz-MAX_NUM_FORMS": 1,
    }
    response = curator_client.post(reverse("admin:training_course_add"), data)
    assert response.status_code == 302
    course = Course.objects.get(slug="nieuwe-cursus")
    assert list(course.lessons.values_list("title", flat=True)) == ["Eerste", "Tweede"]
    assert Lesson.objects.count() == 2


def test_question_admin_refuses_a_question_without_a_correct_answer(curator_client):
    course = factories.course("Vragen", lessons=1)
    question = course.quiz.questions.first()
    choices = list(question.choices.all())
    data = {
        "quiz": course.quiz.pk,
        "position": 1,
        "text": question.text,
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": len(choices),
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for index, choice in enumerate(choices):
        data.update(
            {
                f"choices-{index}-id": choice.pk,
                f"choices-{index}-question": question.pk,
                f"choices-{index}-position": index + 1,
                f"choices-{index}-text": choice.text,
                f"choices-{index}-feedback": choice.feedback,
            }
        )  # no is_correct ticked anywhere
    response = curator_client.post(reverse("admin:training_question_change", args=[question.pk]), data)
    assert response.status_code == 200
    assert question.choices.filter(is_correct=True).exists()


def test_check_overdue_list_filter_shows_only_schemes_past_their_check_date(curator_client):
    today = timezone.localdate()
    factories.scheme("Op tijd")
    factories.scheme("Te laat", check_by=today - datetime.timedelta(days=3))
    url = reverse("admin:training_fundingscheme_changelist")
    overdue = curator_client.get(url, {"overdue": "yes"})
    in_time = curator_client.get(url, {"overdue": "no"})
    assert [s.title for s in overdue.context["cl"].result_list] == ["Te laat"]
    assert [s.title for s in in_time.context["cl"].result_list] == ["Op tijd"]


@pytest.mark.parametrize(
    "name",
    [
        "training_course_changelist",
        "training_lesson_changelist",
        "training_quiz_changelist",
        "training_question_changelist",
        "training_fundingscheme_changelist",
        "training_insurer_changelist",
        "training_certificate_changelist",
        "training_enrolment_changelist",
    ],
)
def test_curator_can_open_every_training_admin_list(curator_client, name):
    assert curator_client.get(reverse(f"admin:{name}")).status_code == 200


def test_scheme_admin_edits_insurer_rules_inline(curator_client):
    scheme = factories.scheme("Met regels")
    factories.rule(scheme, factories.insurer("DSW"))
    body = curator_client.get(reverse("admin:training_fundingscheme_change", args=[scheme.pk])).content.decode()
    assert 'name="rules-0-rule_text"' in body


def test_points_without_body_and_number_are_refused_next_to_the_points(curator_client):
    course = factories.course("Punten", lessons=1)
    data = course_change_data(course, [(course.lessons.get(), 1)])
    data.update(accreditation_points=2, accreditation_body="Testregister (fictief)", accreditation_number="")
    response = curator_client.post(reverse("admin:training_course_change", args=[course.pk]), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "accreditatiepunten tellen alleen" in " ".join(form.errors["accreditation_points"]).lower()
    assert form.errors["accreditation_number"]
    assert "accreditation_body" not in form.errors
    course.refresh_from_db()
    assert course.accreditation_points == 0


def test_points_with_body_and_number_are_saved(curator_client):
    course = factories.course("Punten", lessons=1)
    data = course_change_data(course, [(course.lessons.get(), 1)])
    data.update(accreditation_points=2, accreditation_body="Testregister (fictief)", accreditation_number="TR-9")
    response = curator_client.post(reverse("admin:training_course_change", args=[course.pk]), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.accreditation_points, course.accreditation_number) == (2, "TR-9")


def test_the_accreditation_fields_are_shown_together(curator_client):
    course = factories.course("Samen", lessons=1)
    response = curator_client.get(reverse("admin:training_course_change", args=[course.pk]))
    fieldsets = {fieldset.name: fieldset.fields for fieldset in response.context["adminform"]}
    assert list(fieldsets["Accreditatie"]) == ["accreditation_points", "accreditation_body", "accreditation_number"]
    listing = curator_client.get(reverse("admin:training_course_changelist")).text
    assert "niet geaccrediteerd" in listing


def test_funding_schemes_and_insurer_rules_pick_their_sources(curator_client):
    scheme = factories.scheme("Met bronnen")
    factories.rule(scheme, factories.insurer("DSW"))
    body = curator_client.get(reverse("admin:training_fundingscheme_change", args=[scheme.pk])).text
    assert 'name="sources"' in body
    assert 'name="rules-0-sources"' in body
    assert body.count('class="selectfilter"') >= 2
