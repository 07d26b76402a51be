"""Remove audit events older than AUDIT_RETENTION_DAYS; run it from cron, e.g. daily. Safe to run twice."""

from django.conf import settings
from django.core.management.base import BaseCommand

from practices.audit import audit_prune, audit_retention_cutoff


class Command(BaseCommand):
    help = "Delete audit log events older than AUDIT_RETENTION_DAYS (the only way events are ever removed)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = audit_retention_cutoff()
        count = audit_prune(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} audit events from before {cutoff:%Y-%m-%d %H:%M} UTC "
            f"(retention {settings.AUDIT_RETENTION_DAYS} days)."
        )
