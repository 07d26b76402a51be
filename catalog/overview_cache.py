"""The overview's rendered results, cached per query string and language until the catalogue changes.

Counting seven facets over thousands of programmes costs tens of milliseconds on every request, while the
catalogue changes a few times a week. So the overview's main content is rendered once per (catalogue revision,
day, language, query string) and served from the cache after that. The day is part of the key because a card says
when a programme is past its next review, which changes with the date and not with any edit. The revision is a
token in the database, changed in the same transaction as the change itself, so every app server notices a
curator's change on its next request, also with a per-process cache. Nothing in the cached part depends on who
is looking.
"""

import hashlib
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import quote as urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from catalog.models import (
    CatalogueRevision,
    ChecklistAnswer,
    ChecklistQuestion,
    FactSource,
    IcpcCode,
    Language,
    Programme,
    Provider,
    QualityAssessment,
    Resource,
    Source,
    Study,
    TargetGroup,
    Theme,
    Therapy,
)

REVISION_PK = 1
# A longer query string is not a real filter combination: render it, but do not fill the cache with it.
MAX_CACHED_QUERY_LENGTH = 1000
# Everything the overview's cards and facets show; a change to any of these changes the page.
SHOWN_IN_OVERVIEW = [Programme, Provider, QualityAssessment, Theme, TargetGroup, Language]
# What the open API shows besides (catalog/api/): its ETags come from the same token. Other apps whose data the
# API shows connect their models with `connect_revision_signals` (training's funding schemes).
SHOWN_IN_API = [Therapy, Study, Resource, Source, FactSource]
# What the programme and compare pages show besides (their bodies are cached per revision too: cached_fragment).
SHOWN_ON_PROGRAMME_PAGES = [Study, Resource, FactSource, Source, ChecklistAnswer, ChecklistQuestion, Therapy, IcpcCode]


_table = CatalogueRevision._meta.db_table
REVISION_SQL = f"SELECT token, changed_at FROM {_table} WHERE id = %s"  # noqa: S608 - no user input

# (token, changed_at, read at on the monotonic clock) of this process's last read, or None.
_memo = None


def catalogue_revision_row() -> tuple[str, datetime | None]:
    """The revision token and when it changed, read at most once per settings.REVISION_MEMO_SECONDS per process.

    Every public page and API answer asks for the token, often several times, and the query costs more than a
    cached page. A few seconds' memo is safe: another process (or app server) may serve the previous revision
    for at most REVISION_MEMO_SECONDS after a change, which is no worse than a request that started just before
    the change; this process forgets the memo when it changes the catalogue itself (bump_catalogue_revision and
    again when that transaction commits), so a curator always sees their own change at once.
    """
    global _memo
    seconds = settings.REVISION_MEMO_SECONDS
    memo = _memo  # one read: another thread may replace it meanwhile
    if seconds and memo is not None and time.monotonic() - memo[2] < seconds:
        return memo[0], memo[1]
    # Plain SQL: this runs on every request with the memo off, and building the ORM query took as long as running it.
    with connection.cursor() as cursor:
        cursor.execute(REVISION_SQL, [REVISION_PK])
        row = cursor.fetchone()
    token, changed_at = row or ("initial", None)
    if isinstance(changed_at, str):  # SQLite gives plain SQL's datetimes as text or as naive datetimes, in UTC
        changed_at = parse_datetime(changed_at)
    if changed_at is not None and changed_at.tzinfo is None:
        changed_at = changed_at.replace(tzinfo=UTC)
    if seconds:
        _memo = (token, changed_at, time.monotonic())
    return token, changed_at


def catalogue_revision() -> str:
    return catalogue_revision_row()[0]


def forget_catalogue_revision() -> None:
    """Read the token from the database on the next call (after this process changed it; and between tests)."""
    global _memo
    _memo = None


def bump_catalogue_revision() -> None:
    """Give the catalogue a new revision token: every cached overview page is out of date from now on."""
    token = uuid.uuid4().hex
    # update() skips auto_now: set changed_at here, or Last-Modified (catalog/api/conditional.py) would stand still.
    values = {"token": token, "changed_at": timezone.now()}
    with transaction.atomic():
        if not CatalogueRevision.objects.filter(pk=REVISION_PK).update(**values):
            CatalogueRevision.objects.update_or_create(pk=REVISION_PK, defaults=values)
        forget_catalogue_revision()
        # A read between here and the commit memoizes the new token (or, in another transaction, the old one):
        # forget it again once the change is visible to everyone.
        transaction.on_commit(forget_catalogue_revision)


def overview_cache_key(query_string: str, revision: str | None = None) -> str | None:
    """The cache key for the overview with this query string, or None when it should not be cached."""
    if len(query_string) > MAX_CACHED_QUERY_LENGTH:
        return None
    # Parameter order does not change the page; sorting makes ?a=1&b=2 and ?b=2&a=1 share an entry.
    canonical = "&".join(sorted(query_string.split("&")))
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:32]
    today = timezone.localdate().isoformat()
    return f"catalog:overview:{revision or catalogue_revision()}:{today}:{get_language()}:{digest}"


def cached_overview(query_string: str, render, revision: str | None = None) -> str:
    """The overview's content for this query string: from the cache, or `render()` and remember it.

    `revision`: the catalogue revision when the caller read it already (one query less).
    """
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    key = overview_cache_key(query_string, revision) if timeout else None
    if key is None:
        return render()
    content = cache.get(key)
    if content is None:
        content = render()
        cache.set(key, content, timeout)
    return content


def overview_page_key(request, revision: str) -> str | None:
    """The cache key of the whole overview page as an anonymous visitor gets it, or None when it may differ.

    For a visitor without a session, credentials or pending messages the page holds nothing of theirs: only the
    catalogue, the day, the language and the address (the language links carry the query string as it was sent).
    """
    if (
        not settings.CATALOG_OVERVIEW_CACHE_SECONDS
        or len(request.META.get("QUERY_STRING", "")) > MAX_CACHED_QUERY_LENGTH
    ):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
        return None
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"catalog:overview-page:{revision}:{timezone.localdate().isoformat()}:{get_language()}:{digest}"


# A rendered card holds this where the overview's filters go (?back=…), so one card serves every filter combination.
BACK_PLACEHOLDER = "BACKQUERYPLACEHOLDER"


def cached_cards(programme_ids: list[int], back_query: str, render_cards) -> list[str]:
    """The overview cards (HTML) of these programmes in this order: from the cache, rendering only the missing ones.

    A card depends on the catalogue, the day (it says when a programme is overdue) and the language, never on
    the filters except for its link back to them: it is cached with a placeholder there, filled in per request.
    `render_cards(ids)` returns {id: html} for cards rendered with `back_query` set to BACK_PLACEHOLDER.
    """
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    if timeout:
        prefix = f"catalog:card:{catalogue_revision()}:{timezone.localdate().isoformat()}:{get_language()}:"
        cards = {
            int(key.removeprefix(prefix)): html
            for key, html in cache.get_many([f"{prefix}{pk}" for pk in programme_ids]).items()
        }
    else:
        cards = {}
    missing = [pk for pk in programme_ids if pk not in cards]
    if missing:
        rendered = render_cards(missing)
        if timeout:
            cache.set_many({f"{prefix}{pk}": html for pk, html in rendered.items()}, timeout)
        cards.update(rendered)
    back = f"?back={escape(urlencode(back_query, safe=''))}" if back_query else ""
    return [mark_safe(cards[pk].replace(f"?back={BACK_PLACEHOLDER}", back, 1)) for pk in programme_ids if pk in cards]  # noqa: S308


def cached_fragment(name: str, render) -> str:
    """A part of a public catalogue page that depends only on the catalogue, the day and the language, by `name`.

    Rendered once per catalogue revision; with the overview cache off (CATALOG_OVERVIEW_CACHE_SECONDS = 0) always.
    """
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    if not timeout or len(name) > MAX_CACHED_QUERY_LENGTH:
        return render()
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    key = f"catalog:fragment:{catalogue_revision()}:{timezone.localdate().isoformat()}:{get_language()}:{digest}"
    content = cache.get(key)
    if content is None:
        content = render()
        cache.set(key, content, timeout)
    return mark_safe(content)  # noqa: S308 - rendered by a template, escaped there


def _changed(sender, **kwargs):
    bump_catalogue_revision()


def connect_revision_signals(models, through_models=()):
    """Any save or delete of these models (or change of these many-to-many links) gives a new revision token."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"overview_cache_save_{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"overview_cache_delete_{label}")
    for through in through_models:
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"overview_cache_m2m_{through._meta.label_lower}")


def connect_signals():
    links = [
        getattr(Programme, field).through
        for field in ["themes", "target_groups", "languages", "therapies", "icpc_codes"]
    ]
    links += [model.sources.through for model in [QualityAssessment, Study, Resource, Provider]]
    links.append(Theme.icpc_codes.through)  # the API's theme lookup and the keuzehulp's HIS entry show them
    models = list(dict.fromkeys(SHOWN_IN_OVERVIEW + SHOWN_IN_API + SHOWN_ON_PROGRAMME_PAGES))
    connect_revision_signals(models, links)
