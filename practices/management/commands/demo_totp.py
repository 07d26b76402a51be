"""Print the demo curator's current authenticator code, so the admin can be tried without a phone."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from practices.demo import DEMO_TOTP_KEY_HEX, DEMO_TOTP_USERNAME


class Command(BaseCommand):
    help = "Print the current six-digit admin code of the demo curator (development only, DEBUG on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo code exists only in development (DEBUG on).")
        code = totp(bytes.fromhex(DEMO_TOTP_KEY_HEX))
        seconds_left = 30 - int(time.time()) % 30
        self.stdout.write(f"{code:06d}")
        self.stderr.write(f"Code for '{DEMO_TOTP_USERNAME}', valid for about {seconds_left} more seconds.")
