"""The programme catalogue: providers, programmes, their lookup tables and quality assessments."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.uploads import validate_upload

# A programme whose last review is older than this is due for a new one.
REVIEW_INTERVAL = timedelta(days=365)


class FactField(models.BooleanField):
    """A yes/no fact that may not be known: True, False or None ("not known yet"), None by default."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", None)
        super().__init__(*args, **kwargs)


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


# The vocabulary's meaning is data a curator sets on each lookup in the admin (age band, low literacy, prevalence
# key, home language); every rule (keuzehulp, suggestions, expected numbers) reads these fields, never a slug.


class PrevalenceKey(models.TextChoices):
    """The problems the population figures (practices/prevalence.py) count; a theme may address one of them."""

    DEPRESSION = "depression", _("Depressive complaints")
    ANXIETY = "anxiety", _("Anxiety complaints")
    ALCOHOL = "alcohol", _("Problematic alcohol use")


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


class Theme(LookupModel):
    """A complaint or goal a programme addresses (depressive complaints, anxiety, alcohol…)."""

    prevalence_key = models.CharField(
        _("counted in the population figures as"),
        max_length=20,
        choices=PrevalenceKey.choices,
        blank=True,
        help_text=_("The problem in the expected numbers of patients this theme addresses; empty if none."),
    )
    # The codes a GP registers this complaint under in the HIS; the keuzehulp's "Voor het HIS" entry quotes them.
    icpc_codes = models.ManyToManyField(
        IcpcCode,
        related_name="themes",
        blank=True,
        verbose_name=_("ICPC codes"),
        help_text=_("The ICPC codes a GP registers this complaint under; shown in the keuzehulp's entry for the HIS."),
    )

    class Meta(LookupModel.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class AgeBand(models.TextChoices):
    YOUTH = "youth", _("Young people (under 18)")
    ADULT = "adult", _("Adults (18 to 65)")
    OLDER = "older", _("Older adults (65 and over)")
    NONE = "none", _("Says nothing about age")


class TargetGroup(LookupModel):
    age_band = models.CharField(
        _("age band"),
        max_length=10,
        choices=AgeBand.choices,
        default=AgeBand.NONE,
        help_text=_("The age this group is made for, as the keuzehulp and the suggestions read it."),
    )
    low_literacy = models.BooleanField(
        _("for people with low literacy"),
        default=False,
        help_text=_("Programmes for this group count as suitable for people who read with difficulty."),
    )
    migration_background = models.BooleanField(
        _("for people with a migration background"),
        default=False,
        help_text=_("Programmes for this group are suggested to practices with many such patients."),
    )

    class Meta(LookupModel.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(LookupModel):
    code = models.CharField(_("language code"), max_length=10, unique=True, help_text=_("ISO 639-1, e.g. nl, en, tr"))
    is_home_language = models.BooleanField(
        _("home language"),
        default=False,
        help_text=_(
            "The language every programme in the catalogue is expected to speak (Dutch): offering it is no reason "
            "to mention, and the keuzehulp asks for it first."
        ),
    )

    class Meta(LookupModel.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Therapy(LookupModel):
    """The method a programme is built on (CBT, problem-solving therapy, mindfulness, ACT…)."""

    class Meta(LookupModel.Meta):
        verbose_name = _("therapy")
        verbose_name_plural = _("therapies")


class Source(models.Model):
    """A public source a fact rests on: the exact page, who published it and when a curator saw it.

    CONTENT.md: every fact about a programme, study, price or policy names its source. The two documents the
    toolkit grew from count as sources too; they have no address of their own, so `url` may stay empty.
    """

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    url = models.URLField(
        _("address (URL)"), max_length=500, blank=True, help_text=_("The exact page, not a home page.")
    )
    seen_on = models.DateField(_("seen on"), help_text=_("The date a curator read the page."))
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("Optional: the sentence on the page that supports the fact.")
    )
    page = models.CharField(_("page or section"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [models.UniqueConstraint(fields=["title", "url"], name="one_source_per_title_and_url")]

    def __str__(self):
        return f"{self.title} ({self.publisher})"


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
    offer_to_practices = models.TextField(
        _("what it offers GP practices"),
        blank=True,
        help_text=_("Markdown: licence, platform and modules for a practice, in our own words, from public pages."),
    )
    sources = models.ManyToManyField(Source, related_name="providers", blank=True, verbose_name=_("sources"))
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

    def public(self):
        """Published programmes and those no longer offered: both keep a public page (the latter with a banner)."""
        return self.filter(status__in=[Programme.Status.PUBLISHED, Programme.Status.WITHDRAWN])

    def overdue(self, *, today=None):
        """Past their planned next review: the public pages say the information is older than planned."""
        return self.filter(next_review__lt=today or timezone.localdate())

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
        # Still public (a practice may have it on its menu), but out of the overview and the keuzehulp.
        WITHDRAWN = "withdrawn", _("No longer offered")
        ARCHIVED = "archived", _("Archived")

    class ReadingLevel(models.TextChoices):
        # CEFR levels, the scale Dutch plain-language guidance (B1) uses.
        A2 = "A2", _("A2 – very easy, suits low literacy")
        B1 = "B1", _("B1 – plain language")
        B2 = "B2", _("B2 – average")
        C1 = "C1", _("C1 – demanding")
        UNKNOWN = "unknown", _("Not known yet")

    class Cost(models.TextChoices):
        FREE = "free", _("Free for the patient")
        PRACTICE_LICENCE = "practice_licence", _("Licence paid by the practice")
        INSURER = "insurer", _("Reimbursed by the health insurer")
        PATIENT = "patient", _("Paid by the patient")
        # The default: a price no source settles is not known (never "free").
        UNKNOWN = "unknown", _("Cost not known yet")

    class Approach(models.TextChoices):
        STRENGTH = "strength", _("Strength-based")
        COMPLAINT = "complaint", _("Complaint-focused")
        MIXED = "mixed", _("Both")
        UNKNOWN = "unknown", _("Not known yet")

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
    # The professional description is for the GP and the POH-ggz; patients read this one instead (CONTENT.md: B1,
    # "u"). The publish gate checks that it is there and easy to read (catalog.readability).
    patient_text = models.TextField(
        _("text for patients"),
        blank=True,
        help_text=_(
            "Plain Dutch at B1 for the patient page, the leaflet and the advice sheet: short sentences, everyday "
            "words, “u”. What it is, for whom, how it works, how long, what it costs."
        ),
    )

    themes = models.ManyToManyField(Theme, related_name="programmes", verbose_name=_("themes"))
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="programmes", blank=True, verbose_name=_("target groups")
    )
    languages = models.ManyToManyField(Language, related_name="programmes", verbose_name=_("languages"))
    reading_level = models.CharField(
        _("reading level"), max_length=7, choices=ReadingLevel, default=ReadingLevel.UNKNOWN
    )

    # Yes/no facts are yes, no or unknown (None): a fact nobody checked is never shown as an answer.
    # Delivery: a programme can often be followed in more than one way.
    offers_self_help = FactField(_("self-help (alone)"))
    offers_guided = FactField(_("guided by the POH-ggz"))
    offers_blended = FactField(_("blended with face-to-face treatment"))

    duration_weeks = models.PositiveSmallIntegerField(_("duration in weeks"), null=True, blank=True)
    duration_note = models.CharField(_("duration note"), max_length=200, blank=True)
    cost = models.CharField(_("cost"), max_length=20, choices=Cost, default=Cost.UNKNOWN)
    cost_note = models.CharField(_("cost note"), max_length=300, blank=True)
    anonymous_use = FactField(_("can be used anonymously"))
    on_web = FactField(_("web"))
    on_ios = FactField(_("iOS app"))
    on_android = FactField(_("Android app"))

    approach = models.CharField(_("approach"), max_length=10, choices=Approach, default=Approach.UNKNOWN)
    therapies = models.ManyToManyField(Therapy, related_name="programmes", blank=True, verbose_name=_("therapies"))
    suits_mild = FactField(_("suits mild complaints"))
    suits_moderate = FactField(_("suits moderate complaints"))
    icpc_codes = models.ManyToManyField(IcpcCode, related_name="programmes", blank=True, verbose_name=_("ICPC codes"))

    his_feedback = FactField(
        _("results flow back to the HIS/KIS"),
        help_text=_("Progress and results can be sent to the GP's or care group's information system."),
    )
    available_after_treatment = FactField(_("stays available after treatment"))
    medical_device_class = models.CharField(
        _("CE/MDR class"), max_length=10, choices=MedicalDeviceClass, default=MedicalDeviceClass.UNKNOWN
    )
    quality_marks = models.CharField(
        _("other quality marks"), max_length=300, blank=True, help_text=_("Comma-separated.")
    )

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    # Four eyes: whoever sends a programme for review cannot be the one who publishes it.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent for review by"),
        editable=False,
    )
    submitted_at = models.DateTimeField(_("sent for review at"), null=True, blank=True, editable=False)
    withdrawn_on = models.DateField(_("no longer offered since"), null=True, blank=True)
    withdrawn_reason = models.CharField(
        _("why it is no longer offered"), max_length=300, blank=True, help_text=_("Shown on the public page.")
    )
    internal_notes = models.TextField(
        _("notes for curators"), blank=True, help_text=_("Only for the editorial team; never shown on the site.")
    )
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

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN

    def is_overdue(self, *, today=None) -> bool:
        """Past the planned next review: the public pages must say the information may be out of date."""
        return self.next_review is not None and self.next_review < (today or timezone.localdate())


class ProgrammeFact(models.TextChoices):
    """The programme facts a source can be attached to (CONTENT.md: every claim has its source)."""

    DESCRIPTION = "description", _("What it is")
    THEMES = "themes", _("Themes")
    TARGET_GROUPS = "target_groups", _("Target groups")
    SEVERITY = "severity", _("Severity of complaints")
    LANGUAGES = "languages", _("Languages")
    READING_LEVEL = "reading_level", _("Reading level")
    GUIDANCE = "guidance", _("Delivery and guidance")
    DURATION = "duration", _("Duration")
    COST = "cost", _("Cost and who pays")
    PLATFORMS = "platforms", _("Platforms")
    ANONYMITY = "anonymity", _("Anonymous use")
    APPROACH = "approach", _("Approach")
    HIS_FEEDBACK = "his_feedback", _("Results back to the HIS/KIS")
    AFTER_TREATMENT = "after_treatment", _("After treatment")
    MEDICAL_DEVICE = "medical_device", _("CE/MDR class")
    QUALITY_MARKS = "quality_marks", _("Other quality marks")


class FactSource(models.Model):
    """One source supporting one fact of one programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="fact_sources", verbose_name=_("programme")
    )
    fact = models.CharField(_("fact"), max_length=20, choices=ProgrammeFact)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="fact_uses", verbose_name=_("source"))

    class Meta:
        ordering = ["programme", "fact", "source__publisher", "source__title"]
        verbose_name = _("source of a fact")
        verbose_name_plural = _("sources of facts")
        constraints = [
            models.UniqueConstraint(fields=["programme", "fact", "source"], name="one_fact_source_per_fact"),
        ]

    def __str__(self):
        return f"{self.programme} – {self.get_fact_display()}: {self.source}"


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
    rationale = models.TextField(
        _("public rationale"),
        blank=True,
        help_text=_("Shown on the site. For an unknown verdict: one sentence on what is not known and why."),
    )
    curator_notes = models.TextField(
        _("notes for curators"), blank=True, help_text=_("Only for the editorial team; never shown on the site.")
    )
    sources = models.ManyToManyField(
        Source,
        related_name="assessments",
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Required for every verdict other than unknown."),
    )
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
    dutch_primary_care = FactField(_("in Dutch primary care"))
    guided = FactField(_("guided version studied"))
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("For example 10.1000/xyz123."))
    # Publishers' article addresses run long (query strings); 500 like Source.url.
    url = models.URLField(_("link"), max_length=500, blank=True)
    sources = models.ManyToManyField(Source, related_name="studies", blank=True, verbose_name=_("sources"))

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
    url = models.URLField(_("link"), max_length=500, blank=True, help_text=_("A web page or a video link."))
    file = models.FileField(
        _("file"),
        upload_to="resources/",
        blank=True,
        validators=[validate_upload],
        help_text=_("PDF, PNG, JPEG or WebP; offered as a download."),
    )
    sources = models.ManyToManyField(Source, related_name="resources", blank=True, verbose_name=_("sources"))

    class Meta:
        ordering = ["programme", "audience", "kind", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | ~Q(file="") | ~Q(body=""), name="resource_has_content"),
        ]

    def __str__(self):
        return self.title

    @property
    def href(self):
        # Uploaded files go through the download view, never straight from MEDIA_URL (catalog/uploads.py).
        return reverse("catalog:resource_file", kwargs={"pk": self.pk}) if self.file else self.url


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


class LinkCheck(models.Model):
    """The last result of `manage.py check_links` for one address the catalogue links to."""

    url = models.URLField(_("address (URL)"), max_length=500, unique=True)
    found_on = models.CharField(_("found on"), max_length=500, help_text=_("Where the catalogue uses the link."))
    ok = models.BooleanField(_("works"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        ordering = ["ok", "url"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url
