"""Freshness in public: an overdue programme says so, and one no longer offered keeps only its page, with a banner."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import Criterion, Programme, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = reverse("catalog:programme_list")
COMPARE_URL = reverse("catalog:compare")
NOTICE = "Deze informatie is ouder dan gepland; de redactie controleert haar opnieuw."


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def overdue_programme(name="Drinktest"):
    programme = factories.programme(
        name,
        last_reviewed=date(2025, 3, 11),
        next_review=yesterday(),
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
    )
    programme.assessments.filter(criterion=Criterion.EFFECTIVENESS).update(assessed_on=date(2025, 3, 11))
    return programme


def withdrawn_programme(name="Gestopt programma", **fields):
    fields.setdefault("withdrawn_on", date(2026, 6, 1))
    fields.setdefault("withdrawn_reason", "De aanbieder biedt het programma sinds juni niet meer aan.")
    return factories.programme(name, status=Programme.Status.WITHDRAWN, **fields)


# --- past the next review ---


def test_an_overdue_programme_says_so_on_its_card(client):
    overdue_programme()
    card = client.get(LIST_URL).text.split('id="programme-drinktest"', 1)[1]
    assert NOTICE in card


def test_an_overdue_programme_says_so_on_its_page(client):
    programme = overdue_programme()
    html = client.get(programme.get_absolute_url()).text
    assert html.count(NOTICE) == 2  # at the top, and next to the planned review date
    assert f'<div class="alert alert-info overdue-notice" role="note">{NOTICE}</div>' in html


def test_an_overdue_programme_says_so_in_the_comparison(client):
    overdue_programme()
    factories.programme("Actueel", next_review=timezone.localdate() + timedelta(days=30))
    html = client.get(COMPARE_URL, {"p": ["drinktest", "actueel"]}).text
    assert html.count(NOTICE) == 1


def test_the_verdicts_of_an_overdue_programme_say_they_are_being_checked_again(client):
    programme = overdue_programme()
    html = client.get(programme.get_absolute_url()).text
    assert 'voldoet (beoordeeld op 11 maart 2025)</a> <span class="verdict-stale">wordt opnieuw gecontroleerd' in html


@pytest.mark.parametrize("next_review", [None, "today", "future"])
def test_a_programme_within_its_review_date_shows_no_notice(client, next_review):
    when = {None: None, "today": timezone.localdate(), "future": timezone.localdate() + timedelta(days=200)}
    programme = factories.programme("Actueel", next_review=when[next_review])
    assert NOTICE not in client.get(programme.get_absolute_url()).text
    assert NOTICE not in client.get(LIST_URL).text
    assert "wordt opnieuw gecontroleerd" not in client.get(LIST_URL).text


# --- no longer offered ---


def test_a_programme_no_longer_offered_keeps_its_page_with_a_banner(client):
    programme = withdrawn_programme()
    response = client.get(programme.get_absolute_url())
    assert response.status_code == 200
    banner = response.text.split('class="alert alert-warning withdrawn-banner"', 1)[1].split("</div>", 1)[0]
    assert "Niet meer aangeboden sinds 1 juni 2026." in banner
    assert "De aanbieder biedt het programma sinds juni niet meer aan." in banner


def test_a_programme_no_longer_offered_without_a_date_still_says_so(client):
    programme = withdrawn_programme(withdrawn_on=None, withdrawn_reason="")
    assert "Niet meer aangeboden." in client.get(programme.get_absolute_url()).text


def test_the_page_of_a_programme_no_longer_offered_offers_no_comparison(client):
    programme = withdrawn_programme()
    assert "Vergelijk met een ander programma" not in client.get(programme.get_absolute_url()).text


def test_a_published_programme_has_no_banner(client):
    programme = factories.programme("Gewoon")
    assert "withdrawn-banner" not in client.get(programme.get_absolute_url()).text


def test_a_programme_no_longer_offered_leaves_the_overview(client):
    factories.programme("Nog te krijgen")
    withdrawn_programme()
    response = client.get(LIST_URL)
    assert [programme.name for programme in response.context["page_obj"]] == ["Nog te krijgen"]
    assert "Gestopt programma" not in response.text


def test_a_programme_no_longer_offered_is_not_found_by_search(client):
    withdrawn_programme()
    response = client.get(LIST_URL, {"q": "gestopt"})
    assert list(response.context["page_obj"]) == []


def test_a_programme_no_longer_offered_is_not_compared_and_the_page_says_why(client):
    factories.programme("Een")
    factories.programme("Twee")
    withdrawn_programme()
    response = client.get(COMPARE_URL, {"p": ["een", "gestopt-programma", "twee"]})
    assert [programme.name for programme in response.context["comparison"].programmes] == ["Een", "Twee"]
    assert "Gestopt programma wordt niet meer aangeboden; daarom vergelijken we het niet." in response.text
    assert 'href="/catalogus/gestopt-programma/"' in response.text
    assert "niet gevonden in het overzicht" not in response.text
    assert response.context["comparison"].unknown_slugs == []


@pytest.mark.parametrize("status", [Programme.Status.DRAFT, Programme.Status.IN_REVIEW, Programme.Status.ARCHIVED])
def test_other_unpublished_programmes_are_still_not_found(client, status):
    programme = factories.programme("Verborgen", status=status)
    assert client.get(programme.get_absolute_url()).status_code == 404
