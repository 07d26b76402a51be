"""E-learning, manuals and funding overviews."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Insurer(models.Model):
    """A Dutch health insurer (zorgverzekeraar); practices record which ones they have contracts with."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("health insurer")
        verbose_name_plural = _("health insurers")

    def __str__(self):
        return self.name


# --- E-learning ---


class Audience(models.TextChoices):
    POH_GGZ = "poh_ggz", _("POH-ggz")
    GP = "gp", _("GP")
    PRACTICE = "practice", _("Whole practice")


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Course(models.Model):
    """An e-learning course: ordered lessons and at most one quiz; finishing both earns a certificate."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience, default=Audience.POH_GGZ)
    summary = models.TextField(_("summary"), help_text=_("A few sentences for the course overview."))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=60)
    # Points only count when the accrediting body and its registration number are recorded (CONTENT.md).
    accreditation_points = models.PositiveSmallIntegerField(
        _("accreditation points"), default=0, help_text=_("Points for the professional register; 0 if none.")
    )
    accreditation_body = models.CharField(
        _("accrediting body"),
        max_length=200,
        blank=True,
        help_text=_("For example the register that granted the points."),
    )
    accreditation_number = models.CharField(_("accreditation registration number"), max_length=100, blank=True)
    published = models.BooleanField(_("published"), default=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course_detail", kwargs={"slug": self.slug})


class Lesson(models.Model):
    """One lesson of a course, read in `position` order.

    Position is deliberately not unique per course: curators swap two positions in one admin save, and a
    unique index would refuse the first of the two row updates. Ties are broken by id.
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("course"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown; shown sanitized (no scripts, no embedded media)."))
    video_url = models.URLField(_("video link"), blank=True)

    class Meta:
        ordering = ["course", "position", "id"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        indexes = [models.Index(fields=["course", "position"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:lesson_detail", kwargs={"slug": self.course.slug, "lesson_id": self.pk})


class Quiz(models.Model):
    """The course's closing test; passing it (with all lessons done) earns the certificate."""

    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="quiz", verbose_name=_("course"))
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Markdown; shown above the questions."))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("Share of questions answered correctly needed to pass.")
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=1, pass_mark__lte=100),
                name="quiz_pass_mark_is_a_percentage",
            ),
        ]

    def __str__(self):
        return str(_("Quiz: %(course)s") % {"course": self.course})


class Question(models.Model):
    """A multiple-choice question; answered right only when exactly the correct choices are picked."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("quiz"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.TextField(_("question"))
    # A failed attempt names the lessons to reread instead of the right answers (training/quiz_rules.py).
    lesson = models.ForeignKey(
        Lesson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("lesson to reread"),
        help_text=_("The lesson that teaches the answer; named to a learner who got the question wrong."),
    )

    class Meta:
        ordering = ["quiz", "position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.lesson_id and self.quiz_id and self.lesson.course_id != self.quiz.course_id:
            raise ValidationError({"lesson": _("Choose a lesson of this quiz's own course.")})


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(_("feedback"), blank=True, help_text=_("Shown after submitting, when chosen."))

    class Meta:
        ordering = ["question", "position", "id"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self):
        return self.text


class Enrolment(models.Model):
    """A learner taking a course; lesson completions and quiz attempts hang off it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("course"))
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)

    class Meta:
        ordering = ["-enrolled_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_course")]

    def __str__(self):
        return f"{self.user} – {self.course}"


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="completions", verbose_name=_("enrolment")
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="completions", verbose_name=_("lesson"))
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        ordering = ["completed_at"]
        verbose_name = _("completed lesson")
        verbose_name_plural = _("completed lessons")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_completion_per_lesson")]

    def __str__(self):
        return f"{self.enrolment}: {self.lesson}"


class QuizAttempt(models.Model):
    """One submitted try at the quiz; the learner may retry and the best attempt counts."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("enrolment")
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"))
    question_count = models.PositiveSmallIntegerField(_("questions"))
    score = models.PositiveSmallIntegerField(_("score (%)"), help_text=_("Rounded down."))
    passed = models.BooleanField(_("passed"))
    selected_choices = models.ManyToManyField(Choice, related_name="+", blank=True, verbose_name=_("chosen answers"))

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")

    def __str__(self):
        return f"{self.enrolment} – {self.score}%"


class Certificate(models.Model):
    """Proof that a learner finished a course; name, title and points are frozen at issue time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("course"))
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    learner_name = models.CharField(_("name on the certificate"), max_length=300)
    course_title = models.CharField(_("course title on the certificate"), max_length=200)
    points = models.PositiveSmallIntegerField(_("accreditation points"))
    issued_on = models.DateField(_("issued on"))

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_certificate_per_course")]

    def __str__(self):
        return f"{self.code} – {self.learner_name} – {self.course_title}"

    def get_absolute_url(self):
        return reverse("training:certificate_verify", kwargs={"code": self.code})


# --- Funding overviews ---


class FundingSchemeQuerySet(models.QuerySet):
    def check_overdue(self, *, today=None):
        """Schemes whose check-by date has passed: a curator must look at the source again."""
        return self.filter(check_by__lt=today or timezone.localdate())


class FundingScheme(models.Model):
    """A way a practice can get e-mental health paid for, with the date a curator last checked it."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    covers = models.TextField(_("what it covers"), help_text=_("Markdown."))
    conditions = models.TextField(_("conditions"), blank=True, help_text=_("Markdown."))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    source_name = models.CharField(_("source name"), max_length=200, blank=True)
    sources = models.ManyToManyField(
        "catalog.Source", related_name="funding_schemes", blank=True, verbose_name=_("sources")
    )
    last_checked = models.DateField(_("last checked"))
    check_by = models.DateField(_("check again by"))
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    objects = FundingSchemeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("funding scheme")
        verbose_name_plural = _("funding schemes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="funding_scheme_valid_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def is_check_overdue(self, *, today=None):
        return self.check_by < (today or timezone.localdate())


class InsurerRule(models.Model):
    """How one insurer applies a scheme; these differ per insurer, so each has its own text and source."""

    scheme = models.ForeignKey(
        FundingScheme, on_delete=models.CASCADE, related_name="rules", verbose_name=_("funding scheme")
    )
    insurer = models.ForeignKey(Insurer, on_delete=models.CASCADE, related_name="rules", verbose_name=_("insurer"))
    rule_text = models.TextField(_("rule"), help_text=_("Markdown."))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    sources = models.ManyToManyField(
        "catalog.Source", related_name="insurer_rules", blank=True, verbose_name=_("sources")
    )

    class Meta:
        ordering = ["scheme", "insurer__name", "-valid_from"]
        verbose_name = _("insurer rule")
        verbose_name_plural = _("insurer rules")
        indexes = [models.Index(fields=["insurer", "scheme"])]

    def __str__(self):
        return f"{self.scheme} – {self.insurer}"
