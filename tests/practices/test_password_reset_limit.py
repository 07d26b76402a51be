"""Password reset is rate-limited per e-mail address and per client: no flood of mails to one mailbox."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _ask(client, email="alice@example.org", ip="203.0.113.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)


@pytest.fixture
def alice(manager):
    manager.email = "alice@example.org"
    manager.save()
    return manager


def test_three_mails_an_hour_to_one_address_then_a_clear_refusal(client, alice):
    statuses = [_ask(client, ip=f"203.0.113.{n}").status_code for n in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert len(mail.outbox) == 3
    response = _ask(client, ip="198.51.100.1")
    assert "Te vaak om een nieuw wachtwoord gevraagd" in response.text


def test_the_address_limit_ignores_case_and_spaces(client, alice):
    for email in ("alice@example.org", "ALICE@example.org", " Alice@Example.org "):
        _ask(client, email=email, ip="198.51.100.9")
    assert _ask(client, ip="198.51.100.10").status_code == 429


def test_one_client_cannot_ask_for_many_addresses(client, alice):
    statuses = [_ask(client, email=f"iemand{n}@example.org").status_code for n in range(11)]
    assert statuses == [302] * 10 + [429]


def test_an_unknown_address_is_limited_the_same_way_so_the_limit_reveals_no_account(client):
    statuses = [_ask(client, email="niemand@example.org", ip=f"203.0.113.{n}").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
