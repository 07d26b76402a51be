"""The public "Hoe wij beoordelen" page: criteria, verdicts, questions, sources, review, four eyes, corrections."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from catalog.models import ChecklistQuestion, Criterion, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


def url(language="nl"):
    with translation.override(language):
        return reverse("catalog:how_we_assess")


def page(client, language="nl"):
    response = client.get(url(language))
    assert response.status_code == 200
    return response.text


def test_the_page_has_a_dutch_address_and_an_english_one():
    assert url("nl") == "/catalogus/hoe-wij-beoordelen/"
    assert url("en") == "/en/catalogue/how-we-assess/"


def test_the_page_is_dutch_by_default_and_english_under_en(client):
    assert '<h1 id="how-title">Hoe wij beoordelen</h1>' in page(client)
    assert '<h1 id="how-title">How we assess</h1>' in page(client, "en")


def test_the_page_names_the_four_criteria_and_says_they_are_never_added_up(client):
    html = page(client)
    for label in ["Effectiviteit", "Transparantie", "Gebruiksvriendelijkheid", "Veiligheid"]:
        assert f"<dt>{label}</dt>" in html
    assert "We tellen ze nooit op tot één cijfer" in html


def test_each_verdict_level_has_its_own_anchor_with_the_sites_wording(client):
    html = page(client)
    for verdict, label in [
        (Verdict.MEETS, "voldoet"),
        (Verdict.PARTLY, "voldoet deels"),
        (Verdict.DOES_NOT, "voldoet niet"),
        (Verdict.UNKNOWN, "niet bekend"),
    ]:
        assert re.search(rf'<dt id="verdict-{verdict}">.*?{label}</span>', html), verdict
    assert "nog niet beoordeeld</span>" in html


def test_the_checklist_questions_come_from_the_database_per_criterion(client):
    ChecklistQuestion.objects.all().delete()
    ChecklistQuestion.objects.create(criterion=Criterion.SAFETY, text="Worden gegevens versleuteld opgeslagen?")
    ChecklistQuestion.objects.create(criterion=Criterion.USER_FRIENDLINESS, text="Is er een klachtenregeling?")
    html = page(client)
    safety = html.split('id="criterion-safety"', 1)[1]
    assert "<li>Worden gegevens versleuteld opgeslagen?</li>" in safety
    friendliness = html.split('id="criterion-user_friendliness"', 1)[1].split('id="criterion-safety"', 1)[0]
    assert "<li>Is er een klachtenregeling?</li>" in friendliness
    assert "Worden gegevens versleuteld" not in friendliness


def test_a_criterion_without_questions_says_so(client):
    ChecklistQuestion.objects.filter(criterion__in=[Criterion.SAFETY, Criterion.EFFECTIVENESS]).delete()
    html = page(client)
    assert html.count("Voor dit criterium zijn nog geen vragen vastgelegd.") == 2
    ChecklistQuestion.objects.all().delete()
    html = page(client)
    assert html.count("Voor dit criterium zijn nog geen vragen vastgelegd.") == 4


def test_the_page_explains_sources_review_four_eyes_withdrawal(client):
    html = page(client)
    for expected in [
        "het adres van de precieze pagina (niet een homepage) en de datum waarop we haar lazen",
        "We controleren elk programma binnen 12 maanden opnieuw.",
        '<blockquote class="overdue-notice">Deze informatie is ouder dan gepland; de redactie controleert haar '
        "opnieuw.</blockquote>",
        "Wie de pagina ter beoordeling instuurde, kan haar niet zelf publiceren.",
        "Wordt een programma niet meer aangeboden, dan leggen we vast sinds wanneer en waarom.",
        "Redacteuren houden werknotities voor elkaar bij; die komen nooit op de site.",
    ]:
        assert expected in html, expected


def test_a_provider_is_told_to_email_the_configured_address(client, settings):
    settings.DEFAULT_FROM_EMAIL = "redactie@toolkit.example"
    html = page(client)
    correction = html.split('id="correction"', 1)[1]
    assert '<a href="mailto:redactie@toolkit.example">redactie@toolkit.example</a>' in correction


def test_an_editorial_address_setting_wins_over_the_sender_address(client, settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@toolkit.example"
    settings.EDITORIAL_EMAIL = "correcties@toolkit.example"
    correction = page(client).split('id="correction"', 1)[1]
    assert "mailto:correcties@toolkit.example" in correction
    assert "noreply@toolkit.example" not in correction


def test_every_verdict_links_to_its_level_on_the_page(client):
    programme = factories.programme("Psyfit", verdicts={Criterion.SAFETY: Verdict.PARTLY})
    programme.assessments.filter(criterion=Criterion.SAFETY).update(assessed_on=date(2026, 1, 5))
    target = url()
    for page_url in [reverse("catalog:programme_list"), programme.get_absolute_url()]:
        html = client.get(page_url).text
        assert f'<a class="verdict-label" href="{target}#verdict-partly">voldoet deels' in html, page_url
        assert html.count(f'class="verdict-label" href="{target}#verdict-') >= 4, page_url


def test_the_footer_and_the_overview_link_to_the_page(client):
    html = client.get(reverse("catalog:programme_list")).text
    footer = html.split("<footer", 1)[1]
    assert f'<a href="{url()}">Hoe wij programma’s beoordelen</a>' in footer
    assert f'<a href="{url()}">Hoe wij beoordelen</a>' in html.split("<footer", 1)[0]


def test_the_page_refuses_post(client):
    assert client.post(url()).status_code == 405
