"""Two-factor log-in for tests: the admin only opens for staff with a verified TOTP device."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

# A fixed base32 secret for tests only.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_device(user) -> TOTPDevice:
    from base64 import b32decode

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"key": b32decode(TEST_TOTP_SECRET).hex(), "confirmed": True}
    )
    return device


def verified_login(client, user):
    """Log the test client in as `user` with a verified second factor, as after a real two-factor log-in."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()
