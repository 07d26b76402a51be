"""Demo data for development: the curated content plus one account per role. Never runs with DEBUG off.

The content part (catalogue, funding, course) is `toolkit.content.content_load`, the same as `load_catalog` in
production; only the accounts, the authenticator and the demo practices are demo.
"""

from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.demo import demo_practices
from toolkit.content import content_load

DEMO_PASSWORD = "toolkit-demo"
# The demo curator's authenticator secret: public, in the source, so for development only (DEBUG on).
DEMO_TOTP_KEY_HEX = b"eMH-toolkit-demo-otp".hex()  # 20 bytes; base32 in demo_totp_secret()
DEMO_TOTP_USERNAME = "redactie"


class DemoRefused(Exception):
    pass


def demo_accounts():
    """(username, first name, last name, is staff, groups) for each demo role."""
    return [
        ("huisarts", "Hanna", "de Huisarts", False, []),
        ("poh", "Pim", "van der POH", False, []),
        ("manager", "Marieke", "Manager", False, []),
        ("redactie", "Rik", "Redacteur", True, ["Redactie"]),
        ("outsider", "Otto", "Buitenstaander", False, []),
    ]


def demo_totp_secret() -> str:
    """The demo curator's secret in base32, as authenticator apps want it."""
    return b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()


def demo_totp_device(user):
    """A confirmed authenticator (TOTP) device with the fixed demo secret, so the admin can be tried."""
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name="Demo authenticator", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
    )
    return device


@transaction.atomic
def demo_load(*, stdout=None):
    if not settings.DEBUG:
        raise DemoRefused("Demo data and demo accounts are only loaded with DEBUG on.")
    content_load()
    users = {}
    for username, first, last, is_staff, groups in demo_accounts():
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_staff = is_staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        users[username] = user
    demo_practices(users)
    demo_totp_device(users[DEMO_TOTP_USERNAME])
    return users
