"""The programme catalogue: providers, programmes, their lookup tables and quality assessments."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# A programme whose last review is older than this is due for a new one.
REVIEW_INTERVAL = timedelta(days=365)


class LookupModel(models.Model):
    """A small vocabulary curators can extend in the admin (themes, target groups, …)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Theme(LookupModel):
    """A complaint or goal a programme addresses (depressive complaints, anxiety, alcohol…)."""

    class Meta(LookupModel.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(LookupModel):
    class Meta(LookupModel.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(LookupModel):
    code = models.CharField(_("language code"), max_length=10, unique=True, help_text=_("ISO 639-1, e.g. nl, en, tr"))

    class Meta(LookupModel.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Therapy(LookupModel):
    """The method a programme is built on (CBT, problem-solving therapy, mindfulness, ACT…)."""

    class Meta(LookupModel.Meta):
        verbose_name = _("therapy")
        verbose_name_plural = _("therapies")


class IcpcCode(models.Model):
    """An ICPC code GPs use to register a complaint; links a programme to the GP's own coding."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ICPC code")
        verbose_name_plural = _("ICPC codes")

    def __str__(self):
        return f"{self.code} {self.title}"


class Provider(models.Model):
    """The organisation behind a programme (aanbieder)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    complaints_procedure_url = models.URLField(_("complaints procedure"), blank=True)
    privacy_statement_url = models.URLField(_("privacy statement"), blank=True)
    certifications = models.CharField(
        _("certifications"), max_length=300, blank=True, help_text=_("For example ISO 27001, NEN 7510.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self):
        return self.name


class ProgrammeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Programme.Status.PUBLISHED)

    def review_due(self, *, today=None):
        """Never reviewed, or last reviewed more than twelve months ago."""
        today = today or timezone.localdate()
        return self.filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=today - REVIEW_INTERVAL))


class Programme(models.Model):
    """An online self-help programme (e-mental health), as a GP needs to choose it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class ReadingLevel(models.TextChoices):
        # CEFR levels, the scale Dutch plain-language guidance (B1) uses.
        A2 = "A2", _("A2 – very easy, suits low literacy")
        B1 = "B1", _("B1 – plain language")
        B2 = "B2", _("B2 – average")
        C1 = "C1", _("C1 – demanding")

    class Cost(models.TextChoices):
        FREE = "free", _("Free for the patient")
        PRACTICE_LICENCE = "practice_licence", _("Licence paid by the practice")
        INSURER = "insurer", _("Reimbursed by the health insurer")
        PATIENT = "patient", _("Paid by the patient")
        # Honest default for programmes whose price the curators could not verify.
        UNKNOWN = "unknown", _("Cost unknown")

    class Approach(models.TextChoices):
        STRENGTH = "strength", _("Strength-based")
        COMPLAINT = "complaint", _("Complaint-focused")
        MIXED = "mixed", _("Both")

    class MedicalDeviceClass(models.TextChoices):
        NONE = "none", _("Not a medical device")
        CLASS_I = "I", _("CE class I")
        CLASS_IIA = "IIa", _("CE class IIa")
        CLASS_IIB = "IIb", _("CE class IIb")
        UNKNOWN = "unknown", _("Unknown")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("provider")
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences for the overview."))
    description = models.TextField(_("description"), blank=True)

    themes = models.ManyToManyField(Theme, related_name="programmes", verbose_name=_("themes"))
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="programmes", blank=True, verbose_name=_("target groups")
    )
    languages = models.ManyToManyField(Language, related_name="programmes", verbose_name=_("languages"))
    reading_level = models.CharField(_("reading level"), max_length=2, choices=ReadingLevel, default=ReadingLevel.B1)

    # Delivery: a programme can often be followed in more than one way.
    offers_self_help = models.BooleanField(_("self-help (alone)"), default=False)
    offers_guided = models.BooleanField(_("guided by the POH-ggz"), default=False)
    offers_blended = models.BooleanField(_("blended with face-to-face treatment"), default=False)

    duration_weeks = models.PositiveSmallIntegerField(_("duration in weeks"), null=True, blank=True)
    duration_note = models.CharField(_("duration note"), max_length=200, blank=True)
    cost = models.CharField(_("cost"), max_length=20, choices=Cost, default=Cost.FREE)
    cost_note = models.CharField(_("cost note"), max_length=300, blank=True)
    anonymous_use = models.BooleanField(_("can be used anonymously"), default=False)
    on_web = models.BooleanField(_("web"), default=True)
    on_ios = models.BooleanField(_("iOS app"), default=False)
    on_android = models.BooleanField(_("Android app"), default=False)

    approach = models.CharField(_("approach"), max_length=10, choices=Approach, default=Approach.COMPLAINT)
    therapies = models.ManyToManyField(Therapy, related_name="programmes", blank=True, verbose_name=_("therapies"))
    suits_mild = models.BooleanField(_("suits mild complaints"), default=True)
    suits_moderate = models.BooleanField(_("suits moderate complaints"), default=False)
    icpc_codes = models.ManyToManyField(IcpcCode, related_name="programmes", blank=True, verbose_name=_("ICPC codes"))

    his_feedback = models.BooleanField(
        _("results flow back to the HIS/KIS"),
        default=False,
        help_text=_("Progress and results can be sent to the GP's or care group's information system."),
    )
    available_after_treatment = models.BooleanField(_("stays available after treatment"), default=False)
    medical_device_class = models.CharField(
        _("CE/MDR class"), max_length=10, choices=MedicalDeviceClass, default=MedicalDeviceClass.UNKNOWN
    )
    quality_marks = models.CharField(
        _("other quality marks"), max_length=300, blank=True, help_text=_("Comma-separated.")
    )

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[themes, target_groups, languages])
    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:programme_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class Criterion(models.TextChoices):
    """The four quality criteria of the Trimbos inventory; each is judged on its own, never summed."""

    EFFECTIVENESS = "effectiveness", _("Effectiveness")
    TRANSPARENCY = "transparency", _("Transparency")
    USER_FRIENDLINESS = "user_friendliness", _("User-friendliness")
    SAFETY = "safety", _("Safety")


class Verdict(models.TextChoices):
    MEETS = "meets", _("Meets")
    PARTLY = "partly", _("Partly meets")
    DOES_NOT = "does_not", _("Does not meet")
    UNKNOWN = "unknown", _("Unknown")


class QualityAssessment(models.Model):
    """A curator's judgement of one programme on one criterion, with the reasoning behind it."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("programme")
    )
    criterion = models.CharField(_("criterion"), max_length=20, choices=Criterion)
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict, default=Verdict.UNKNOWN)
    rationale = models.TextField(_("rationale"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True, help_text=_("Sources, links, documents seen."))
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "criterion"]
        verbose_name = _("quality assessment")
        verbose_name_plural = _("quality assessments")
        constraints = [
            models.UniqueConstraint(fields=["programme", "criterion"], name="one_assessment_per_criterion"),
        ]
        indexes = [models.Index(fields=["criterion", "verdict"])]

    def __str__(self):
        return f"{self.programme} – {self.get_criterion_display()}: {self.get_verdict_display()}"


class ChecklistQuestion(models.Model):
    """A yes/no question a curator answers for a criterion ("Is there a complaints procedure?")."""

    criterion = models.CharField(_("criterion"), max_length=20, choices=Criterion)
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        ordering = ["criterion", "position", "id"]
        verbose_name = _("checklist question")
        verbose_name_plural = _("checklist questions")

    def __str__(self):
        return self.text


class ChecklistAnswer(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNKNOWN = "unknown", _("Unknown")

    assessment = models.ForeignKey(
        QualityAssessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    question = models.ForeignKey(
        ChecklistQuestion, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    answer = models.CharField(_("answer"), max_length=10, choices=Answer, default=Answer.UNKNOWN)

    class Meta:
        ordering = ["question__position", "question_id"]
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return f"{self.question}: {self.get_answer_display()}"


class Study(models.Model):
    """One study behind the effectiveness verdict, described so a GP can weigh it."""

    class Design(models.TextChoices):
        META_ANALYSIS = "meta_analysis", _("Meta-analysis / systematic review")
        RCT = "rct", _("Randomised controlled trial")
        COHORT = "cohort", _("Cohort study")
        PRE_POST = "pre_post", _("Pre-post study")
        QUALITATIVE = "qualitative", _("Qualitative study")
        OTHER = "other", _("Other")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="studies", verbose_name=_("programme")
    )
    title = models.CharField(_("title or citation"), max_length=400)
    design = models.CharField(_("design"), max_length=20, choices=Design)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    dutch_primary_care = models.BooleanField(_("in Dutch primary care"), default=False)
    guided = models.BooleanField(_("guided version studied"), default=False)
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("For example 10.1000/xyz123."))
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["programme", "-year", "title"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self):
        return self.title

    @property
    def link(self):
        return f"https://doi.org/{self.doi}" if self.doi else self.url


class Resource(models.Model):
    """Material that helps use a programme: a manual for professionals, a video or leaflet for patients.

    The catalogue shows these on a programme's page; the training app's manuals index lists them all.
    """

    class Kind(models.TextChoices):
        MANUAL = "manual", _("Manual")
        VIDEO = "video", _("Video")
        LEAFLET = "leaflet", _("Leaflet")
        OTHER = "other", _("Other")

    class Audience(models.TextChoices):
        PROFESSIONALS = "professionals", _("Professionals")
        PATIENTS = "patients", _("Patients")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="resources", verbose_name=_("programme")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    audience = models.CharField(_("audience"), max_length=15, choices=Audience, default=Audience.PROFESSIONALS)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown; shown on the site, sanitized."))
    url = models.URLField(_("link"), blank=True, help_text=_("A web page or a video link."))
    file = models.FileField(_("file"), upload_to="resources/", blank=True)

    class Meta:
        ordering = ["programme", "audience", "kind", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file="") | ~Q(body=""), name="resource_has_content"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.file.url if self.file else self.url


class CatalogueRevision(models.Model):
    """One row whose token changes with every change to what the public overview shows.

    Cached overview pages are keyed by this token, so every app server sees a curator's change at once,
    whatever cache it uses. A random token, not a counter: a rolled-back change can never reuse it.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("catalogue revision")
        verbose_name_plural = _("catalogue revisions")

    def __str__(self):
        return self.token
