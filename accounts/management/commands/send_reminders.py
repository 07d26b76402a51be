"""Send the reminder e-mails that are due: run daily from cron or a systemd timer (README), safe to run twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.reminders import REMINDER_JOBS, reminders_send


class Command(BaseCommand):
    help = (
        "Queue every reminder e-mail that is due and was not sent in its period yet (the mail worker sends them). "
        "Safe to run more than once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be sent; send nothing.")
        parser.add_argument(
            "--kind",
            action="append",
            choices=[job.kind for job in REMINDER_JOBS],
            help="Only this kind of reminder (may be repeated).",
        )
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD); for trying it out.")

    def handle(self, *args, dry_run, kind, date: str | None, **options):
        try:
            today = timezone.localdate() if date is None else _parse(date)
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD: {error}") from error
        summaries = reminders_send(today=today, dry_run=dry_run, kinds=kind)
        verb = "would queue" if dry_run else "queued"
        for job_kind, summary in summaries.items():
            self.stdout.write(
                f"{job_kind}: {verb} {summary.sent}, already sent {summary.already_sent}, opted out {summary.opted_out}"
            )


def _parse(value: str) -> date:
    return date.fromisoformat(value)
