"""The one wording of a quality verdict, used by every page that shows one (overview, detail, compare, keuzehulp, menu).

Before this module the same unassessed criterion read "onbekend" on a card, "nog niet beoordeeld" in the keuzehulp
and "onbekend · beoordeeld op …" on the detail page. A verdict is now always said the same way, with its date,
and a programme past its next review says so wherever its verdicts appear.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from catalog.models import Criterion, Verdict

SYMBOLS = {Verdict.MEETS: "✓", Verdict.PARTLY: "◐", Verdict.DOES_NOT: "✗", Verdict.UNKNOWN: "?"}


@dataclass(frozen=True)
class VerdictWording:
    criterion: str
    criterion_label: str
    verdict: str
    symbol: str
    label: str  # "voldoet", "voldoet deels", "voldoet niet", "niet bekend", "nog niet beoordeeld"
    dated: str  # the label with its date: "voldoet (beoordeeld op 3 maart 2026)"
    assessed_on: date | None
    overdue: bool  # the programme is past its next review: the verdict may be out of date

    @property
    def is_known(self) -> bool:
        return self.verdict != Verdict.UNKNOWN


def verdict_wording(criterion: str, verdict: str | None, assessed_on: date | None, *, overdue=False) -> VerdictWording:
    """How the site says one criterion's verdict; `verdict` None means no assessment exists."""
    verdict = Verdict(verdict or Verdict.UNKNOWN)
    if assessed_on is None:
        # A verdict without the date it was given is no checked verdict: it reads, and counts, as unknown.
        verdict = Verdict.UNKNOWN
        label = _("not assessed yet")
        dated = label
    else:
        label = _("not known") if verdict == Verdict.UNKNOWN else str(verdict.label).lower()
        when = formats.date_format(assessed_on, "j F Y")
        dated = (
            _("%(verdict)s (searched on %(date)s)")
            if verdict == Verdict.UNKNOWN
            else _("%(verdict)s (assessed on %(date)s)")
        ) % {"verdict": label, "date": when}
    return VerdictWording(
        criterion=str(criterion),
        criterion_label=str(Criterion(criterion).label),
        verdict=verdict.value,
        symbol=SYMBOLS[verdict],
        label=label,
        dated=dated,
        assessed_on=assessed_on,
        overdue=overdue,
    )


def overdue_notice() -> str:
    """The sentence every public place shows for a programme past its next review (issue: freshness in public)."""
    return _("This information is older than planned; the editorial team is checking it again.")
