"""Public catalogue pages: the overview with filters, one programme, programmes side by side, how we assess,
and the providers behind the programmes."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from catalog.cards import programme_cards
from catalog.filters import ProgrammeFilter
from catalog.models import REVIEW_INTERVAL, Criterion, Programme, Verdict
from catalog.overview_cache import (
    BACK_PLACEHOLDER,
    cached_cards,
    cached_fragment,
    cached_overview,
    catalogue_revision,
    overview_page_key,
)
from catalog.quality import overdue_notice, verdict_wording
from catalog.selectors import (
    COMPARE_MAX,
    checklist_by_criterion,
    compare_candidates,
    programme_for_detail,
    programmes_to_compare,
    provider_for_detail,
    public_providers,
    public_resource_file,
    published_programmes,
    quality_matrix,
    quality_rows,
    sources_by_fact,
)
from catalog.uploads import detected_type
from toolkit.compression import is_public_response

PAGE_SIZE = 20


@require_safe
def programme_list(request):
    # An anonymous visitor's page is the same for everyone with the same address: served whole from the cache.
    revision = catalogue_revision() if settings.CATALOG_OVERVIEW_CACHE_SECONDS else None
    page_key = overview_page_key(request, revision) if revision else None
    if page_key is not None and (body := cache.get(page_key)) is not None:
        return HttpResponse(body)
    query_string = request.META.get("QUERY_STRING", "")
    overview = cached_overview(query_string, lambda: _render_overview(request.GET), revision)
    response = render(request, "catalog/programme_list.html", {"overview": overview})
    if page_key is not None and is_public_response(request, response):
        cache.set(page_key, response.content, settings.CATALOG_OVERVIEW_CACHE_SECONDS)
    return response


def _render_overview(query):
    # Only what identifies a programme: its card comes from the cache of rendered cards (or is rendered once).
    filterset = ProgrammeFilter(query, queryset=Programme.objects.published().only("pk", "slug", "name"))
    # get_page() turns a non-numeric page into the first and one past the end into the last: never a 404.
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    paginator.count = filterset.result_count()  # the facets' query counted the results already
    page_obj = paginator.get_page(query.get("page"))
    page_obj.object_list = list(page_obj.object_list)
    back_query = query.urlencode()
    context = {
        "filterset": filterset,
        # Programme pages get the filters along (?back=…), so their "all programmes" link restores this view.
        "back_query": back_query,
        "cards": cached_cards([programme.pk for programme in page_obj], back_query, _render_cards),
        "facets": filterset.facets(),
        "page_obj": page_obj,
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1),
    }
    # No request: the content must not depend on who is looking, or one visitor's page could reach another.
    return render_to_string("catalog/includes/overview.html", context)


def _render_cards(programme_ids) -> dict[int, str]:
    # The same HTML as catalog/includes/programme_card.html, written out in Python (catalog/cards.py).
    return programme_cards(programme_ids, BACK_PLACEHOLDER)


@require_safe
def programme_detail(request, slug):
    # The header (and the add-to-menu form) per request; the body, the same for everyone, once per revision.
    programme = get_object_or_404(Programme.objects.public().select_related("provider"), slug=slug)
    context = {
        "programme": programme,
        "body": cached_fragment(f"programme:{programme.pk}", lambda: _render_programme_body(slug)),
        "overview_url": overview_url(request.GET.get("back", "")),
    }
    return render(request, "catalog/programme_detail.html", context)


def _render_programme_body(slug):
    programme = programme_for_detail(slug)
    context = {
        "programme": programme,
        "quality": quality_rows(programme),
        "fact_sources": sources_by_fact(programme),
        "compare_chosen": [programme],
        "compare_candidates": compare_candidates([programme]) if programme.is_published else [],
    }
    return render_to_string("catalog/includes/programme_body.html", context)


BACK_QUERY_MAX = 2000


def overview_url(back_query: str) -> str:
    """The overview with the filters a visitor came from; rebuilt from parsed pairs so only a query string survives."""
    query = QueryDict(back_query[:BACK_QUERY_MAX]).urlencode()
    url = reverse("catalog:programme_list")
    return f"{url}?{query}" if query else url


@require_safe
def provider_list(request):
    return render(request, "catalog/provider_list.html", {"providers": public_providers()})


@require_safe
def provider_detail(request, slug):
    page = provider_for_detail(slug)
    context = {"provider": page.provider, "programmes": page.programmes, "withdrawn": page.withdrawn}
    return render(request, "catalog/provider_detail.html", context)


@require_safe
def compare(request):
    slugs = request.GET.getlist("p")
    body = cached_fragment("compare:" + "&".join(slugs), lambda: _render_compare(slugs))
    return render(request, "catalog/compare.html", {"body": body})


def _render_compare(slugs):
    comparison = programmes_to_compare(slugs)
    context = {
        "comparison": comparison,
        "quality": quality_matrix(comparison.programmes),
        "compare_max": COMPARE_MAX,
        # One programme chosen (from its page, say): offer the second one here instead of sending the visitor back.
        "compare_candidates": compare_candidates(comparison.programmes) if len(comparison.programmes) == 1 else [],
    }
    return render_to_string("catalog/includes/compare_body.html", context)


@require_safe
def how_we_assess(request):
    # The levels in the words of the one function every verdict on the site goes through.
    today = timezone.localdate()
    levels = [verdict_wording(Criterion.EFFECTIVENESS, verdict, today) for verdict in Verdict]
    context = {
        "criteria": checklist_by_criterion(),
        "levels": levels,
        "not_assessed": verdict_wording(Criterion.EFFECTIVENESS, None, None),
        "review_months": REVIEW_INTERVAL.days * 12 // 365,
        "overdue_notice": overdue_notice(),
        "editorial_email": getattr(settings, "EDITORIAL_EMAIL", "") or settings.DEFAULT_FROM_EMAIL,
    }
    return render(request, "catalog/how_we_assess.html", context)


@require_safe
def resource_file(request, pk):
    """An uploaded manual or leaflet, always as a download with the type its content has (catalog/uploads.py).

    Never inline and never from MEDIA_URL: an uploaded page or script must not run on the site's own origin.
    A stored file whose content is not on the allow-list (uploaded before the check existed) is not served.
    """
    resource = public_resource_file(pk)
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    upload_type = detected_type(handle)
    if upload_type is None:
        handle.close()
        raise Http404
    response = FileResponse(handle, as_attachment=True, filename=resource.file.name.rsplit("/", 1)[-1])
    response["Content-Type"] = upload_type.mime
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser still render it, it renders with no rights: no script, no same-origin access.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def open_data(request):
    """How to reuse the catalogue: the licence, the API with curl examples, the downloads."""
    example = published_programmes().values_list("slug", flat=True).first()
    context = {
        "licence": settings.DATA_LICENCE,
        "rate": settings.API_ANON_RATE.replace("/", " / "),
        "api_root": request.build_absolute_uri(reverse("api:api-root")),
        "docs_url": reverse("api:docs"),
        "schema_url": f"{reverse('api:schema')}?format=json",
        "overview_url": reverse("catalog:programme_list"),
        "example_slug": example or "…",
    }
    return render(request, "catalog/open_data.html", context)
