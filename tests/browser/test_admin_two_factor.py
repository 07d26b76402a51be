"""A curator opens the admin with password and authenticator code; without a device the admin stays shut."""

from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.browser.helpers import admin_login

pytestmark = pytest.mark.django_db(transaction=True)


SECRET = b32encode(b"browser-test-secret!").decode()


def test_curator_with_authenticator_opens_the_admin(page, assert_accessible):
    curator = factories.user("curator", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=curator, name="Telefoon", key=b"browser-test-secret!".hex(), confirmed=True)
    page.goto(reverse("admin:login"))
    assert_accessible(page)
    admin_login(page, "curator", "toolkit-demo", SECRET)
    assert page.get_by_role("heading", name="De toolkit bijhouden").is_visible()
    assert_accessible(page)


def test_staff_without_authenticator_is_refused_with_an_explanation(page, assert_accessible):
    factories.user("nieuwkomer", is_staff=True)
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "nieuwkomer")
    page.fill("#id_password", "toolkit-demo")
    page.fill("#id_otp_token", "123456")
    page.click("#login-form [type=submit]")
    assert page.get_by_text("Zonder ingestelde authenticator-app", exact=False).is_visible()
    assert_accessible(page)
    page.goto(reverse("admin:index"))
    assert "/admin/login/" in page.url
