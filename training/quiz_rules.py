"""Rules that keep the quiz a test of knowledge rather than of patience.

- After a failed attempt the learner waits `QUIZ_RETRY_WAIT_MINUTES` before the next one.
- Questions and their answers come in a shuffled order, the same until the attempt is submitted (so a page
  reloaded or shown again with an error does not move), and different for the next attempt.
- Until an attempt passes, the feedback names the lessons to reread, never which answer was right or even which
  question was wrong: per-question marks let a quiz be solved by changing one answer at a time.
"""

import hashlib
import hmac
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from training.models import Enrolment, Lesson, Question, QuizAttempt


def answer_is_correct(question: Question, chosen_ids: set[int]) -> bool:
    """Right only when exactly the correct choices are picked: a missing or an extra choice makes it wrong."""
    return chosen_ids == {choice.pk for choice in question.choices.all() if choice.is_correct}


def retry_at(enrolment: Enrolment | None, *, now: datetime | None = None) -> datetime | None:
    """When the learner may try again, or None when they may now (no attempt yet, or the last one passed)."""
    if enrolment is None:
        return None
    last = enrolment.attempts.order_by("-submitted_at", "-id").first()
    if last is None or last.passed:
        return None
    allowed_at = last.submitted_at + timedelta(minutes=settings.QUIZ_RETRY_WAIT_MINUTES)
    return allowed_at if allowed_at > (now or timezone.now()) else None


def attempt_seed(enrolment: Enrolment) -> int:
    """A seed fixed for the attempt being made: the enrolment and how many attempts came before it.

    Keyed with SECRET_KEY, so the order of a coming attempt cannot be worked out from the outside.
    """
    message = f"quiz-order:{enrolment.pk}:{enrolment.attempts.count()}".encode()
    return int.from_bytes(hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()[:8], "big")


def shuffle(questions: list[Question], seed: int) -> list[Question]:
    """The questions in the attempt's order, each with `ordered_choices` in the attempt's order too."""
    rng = random.Random(seed)
    shuffled = list(questions)
    rng.shuffle(shuffled)
    for question in shuffled:
        choices = list(question.choices.all())
        rng.shuffle(choices)
        question.ordered_choices = choices
    return shuffled


@dataclass(frozen=True)
class RereadAdvice:
    lessons: list[Lesson]
    # Wrong questions that no lesson is linked to: the learner is pointed at the whole course for those.
    unlinked_wrong: int


def reread_advice(attempt: QuizAttempt, questions: list[Question]) -> RereadAdvice:
    """The lessons behind the questions this attempt got wrong, in course order, each once."""
    chosen_ids = set(attempt.selected_choices.values_list("id", flat=True))
    lessons, unlinked = {}, 0
    for question in questions:
        picked = {choice.pk for choice in question.choices.all() if choice.pk in chosen_ids}
        if answer_is_correct(question, picked):
            continue
        if question.lesson is None:
            unlinked += 1
        else:
            lessons[question.lesson.pk] = question.lesson
    ordered = sorted(lessons.values(), key=lambda lesson: (lesson.position, lesson.pk))
    return RereadAdvice(lessons=ordered, unlinked_wrong=unlinked)
