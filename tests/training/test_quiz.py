"""Quiz scoring: exact answers, several right answers, retries where the best attempt counts, feedback."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.training import factories
from training.models import QuizAttempt
from training.selectors import course_progress, quiz_questions
from training.services import QuizLocked, QuizWait, enrolment_create, lesson_complete, quiz_attempt_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    for lesson in course.lessons.all():
        lesson_complete(enrolment=enrolment, lesson=lesson)
    return enrolment


def submit(enrolment, picks):
    """picks: {question position: [choice texts]}."""
    questions = quiz_questions(enrolment.course.quiz)
    answers = {}
    for question in questions:
        texts = picks.get(question.position, [])
        answers[question.pk] = {c.pk for c in question.choices.all() if c.text in texts}
    return quiz_attempt_submit(enrolment=enrolment, questions=questions, answers=answers)


def quiz_url(course):
    return reverse("training:quiz", kwargs={"slug": course.slug})


def after_the_wait():
    """As if the last attempt was made longer ago than the wait between attempts (10 minutes by default)."""
    QuizAttempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=11))


def test_all_right_scores_full_marks_and_passes(enrolment):
    attempt = submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief", "Schrijf kort"]})
    assert (attempt.correct_count, attempt.question_count, attempt.score, attempt.passed) == (2, 2, 100, True)


def test_a_question_with_two_right_answers_needs_both(enrolment):
    attempt = submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief"]})
    assert attempt.correct_count == 1


def test_an_extra_wrong_choice_makes_the_question_wrong(enrolment):
    attempt = submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief", "Schrijf kort", "Wacht af"]})
    assert attempt.correct_count == 1


def test_pass_mark_is_compared_exactly_not_on_the_rounded_score(learner):
    questions = [(f"Vraag {n}", [("goed", True), ("fout", False)]) for n in range(1, 4)]
    course = factories.course("Drie vragen", lessons=1, questions=questions, pass_mark=67)
    enrolment = enrolment_create(user=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course.lessons.get())
    attempt = submit(enrolment, {1: ["goed"], 2: ["goed"], 3: ["fout"]})
    assert attempt.score == 66  # 2 of 3, rounded down for display
    assert attempt.passed is False  # 66.7% < 67%


def test_choices_of_another_question_are_ignored(enrolment):
    questions = quiz_questions(enrolment.course.quiz)
    first, second = questions
    stolen = {c.pk for c in second.choices.all() if c.is_correct}
    attempt = quiz_attempt_submit(enrolment=enrolment, questions=questions, answers={first.pk: stolen})
    assert attempt.correct_count == 0
    assert not attempt.selected_choices.exists()


def test_the_quiz_cannot_be_submitted_before_all_lessons_are_done(learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    with pytest.raises(QuizLocked):
        quiz_attempt_submit(enrolment=enrolment, questions=quiz_questions(course.quiz), answers={})


def test_quiz_page_before_all_lessons_done_says_so_and_refuses_answers(learner_client, course):
    learner_client.post(reverse("training:course_enrol", kwargs={"slug": course.slug}))
    page = learner_client.get(quiz_url(course))
    assert "<form" not in page.content.decode().split('id="main"')[1]
    response = learner_client.post(quiz_url(course), factories.answers(course))
    assert response.status_code == 409
    assert not QuizAttempt.objects.exists()


def test_retry_is_allowed_and_the_best_attempt_counts(enrolment):
    good = submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief", "Schrijf kort"]})
    submit(enrolment, {1: ["Tien"]})
    progress = course_progress(course=enrolment.course, enrolment=enrolment)
    assert progress.attempt_count == 2
    assert progress.best_attempt == good
    assert progress.quiz_passed


def test_failing_first_and_passing_later_passes(enrolment):
    submit(enrolment, {1: ["Tien"]})
    after_the_wait()
    submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief", "Schrijf kort"]})
    assert course_progress(course=enrolment.course, enrolment=enrolment).quiz_passed


def test_unanswered_questions_are_refused_next_to_the_question_and_answers_kept(learner_client, enrolment):
    course = enrolment.course
    first = course.quiz.questions.first()
    right = first.choices.get(is_correct=True)
    response = learner_client.post(quiz_url(course), {f"question_{first.pk}": str(right.pk)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one answer." in body or "Kies minstens één antwoord." in body
    assert f'value="{right.pk}"' in body and "checked" in body
    assert not QuizAttempt.objects.exists()


def test_an_empty_submission_is_refused(learner_client, enrolment):
    response = learner_client.post(quiz_url(enrolment.course), {})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not QuizAttempt.objects.exists()


def test_single_answer_questions_use_radio_buttons_and_multi_answer_questions_check_boxes(learner_client, enrolment):
    body = learner_client.get(quiz_url(enrolment.course)).content.decode()
    first, second = enrolment.course.quiz.questions.all()
    assert f'type="radio" name="question_{first.pk}"' in body
    assert f'type="checkbox" name="question_{second.pk}"' in body


def test_a_failed_attempt_names_lessons_to_reread_but_not_the_answers(learner_client, enrolment):
    course = enrolment.course
    first, second = course.quiz.questions.all()
    first.lesson, second.lesson = course.lessons.get(position=1), course.lessons.get(position=3)
    first.save()
    second.save()
    course.quiz.pass_mark = 100
    course.quiz.save()
    data = factories.answers(course, right=True)
    data[f"question_{second.pk}"] = [str(second.choices.get(text="Wacht af").pk)]
    response = learner_client.post(quiz_url(course), data, follow=True)
    body = response.content.decode()
    assert response.context["attempt"].passed is False
    assert "Wat u opnieuw kunt lezen" in body
    assert f'href="{second.lesson.get_absolute_url()}">Les 3</a>' in body
    assert f'href="{first.lesson.get_absolute_url()}">Les 1</a>' not in body
    assert "Uitleg bij" not in body  # no answer's feedback, right or wrong
    assert "niet goed" not in body and "Vraag 1" not in body  # no mark per question


def test_a_passed_attempt_shows_the_feedback_on_each_chosen_answer(learner_client, enrolment):
    course = enrolment.course
    response = learner_client.post(quiz_url(course), factories.answers(course, right=True), follow=True)
    body = response.content.decode()
    assert response.context["attempt"].passed is True
    assert "Uitleg bij: Eén tot drie" in body and "Uitleg bij: Begin positief" in body
    assert "Uitleg bij: Tien" not in body  # not chosen, so not given away


def test_an_attempt_page_of_another_learner_is_not_found(client, other_learner, enrolment):
    attempt = submit(enrolment, {1: ["Tien"]})
    client.force_login(other_learner)
    url = reverse("training:attempt_detail", kwargs={"slug": enrolment.course.slug, "attempt_id": attempt.pk})
    assert client.get(url).status_code == 404


def test_the_several_answers_tip_appears_only_on_questions_with_several_right_answers(learner_client, enrolment):
    course = enrolment.course  # pass mark 50%: one of the two questions right passes
    first, second = course.quiz.questions.all()
    data = {
        f"question_{first.pk}": str(first.choices.get(is_correct=True).pk),
        f"question_{second.pk}": [str(second.choices.get(text="Begin positief").pk)],
    }
    response = learner_client.post(quiz_url(course), data, follow=True)
    review = response.context["review"]
    assert [item.several_right for item in review] == [False, True]
    assert response.content.decode().count("vink ze allemaal aan") == 1


# --- no passing by trial ------------------------------------------------------------------------------------


def test_after_a_failed_attempt_the_next_one_waits(learner_client, enrolment, settings):
    settings.QUIZ_RETRY_WAIT_MINUTES = 10
    course = enrolment.course
    learner_client.post(quiz_url(course), factories.answers(course, right=False))
    page = learner_client.get(quiz_url(course))
    assert "U kunt het opnieuw proberen vanaf" in page.text and "10 minuten" in page.text
    response = learner_client.post(quiz_url(course), factories.answers(course, right=True))
    assert response.status_code == 429
    assert QuizAttempt.objects.count() == 1
    with pytest.raises(QuizWait):
        submit(enrolment, {1: ["Eén tot drie"], 2: ["Begin positief", "Schrijf kort"]})
    after_the_wait()
    assert learner_client.post(quiz_url(course), factories.answers(course, right=True)).status_code == 302
    assert QuizAttempt.objects.filter(passed=True).exists()


def _order(page):
    """The question ids and, per question, the choice ids in the order the page shows them."""
    return re.findall(r'name="question_(\d+)" value="(\d+)"', page.text)


def test_questions_and_answers_are_shuffled_the_same_until_the_attempt_is_sent(learner_client, learner):
    questions = [(f"Vraag {n}", [(f"antwoord {n}{c}", c == "a") for c in "abcd"]) for n in range(1, 7)]
    course = factories.course("Zes vragen", lessons=1, questions=questions, pass_mark=100)
    enrolment = enrolment_create(user=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course.lessons.get())
    first_view = _order(learner_client.get(quiz_url(course)))
    assert first_view == _order(learner_client.get(quiz_url(course)))  # a reload keeps the order
    as_curated = [(str(q.pk), str(c.pk)) for q in quiz_questions(course.quiz) for c in q.choices.all()]
    assert sorted(first_view) == sorted(as_curated) and first_view != as_curated
    learner_client.post(quiz_url(course), {})  # refused (nothing ticked): still the same attempt
    assert _order(learner_client.get(quiz_url(course))) == first_view
    learner_client.post(quiz_url(course), factories.answers(course, right=False))
    after_the_wait()
    assert _order(learner_client.get(quiz_url(course))) != first_view
