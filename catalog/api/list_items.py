"""The programme list's items from plain rows: what ProgrammeSerializer gives, byte for byte, without model objects.

The serializer builds a model object per programme and per related row and walks a field object per value: at a
page of 20 programmes that took longer than the queries. Here the page comes as `.values()` rows (PAGE_FIELDS), the
themes, target groups, languages and verdicts of the page's programmes in one UNION query, and the lookups' slugs
and order from a map kept per catalogue revision. tests/catalog/test_api_list_items.py compares the result with the
serializer's for programmes with every relation; the schema still describes ProgrammeSerializer.
"""

import functools
import re

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.urls import reverse

from catalog.models import Criterion, Language, Programme, QualityAssessment, TargetGroup, Theme
from catalog.overview_cache import catalogue_revision

# The rows the page query reads: the programme's own fields the list shows, and its provider's two.
PAGE_FIELDS = [
    "pk",
    "slug",
    "name",
    "status",
    "website",
    "summary",
    "offers_self_help",
    "offers_guided",
    "offers_blended",
    "cost",
    "cost_note",
    "duration_weeks",
    "reading_level",
    "last_reviewed",
    "next_review",
    "withdrawn_on",
]
PROVIDER_FIELDS = {"provider_slug": F("provider__slug"), "provider_name": F("provider__name")}
# The many-to-many relations the list shows, in the serializer's field order: (field, lookup model).
RELATIONS = [("themes", Theme), ("target_groups", TargetGroup), ("languages", Language)]
ASSESSMENTS = len(RELATIONS)  # the `kind` of an assessment row in the UNION
CRITERION_ORDER = {criterion: index for index, criterion in enumerate(Criterion.values)}
# A slug reverse() would write unchanged; anything else goes through reverse() itself.
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_PLACEHOLDER = "SLUGPLACEHOLDER"


def page_rows(queryset):
    """The programmes of `queryset` (filtered and ordered) as the rows programme_list_items reads."""
    return queryset.values(*PAGE_FIELDS, **PROVIDER_FIELDS)


def lookup_order(*, fresh=False) -> dict[int, dict[int, tuple[int, str]]]:
    """Per relation (its index in RELATIONS): {lookup id: (position in the catalogue's order, slug)}.

    The lookups' own order (position, name) as the database sorts it, so the lists come out as a prefetch gives
    them; kept per catalogue revision (the lookup tables are short and change rarely).
    """
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    key = f"catalog:api-lookup-order:{catalogue_revision()}" if timeout else None
    order = cache.get(key) if key and not fresh else None
    if order is None:
        order = {
            kind: {pk: (index, slug) for index, (pk, slug) in enumerate(model.objects.values_list("pk", "slug"))}
            for kind, (_, model) in enumerate(RELATIONS)
        }
        if key:
            cache.set(key, order, timeout)
    return order


@functools.cache
def _union_sql() -> str:
    """(kind, programme id, lookup id, criterion, verdict, assessed_on) for the programmes `{ids}`, UNION ALL.

    Written once from the models' tables: plain SQL, because building four ORM querysets took longer than running
    the query. The NULLs are typed: PostgreSQL types a bare NULL as text when two parts of a UNION have one there.
    """
    quote = connection.ops.quote_name
    assessment = QualityAssessment._meta
    criterion, verdict, assessed_on = (assessment.get_field(name) for name in ["criterion", "verdict", "assessed_on"])
    no_assessment = ", ".join(
        f"CAST(NULL AS {field.db_type(connection)})" for field in [criterion, verdict, assessed_on]
    )
    parts = []
    for kind, (field_name, _) in enumerate(RELATIONS):
        field = Programme._meta.get_field(field_name)
        through = field.remote_field.through._meta
        programme = quote(through.get_field(field.m2m_field_name()).column)
        lookup = quote(through.get_field(field.m2m_reverse_field_name()).column)
        table = quote(through.db_table)
        parts.append(
            f"SELECT {kind}, {programme}, {lookup}, {no_assessment} FROM {table} WHERE {programme} IN ({{ids}})"
        )
    programme = quote(assessment.get_field("programme").column)
    values = ", ".join(quote(field.column) for field in [criterion, verdict, assessed_on])
    table = quote(assessment.db_table)
    parts.append(
        f"SELECT {ASSESSMENTS}, {programme}, CAST(NULL AS integer), {values} FROM {table} "
        f"WHERE {programme} IN ({{ids}})"
    )
    return " UNION ALL ".join(parts)


def _related_rows(programme_ids, queryset=None):
    """The UNION's rows for these programmes: their themes, target groups, languages (ids) and verdicts.

    `queryset`: the programmes' own query, asked in SQL instead of a list of thousands of ids (the index's build).
    """
    if queryset is None:
        ids, params = ", ".join(["%s"] * len(programme_ids)), list(programme_ids)
    else:
        ids, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_union_sql().replace("{ids}", ids), list(params) * (len(RELATIONS) + 1))
        return cursor.fetchall()


def _date(value):
    if isinstance(value, str):  # SQLite gives plain SQL's dates as text, already in ISO 8601
        return value or None
    return value.isoformat() if value else None


def programme_list_items(rows, request) -> list[dict]:
    """ProgrammeSerializer(many=True)'s data for these page rows (from page_rows), in their order."""
    return with_pages(list(list_item_bodies(rows).values()), request)


def with_pages(bodies, request, *, copy=False) -> list[dict]:
    """The items with their `page` (the programme's page on this request's host, in the active language).

    `copy`: leave the bodies as they are (kept ones, shared by requests) and fill in copies.
    """
    origin = request.build_absolute_uri("/")[:-1]
    page_template = reverse("catalog:programme_detail", kwargs={"slug": SLUG_PLACEHOLDER})
    items = []
    for body in bodies:
        item = dict(body) if copy else body
        slug = item["slug"]
        if PLAIN_SLUG.fullmatch(slug):
            item["page"] = origin + page_template.replace(SLUG_PLACEHOLDER, slug)
        else:
            item["page"] = request.build_absolute_uri(reverse("catalog:programme_detail", kwargs={"slug": slug}))
        items.append(item)
    return items


def list_item_bodies(rows, queryset=None) -> dict[int, dict]:
    """{id: item} for these page rows, in their order: the items without their `page` (None), which the request
    decides (with_pages); the rest depends only on the catalogue. `queryset`: the query that gave every row."""
    rows = list(rows)
    if not rows:
        return {}
    ids = [row["pk"] for row in rows]
    related = {pk: ([], [], [], []) for pk in ids}
    for kind, programme_id, lookup_id, criterion, verdict, assessed_on in _related_rows(ids, queryset):
        lists = related.get(programme_id)
        if lists is None:  # public since the rows were read (the index's build; the next revision rebuilds it)
            continue
        if kind == ASSESSMENTS:
            lists[kind].append((criterion, verdict, assessed_on))
        else:
            lists[kind].append(lookup_id)
    order = lookup_order()
    kinds = range(len(RELATIONS))
    if any(pk not in order[kind] for lists in related.values() for kind in kinds for pk in lists[kind]):
        # A lookup newer than the kept map (another process changed the catalogue within the revision memo).
        order = lookup_order(fresh=True)
    bodies = {}
    for row in rows:
        lists = related[row["pk"]]
        slugs = [[slug for _, slug in sorted(order[kind][pk] for pk in lists[kind])] for kind in kinds]
        assessments = sorted(lists[ASSESSMENTS], key=lambda item: CRITERION_ORDER.get(item[0], len(Criterion)))
        bodies[row["pk"]] = {
            "slug": row["slug"],
            "name": row["name"],
            "status": row["status"],
            "page": None,
            "provider": {"slug": row["provider_slug"], "name": row["provider_name"]},
            "website": row["website"],
            "summary": row["summary"],
            "themes": slugs[0],
            "target_groups": slugs[1],
            "languages": slugs[2],
            "offers_self_help": row["offers_self_help"],
            "offers_guided": row["offers_guided"],
            "offers_blended": row["offers_blended"],
            "cost": row["cost"],
            "cost_note": row["cost_note"],
            "duration_weeks": row["duration_weeks"],
            "reading_level": row["reading_level"],
            "quality": [
                {"criterion": criterion, "verdict": verdict, "assessed_on": _date(assessed_on)}
                for criterion, verdict, assessed_on in assessments
            ],
            "last_reviewed": _date(row["last_reviewed"]),
            "next_review": _date(row["next_review"]),
            "withdrawn_on": _date(row["withdrawn_on"]),
        }
    return bodies
