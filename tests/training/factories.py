"""Builders for training test data: a course with lessons and a quiz, insurers, funding schemes."""

import itertools
from datetime import date, timedelta

from django.utils import timezone
from django.utils.text import slugify

from training.codes import new_code
from training.models import Certificate, Choice, Course, FundingScheme, Insurer, InsurerRule, Lesson, Question, Quiz

_sequence = itertools.count(1)

# Question 1 has one right answer, question 2 has two: together they cover both kinds.
DEFAULT_QUESTIONS = [
    ("Hoeveel toepassingen kiest u om mee te beginnen?", [("Eén tot drie", True), ("Tien", False)]),
    (
        "Welke tips horen bij feedback?",
        [("Begin positief", True), ("Schrijf kort", True), ("Wacht af", False)],
    ),
]


# A test-only accreditation (fictitious body and number) for courses that do carry points.
ACCREDITED = {
    "accreditation_points": 2,
    "accreditation_body": "Testregister (fictief)",
    "accreditation_number": "TR-0001",
}


def course(title=None, *, lessons=3, questions=DEFAULT_QUESTIONS, pass_mark=50, **fields):
    """A published course with `lessons` lessons and, unless questions is None, a quiz."""
    title = title or f"Cursus {next(_sequence)}"
    fields.setdefault("slug", slugify(title))
    fields.setdefault("summary", f"Samenvatting van {title}.")
    fields.setdefault("published", True)
    # Not accredited unless a test says so: points count only with a body and its registration number.
    fields.setdefault("accreditation_points", 0)
    obj = Course.objects.create(title=title, **fields)
    for position in range(1, lessons + 1):
        Lesson.objects.create(course=obj, position=position, title=f"Les {position}", body=f"Tekst van les {position}.")
    if questions is not None:
        quiz = Quiz.objects.create(course=obj, pass_mark=pass_mark)
        for position, (text, choices) in enumerate(questions, start=1):
            question = Question.objects.create(quiz=quiz, position=position, text=text)
            for choice_position, (choice_text, correct) in enumerate(choices, start=1):
                Choice.objects.create(
                    question=question,
                    position=choice_position,
                    text=choice_text,
                    is_correct=correct,
                    feedback=f"Uitleg bij: {choice_text}",
                )
    return obj


def certificate(user, course, issued_on=date(2026, 5, 1)):
    """The certificate the course gives when the user passes its quiz, issued on that day."""
    return Certificate.objects.create(
        user=user,
        course=course,
        code=new_code(),
        learner_name=user.get_full_name(),
        course_title=course.title,
        points=course.accreditation_points,
        issued_on=issued_on,
    )


def answers(course, *, right=True):
    """POST data answering every question right (or every question wrong)."""
    data = {}
    for question in course.quiz.questions.all():
        picked = [c for c in question.choices.all() if c.is_correct == right]
        data[f"question_{question.pk}"] = [str(c.pk) for c in picked[: None if right else 1]]
    return data


def insurer(name="VGZ"):
    obj, _ = Insurer.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return obj


def scheme(title=None, *, check_by=None, **fields):
    title = title or f"Regeling {next(_sequence)}"
    today = timezone.localdate()
    return FundingScheme.objects.create(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        covers=fields.pop("covers", f"Wat {title} dekt."),
        last_checked=fields.pop("last_checked", today - timedelta(days=30)),
        check_by=check_by or today + timedelta(days=150),
        **fields,
    )


def rule(scheme, insurer, text=None, **fields):
    return InsurerRule.objects.create(
        scheme=scheme, insurer=insurer, rule_text=text or f"Regel van {insurer.name}.", **fields
    )
