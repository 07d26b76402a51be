"""Load the demo catalogue, demo practices and demo accounts (development only)."""

from django.core.management.base import BaseCommand, CommandError

from practices.demo import (
    DEMO_PASSWORD,
    DEMO_TOTP_USERNAME,
    DemoRefused,
    demo_accounts,
    demo_load,
    demo_totp_secret,
)


class Command(BaseCommand):
    help = "Load demo data and one account per role. Refuses to run with DEBUG off. Safe to run twice."

    def handle(self, *args, **options):
        try:
            users = demo_load()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Demo accounts (password: {DEMO_PASSWORD}):"))
        for username, first, last, _is_staff, groups in demo_accounts():
            role = ", ".join(groups) if groups else username
            self.stdout.write(f"  {username:<10} {first} {last} ({role})")
        device = users[DEMO_TOTP_USERNAME].totpdevice_set.get()
        self.stdout.write(
            "The admin (/admin/) also asks for a code from an authenticator app. Development-only secret for "
            f"'{DEMO_TOTP_USERNAME}':\n"
            f"  secret (base32): {demo_totp_secret()}\n"
            f"  otpauth URI:     {device.config_url}\n"
            "  or print the current code with: python manage.py demo_totp"
        )
