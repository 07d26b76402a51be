"""A curator imports programmes from a spreadsheet, checks the history and fills in a quality checklist."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.models import ChecklistAnswer, Programme
from tests import factories
from tests.browser.curation import assert_admin_accessible, log_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

# Semicolons, as a spreadsheet with Dutch settings saves a CSV file.
# An empty cell or "onbekend" is a fact nobody checked yet: it imports as unknown, never as "no".
SPREADSHEET = (
    "slug;name;provider;summary;themes;languages;cost;anonymous_use;his_feedback\n"
    "minderdrinken;Minderdrinken;Trimbos-Instituut;Minder drinken met een online programma.;alcohol;nl;free;onbekend;\n"
)


@pytest.fixture
def curator(redactie_group, checklist_questions):
    user = factories.user("redactie", password="toolkit-demo", is_staff=True)
    user.groups.add(redactie_group)
    factories.provider("Trimbos-Instituut")
    factories.theme("Alcohol")
    factories.language("Nederlands", "nl")
    return user


def test_curator_imports_a_spreadsheet_and_sees_the_new_draft_in_the_history(page, axe, curator, tmp_path):
    log_in_to_admin(page, "redactie", "toolkit-demo")
    page.goto(reverse("admin:catalog_programme_changelist"))
    page.get_by_role("link", name="Importeren").click()
    assert_admin_accessible(page, axe)

    spreadsheet = tmp_path / "programmas.csv"
    spreadsheet.write_text(SPREADSHEET, encoding="utf-8")
    page.get_by_label("Bestand om te importeren").set_input_files(str(spreadsheet))
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("cell", name="Minderdrinken", exact=True)).to_be_visible()
    assert_admin_accessible(page, axe)
    assert not Programme.objects.exists()  # the preview changes nothing

    page.get_by_role("button", name="Accepteer de import").click()
    expect(page.get_by_text("Import klaar: 1 nieuw")).to_be_visible()
    programme = Programme.objects.get(slug="minderdrinken")
    assert programme.status == Programme.Status.DRAFT
    assert (programme.anonymous_use, programme.his_feedback) == (None, None)

    page.goto(reverse("admin:catalog_programme_history", args=[programme.pk]))
    expect(page.get_by_role("cell", name="redactie").first).to_be_visible()
    assert_admin_accessible(page, axe)


def test_curator_answers_a_checklist_question_of_an_assessment(page, axe, curator):
    programme = factories.programme("Drinktest", provider=factories.provider("Trimbos-Instituut"))
    assessment = programme.assessments.get(criterion="user_friendliness")
    log_in_to_admin(page, "redactie", "toolkit-demo")
    page.goto(reverse("admin:catalog_qualityassessment_change", args=[assessment.pk]))
    question = page.get_by_label("Heeft de aanbieder een klachtenprocedure?")
    expect(question).to_have_value("unknown")
    assert_admin_accessible(page, axe)

    question.select_option(label="Ja")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Gewijzigd: ", exact=False).first).to_be_visible()
    [answer] = ChecklistAnswer.objects.filter(assessment=assessment)
    assert (answer.question.text, answer.answer) == ("Heeft de aanbieder een klachtenprocedure?", "yes")


def test_curator_adds_a_programme_and_the_slug_follows_the_name(page, axe, curator):
    log_in_to_admin(page, "redactie", "toolkit-demo")
    page.goto(reverse("admin:catalog_programme_add"))
    page.get_by_role("textbox", name="Naam:").press_sequentially("Grip op je slaap")
    expect(page.get_by_role("textbox", name="Slug (deel van het webadres):")).to_have_value("grip-op-je-slaap")
    assert_admin_accessible(page, axe)

    page.goto(reverse("admin:catalog_programme_export"))
    expect(page.get_by_role("button", name="Indienen")).to_be_visible()
    assert_admin_accessible(page, axe)
