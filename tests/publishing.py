"""Builders for the publish gate: a source, a programme that passes the gate, publishing it with four eyes."""

import itertools
from datetime import date

from django.utils import timezone

from catalog import services
from catalog.models import Programme, Source, Verdict
from tests import factories

ASSESSED_ON = date(2026, 1, 20)
UNKNOWN_RATIONALE = "Er is nog geen openbare bron gevonden die dit onderbouwt."
_sequence = itertools.count(1)


def source(title=None, *, publisher="Trimbos-Instituut", url=None, seen_on=date(2026, 1, 15), **fields):
    number = next(_sequence)
    title = title or f"Programmapagina {number}"
    return Source.objects.create(
        title=title,
        publisher=publisher,
        url=url if url is not None else f"https://bron.example/pagina-{number}",
        seen_on=seen_on,
        **fields,
    )


def ready_for_review(name=None, *, submitted_by=None, verdicts=None, **fields) -> Programme:
    """A programme in review that passes every content rule of the gate, sent for review by `submitted_by`.

    `verdicts` maps criterion -> verdict (others unknown, with a public rationale); a known verdict gets a source.
    """
    fields.setdefault("status", Programme.Status.IN_REVIEW)
    programme = factories.programme(name, **fields)
    verdicts = verdicts or {}
    for assessment in programme.assessments.all():
        assessment.verdict = verdicts.get(assessment.criterion, Verdict.UNKNOWN)
        assessment.assessed_on = ASSESSED_ON
        assessment.rationale = UNKNOWN_RATIONALE if assessment.verdict == Verdict.UNKNOWN else "Onderbouwd."
        assessment.save()
        if assessment.verdict != Verdict.UNKNOWN:
            assessment.sources.add(source())
    programme.submitted_by = submitted_by or factories.user(is_staff=True)
    programme.submitted_at = timezone.now()
    programme.save(update_fields=["submitted_by", "submitted_at"])
    return programme


def publish(programme, *, by=None, today=None) -> Programme:
    """Publish through the service as a second curator (not the one who sent it for review)."""
    return services.programme_publish(programme=programme, by=by or factories.user(is_staff=True), today=today)
