"""Logging in and out, resetting a password, and choosing between practices."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from practices.models import Role
from practices.scoping import CURRENT_PRACTICE_SESSION_KEY
from tests import factories
from tests.practices import factories as practice_factories
from tests.practices.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_dutch_and_explains_who_it_is_for(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "<h1>Inloggen</h1>" in response.text
    assert "Wachtwoord vergeten?" in response.text
    assert 'for="id_username"' in response.text and 'for="id_password"' in response.text


def test_login_page_is_english_under_en(client):
    response = client.get("/en/account/login/")
    assert "<h1>Log in</h1>" in response.text


def test_logging_in_with_one_practice_lands_on_its_dashboard(client, practice, manager):
    response = client.post(reverse("login"), {"username": "alice", "password": "toolkit-demo"}, follow=True)
    assert response.redirect_chain[0][0] == reverse("practices:choose")
    assert response.redirect_chain[-1][0] == reverse("practices:dashboard", args=[practice.slug])
    assert practice.name in response.text


def test_wrong_password_shows_a_dutch_message_and_keeps_the_user_name(client, manager):
    response = client.post(reverse("login"), {"username": "alice", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text
    assert 'value="alice"' in response.text


def test_user_in_two_practices_chooses_and_the_choice_is_remembered(client, practice, other_practice, manager):
    Membership = practice.memberships.model
    Membership.objects.create(user=manager, practice=other_practice, role=Role.HUISARTS)
    client.force_login(manager)

    response = client.get(reverse("practices:choose"))
    assert response.status_code == 200
    assert practice.name in response.text and other_practice.name in response.text
    assert "huidige praktijk" not in response.text

    client.get(reverse("practices:dashboard", args=[other_practice.slug]))
    assert client.session[CURRENT_PRACTICE_SESSION_KEY] == other_practice.slug
    response = client.get(reverse("practices:choose"))
    assert response.context["current"].practice == other_practice
    assert response.text.count("huidige praktijk") == 1

    client.get(reverse("practices:dashboard", args=[practice.slug]))
    assert client.session[CURRENT_PRACTICE_SESSION_KEY] == practice.slug


def test_user_without_a_practice_is_told_to_ask_for_an_invitation(client):
    client.force_login(factories.user("zonder"))
    response = client.get(reverse("practices:choose"))
    assert response.status_code == 200
    assert "Vraag uw praktijkmanager om u uit te nodigen" in response.text


def test_choose_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("practices:choose"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_logout_is_a_post_and_ends_the_session(client, manager):
    client.force_login(manager)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_dutch_email_whose_link_sets_a_new_password(client, practice):
    practice_factories.member(practice, Role.POH_GGZ, "pim", email="pim@example.org", password=PASSWORD)
    response = client.post(reverse("password_reset"), {"email": "pim@example.org"}, follow=True)
    assert "Kijk in uw e-mail" in response.text
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Een nieuw wachtwoord voor de eMH starters-toolkit"
    assert "pim" in message.body
    link = re.search(r"http://testserver(/account/nieuw-wachtwoord/\S+/)", message.body).group(1)

    response = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in response.text
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Lindeboom-2026!", "new_password2": "Lindeboom-2026!"}, follow=True
    )
    assert "Uw nieuwe wachtwoord is opgeslagen" in response.text
    response = client.post(reverse("login"), {"username": "pim", "password": "Lindeboom-2026!"})
    assert response.status_code == 302


def test_password_reset_for_an_unknown_address_sends_nothing_but_says_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"}, follow=True)
    assert "Kijk in uw e-mail" in response.text
    assert mail.outbox == []
