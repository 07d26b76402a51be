"""Learner pages need a login; one learner never sees another's progress, attempts or certificate."""

import pytest
from django.urls import reverse

from training.models import Enrolment, LessonCompletion
from training.services import enrolment_create, lesson_complete

pytestmark = pytest.mark.django_db


def learner_urls(course):
    slug = course.slug
    lesson = course.lessons.first()
    return [
        reverse("training:lesson_detail", kwargs={"slug": slug, "lesson_id": lesson.pk}),
        reverse("training:quiz", kwargs={"slug": slug}),
        reverse("training:attempt_detail", kwargs={"slug": slug, "attempt_id": 1}),
        reverse("training:certificate_detail", kwargs={"slug": slug}),
    ]


def test_learner_pages_redirect_anonymous_visitors_to_login(client, course):
    for url in learner_urls(course):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_anonymous_posts_change_nothing(client, course):
    lesson = course.lessons.first()
    client.post(reverse("training:course_enrol", kwargs={"slug": course.slug}))
    client.post(reverse("training:lesson_complete", kwargs={"slug": course.slug, "lesson_id": lesson.pk}))
    assert not Enrolment.objects.exists()


def test_public_pages_need_no_login(client, course):
    for name, kwargs in [
        ("training:course_list", {}),
        ("training:course_detail", {"slug": course.slug}),
        ("training:certificate_lookup", {}),
        ("training:manual_list", {}),
        ("training:funding_list", {}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200, name


def test_a_learners_progress_is_not_visible_to_another_learner(client, learner, other_learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course.lessons.first())
    client.force_login(other_learner)
    response = client.get(course.get_absolute_url())
    assert response.context["progress"].enrolment is None
    assert response.context["progress"].done_count == 0


def test_marking_done_only_touches_the_visitors_own_enrolment(client, learner, other_learner, course):
    enrolment_create(user=learner, course=course)
    client.force_login(other_learner)
    lesson = course.lessons.first()
    client.post(reverse("training:lesson_complete", kwargs={"slug": course.slug, "lesson_id": lesson.pk}))
    assert not LessonCompletion.objects.exists()


def test_a_lesson_of_another_course_is_not_found(learner_client, course):
    from tests.training import factories

    other = factories.course("Andere cursus", lessons=1)
    learner_client.post(reverse("training:course_enrol", kwargs={"slug": course.slug}))
    url = reverse("training:lesson_detail", kwargs={"slug": course.slug, "lesson_id": other.lessons.get().pk})
    assert learner_client.get(url).status_code == 404
