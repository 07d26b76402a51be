"""Load the curated catalogue, funding overviews and course: production too. Never creates accounts."""

from django.core.management.base import BaseCommand, CommandError

from practices.content import CONTENT_FIXTURES, ContentConflict, content_load


class Command(BaseCommand):
    help = (
        "Create the catalogue, funding and course rows from the fixtures that are not in the database yet "
        f"({', '.join(CONTENT_FIXTURES)}). Existing rows are never changed, so curators' edits stay. Runs with "
        "DEBUG off; creates no accounts and no practices. Safe to run twice."
    )

    def handle(self, *args, **options):
        try:
            result = content_load()
        except (ContentConflict, FileNotFoundError) as exc:
            raise CommandError(f"Nothing loaded: {exc}") from exc
        for label, count in sorted(result.created.items()):
            self.stdout.write(f"  {label}: {count} created")
        self.stdout.write(
            self.style.SUCCESS(
                f"Catalogue content loaded from {', '.join(result.files)}: {result.created_total} row(s) created, "
                f"{result.kept_total} already there and left unchanged."
            )
        )
