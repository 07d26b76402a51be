"""The read-only API's views: lists and details of the public catalogue, each answering conditional requests."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiFilterExtension
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from catalog.api import serializers
from catalog.api.conditional import ConditionalMixin
from catalog.api.filters import ApiProgrammeFilter, PublicStatus
from catalog.api.list_items import page_rows, programme_list_items, with_pages
from catalog.api.programme_index import NotIndexed, programme_index
from catalog.facets import Delivery
from catalog.filters import Sort
from catalog.models import Criterion, Language, Programme, TargetGroup, Theme, Therapy
from catalog.overview_cache import MAX_CACHED_QUERY_LENGTH, catalogue_revision
from catalog.selectors import api_programme_detail, api_programmes, public_providers, public_resources


class ProgrammeFilterBackend(DjangoFilterBackend):
    """django-filter with the overview's FilterSet; its parameters are documented by hand (PROGRAMME_PARAMETERS)."""


class ProgrammeFilterBackendSchema(OpenApiFilterExtension):
    # The generic django-filter extension cannot read the lenient custom filters (it would call them strings).
    target_class = ProgrammeFilterBackend
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        return []


class Pagination(PageNumberPagination):
    """`page` as on the overview; `page_size` up to 100 for clients that want fewer requests."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = _("Page number, from 1.")
    page_size_query_description = _("Items per page (1 to 100, default 20).")

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": _("Number of items in all pages."),
            "next": _("Address of the next page; null on the last page."),
            "previous": _("Address of the previous page; null on the first page."),
            "results": _("The items on this page."),
        }
        for name, description in descriptions.items():
            response["properties"][name]["description"] = description
        return response


class ReadOnlyViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = Pagination

    def list(self, request, *args, **kwargs):
        # Every list shows only what the revision token covers (its ETag says so too): cached per revision.
        return Response(
            cached_list_data(request, lambda: super(ReadOnlyViewSet, self).list(request, *args, **kwargs).data)
        )


def cached_list_data(request, render):
    """A list's answer (its data, before rendering), cached per catalogue revision, address, language and Accept.

    The address is the absolute one (the answer's `next` and `previous` links hold the host) with the parameters
    sorted: their order changes neither the list nor the links. CATALOG_OVERVIEW_CACHE_SECONDS = 0 switches it off.
    """
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    query = request.META.get("QUERY_STRING", "")
    if not timeout or len(query) > MAX_CACHED_QUERY_LENGTH:
        return render()
    canonical = "&".join(sorted(query.split("&")))
    address = request.build_absolute_uri(request.path)
    seed = "\n".join([address, canonical, get_language() or "", request.META.get("HTTP_ACCEPT", "")])
    key = f"catalog:api-list:{catalogue_revision()}:{hashlib.sha256(seed.encode()).hexdigest()[:32]}"
    data = cache.get(key)
    if data is None:
        data = render()
        cache.set(key, data, timeout)
    return data


def _many(name, description, enum=None):
    """A filter that may be repeated (?theme=a&theme=b): OR within the filter, AND across filters."""
    items = {"type": "string", "maxLength": 100}
    if enum:
        items = {"type": "string", "enum": list(enum)}
    return OpenApiParameter(
        name, {"type": "array", "items": items}, OpenApiParameter.QUERY, description=description, explode=True
    )


# The overview's parameters, with the same names and meaning (catalog/filters.py); unknown values are ignored.
PROGRAMME_PARAMETERS = [
    OpenApiParameter("q", str, description=_("Search text (name, summary, description); the first 100 characters.")),
    _many("theme", _("Theme slug(s), see lookups/themes/.")),
    _many("delivery", _("How it can be followed: self_help, guided, blended, unknown."), Delivery.values),
    _many("target_group", _("Target group slug(s), see lookups/target-groups/.")),
    _many("language", _("Language slug(s), see lookups/languages/.")),
    _many("cost", _("Who pays."), Programme.Cost.values),
    _many("quality", _("Quality criteria the programme meets (all of those given)."), Criterion.values),
    _many("provider", _("Provider slug(s), see providers/.")),
    _many(
        "status",
        _("published (the default, as on the overview) and/or withdrawn (no longer offered)."),
        PublicStatus.values,
    ),
    OpenApiParameter(
        "sort",
        str,
        enum=Sort.values,
        description=_(
            "Order: relevance (when searching), name, newest, reviewed. Default: relevance when searching, else name."
        ),
    ),
]


@extend_schema_view(
    list=extend_schema(
        parameters=PROGRAMME_PARAMETERS,
        summary=_("Programmes"),
        description=_(
            "Published programmes, filtered and sorted with the same parameters as the overview page "
            "(/catalogus/). Add status=withdrawn for programmes no longer offered. Drafts never appear."
        ),
    ),
    retrieve=extend_schema(
        summary=_("One programme"),
        description=_("A published programme or one no longer offered, with its quality assessments and studies."),
    ),
)
class ProgrammeViewSet(ReadOnlyViewSet):
    lookup_field = "slug"
    filter_backends = [ProgrammeFilterBackend]
    filterset_class = ApiProgrammeFilter

    def get_queryset(self):
        return api_programme_detail() if self.action == "retrieve" else api_programmes()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ProgrammeDetailSerializer
        return serializers.ProgrammeSerializer

    def filter_queryset(self, queryset):
        # A programme no longer offered keeps its own address, whatever the list's default status.
        return queryset if self.action == "retrieve" else super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        # ProgrammeSerializer's items from plain rows (list_items.py), the whole answer cached per revision and address.
        def page_data():
            index = programme_index()
            if index is not None:
                # The matches, count and page from the revision's sets (programme_index.py), the items kept there.
                filterset = self.filter_backends[0]().get_filterset(request, Programme.objects.public(), self)
                try:
                    matches = index.matches(filterset)
                except NotIndexed:
                    pass
                else:
                    ids = self.paginate_queryset(matches)
                    items = with_pages([index.bodies[pk] for pk in ids], request, copy=True)
                    return self.paginator.get_paginated_response(items).data
            # DRF's count and page queries: one query with COUNT(*) OVER () was slower on PostgreSQL (it reads every
            # match's row before the limit, where the page query stops early and the count reads an index).
            rows = self.paginate_queryset(page_rows(self.filter_queryset(Programme.objects.public())))
            return self.paginator.get_paginated_response(programme_list_items(rows, request)).data

        return Response(cached_list_data(request, page_data))


@extend_schema_view(
    list=extend_schema(summary=_("Providers"), description=_("Providers with at least one public programme.")),
    retrieve=extend_schema(summary=_("One provider")),
)
class ProviderViewSet(ReadOnlyViewSet):
    lookup_field = "slug"
    serializer_class = serializers.ProviderSerializer

    def get_queryset(self):
        return public_providers()


@extend_schema_view(
    list=extend_schema(
        summary=_("Manuals and materials"), description=_("Manuals, videos and leaflets of public programmes.")
    ),
    retrieve=extend_schema(summary=_("One manual or material")),
)
class ResourceViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ResourceSerializer

    def get_queryset(self):
        return public_resources().order_by("programme__name", "audience", "kind", "title", "pk")


def lookup_viewset(model, serializer, summary, prefetch=()):
    """A list of one lookup table, whole (they are short), in the catalogue's order."""

    @extend_schema_view(list=extend_schema(summary=summary), retrieve=extend_schema(summary=summary))
    class LookupViewSet(ReadOnlyViewSet):
        lookup_field = "slug"
        pagination_class = None
        serializer_class = serializer
        queryset = model.objects.order_by("position", "name").prefetch_related(*prefetch)

    LookupViewSet.__name__ = f"{model.__name__}ViewSet"
    return LookupViewSet


ThemeViewSet = lookup_viewset(Theme, serializers.ThemeSerializer, _("Themes"), prefetch=["icpc_codes"])
TargetGroupViewSet = lookup_viewset(TargetGroup, serializers.TargetGroupSerializer, _("Target groups"))
LanguageViewSet = lookup_viewset(Language, serializers.LanguageSerializer, _("Languages"))
TherapyViewSet = lookup_viewset(Therapy, serializers.TherapySerializer, _("Therapies"))


@require_safe
def docs(request):
    """Swagger UI from the sidecar's static files, started by static/js/api-docs.js (no inline script).

    The address has no language prefix (like the API), so ?lang= chooses the page's and the schema's language.
    """
    languages = dict(settings.LANGUAGES)
    lang = request.GET.get("lang") if request.GET.get("lang") in languages else get_language()
    with translation.override(lang):
        context = {
            "schema_url": f"{reverse('api:schema')}?format=json&lang={lang}",
            "open_data_url": reverse("open_data"),
            "other_languages": [
                {"code": code, "name": name, "url": f"?lang={code}"} for code, name in languages.items() if code != lang
            ],
        }
        return render(request, "catalog/api_docs.html", context)
