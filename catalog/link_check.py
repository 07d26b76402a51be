"""Which addresses the catalogue links to, whether they still answer, and the stored result per address.

`manage.py check_links` is the thin front of this module. A link is checked with a HEAD request first; if that
fails or the server does not allow HEAD, with a GET. Redirects are followed. A 2xx or 3xx answer counts as
working; anything else (4xx, 5xx, a time-out, no connection) as dead. Only http and https addresses are checked.

The funding pages live in the training app, which imports the catalogue; the catalogue never imports training.
Their source links are read through the app registry, and skipped when the training app is not installed.
"""

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urlsplit

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import LinkCheck, Programme, Provider, Resource, Source, Study

DEFAULT_TIMEOUT = 10.0  # seconds per request
DEFAULT_WORKERS = 8
USER_AGENT = "eMH-starters-toolkit link check (Python urllib)"
MAX_URL_LENGTH = LinkCheck._meta.get_field("url").max_length
MAX_FOUND_ON = LinkCheck._meta.get_field("found_on").max_length
MAX_ERROR = LinkCheck._meta.get_field("error").max_length


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    status_code: int | None = None
    error: str = ""


@dataclass(frozen=True)
class SaveSummary:
    created: int
    updated: int
    removed: int


# --- Which links the catalogue uses ---------------------------------------------------------------------------


def _add(links: dict[str, list[str]], url: str, place: str) -> None:
    url = (url or "").strip()
    if url and place not in links.setdefault(url, []):
        links[url].append(place)


def collect_links() -> dict[str, list[str]]:
    """Every address the catalogue (and the funding pages) link to: {url: [where it is used, …]}, sorted by url."""
    links: dict[str, list[str]] = {}
    for programme in Programme.objects.exclude(website="").only("name", "website"):
        _add(links, programme.website, _("programme %(name)s: website") % {"name": programme.name})
    for provider in Provider.objects.only("name", "website", "complaints_procedure_url", "privacy_statement_url"):
        for url, what in [
            (provider.website, _("website")),
            (provider.complaints_procedure_url, _("complaints procedure")),
            (provider.privacy_statement_url, _("privacy statement")),
        ]:
            _add(links, url, _("provider %(name)s: %(what)s") % {"name": provider.name, "what": what})
    for source in Source.objects.exclude(url="").only("title", "url"):
        _add(links, source.url, _("source %(title)s") % {"title": source.title})
    for study in Study.objects.select_related("programme").only("title", "doi", "url", "programme__name"):
        place = _("study %(title)s (%(programme)s)") % {"title": study.title, "programme": study.programme.name}
        _add(links, study.link, place)
        _add(links, study.url, place)
    for resource in (
        Resource.objects.exclude(url="").select_related("programme").only("title", "url", "programme__name")
    ):
        place = _("resource %(title)s (%(programme)s)") % {
            "title": resource.title,
            "programme": resource.programme.name,
        }
        _add(links, resource.url, place)
    for url, place in _funding_links():
        _add(links, url, place)
    return dict(sorted(links.items()))


def _funding_links() -> Iterable[tuple[str, str]]:
    try:
        scheme_model = apps.get_model("training", "FundingScheme")
        rule_model = apps.get_model("training", "InsurerRule")
    except LookupError:
        return []
    found = [
        (scheme.source_url, _("funding scheme %(title)s") % {"title": scheme.title})
        for scheme in scheme_model.objects.exclude(source_url="").only("title", "source_url")
    ]
    rules = rule_model.objects.exclude(source_url="").select_related("scheme", "insurer")
    found += [
        (rule.source_url, _("insurer rule %(insurer)s, %(scheme)s") % {"insurer": rule.insurer, "scheme": rule.scheme})
        for rule in rules
    ]
    return found


def found_on_text(places: list[str]) -> str:
    """Where a link is used, in one line that fits the LinkCheck.found_on column."""
    text = "; ".join(places)
    return text if len(text) <= MAX_FOUND_ON else text[: MAX_FOUND_ON - 1] + "…"


# --- Checking one link ----------------------------------------------------------------------------------------


class _KeepMethodRedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into a GET; keep it a HEAD, so following a redirect stays cheap."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_opener = urllib.request.build_opener(_KeepMethodRedirectHandler)


def _request(url: str, method: str, timeout: float) -> LinkResult:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _opener.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.close()
        return LinkResult(url, ok=False, status_code=exc.code, error=str(exc.reason)[:MAX_ERROR])
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            return LinkResult(url, ok=False, error=_timeout_text(timeout))
        return LinkResult(url, ok=False, error=str(reason)[:MAX_ERROR])
    except TimeoutError:
        return LinkResult(url, ok=False, error=_timeout_text(timeout))
    except (HTTPException, OSError, ValueError) as exc:
        return LinkResult(url, ok=False, error=(str(exc) or exc.__class__.__name__)[:MAX_ERROR])
    return LinkResult(url, ok=200 <= status < 400, status_code=status)


def _timeout_text(timeout: float) -> str:
    return _("no answer within %(seconds)s seconds") % {"seconds": f"{timeout:g}"}


def check_url(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> LinkResult:
    """HEAD first; a GET when the HEAD fails in any way (some servers refuse HEAD or answer it wrongly)."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return LinkResult(url, ok=False, error=_("not a web address (http or https)"))
    result = _request(url, "HEAD", timeout)
    if result.ok:
        return result
    return _request(url, "GET", timeout)


def check_urls(
    urls: Iterable[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    check: Callable[..., LinkResult] = check_url,
) -> dict[str, LinkResult]:
    """Check each address at most `workers` at a time; {url: result} in the order given."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda url: check(url, timeout=timeout), urls))
    return dict(zip(urls, results, strict=True))


# --- Storing the results --------------------------------------------------------------------------------------


@transaction.atomic
def save_results(links: dict[str, list[str]], results: dict[str, LinkResult], *, now=None) -> SaveSummary:
    """One LinkCheck row per checked address; rows for addresses the catalogue no longer uses go."""
    now = now or timezone.now()
    created = updated = 0
    for url, result in results.items():
        _check, was_created = LinkCheck.objects.update_or_create(
            url=url,
            defaults={
                "found_on": found_on_text(links.get(url, [])),
                "ok": result.ok,
                "status_code": result.status_code,
                "error": result.error[:MAX_ERROR],
                "checked_at": now,
            },
        )
        created += was_created
        updated += not was_created
    removed, _by_model = LinkCheck.objects.exclude(url__in=list(links)).delete()
    return SaveSummary(created=created, updated=updated, removed=removed)


@dataclass(frozen=True)
class LinkCheckRun:
    links: dict[str, list[str]]  # every address in use: where it is used
    results: dict[str, LinkResult]  # the ones checked
    too_long: list[str]  # addresses longer than the LinkCheck column holds: not checked, listed for curators
    saved: SaveSummary | None  # None on a dry run

    @property
    def dead(self) -> list[LinkResult]:
        return [result for result in self.results.values() if not result.ok]


def link_check_run(
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    dry_run: bool = False,
    check: Callable[..., LinkResult] = check_url,
) -> LinkCheckRun:
    """Collect, check and (unless a dry run) store every link; the whole of `manage.py check_links`."""
    links = collect_links()
    too_long = [url for url in links if len(url) > MAX_URL_LENGTH]
    checkable = [url for url in links if len(url) <= MAX_URL_LENGTH]
    results = check_urls(checkable, timeout=timeout, workers=workers, check=check)
    saved = None if dry_run else save_results(links, results)
    return LinkCheckRun(links=links, results=results, too_long=too_long, saved=saved)
