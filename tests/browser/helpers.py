"""Small steps shared by the browser journeys."""

from base64 import b32decode

from django.urls import reverse
from django_otp.oath import totp


def totp_code(secret_base32: str) -> str:
    """The current six-digit code an authenticator app would show for this base32 secret."""
    return f"{totp(b32decode(secret_base32)):06d}"


def admin_login(page, username: str, password: str, totp_secret: str) -> None:
    """Log in to the two-factor admin: user name, password and the current code, on one form.

    Each code works only once (django-otp refuses a time step already used), so log in at most once per 30 s
    with the same device.
    """
    page.goto(reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.fill("#id_otp_token", totp_code(totp_secret))
    page.click("#login-form [type=submit]")
    page.wait_for_url(f"**{reverse('admin:index')}")
