""" "Download deze lijst": the overview's current filtered list as CSV or JSON, with the API list's fields.

The rows come from the API's own serializer (catalog/api/serializers.py), so the download and /api/v1/programmes/
cannot drift apart; the CSV flattens it: lists joined with "; ", the provider as its slug and name, one column per
quality criterion. Every cell goes through toolkit.csv_safe, so a curator's text can never run as a formula.
"""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from catalog.api.filters import ApiProgrammeFilter
from catalog.api.serializers import ProgrammeSerializer
from catalog.models import Criterion
from catalog.selectors import api_programmes
from toolkit.csv_safe import escape_row

FILENAME = "programmas"


def download_rows(request) -> list[dict]:
    """The programmes the overview shows for this query string (every page), as the API serializes them."""
    filterset = ApiProgrammeFilter(request.GET, queryset=api_programmes())
    return ProgrammeSerializer(filterset.qs, many=True, context={"request": request}).data


def flatten(row: dict) -> dict:
    """One CSV line per programme: nested values become plain cells."""
    flat = {}
    for key, value in row.items():
        if key == "provider":
            flat["provider"] = value["slug"]
            flat["provider_name"] = value["name"]
        elif key == "quality":
            verdicts = {item["criterion"]: item["verdict"] for item in value}
            for criterion in Criterion.values:
                flat[f"quality_{criterion}"] = verdicts.get(criterion, "")
        elif isinstance(value, list):
            flat[key] = "; ".join(value)
        elif value is None:
            flat[key] = ""  # unknown stays empty, never "no"
        else:
            flat[key] = value
    return flat


class _Echo:
    def write(self, value):
        return value


@require_safe
def programmes_csv(request):
    rows = [flatten(row) for row in download_rows(request)]
    header = list(flatten(_empty_row()).keys())
    writer = csv.writer(_Echo())
    lines = [writer.writerow(header)] + [writer.writerow(escape_row([row[key] for key in header])) for row in rows]
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.csv"'
    return response


@require_safe
def programmes_json(request):
    body = json.dumps(download_rows(request), ensure_ascii=False, indent=1, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.json"'
    return response


def _empty_row() -> dict:
    """The columns, also for an empty list: every serializer field with an empty value of its shape."""
    row = {}
    for name in ProgrammeSerializer().fields:
        row[name] = {"slug": "", "name": ""} if name == "provider" else [] if name == "quality" else ""
    return row
