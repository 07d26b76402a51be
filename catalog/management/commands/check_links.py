"""Check every address the catalogue links to and store the result for curators (admin: link checks)."""

from django.core.management.base import BaseCommand, CommandError

from catalog.link_check import DEFAULT_TIMEOUT, DEFAULT_WORKERS, link_check_run


class Command(BaseCommand):
    help = (
        "Check every programme, provider, source, study, resource and funding link (HEAD, then GET) and store the "
        "result per address; results for addresses no longer used are removed. Lists the dead links."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=DEFAULT_TIMEOUT, help=f"Seconds per request (default {DEFAULT_TIMEOUT:g})."
        )
        parser.add_argument(
            "--workers", type=int, default=DEFAULT_WORKERS, help=f"Links checked at once (default {DEFAULT_WORKERS})."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and print, but store nothing.")

    def handle(self, *args, timeout, workers, dry_run, **options):
        if timeout <= 0:
            raise CommandError("--timeout must be more than 0 seconds.")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        run = link_check_run(timeout=timeout, workers=workers, dry_run=dry_run)
        if dry_run or options["verbosity"] > 1:
            for url, result in run.results.items():
                state = "ok  " if result.ok else "DEAD"
                detail = result.status_code or result.error
                self.stdout.write(f"{state} {url} ({detail})")
        for url in run.too_long:
            self.stdout.write(self.style.WARNING(f"Not checked, address too long to store: {url[:120]}…"))
        dead = run.dead
        self.stdout.write(f"Checked {len(run.results)} link(s): {len(run.results) - len(dead)} work, {len(dead)} dead.")
        for result in dead:
            detail = f"HTTP {result.status_code}" if result.status_code else result.error
            places = "; ".join(run.links[result.url])
            self.stdout.write(self.style.ERROR(f"  {result.url} – {detail} – {places}"))
        if run.saved is None:
            self.stdout.write("Dry run: nothing stored.")
        else:
            saved = run.saved
            self.stdout.write(
                self.style.SUCCESS(
                    f"Stored: {saved.created} new, {saved.updated} updated, {saved.removed} no longer used removed."
                )
            )
