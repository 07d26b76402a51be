"""A manager logs in, invites a colleague, the colleague accepts from the e-mail and gets in; the manager
reads the audit log. Plus the lock-out page and switching between practices. axe-core on every page."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import Membership, Practice, Role
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def practice():
    return Practice.objects.create(
        name="Huisartsenpraktijk De Linde",
        slug="de-linde",
        place="Utrecht",
        agb_code="01234567",
        phone="030 123 4567",
    )


def _member(practice, username, role, **fields):
    user = factories.user(username, email=f"{username}@example.org", **fields)
    Membership.objects.create(user=user, practice=practice, role=role)
    return user


def _log_in(page, username, password="toolkit-demo"):
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_manager_invites_a_colleague_who_accepts_and_gets_in(page, browser, live_server, practice, assert_accessible):
    _member(practice, "marieke", Role.MANAGER, first_name="Marieke", last_name="Manager")

    page.goto(reverse("login"))
    assert page.get_by_role("heading", level=1, name="Inloggen").is_visible()
    assert_accessible(page)
    _log_in(page, "marieke")
    page.wait_for_url(f"**{reverse('practices:dashboard', args=['de-linde'])}")

    page.get_by_role("navigation", name="Praktijkmenu").get_by_role("link", name="Team", exact=True).click()
    assert page.get_by_role("heading", level=1, name="Team").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Collega uitnodigen").click()
    assert_accessible(page)
    page.get_by_label("E-mailadres van uw collega").fill("eva@example.org")
    page.get_by_label("Rol in de praktijk").select_option(Role.POH_GGZ)
    page.get_by_role("button", name="Uitnodiging versturen").click()
    assert page.get_by_text("Uitnodiging verstuurd naar eva@example.org").is_visible()
    assert page.get_by_role("cell", name="eva@example.org").is_visible()
    assert_accessible(page)

    link = re.search(r"https?://[^/\s]+(/uitnodiging/\S+/)", mail.outbox[-1].body).group(1)
    colleague_context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    colleague_context.set_default_timeout(10_000)
    colleague = colleague_context.new_page()
    colleague.goto(link)
    assert colleague.get_by_role("heading", name="Doe mee met Huisartsenpraktijk De Linde").is_visible()
    assert_accessible(colleague)
    colleague.get_by_label("Gebruikersnaam").fill("eva")
    colleague.get_by_label("Voornaam").fill("Eva")
    colleague.get_by_label("Achternaam").fill("de Vries")
    colleague.locator("#id_password1").fill("Kastanje-2026!")
    colleague.locator("#id_password2").fill("Kastanje-2026!")
    colleague.get_by_role("button", name="Account aanmaken en meedoen").click()
    colleague.wait_for_url(f"**{reverse('practices:dashboard', args=['de-linde'])}")
    assert colleague.get_by_text("Uw account is klaar. Welkom bij Huisartsenpraktijk De Linde.").is_visible()
    assert colleague.get_by_role("heading", level=1, name="Huisartsenpraktijk De Linde").is_visible()

    colleague.goto(link)  # the link has done its work
    assert colleague.get_by_text("Deze uitnodiging is al gebruikt").is_visible()
    assert_accessible(colleague)
    colleague_context.close()

    # The colleague logs in again later, with the new password.
    later = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    _log_in(later, "eva", "Kastanje-2026!")
    later.wait_for_url(f"**{reverse('practices:dashboard', args=['de-linde'])}")
    assert later.get_by_text("POH-ggz").first.is_visible()
    later.context.close()

    page.goto(reverse("practices:settings", args=["de-linde"]))
    assert page.get_by_role("heading", level=1, name="Praktijkgegevens").is_visible()
    assert_accessible(page)
    page.get_by_label("AGB-code").fill("1234")
    page.get_by_role("button", name="Opslaan").click()
    # The message at the field, and in the summary at the top as a link to the field.
    assert page.locator("#id_agb_code_error").inner_text() == "Een AGB-code bestaat uit precies 8 cijfers."
    assert page.locator("[data-error-summary] a[href='#id_agb_code']").is_visible()
    assert page.get_by_label("AGB-code").input_value() == "1234"
    assert_accessible(page)

    page.get_by_role("navigation", name="Praktijkmenu").get_by_role("link", name="Logboek").click()
    # expect() waits for the log page to load; is_visible() would read the page the click left.
    expect(page.get_by_role("columnheader", name="Tijd", exact=True)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="eva aangesloten als")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="uitnodiging voor eva@example.org")).to_be_visible()
    assert_accessible(page)


def test_lockout_page_after_five_wrong_passwords_is_clear_and_accessible(page, practice, assert_accessible):
    _member(practice, "marieke", Role.MANAGER)
    for _ in range(5):
        _log_in(page, "marieke", "verkeerd")
    assert page.get_by_role("heading", level=1, name="Inloggen is even geblokkeerd").is_visible()
    assert page.get_by_text(re.compile(r"Probeer het na \d\d:\d\d opnieuw \(over 15 minuten\)")).is_visible()
    assert_accessible(page)


def test_member_of_two_practices_switches_between_them(page, practice, assert_accessible):
    other = Practice.objects.create(
        name="Gezondheidscentrum De Wilg", slug="de-wilg", place="Zeist", agb_code="07654321"
    )
    user = _member(practice, "hanna", Role.HUISARTS)
    Membership.objects.create(user=user, practice=other, role=Role.POH_GGZ)
    _log_in(page, "hanna")
    page.wait_for_url(f"**{reverse('practices:choose')}")
    assert page.get_by_role("heading", level=1, name="Uw praktijken").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Gezondheidscentrum De Wilg").click()
    assert page.get_by_role("heading", level=1, name="Gezondheidscentrum De Wilg").is_visible()
    page.get_by_role("link", name="Uw praktijken").click()
    assert page.get_by_text("huidige praktijk").is_visible()
    page.get_by_role("link", name="Huisartsenpraktijk De Linde").click()
    assert page.get_by_role("heading", level=1, name="Huisartsenpraktijk De Linde").is_visible()
