"""The catalogue's public changes, read from the history it already keeps (django-simple-history).

Three kinds, as a care group or another portal subscribing to the change feed (catalog/feeds.py) needs them:

- published: a programme's status became "published" (first publication, or published again after a review);
- withdrawn: a programme's status became "no longer offered";
- verdict: one of the four quality verdicts of a programme changed after the programme was first published.

Only programmes that are public now (published or no longer offered) appear, so a draft, a programme in review or
an archived one never does, not even with its earlier history. Each history row is compared with the row before it
for the same object (LAG() in SQL, one pass over the history), and the newest `limit` changes are returned: three
queries however long the history is.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from catalog.quality import verdict_wording

FEED_LENGTH = 50


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


# Each history row is compared with the row before it for the same object with LAG(), a window function SQLite
# and PostgreSQL both have: one pass over the history. (A correlated subquery per row took minutes at 5,000
# programmes on SQLite; Django's filter on a window annotation would apply the other conditions before the window.)
STATUS_SQL = """
SELECT history_id, history_date, id, status FROM (
    SELECT history_id, history_date, id, status,
           LAG(status) OVER (PARTITION BY id ORDER BY history_date, history_id) AS previous_status
    FROM {history} WHERE id IN (SELECT id FROM {programmes} WHERE status IN (%s, %s))
) changes
WHERE status IN (%s, %s) AND (previous_status IS NULL OR previous_status <> status)
ORDER BY history_date DESC, history_id DESC
LIMIT %s
"""
VERDICT_SQL = """
SELECT changes.history_id, changes.history_date, changes.id, changes.{programme}, changes.criterion,
       changes.verdict, changes.assessed_on, COALESCE(changes.previous_verdict, %s) AS previous_verdict
FROM (
    SELECT history_id, history_date, id, {programme}, criterion, verdict, assessed_on,
           LAG(verdict) OVER (PARTITION BY id ORDER BY history_date, history_id) AS previous_verdict
    FROM {verdicts} WHERE {programme} IN (SELECT id FROM {programmes} WHERE status IN (%s, %s))
) changes
JOIN (SELECT id, MIN(history_date) AS since FROM {history} WHERE status = %s GROUP BY id) published
  ON published.id = changes.{programme}
WHERE changes.history_date >= published.since AND COALESCE(changes.previous_verdict, %s) <> changes.verdict
ORDER BY changes.history_date DESC, changes.history_id DESC
LIMIT %s
"""


def catalogue_changes(limit: int = FEED_LENGTH) -> list[CatalogueChange]:
    """The newest `limit` public changes, newest first."""
    qn = connection.ops.quote_name
    status_history = Programme.history.model
    verdict_history = QualityAssessment.history.model
    public = [Programme.Status.PUBLISHED, Programme.Status.WITHDRAWN]
    tables = {
        "history": qn(status_history._meta.db_table),
        "programmes": qn(Programme._meta.db_table),
        "verdicts": qn(verdict_history._meta.db_table),
        "programme": qn(verdict_history._meta.get_field("programme").column),
    }
    status_rows = [
        {"history_id": row.history_id, "history_date": row.history_date, "id": row.id, "status": row.status}
        for row in status_history.objects.raw(STATUS_SQL.format(**tables), [*public, *public, limit])
    ]
    unknown = Verdict.UNKNOWN.value
    verdict_rows = [
        {
            "history_id": row.history_id,
            "history_date": row.history_date,
            "programme_id": row.programme_id,
            "criterion": row.criterion,
            "verdict": row.verdict,
            "previous_verdict": row.previous_verdict,
            "assessed_on": row.assessed_on,
        }
        for row in verdict_history.objects.raw(
            VERDICT_SQL.format(**tables), [unknown, *public, Programme.Status.PUBLISHED, unknown, limit]
        )
    ]

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
