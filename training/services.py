"""Writes of the training app: enrolling, finishing lessons, quiz attempts, issuing certificates."""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from training.accreditation import accredited_points
from training.codes import new_code
from training.models import Certificate, Course, Enrolment, Lesson, LessonCompletion, Question, QuizAttempt
from training.quiz_rules import answer_is_correct, retry_at
from training.selectors import course_progress


class QuizLocked(Exception):
    """The quiz counts only once every lesson is done."""


class QuizWait(Exception):
    """The last attempt failed less than QUIZ_RETRY_WAIT_MINUTES ago; `retry_at` says when the next may start."""

    def __init__(self, retry_at):
        super().__init__(retry_at.isoformat())
        self.retry_at = retry_at


@transaction.atomic
def enrolment_create(*, user, course: Course) -> Enrolment:
    """Enrol the learner; enrolling twice keeps the first enrolment and its progress."""
    enrolment, _ = Enrolment.objects.get_or_create(user=user, course=course)
    return enrolment


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: Lesson) -> Certificate | None:
    """Mark the lesson done (idempotent); returns the certificate if this finished the course."""
    if lesson.course_id != enrolment.course_id:
        raise ValueError("The lesson belongs to another course.")
    LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    return certificate_issue_if_earned(enrolment=enrolment)


@transaction.atomic
def quiz_attempt_submit(
    *, enrolment: Enrolment, questions: list[Question], answers: Mapping[int, set[int]]
) -> QuizAttempt:
    """Score one attempt and keep it; every attempt is kept, the best one counts.

    `questions` are the quiz's questions with their choices prefetched; `answers` maps a question id to the
    ids of the choices picked. Choice ids that do not belong to the question are ignored.
    After a failed attempt the next one waits (QuizWait), so the quiz cannot be passed by trying every answer.
    """
    # Locked, so two submits at the same moment cannot both slip past the wait.
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    progress = course_progress(course=enrolment.course, enrolment=enrolment)
    if not progress.all_lessons_done:
        raise QuizLocked
    wait_until = retry_at(enrolment)
    if wait_until is not None:
        raise QuizWait(wait_until)
    quiz = enrolment.course.quiz
    chosen = []
    correct_count = 0
    for question in questions:
        valid_ids = {choice.pk for choice in question.choices.all()}
        picked = set(answers.get(question.pk, set())) & valid_ids
        chosen.extend(picked)
        correct_count += answer_is_correct(question, picked)
    total = len(questions)
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        correct_count=correct_count,
        question_count=total,
        score=correct_count * 100 // total if total else 0,
        # Compared exactly, not on the rounded-down score: 7 of 10 passes a 70% mark, 6 of 9 does not.
        passed=total > 0 and correct_count * 100 >= quiz.pass_mark * total,
    )
    attempt.selected_choices.set(chosen)
    certificate_issue_if_earned(enrolment=enrolment)
    return attempt


@transaction.atomic
def certificate_issue_if_earned(*, enrolment: Enrolment) -> Certificate | None:
    """Issue the certificate once every lesson is done and the quiz (if the course has one) is passed.

    Returns the existing certificate if there is one, None if it is not earned yet.
    """
    existing = Certificate.objects.filter(user_id=enrolment.user_id, course_id=enrolment.course_id).first()
    if existing:
        return existing
    course = enrolment.course
    progress = course_progress(course=course, enrolment=enrolment)
    has_quiz = hasattr(course, "quiz")
    if not progress.total or not progress.all_lessons_done or (has_quiz and not progress.quiz_passed):
        return None
    user = enrolment.user
    for _ in range(5):
        try:
            # A savepoint, so a (vanishingly rare) duplicate code can be retried inside the outer transaction.
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user,
                    course=course,
                    code=new_code(),
                    learner_name=user.get_full_name() or user.get_username(),
                    course_title=course.title,
                    points=accredited_points(course),
                    issued_on=timezone.localdate(),
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, course=course).first()
            if existing:  # issued meanwhile by a parallel request
                return existing
    raise RuntimeError("Could not find a free certificate code.")
