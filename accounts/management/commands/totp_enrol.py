"""Give a staff account an authenticator (TOTP) device, e.g. the first superuser, new to the admin."""

from base64 import b32encode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a confirmed authenticator-app device for a user and print its secret and otpauth:// URI once "
        "(add it to the app, e.g. as a QR code). Refuses if the user has one, unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--replace", action="store_true", help="Delete the user's existing TOTP devices first.")

    def handle(self, *args, username, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError(f"{username} already has an authenticator device; use --replace to make a new one.")
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        self.stdout.write(f"secret (base32): {b32encode(device.bin_key).decode()}")
        self.stdout.write(f"otpauth URI:     {device.config_url}")
