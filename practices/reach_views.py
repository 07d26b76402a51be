"""The practice's reach: the monthly counts form, the dashboard (chart and table) and its CSV download."""

import csv
from io import StringIO

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from practices.audit import audit_record
from practices.charts import reach_line_chart
from practices.models import AuditEvent
from practices.permissions import Capability
from practices.prevalence import REACH_SOURCE, REACH_YEAR, SOURCE
from practices.reach import (
    CONSECUTIVE_MONTHS_NEEDED,
    month_lines,
    open_months,
    reach_years,
    this_month,
    yearly_reach,
)
from practices.reach_forms import ReachMonthForm, month_param
from practices.reach_services import ReachMonthLocked, reach_save
from practices.scoping import practice_view
from toolkit.csv_safe import escape_row


def _month_label(month) -> str:
    return f"{MONTHS[month.month]} {month.year}"


@practice_view(capability=Capability.RECORD_REACH, audit_subject="reach counts")
@require_http_methods(["GET", "HEAD", "POST"])
def reach_counts(request):
    """This month's counts, or an earlier open month's (?maand=2026-09); older months are locked."""
    practice = request.practice
    months = open_months()
    month = month_param(request.POST.get("month") if request.method == "POST" else request.GET.get("maand"))
    month = month or months[0]
    if month not in months:
        if request.method == "POST":
            messages.error(request, ReachMonthLocked().message)
            return redirect("practices:reach_counts", practice_slug=practice.slug)
        month = months[0]
    lines = month_lines(practice, month)
    form = ReachMonthForm(request.POST if request.method == "POST" else None, lines=lines)
    if request.method == "POST" and form.is_valid():
        saved = reach_save(practice=practice, month=month, by=request.user, counts=form.counts())
        if saved.created or saved.corrected:
            messages.success(request, _("Counts for %(month)s saved.") % {"month": _month_label(month)})
        else:
            messages.info(request, _("Nothing changed, so nothing was saved."))
        return redirect("practices:reach", practice_slug=practice.slug)
    context = {
        "practice": practice,
        "form": form,
        "month": month,
        "month_label": _month_label(month),
        "months": [(open_month, _month_label(open_month)) for open_month in months],
        "has_saved": any(line.saved for line in lines),
    }
    return render(request, "practices/reach_counts.html", context)


def _year(request, years) -> int:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return years[0]
    return year if year in years else years[0]


@practice_view(audit_subject="reach")
@require_GET
def reach(request):
    practice = request.practice
    years = reach_years(practice)
    figures = yearly_reach(practice, _year(request, years))
    context = {
        "practice": practice,
        "reach": figures,
        "years": years,
        "chart": reach_line_chart(figures, [str(MONTHS_3[number]) for number in range(1, 13)]),
        "month_names": [MONTHS[number] for number in range(1, 13)],
        "this_month": this_month(),
        "reach_source": REACH_SOURCE,
        "reach_year": str(REACH_YEAR),
        "prevalence_source": SOURCE,
        "consecutive_needed": CONSECUTIVE_MONTHS_NEEDED,
    }
    return render(request, "practices/reach.html", context)


@practice_view(log_view=False)
@require_GET
def reach_csv(request):
    """The dashboard's table as CSV: per row the started patients per month, the year, the expected, the share."""
    practice = request.practice
    years = reach_years(practice)
    figures = yearly_reach(practice, _year(request, years))
    audit_record(
        practice=practice,
        user=request.user,
        action=AuditEvent.Action.EXPORT,
        subject="reach export",
        path=request.get_full_path(),
    )
    dutch = get_language() == "nl"
    out = StringIO()
    writer = csv.writer(out, delimiter=";" if dutch else ",")
    writer.writerow(
        [
            _("Kind"),
            _("Name"),
            *[str(MONTHS_3[number]) for number in range(1, 13)],
            _("Started in %(year)s") % {"year": figures.year},
            _("Expected patients per year"),
            _("Share reached (%)"),
            _("Start in %(year)s (%%)") % {"year": REACH_YEAR},
            _("Target (%)"),
        ]
    )
    kinds = {"total": _("Total"), "theme": _("Theme"), "programme": _("Programme")}
    for row in figures.rows:
        share = "" if row.share is None else number_format(row.share, 1) if dutch else str(row.share)
        writer.writerow(
            escape_row(
                [
                    kinds[row.kind],
                    row.label,
                    *row.per_month,
                    row.started,
                    "" if row.expected is None else row.expected,
                    share,
                    str(figures.start_percent),
                    str(figures.target_percent),
                ]
            )
        )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    name = _("reach")
    filename = f"{name}-{practice.slug}-{figures.year}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
