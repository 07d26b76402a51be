"""The admin needs a password and a code from an authenticator app (django-otp TOTP) from all staff."""

import re
from base64 import b32encode

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.admin_site import TwoFactorAdminSite
from practices.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db

KEY = b"0123456789abcdefghij"
# The one answer to every failed admin log-in (accounts/admin_site.py REFUSED).
REFUSED_NL = "De gebruikersnaam, het wachtwoord of de code klopt niet."


@pytest.fixture
def curator():
    return factories.user("curator", is_staff=True, is_superuser=True)


@pytest.fixture
def device(curator):
    return TOTPDevice.objects.create(user=curator, name="Telefoon", key=KEY.hex(), confirmed=True)


def _admin_login(client, username="curator", password="toolkit-demo", code=""):
    data = {"username": username, "password": password, "otp_token": code, "next": reverse("admin:index")}
    return client.post(reverse("admin:login"), data)


def test_admin_site_is_the_two_factor_site_under_the_usual_name():
    assert isinstance(admin.site, TwoFactorAdminSite)
    assert reverse("admin:index") == "/admin/"


def test_staff_with_device_and_current_code_gets_into_the_admin(client, device):
    response = _admin_login(client, code=f"{totp(KEY):06d}")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_with_device_but_a_wrong_code_stays_out(client, device):
    response = _admin_login(client, code=f"{(totp(KEY) + 1) % 1_000_000:06d}")
    assert response.status_code == 200
    assert REFUSED_NL in response.text
    assert client.get(reverse("admin:index")).status_code == 302


def _error_notes(response):
    return re.findall(r'<p class="errornote">(.*?)</p>', response.text, re.S)


def test_a_wrong_password_and_a_wrong_code_get_the_same_single_answer(client, device):
    wrong_code = f"{(totp(KEY) + 1) % 1_000_000:06d}"
    wrong_password = _admin_login(client, password="fout-wachtwoord", code=f"{totp(KEY):06d}")
    right_password = _admin_login(client, code=wrong_code)
    notes = _error_notes(right_password)
    assert len(notes) == 1 and notes[0].startswith(REFUSED_NL)
    assert _error_notes(wrong_password) == notes
    # django-otp re-filled a right password into the form: that too told which part was wrong.
    assert 'value="toolkit-demo"' not in right_password.text
    assert "errorlist" not in right_password.text and "errorlist" not in wrong_password.text


def test_staff_with_device_but_no_code_is_asked_for_it(client, device):
    response = _admin_login(client)
    assert REFUSED_NL in response.text


def test_staff_without_device_cannot_get_into_the_admin_and_is_told_why(client, curator):
    response = _admin_login(client, code="123456")
    assert response.status_code == 200
    assert REFUSED_NL in response.text and "vraag een beheerder" in response.text
    assert client.get(reverse("admin:index")).status_code == 302


def test_password_login_alone_does_not_open_the_admin(client, curator, device):
    response = client.post(reverse("login"), {"username": "curator", "password": "toolkit-demo"})
    assert response.status_code == 302
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_non_staff_cannot_get_into_the_admin_even_with_a_device(client):
    user = factories.user("gewoon")
    TOTPDevice.objects.create(user=user, name="Telefoon", key=KEY.hex(), confirmed=True)
    _admin_login(client, username="gewoon", code=f"{totp(KEY):06d}")
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_code_works_only_once(client, device):
    code = f"{totp(KEY):06d}"
    assert _admin_login(client, code=code).status_code == 302
    client.logout()
    assert _admin_login(client, code=code).status_code == 200


def test_audit_log_is_read_only_in_the_admin_even_for_a_superuser(client, curator, device, practice, manager):
    event = AuditEvent.objects.create(practice=practice, user=manager, username="alice", action="view", subject="x")
    _admin_login(client, code=f"{totp(KEY):06d}")
    assert client.get(reverse("admin:practices_auditevent_changelist")).status_code == 200
    assert client.get(reverse("admin:practices_auditevent_add")).status_code == 403
    detail = client.get(reverse("admin:practices_auditevent_change", args=[event.pk]))
    assert detail.status_code == 200
    assert 'name="subject"' not in detail.text  # shown, not editable
    assert (
        client.post(reverse("admin:practices_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk, subject="x").exists()


def test_demo_curator_gets_a_fixed_device_and_load_demo_prints_its_secret(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    device = TOTPDevice.objects.get(user__username="redactie")
    secret = b32encode(device.bin_key).decode()
    assert device.confirmed
    assert secret == "MVGUQLLUN5XWY23JOQWWIZLNN4WW65DQ"
    assert f"secret (base32): {secret}" in out
    assert re.search(rf"otpauth://totp/\S*redactie\?secret={secret}\S*issuer=eMH%20toolkit", out)


def test_demo_totp_prints_the_code_that_opens_the_admin(settings, capsys, client):
    settings.DEBUG = True
    call_command("load_demo")
    capsys.readouterr()
    call_command("demo_totp")
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{6}", code)
    response = _admin_login(client, username="redactie", code=code)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_demo_totp_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_totp")


def test_totp_enrol_gives_a_staff_member_a_device_once(capsys, curator):
    call_command("totp_enrol", "curator")
    out = capsys.readouterr().out
    device = TOTPDevice.objects.get(user=curator)
    assert b32encode(device.bin_key).decode() in out
    with pytest.raises(CommandError):
        call_command("totp_enrol", "curator")
    call_command("totp_enrol", "curator", "--replace")
    assert TOTPDevice.objects.filter(user=curator).count() == 1
