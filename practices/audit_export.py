"""The audit log as CSV for the practice manager: the reader's language, Dutch time, cells safe in a spreadsheet."""

import csv

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices.audit_wording import audit_subject_label
from toolkit.csv_safe import escape_row


class _Line:
    """csv.writer wants a file; this one hands back each written line so the response can stream it."""

    def write(self, value):
        return value


def audit_csv_lines(events):
    """Yield the CSV text line by line, header first. Dutch spreadsheets expect ';' between cells (the comma is
    their decimal separator); a byte-order mark makes Excel read the file as UTF-8."""
    writer = csv.writer(_Line(), delimiter=";" if get_language() == "nl" else ",")
    yield "\ufeff" + writer.writerow([_("Time (Dutch time)"), _("Who"), _("Action"), _("What"), _("Address")])
    for event in events.iterator(chunk_size=2000):
        yield writer.writerow(
            escape_row(
                [
                    timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"),
                    event.username or "–",
                    event.get_action_display(),
                    audit_subject_label(event.subject),
                    event.path,
                ]
            )
        )
