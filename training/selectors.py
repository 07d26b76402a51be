"""Reads of the training app: course progress, certificates, manuals and the funding overview.

`certificates_for_users` and `users_with_completed_course` are the read side the practices app calls for the
manager's overview and the roadmap (training never imports practices).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch

from catalog.models import Programme, Resource
from training.accreditation import is_accredited
from training.codes import normalise_code
from training.models import (
    Certificate,
    Choice,
    Course,
    Enrolment,
    FundingScheme,
    InsurerRule,
    Lesson,
    Question,
    QuizAttempt,
)

# --- Courses and progress ---


def published_courses():
    return Course.objects.published().annotate(lesson_count=Count("lessons"))


def enrolment_for(*, user, course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course).first()


@dataclass(frozen=True)
class LessonStatus:
    lesson: Lesson
    number: int
    done: bool


@dataclass(frozen=True)
class CourseProgress:
    """Where a learner stands in a course. `resume` is the first lesson in order not yet done.

    Lessons are never locked: a learner may read ahead, but the course page always points back to the first
    unfinished lesson, and the quiz opens only when every lesson is done.
    """

    course: Course
    enrolment: Enrolment | None
    lessons: list[LessonStatus]
    best_attempt: QuizAttempt | None
    attempt_count: int
    certificate: Certificate | None

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done_count(self) -> int:
        return sum(status.done for status in self.lessons)

    @property
    def percent(self) -> int:
        return self.done_count * 100 // self.total if self.total else 0

    @property
    def all_lessons_done(self) -> bool:
        return self.done_count == self.total

    @property
    def resume(self) -> LessonStatus | None:
        return next((status for status in self.lessons if not status.done), None)

    @property
    def quiz_passed(self) -> bool:
        return self.best_attempt is not None and self.best_attempt.passed

    def status_of(self, lesson: Lesson) -> LessonStatus:
        return next(status for status in self.lessons if status.lesson.pk == lesson.pk)

    def neighbours(self, lesson: Lesson) -> tuple[LessonStatus | None, LessonStatus | None]:
        index = next(i for i, status in enumerate(self.lessons) if status.lesson.pk == lesson.pk)
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return previous, following

    def next_after(self, lesson: Lesson) -> LessonStatus | None:
        """The next unfinished lesson after this one, else the first unfinished one before it."""
        index = next(i for i, status in enumerate(self.lessons) if status.lesson.pk == lesson.pk)
        later = (status for status in self.lessons[index + 1 :] if not status.done)
        return next(later, None) or self.resume

    def skipped_before(self, lesson: Lesson) -> LessonStatus | None:
        """The first unfinished lesson before this one: the learner is reading ahead of it."""
        for status in self.lessons:
            if status.lesson.pk == lesson.pk:
                return None
            if not status.done:
                return status
        return None


def course_progress(*, course: Course, enrolment: Enrolment | None) -> CourseProgress:
    """A learner's progress in one course in four queries; an absent enrolment gives an empty progress."""
    lessons = list(course.lessons.all())
    done_ids: set[int] = set()
    best_attempt, attempt_count, certificate = None, 0, None
    if enrolment is not None:
        done_ids = set(enrolment.completions.values_list("lesson_id", flat=True))
        attempts = list(enrolment.attempts.order_by("-score", "submitted_at", "id"))
        best_attempt = attempts[0] if attempts else None
        attempt_count = len(attempts)
        certificate = Certificate.objects.filter(user_id=enrolment.user_id, course=course).first()
    statuses = [
        LessonStatus(lesson=lesson, number=number, done=lesson.pk in done_ids)
        for number, lesson in enumerate(lessons, start=1)
    ]
    return CourseProgress(
        course=course,
        enrolment=enrolment,
        lessons=statuses,
        best_attempt=best_attempt,
        attempt_count=attempt_count,
        certificate=certificate,
    )


@dataclass(frozen=True)
class CourseSummary:
    """One row of the course list for a learner: how far they are, in a few numbers."""

    enrolled: bool
    done_count: int
    certificate: Certificate | None


def course_summaries(*, user, course_ids: Iterable[int]) -> dict[int, CourseSummary]:
    """Progress for each listed course in two queries, however many courses there are."""
    if not user.is_authenticated:
        return {}
    enrolments = Enrolment.objects.filter(user=user, course_id__in=course_ids).annotate(done_count=Count("completions"))
    certificates = {c.course_id: c for c in Certificate.objects.filter(user=user, course_id__in=course_ids)}
    return {
        enrolment.course_id: CourseSummary(
            enrolled=True, done_count=enrolment.done_count, certificate=certificates.get(enrolment.course_id)
        )
        for enrolment in enrolments
    }


def quiz_questions(quiz) -> list[Question]:
    """The quiz's questions with their choices and the lesson to reread, in order (two queries)."""
    questions = list(
        quiz.questions.select_related("lesson").prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("position", "id"))
        )
    )
    for question in questions:
        question.ordered_choices = list(question.choices.all())
    return questions


@dataclass(frozen=True)
class ReviewedQuestion:
    question: Question
    number: int
    chosen: list[Choice]
    correct: bool
    several_right: bool


def attempt_review(attempt: QuizAttempt, questions: list[Question]) -> list[ReviewedQuestion]:
    """Per question: what the learner chose (each choice carries its feedback) and whether that was right."""
    chosen_ids = set(attempt.selected_choices.values_list("id", flat=True))
    review = []
    for number, question in enumerate(questions, start=1):
        choices = list(question.choices.all())
        chosen = [choice for choice in choices if choice.pk in chosen_ids]
        right_ids = {choice.pk for choice in choices if choice.is_correct}
        review.append(
            ReviewedQuestion(
                question=question,
                number=number,
                chosen=chosen,
                correct={choice.pk for choice in chosen} == right_ids,
                several_right=len(right_ids) > 1,
            )
        )
    return review


def certificate_by_code(text: str) -> Certificate | None:
    code = normalise_code(text)
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()


# --- Read side for the practices app (manager overview, roadmap) ---


@dataclass(frozen=True)
class CompletedCourse:
    user_id: int
    course_id: int
    course_title: str
    audience: str
    issued_on: date
    points: int
    code: str


def certificates_for_users(user_ids: Iterable[int]) -> dict[int, list[CompletedCourse]]:
    """Which of these users finished which course, and when: {user_id: [CompletedCourse, …]}, oldest first.

    Every asked-for user is a key, with an empty list when they finished nothing. One query.
    """
    user_ids = list(user_ids)
    result: dict[int, list[CompletedCourse]] = {user_id: [] for user_id in user_ids}
    certificates = (
        Certificate.objects.filter(user_id__in=user_ids).select_related("course").order_by("user_id", "issued_on", "id")
    )
    for certificate in certificates:
        result[certificate.user_id].append(
            CompletedCourse(
                user_id=certificate.user_id,
                course_id=certificate.course_id,
                course_title=certificate.course_title,
                audience=certificate.course.audience,
                issued_on=certificate.issued_on,
                # Points frozen on an older certificate count only while the course is accredited.
                points=certificate.points if is_accredited(certificate.course) else 0,
                code=certificate.code,
            )
        )
    return result


def users_with_completed_course(user_ids: Iterable[int], audiences: Iterable[str] | None = None) -> set[int]:
    """The ids among `user_ids` holding a certificate for a course for one of `audiences` (any, if None)."""
    certificates = Certificate.objects.filter(user_id__in=list(user_ids))
    if audiences is not None:
        certificates = certificates.filter(course__audience__in=list(audiences))
    return set(certificates.values_list("user_id", flat=True).distinct().order_by())


def completed_course_holders(audiences: Iterable[str] | None = None):
    """The same users as a subquery of user ids (`user_id__in=`), for a query over many practices at once."""
    certificates = Certificate.objects.all()
    if audiences is not None:
        certificates = certificates.filter(course__audience__in=list(audiences))
    return certificates.values("user_id").order_by()


# --- Manuals ---


def manual_resources():
    """Every resource of a published programme, grouped by programme in the order the index shows them."""
    return (
        Resource.objects.filter(programme__status=Programme.Status.PUBLISHED)
        .select_related("programme")
        .prefetch_related("sources")
        .order_by("programme__name", "audience", "kind", "title", "id")
    )


def manual_programmes():
    """Published programmes that have at least one resource: the choices of the index's programme filter."""
    return Programme.objects.published().filter(resources__isnull=False).distinct().order_by("name")


# --- Funding ---


@dataclass(frozen=True)
class RuleRow:
    rule: InsurerRule
    contracted: bool


@dataclass(frozen=True)
class SchemeOverview:
    scheme: FundingScheme
    rules: list[RuleRow]
    check_overdue: bool

    @property
    def own_rules(self) -> list[RuleRow]:
        return [row for row in self.rules if row.contracted]

    @property
    def other_rules(self) -> list[RuleRow]:
        return [row for row in self.rules if not row.contracted]


def funding_overview(
    *, rules, contracted_insurer_ids: Iterable[int] = (), today: date | None = None
) -> list[SchemeOverview]:
    """All schemes, each with its (already filtered) insurer rules: the practice's own insurers first.

    `rules` is an InsurerRule queryset, typically narrowed by the insurer filter. Four queries in all: schemes and
    rules, each with their public sources (shown next to the rule as "bron: …, gezien op …").
    """
    contracted = set(contracted_insurer_ids)
    rules_by_scheme: dict[int, list[InsurerRule]] = defaultdict(list)
    for rule in (
        rules.select_related("insurer").prefetch_related("sources").order_by("insurer__name", "-valid_from", "id")
    ):
        rules_by_scheme[rule.scheme_id].append(rule)
    overview = []
    for scheme in FundingScheme.objects.prefetch_related("sources"):
        scheme_rules = sorted(
            rules_by_scheme.get(scheme.pk, []), key=lambda rule: rule.insurer_id not in contracted
        )  # sorted() is stable: within each group the name order above stays.
        overview.append(
            SchemeOverview(
                scheme=scheme,
                rules=[RuleRow(rule=rule, contracted=rule.insurer_id in contracted) for rule in scheme_rules],
                check_overdue=scheme.is_check_overdue(today=today),
            )
        )
    return overview
