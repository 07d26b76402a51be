"""The catalogue's public changes, read from the history it already keeps (django-simple-history).

Three kinds, as a care group or another portal subscribing to the change feed (catalog/feeds.py) needs them:

- published: a programme's status became "published" (first publication, or published again after a review);
- withdrawn: a programme's status became "no longer offered";
- verdict: one of the four quality verdicts of a programme changed after the programme was first published.

Only programmes that are public now (published or no longer offered) appear, so a draft, a programme in review or
an archived one never does, not even with its earlier history. Each history row is compared with the row before it
for the same object (a correlated subquery: plain SQL on SQLite and PostgreSQL alike), and the newest `limit`
changes are returned: three queries however long the history is.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from catalog.quality import verdict_wording

FEED_LENGTH = 50
VERDICT_COLUMNS = (
    "history_id",
    "history_date",
    "programme_id",
    "criterion",
    "verdict",
    "previous_verdict",
    "assessed_on",
)


class Kind:
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    VERDICT = "verdict"


@dataclass(frozen=True)
class CatalogueChange:
    kind: str
    at: datetime
    history_id: int  # the history row that records the change; with `kind`, the change's lasting identity
    programme_id: int
    name: str
    url: str
    title: str
    description: str


def _previous(history_model, field: str):
    """The value `field` had in the row before this one of the same object, None for the object's first row."""
    earlier = history_model.objects.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    return Subquery(earlier.order_by("-history_date", "-history_id").values(field)[:1])


def catalogue_changes(limit: int = FEED_LENGTH) -> list[CatalogueChange]:
    """The newest `limit` public changes, newest first."""
    public_ids = Programme.objects.public().values("pk")
    status_history = Programme.history.model
    status_rows = list(
        status_history.objects.filter(id__in=public_ids, status__in=[Kind.PUBLISHED, Kind.WITHDRAWN])
        .annotate(previous_status=Coalesce(_previous(status_history, "status"), Value("")))
        .exclude(previous_status=F("status"))
        .order_by("-history_date", "-history_id")
        .values("history_id", "history_date", "id", "status")[:limit]
    )

    verdict_history = QualityAssessment.history.model
    first_published = (
        status_history.objects.filter(id=OuterRef("programme_id"), status=Programme.Status.PUBLISHED)
        .order_by("history_date")
        .values("history_date")[:1]
    )
    verdict_rows = list(
        verdict_history.objects.filter(programme_id__in=public_ids)
        .annotate(
            previous_verdict=Coalesce(_previous(verdict_history, "verdict"), Value(Verdict.UNKNOWN.value)),
            published_since=Subquery(first_published),
        )
        .filter(history_date__gte=F("published_since"))
        .exclude(previous_verdict=F("verdict"))
        .order_by("-history_date", "-history_id")
        .values(
            "history_id", "history_date", "programme_id", "criterion", "verdict", "previous_verdict", "assessed_on"
        )[:limit]
    )

    ids = {row["id"] for row in status_rows} | {row["programme_id"] for row in verdict_rows}
    programmes = {
        programme["pk"]: programme
        for programme in Programme.objects.filter(pk__in=ids).values(
            "pk", "name", "slug", "summary", "withdrawn_reason", "withdrawn_on"
        )
    }
    changes = [_status_change(row, programmes[row["id"]]) for row in status_rows] + [
        _verdict_change(row, programmes[row["programme_id"]]) for row in verdict_rows
    ]
    changes.sort(key=lambda change: (change.at, change.history_id), reverse=True)
    return changes[:limit]


def _url(programme) -> str:
    return reverse("catalog:programme_detail", kwargs={"slug": programme["slug"]})


def _status_change(row, programme) -> CatalogueChange:
    name = programme["name"]
    if row["status"] == Kind.PUBLISHED:
        title = _("Published: %(name)s") % {"name": name}
        description = programme["summary"]
    else:
        title = _("No longer offered: %(name)s") % {"name": name}
        description = _withdrawal(programme["withdrawn_on"], programme["withdrawn_reason"])
    return CatalogueChange(
        kind=row["status"],
        at=row["history_date"],
        history_id=row["history_id"],
        programme_id=row["id"],
        name=name,
        url=_url(programme),
        title=title,
        description=description,
    )


def _withdrawal(on: date | None, reason: str) -> str:
    parts = [_("Still has a page in the catalogue, but is no longer offered.")]
    if on:
        parts.append(_("No longer offered since %(date)s.") % {"date": formats.date_format(on, "j F Y")})
    if reason:
        parts.append(_("Reason: %(reason)s") % {"reason": reason})
    return " ".join(parts)


def _verdict_change(row, programme) -> CatalogueChange:
    name = programme["name"]
    new = verdict_wording(row["criterion"], row["verdict"], row["assessed_on"])
    was = str(Verdict(row["previous_verdict"]).label).lower()
    return CatalogueChange(
        kind=Kind.VERDICT,
        at=row["history_date"],
        history_id=row["history_id"],
        programme_id=row["programme_id"],
        name=name,
        url=_url(programme),
        title=_("Verdict changed: %(name)s, %(criterion)s")
        % {"name": name, "criterion": str(Criterion(row["criterion"]).label).lower()},
        description=_("%(criterion)s: %(new)s; was: %(old)s.")
        % {"criterion": new.criterion_label, "new": new.dated, "old": was},
    )
