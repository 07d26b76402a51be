"""Certificates: issued only for a finished course with a passed quiz; verifiable by anyone with the code."""

import re

import pytest
from django.urls import reverse

from tests.training import factories
from training.codes import ALPHABET, new_code, normalise_code
from training.models import Certificate
from training.services import certificate_issue_if_earned, enrolment_create, lesson_complete

pytestmark = pytest.mark.django_db
CODE_FORMAT = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def finish_lessons(enrolment):
    for lesson in enrolment.course.lessons.all():
        lesson_complete(enrolment=enrolment, lesson=lesson)


def pass_quiz(client, course):
    return client.post(reverse("training:quiz", kwargs={"slug": course.slug}), factories.answers(course))


def test_codes_are_three_groups_of_four_unambiguous_symbols_and_differ():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(CODE_FORMAT.match(code) for code in codes)
    assert not set("01ILO") & set("".join(codes))


def test_a_typed_code_is_normalised():
    assert normalise_code(" k7qm 2xrd9hta ") == "K7QM-2XRD-9HTA"
    assert normalise_code("K7QM-2XRD") == ""


def test_no_certificate_while_lessons_are_unfinished(learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course.lessons.first())
    assert certificate_issue_if_earned(enrolment=enrolment) is None


def test_no_certificate_with_all_lessons_done_but_the_quiz_not_passed(learner_client, learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    finish_lessons(enrolment)
    learner_client.post(reverse("training:quiz", kwargs={"slug": course.slug}), factories.answers(course, right=False))
    assert not Certificate.objects.exists()


def test_lessons_done_and_quiz_passed_issues_one_certificate_with_frozen_details(learner_client, learner):
    course = factories.course("Geaccrediteerd", **factories.ACCREDITED)
    enrolment = enrolment_create(user=learner, course=course)
    finish_lessons(enrolment)
    response = pass_quiz(learner_client, course)
    pass_quiz(learner_client, course)  # passing again issues nothing new
    certificate = Certificate.objects.get()
    assert certificate.user == learner
    assert certificate.learner_name == "Pim van der POH"
    assert certificate.course_title == course.title
    assert certificate.points == 2
    assert CODE_FORMAT.match(certificate.code)
    assert response.status_code == 302


def test_a_certificate_for_a_course_that_is_not_accredited_carries_no_points(learner_client, learner, course):
    finish_lessons(enrolment_create(user=learner, course=course))
    pass_quiz(learner_client, course)
    assert Certificate.objects.get().points == 0
    body = learner_client.get(reverse("training:certificate_detail", kwargs={"slug": course.slug})).text
    assert "Deze cursus is niet geaccrediteerd" in body
    assert "Accreditatiepunten" not in body


@pytest.mark.parametrize(
    "missing", [{"accreditation_body": ""}, {"accreditation_number": ""}, {"accreditation_body": "  "}]
)
def test_points_without_body_and_number_count_for_nothing(learner_client, learner, missing):
    course = factories.course("Punten zonder register", **{**factories.ACCREDITED, **missing})
    finish_lessons(enrolment_create(user=learner, course=course))
    pass_quiz(learner_client, course)
    assert Certificate.objects.get().points == 0


def test_an_accredited_certificate_names_its_points_body_and_number(learner_client, learner):
    course = factories.course("Geaccrediteerd", **factories.ACCREDITED)
    finish_lessons(enrolment_create(user=learner, course=course))
    pass_quiz(learner_client, course)
    body = learner_client.get(reverse("training:certificate_detail", kwargs={"slug": course.slug})).text
    assert "Accreditatiepunten" in body
    assert "Testregister (fictief), registratienummer TR-0001" in body
    assert "niet geaccrediteerd" not in body


def test_an_old_certificate_with_points_for_a_course_without_accreditation_shows_none(client, learner, course):
    """Certificates issued before the rule claimed the course's bare points; the public check no longer does."""
    Certificate.objects.create(
        user=learner,
        course=course,
        code="K7QM-2XRD-9HTB",
        learner_name="Pim van der POH",
        course_title=course.title,
        points=2,
        issued_on="2026-11-20",
    )
    body = client.get(reverse("training:certificate_verify", kwargs={"code": "K7QM-2XRD-9HTB"})).text
    assert "Deze cursus is niet geaccrediteerd" in body
    assert "Accreditatiepunten" not in body


def test_a_course_without_quiz_is_complete_when_all_lessons_are_done(learner):
    course = factories.course("Zonder toets", lessons=2, questions=None)
    enrolment = enrolment_create(user=learner, course=course)
    finish_lessons(enrolment)
    assert Certificate.objects.filter(user=learner, course=course).exists()


def test_the_learners_certificate_page_shows_name_course_date_points_and_code(learner_client, learner, course):
    finish_lessons(enrolment_create(user=learner, course=course))
    pass_quiz(learner_client, course)
    certificate = Certificate.objects.get()
    response = learner_client.get(reverse("training:certificate_detail", kwargs={"slug": course.slug}))
    body = response.content.decode()
    for text in ["Pim van der POH", course.title, certificate.code, "js/print-button.js"]:
        assert text in body
    assert response.context["verify_url"].endswith(certificate.get_absolute_url())


def test_certificate_page_without_a_certificate_sends_back_to_the_course(learner_client, course):
    response = learner_client.get(reverse("training:certificate_detail", kwargs={"slug": course.slug}))
    assert response.status_code == 302
    assert response["Location"] == course.get_absolute_url()


def test_anyone_logged_out_can_verify_a_certificate_by_its_code(client, learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    finish_lessons(enrolment)
    certificate = Certificate.objects.create(
        user=learner,
        course=course,
        code="K7QM-2XRD-9HTA",
        learner_name="Pim van der POH",
        course_title=course.title,
        points=2,
        issued_on="2026-11-20",
    )
    response = client.get(reverse("training:certificate_verify", kwargs={"code": certificate.code}))
    body = response.content.decode()
    assert response.status_code == 200
    for text in ["Pim van der POH", course.title, "K7QM-2XRD-9HTA", "2026"]:
        assert text in body


def test_a_code_typed_in_lower_case_redirects_to_the_certificate(client, learner, course):
    Certificate.objects.create(
        user=learner,
        course=course,
        code="K7QM-2XRD-9HTA",
        learner_name="Pim",
        course_title="C",
        points=1,
        issued_on="2026-11-20",
    )
    response = client.get(reverse("training:certificate_verify", kwargs={"code": "k7qm-2xrd-9hta"}))
    assert response.status_code == 302
    assert response["Location"] == reverse("training:certificate_verify", kwargs={"code": "K7QM-2XRD-9HTA"})


def test_an_unknown_code_is_a_clear_404(client):
    response = client.get(reverse("training:certificate_verify", kwargs={"code": "AAAA-BBBB-CCCC"}))
    assert response.status_code == 404
    assert "AAAA-BBBB-CCCC" in response.content.decode()
    assert response.templates[0].name == "training/certificate_not_found.html"


def test_the_lookup_form_sends_a_typed_code_to_its_verify_page(client):
    response = client.get(reverse("training:certificate_lookup"), {"code": "aaaa bbbb cccc"})
    assert response["Location"] == reverse("training:certificate_verify", kwargs={"code": "AAAA-BBBB-CCCC"})


def test_the_lookup_form_explains_a_malformed_code_and_keeps_it(client):
    response = client.get(reverse("training:certificate_lookup"), {"code": "ABC"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="ABC"' in body
    assert response.context["form"].errors["code"]


def test_another_learners_certificate_is_not_shown_on_my_certificate_page(client, learner, other_learner, course):
    finish_lessons(enrolment_create(user=learner, course=course))
    client.force_login(learner)
    pass_quiz(client, course)
    client.force_login(other_learner)
    response = client.get(reverse("training:certificate_detail", kwargs={"slug": course.slug}))
    assert response.status_code == 302
    assert "Pim van der POH" not in response.content.decode()
