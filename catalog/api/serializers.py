"""What the API tells about each object; every field carries a description (English msgid, Dutch in catalog's .po).

Only public fields: never curators' notes, internal notes or who sent a programme for review. Choices go out as
their stable codes (the lookups and the schema give their meaning), so a client does not break when a label is
reworded.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.models import Programme, QualityAssessment, Resource, Study

YES_NO_UNKNOWN = _("true = yes, false = no, null = not known yet (no source settles it).")


def fact(help_text):
    """A yes/no fact that may be unknown: null is never a no."""
    return serializers.BooleanField(allow_null=True, read_only=True, help_text=f"{help_text} {YES_NO_UNKNOWN}")


class LookupSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable code; use it as a filter value."))
    name = serializers.CharField(read_only=True, help_text=_("Name in Dutch, as the catalogue shows it."))


class IcpcCodeSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("ICPC code, e.g. P76."))
    title = serializers.CharField(read_only=True, help_text=_("Dutch label of the ICPC code."))


class ThemeSerializer(LookupSerializer):
    icpc_codes = IcpcCodeSerializer(
        many=True, read_only=True, help_text=_("ICPC codes a GP registers for this theme; empty when none is set.")
    )


class TargetGroupSerializer(LookupSerializer):
    age_band = serializers.CharField(read_only=True, help_text=_("Age band the group stands for, if any."))
    low_literacy = serializers.BooleanField(read_only=True, help_text=_("The group is people with low literacy."))


class LanguageSerializer(LookupSerializer):
    code = serializers.CharField(read_only=True, help_text=_("ISO 639-1 language code."))


class TherapySerializer(LookupSerializer):
    pass


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True, help_text=_("Title of the source."))
    publisher = serializers.CharField(read_only=True, help_text=_("Who published the source."))
    url = serializers.CharField(read_only=True, help_text=_("Address of the exact page; empty for a document."))
    page = serializers.CharField(read_only=True, help_text=_("Page or section within the source."))
    seen_on = serializers.DateField(read_only=True, help_text=_("Date a curator read the source."))


class StudySerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True, help_text=_("Title or citation of the study."))
    design = serializers.ChoiceField(Study.Design.choices, read_only=True, help_text=_("Study design."))
    participants = serializers.IntegerField(
        allow_null=True, read_only=True, help_text=_("Number of participants; null when not known.")
    )
    year = serializers.IntegerField(allow_null=True, read_only=True, help_text=_("Year of publication."))
    dutch_primary_care = fact(_("Studied in Dutch primary care."))
    guided = fact(_("The guided version was studied."))
    link = serializers.CharField(read_only=True, help_text=_("DOI address or link to the study."))
    sources = SourceSerializer(many=True, read_only=True, help_text=_("Sources for this study."))


class AssessmentSerializer(serializers.Serializer):
    criterion = serializers.ChoiceField(
        QualityAssessment._meta.get_field("criterion").choices, read_only=True, help_text=_("Quality criterion.")
    )
    verdict = serializers.ChoiceField(
        QualityAssessment._meta.get_field("verdict").choices,
        read_only=True,
        help_text=_("Verdict on this criterion; each criterion is judged on its own, never summed."),
    )
    assessed_on = serializers.DateField(allow_null=True, read_only=True, help_text=_("Date of the assessment."))


class AssessmentDetailSerializer(AssessmentSerializer):
    rationale = serializers.CharField(read_only=True, help_text=_("Why the curators gave this verdict."))
    sources = SourceSerializer(many=True, read_only=True, help_text=_("Sources the verdict rests on."))


class ResourceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Number of the resource."))
    programme = serializers.SlugField(source="programme.slug", read_only=True, help_text=_("Programme (slug)."))
    kind = serializers.ChoiceField(Resource.Kind.choices, read_only=True, help_text=_("Kind of material."))
    audience = serializers.ChoiceField(Resource.Audience.choices, read_only=True, help_text=_("Who it is for."))
    title = serializers.CharField(read_only=True, help_text=_("Title of the material."))
    body = serializers.CharField(read_only=True, help_text=_("Text in Markdown; may be empty."))
    link = serializers.SerializerMethodField(help_text=_("Web page, video or file download; may be empty."))

    @extend_schema_field(serializers.CharField())
    def get_link(self, resource):
        href = resource.href
        return self.context["request"].build_absolute_uri(href) if href else ""


class ProviderRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable code of the provider."))
    name = serializers.CharField(read_only=True, help_text=_("Name of the provider."))


class ProviderSerializer(ProviderRefSerializer):
    website = serializers.CharField(read_only=True, help_text=_("Provider's website."))
    complaints_procedure_url = serializers.CharField(read_only=True, help_text=_("Provider's complaints procedure."))
    privacy_statement_url = serializers.CharField(read_only=True, help_text=_("Provider's privacy statement."))
    certifications = serializers.CharField(read_only=True, help_text=_("Certifications, comma-separated."))
    published_count = serializers.IntegerField(read_only=True, help_text=_("Number of published programmes."))
    withdrawn_count = serializers.IntegerField(read_only=True, help_text=_("Number of programmes no longer offered."))
    page = serializers.SerializerMethodField(help_text=_("The provider's page on this site."))

    @extend_schema_field(serializers.URLField())
    def get_page(self, provider):
        return self.context["request"].build_absolute_uri(reverse("catalog:provider_detail", args=[provider.slug]))


class SlugListField(serializers.ListField):
    """The slugs of a prefetched many-to-many relation."""

    child = serializers.SlugField()

    def to_representation(self, related):
        return [item.slug for item in related.all()]


def _slugs(help_text):
    return SlugListField(read_only=True, help_text=help_text)


class ProgrammeSerializer(serializers.Serializer):
    """A programme in a list (and in the downloads): the facts an overview card and a filter need."""

    slug = serializers.SlugField(read_only=True, help_text=_("Stable code of the programme."))
    name = serializers.CharField(read_only=True, help_text=_("Name of the programme."))
    status = serializers.ChoiceField(
        [(Programme.Status.PUBLISHED, _("Published")), (Programme.Status.WITHDRAWN, _("No longer offered"))],
        read_only=True,
        help_text=_("published, or withdrawn (no longer offered; the page stays)."),
    )
    page = serializers.SerializerMethodField(help_text=_("The programme's page on this site."))
    provider = ProviderRefSerializer(read_only=True, help_text=_("Who offers the programme."))
    website = serializers.CharField(read_only=True, help_text=_("The programme's own website."))
    summary = serializers.CharField(read_only=True, help_text=_("One or two sentences about the programme."))
    themes = _slugs(_("Themes (slugs, see /api/v1/lookups/themes/)."))
    target_groups = _slugs(_("Target groups (slugs, see /api/v1/lookups/target-groups/)."))
    languages = _slugs(_("Languages (slugs, see /api/v1/lookups/languages/)."))
    offers_self_help = fact(_("Can be followed alone, as self-help."))
    offers_guided = fact(_("Can be followed with guidance by the POH-ggz."))
    offers_blended = fact(_("Can be blended with face-to-face care."))
    cost = serializers.ChoiceField(Programme.Cost.choices, read_only=True, help_text=_("Who pays."))
    cost_note = serializers.CharField(read_only=True, help_text=_("More about the cost."))
    duration_weeks = serializers.IntegerField(
        allow_null=True, read_only=True, help_text=_("Duration in weeks; null when not known.")
    )
    reading_level = serializers.ChoiceField(
        Programme.ReadingLevel.choices, read_only=True, help_text=_("Reading level (CEFR).")
    )
    quality = AssessmentSerializer(
        source="assessments", many=True, read_only=True, help_text=_("Verdicts on the four quality criteria.")
    )
    last_reviewed = serializers.DateField(allow_null=True, read_only=True, help_text=_("Date of the last review."))
    next_review = serializers.DateField(allow_null=True, read_only=True, help_text=_("Date of the planned review."))
    withdrawn_on = serializers.DateField(
        allow_null=True, read_only=True, help_text=_("Date since when it is no longer offered.")
    )

    @extend_schema_field(serializers.URLField())
    def get_page(self, programme):
        return self.context["request"].build_absolute_uri(programme.get_absolute_url())


class ProgrammeDetailSerializer(ProgrammeSerializer):
    """One programme with everything its page shows to the public."""

    description = serializers.CharField(read_only=True, help_text=_("Description for professionals (Markdown)."))
    patient_text = serializers.CharField(read_only=True, help_text=_("Text for patients in plain Dutch (Markdown)."))
    therapies = _slugs(_("Therapies (slugs, see /api/v1/lookups/therapies/)."))
    duration_note = serializers.CharField(read_only=True, help_text=_("More about the duration."))
    anonymous_use = fact(_("Can be used anonymously."))
    on_web = fact(_("Works in a web browser."))
    on_ios = fact(_("Has an iOS app."))
    on_android = fact(_("Has an Android app."))
    approach = serializers.ChoiceField(Programme.Approach.choices, read_only=True, help_text=_("Approach."))
    suits_mild = fact(_("Suits mild complaints."))
    suits_moderate = fact(_("Suits moderate complaints."))
    his_feedback = fact(_("Results flow back to the GP's information system."))
    available_after_treatment = fact(_("Stays available after treatment."))
    medical_device_class = serializers.ChoiceField(
        Programme.MedicalDeviceClass.choices, read_only=True, help_text=_("Class as a medical device (CE/MDR).")
    )
    quality_marks = serializers.CharField(read_only=True, help_text=_("Other quality marks, comma-separated."))
    withdrawn_reason = serializers.CharField(read_only=True, help_text=_("Why it is no longer offered."))
    quality = AssessmentDetailSerializer(
        source="assessments",
        many=True,
        read_only=True,
        help_text=_("The four quality assessments with their rationale and sources."),
    )
    studies = StudySerializer(many=True, read_only=True, help_text=_("Studies behind the effectiveness verdict."))
    resources = ResourceSerializer(many=True, read_only=True, help_text=_("Manuals, videos and leaflets."))
