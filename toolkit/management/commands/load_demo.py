"""Load the demo catalogue and demo accounts (development only)."""

from django.core.management.base import BaseCommand, CommandError

from toolkit.demo import DEMO_PASSWORD, DemoRefused, demo_accounts, demo_load


class Command(BaseCommand):
    help = "Load demo data and one account per role. Refuses to run with DEBUG off. Safe to run twice."

    def handle(self, *args, **options):
        try:
            demo_load()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts (password: %s):" % DEMO_PASSWORD))
        for username, first, last, is_staff, groups in demo_accounts():
            role = ", ".join(groups) if groups else username
            self.stdout.write(f"  {username:<10} {first} {last} ({role})")
