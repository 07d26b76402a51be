"""Funding schemes in the open API (/api/v1/funding-schemes/): how a practice gets paid, per insurer, with sources."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from catalog.api.serializers import SourceSerializer
from catalog.api.views import ReadOnlyViewSet
from training.models import FundingScheme, InsurerRule


class InsurerRuleSerializer(serializers.Serializer):
    insurer = serializers.CharField(source="insurer.name", read_only=True, help_text=_("Health insurer."))
    rule_text = serializers.CharField(read_only=True, help_text=_("How this insurer applies the scheme (Markdown)."))
    valid_from = serializers.DateField(allow_null=True, read_only=True, help_text=_("Valid from this date."))
    valid_until = serializers.DateField(allow_null=True, read_only=True, help_text=_("Valid until this date."))
    source_url = serializers.CharField(read_only=True, help_text=_("Address of the source page."))
    sources = SourceSerializer(many=True, read_only=True, help_text=_("Sources of the rule."))


class FundingSchemeSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable code of the scheme."))
    title = serializers.CharField(read_only=True, help_text=_("Name of the scheme."))
    covers = serializers.CharField(read_only=True, help_text=_("What it covers (Markdown)."))
    conditions = serializers.CharField(read_only=True, help_text=_("Conditions (Markdown)."))
    valid_from = serializers.DateField(allow_null=True, read_only=True, help_text=_("Valid from this date."))
    valid_until = serializers.DateField(allow_null=True, read_only=True, help_text=_("Valid until this date."))
    source_url = serializers.CharField(read_only=True, help_text=_("Address of the source page."))
    source_name = serializers.CharField(read_only=True, help_text=_("Name of the source."))
    sources = SourceSerializer(many=True, read_only=True, help_text=_("Sources of the scheme."))
    last_checked = serializers.DateField(read_only=True, help_text=_("Date a curator last checked the source."))
    rules = InsurerRuleSerializer(many=True, read_only=True, help_text=_("How each insurer applies it."))


@extend_schema_view(
    list=extend_schema(summary=_("Funding schemes"), description=_("Ways a practice can get e-mental health paid.")),
    retrieve=extend_schema(summary=_("One funding scheme")),
)
class FundingSchemeViewSet(ReadOnlyViewSet):
    lookup_field = "slug"
    serializer_class = FundingSchemeSerializer

    def get_queryset(self):
        rules = InsurerRule.objects.select_related("insurer").prefetch_related("sources")
        return FundingScheme.objects.prefetch_related("sources", Prefetch("rules", queryset=rules)).order_by(
            "position", "title", "pk"
        )
