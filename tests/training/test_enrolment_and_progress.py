"""Enrolling, reading lessons in order, marking them done, resuming, and the progress bar."""

import pytest
from django.urls import reverse

from tests.training import factories
from training.models import Enrolment, LessonCompletion
from training.selectors import course_progress
from training.services import enrolment_create, lesson_complete

pytestmark = pytest.mark.django_db


def enrol_url(course):
    return reverse("training:course_enrol", kwargs={"slug": course.slug})


def done_url(lesson):
    return reverse("training:lesson_complete", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


def test_enrolling_creates_one_enrolment_and_opens_the_first_lesson(learner_client, learner, course):
    response = learner_client.post(enrol_url(course))
    first = course.lessons.first()
    assert response.status_code == 302
    assert response["Location"] == first.get_absolute_url()
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_enrolling_twice_keeps_the_progress(learner_client, learner, course):
    learner_client.post(enrol_url(course))
    learner_client.post(done_url(course.lessons.first()))
    learner_client.post(enrol_url(course))
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
    assert LessonCompletion.objects.filter(enrolment__user=learner).count() == 1


def test_enrolling_needs_a_post(learner_client, course):
    assert learner_client.get(enrol_url(course)).status_code == 405
    assert not Enrolment.objects.exists()


def test_a_lesson_before_enrolling_sends_the_learner_to_the_course_page(learner_client, course):
    response = learner_client.get(course.lessons.first().get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == course.get_absolute_url()


def test_lessons_are_listed_in_position_order(learner_client, course):
    last = course.lessons.last()
    last.position = 0
    last.save()
    response = learner_client.get(course.get_absolute_url())
    titles = [status.lesson.title for status in response.context["progress"].lessons]
    assert titles == ["Les 3", "Les 1", "Les 2"]


def test_marking_done_needs_a_post(learner_client, course):
    learner_client.post(enrol_url(course))
    lesson = course.lessons.first()
    assert learner_client.get(done_url(lesson)).status_code == 405
    assert not LessonCompletion.objects.exists()


def test_marking_a_lesson_done_moves_on_to_the_next_lesson(learner_client, course):
    learner_client.post(enrol_url(course))
    first, second, _third = course.lessons.all()
    response = learner_client.post(done_url(first))
    assert response["Location"] == second.get_absolute_url()


def test_marking_done_twice_counts_once(learner_client, course):
    learner_client.post(enrol_url(course))
    lesson = course.lessons.first()
    learner_client.post(done_url(lesson))
    learner_client.post(done_url(lesson))
    assert LessonCompletion.objects.count() == 1


def test_a_later_lesson_is_reachable_but_the_course_page_points_to_the_first_unfinished_one(learner_client, course):
    learner_client.post(enrol_url(course))
    first, second, third = course.lessons.all()
    learner_client.post(done_url(first))
    lesson_page = learner_client.get(third.get_absolute_url())
    assert lesson_page.status_code == 200
    assert lesson_page.context["skipped"].lesson == second
    course_page = learner_client.get(course.get_absolute_url())
    assert course_page.context["progress"].resume.lesson == second
    assert f'href="{second.get_absolute_url()}"' in course_page.content.decode()


def test_finishing_a_lesson_read_ahead_returns_to_the_skipped_lesson(learner_client, course):
    learner_client.post(enrol_url(course))
    first, second, third = course.lessons.all()
    learner_client.post(done_url(first))
    response = learner_client.post(done_url(third))
    assert response["Location"] == second.get_absolute_url()


def test_after_the_last_lesson_the_learner_goes_to_the_quiz(learner_client, course):
    learner_client.post(enrol_url(course))
    for lesson in course.lessons.all():
        response = learner_client.post(done_url(lesson))
    assert response["Location"] == reverse("training:quiz", kwargs={"slug": course.slug})


def test_progress_counts_done_lessons_and_rounds_down(learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course.lessons.first())
    progress = course_progress(course=course, enrolment=enrolment)
    assert (progress.done_count, progress.total, progress.percent) == (1, 3, 33)
    assert not progress.all_lessons_done


def test_the_progress_bar_is_a_labelled_native_progress_element(learner_client, course):
    learner_client.post(enrol_url(course))
    learner_client.post(done_url(course.lessons.first()))
    body = learner_client.get(course.get_absolute_url()).content.decode()
    assert '<progress class="tk-progress" max="3" value="1" aria-labelledby="course-progress">' in body
    assert 'id="course-progress"' in body


def test_course_list_shows_each_learners_own_progress(learner_client, course, other_learner):
    other = enrolment_create(user=other_learner, course=course)
    for lesson in course.lessons.all():
        lesson_complete(enrolment=other, lesson=lesson)
    learner_client.post(enrol_url(course))
    learner_client.post(done_url(course.lessons.first()))
    body = learner_client.get(reverse("training:course_list")).content.decode()
    assert 'max="3" value="1"' in body


def test_course_list_query_count_does_not_grow_with_courses(learner_client, learner, django_assert_max_num_queries):
    for _ in range(6):
        course = factories.course(lessons=2)
        enrolment_create(user=learner, course=course)
    with django_assert_max_num_queries(6):
        response = learner_client.get(reverse("training:course_list"))
    assert len(response.context["rows"]) == 6


def test_unpublished_courses_are_not_shown_or_reachable(learner_client):
    draft = factories.course("Concept", published=False)
    assert "Concept" not in learner_client.get(reverse("training:course_list")).content.decode()
    assert learner_client.get(draft.get_absolute_url()).status_code == 404


def test_anonymous_visitor_sees_the_course_and_a_login_link(client, course):
    response = client.get(course.get_absolute_url())
    assert response.status_code == 200
    assert reverse("login") in response.content.decode()
