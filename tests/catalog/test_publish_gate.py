"""The publish gate: nothing is published with something missing, and never by the curator who sent it for review.

Each rule is tested on its own against a programme that passes every other one, through the service and the admin.
"""

from datetime import date

import pytest
from django.urls import reverse

from catalog import services
from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from tests import factories
from tests.admin_forms import form_data
from tests.otp import verified_login
from tests.publishing import UNKNOWN_RATIONALE, publish, ready_for_review, source

pytestmark = pytest.mark.django_db
Status = Programme.Status
CHANGELIST = "admin:catalog_programme_changelist"


def curator_named(username, group):
    user = factories.user(username, is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def submitter(redactie_group):
    return curator_named("indiener", redactie_group)


@pytest.fixture
def publisher(redactie_group):
    return curator_named("publiceerder", redactie_group)


@pytest.fixture
def ready(submitter):
    return ready_for_review("Psyfit", submitted_by=submitter, verdicts={Criterion.TRANSPARENCY: Verdict.MEETS})


def assessment(programme, criterion):
    return programme.assessments.get(criterion=criterion)


# --- each rule on its own -----------------------------------------------------------------------------------


def drop_assessment(programme):
    assessment(programme, Criterion.SAFETY).delete()


def undate_assessment(programme):
    QualityAssessment.objects.filter(programme=programme, criterion=Criterion.SAFETY).update(assessed_on=None)


def unexplained_unknown(programme):
    QualityAssessment.objects.filter(programme=programme, criterion=Criterion.SAFETY).update(rationale="  ")


def verdict_without_source(programme):
    assessment(programme, Criterion.TRANSPARENCY).sources.clear()


def placeholder_summary(programme):
    Programme.objects.filter(pk=programme.pk).update(summary="Concept: nog herschrijven.")


def empty_summary(programme):
    Programme.objects.filter(pk=programme.pk).update(summary="")


def no_themes(programme):
    programme.themes.clear()


def unknown_severity(programme):
    Programme.objects.filter(pk=programme.pk).update(suits_mild=None, suits_moderate=None)


def unknown_delivery(programme):
    Programme.objects.filter(pk=programme.pk).update(offers_self_help=None, offers_guided=None, offers_blended=None)


def still_a_draft(programme):
    Programme.objects.filter(pk=programme.pk).update(status=Status.DRAFT)


def nobody_sent_it(programme):
    Programme.objects.filter(pk=programme.pk).update(submitted_by=None)


BROKEN = {
    "missing assessment": (drop_assessment, "Beoordeel “Veiligheid” en vul de datum van de beoordeling in."),
    "assessment without a date": (undate_assessment, "Beoordeel “Veiligheid” en vul de datum"),
    "unknown without a public sentence": (unexplained_unknown, "Het oordeel over “Veiligheid” is onbekend"),
    "verdict without a source": (verdict_without_source, "Het oordeel over “Transparantie” heeft geen bron"),
    "summary starts with Concept": (placeholder_summary, "De samenvatting begint nog met “Concept”"),
    "no summary": (empty_summary, "Schrijf de samenvatting."),
    "no theme": (no_themes, "Kies ten minste één thema."),
    "severity unknown": (unknown_severity, "Vul de ernst in"),
    "delivery unknown": (unknown_delivery, "Vul de vorm in"),
    "still a draft": (still_a_draft, "Stuur het eerst ter beoordeling"),
    "no submitter recorded": (nobody_sent_it, "Niemand staat geregistreerd"),
}


def test_a_programme_that_meets_every_rule_has_no_blockers(ready, publisher):
    assert services.publish_blockers(ready, by=publisher) == []


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_missing_thing_is_named_and_blocks_the_service(ready, publisher, case):
    break_it, sentence = BROKEN[case]
    break_it(ready)
    ready.refresh_from_db()
    [blocker] = services.publish_blockers(ready, by=publisher)
    assert sentence in blocker
    with pytest.raises(services.PublishBlocked) as refused:
        services.programme_publish(programme=ready, by=publisher)
    assert refused.value.blockers == [blocker]
    assert sentence in str(refused.value)
    ready.refresh_from_db()
    assert ready.status != Status.PUBLISHED


def test_one_known_severity_is_enough(ready, publisher):
    Programme.objects.filter(pk=ready.pk).update(suits_mild=False, suits_moderate=None, offers_self_help=None)
    ready.refresh_from_db()
    assert services.publish_blockers(ready, by=publisher) == []


def test_a_draft_with_two_unknown_criteria_lists_everything_missing_at_once(submitter):
    draft = factories.programme("Kleurjeleven", status=Status.DRAFT, summary="Concept: tekst volgt.")
    blockers = services.publish_blockers(draft, by=submitter)
    assert len(blockers) == 1 + 4 + 4 + 1  # summary, four undated criteria, four unexplained unknowns, draft
    with pytest.raises(services.PublishBlocked) as refused:
        services.programme_publish(programme=draft, by=submitter)
    assert refused.value.blockers == blockers


# --- four eyes ----------------------------------------------------------------------------------------------


def test_the_curator_who_sent_it_for_review_cannot_publish_it(ready, submitter):
    [blocker] = services.publish_blockers(ready, by=submitter)
    assert "zelf ter beoordeling gestuurd" in blocker
    with pytest.raises(services.PublishBlocked):
        services.programme_publish(programme=ready, by=submitter)
    ready.refresh_from_db()
    assert ready.status == Status.IN_REVIEW


def test_a_second_curator_publishes_and_the_history_names_both(ready, submitter, publisher):
    services.programme_publish(programme=ready, by=publisher, today=date(2026, 3, 1))
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED
    assert ready.submitted_by == submitter
    assert ready.history.latest().history_user == publisher


def test_publishing_without_a_named_curator_is_refused(ready):
    with pytest.raises(services.PublishBlocked):
        services.programme_publish(programme=ready, by=None)


# --- withdrawing --------------------------------------------------------------------------------------------


def test_withdrawing_records_the_date_and_the_public_reason(ready, publisher):
    publish(ready, by=publisher)
    services.programme_withdraw(
        programme=ready, by=publisher, reason="De aanbieder is met het programma gestopt.", on=date(2026, 6, 1)
    )
    ready.refresh_from_db()
    assert ready.status == Status.WITHDRAWN
    assert (ready.withdrawn_on, ready.withdrawn_reason) == (
        date(2026, 6, 1),
        "De aanbieder is met het programma gestopt.",
    )
    record = ready.history.latest()
    assert record.history_user == publisher and "→" in record.history_change_reason


def test_withdrawing_needs_a_reason(ready, publisher):
    publish(ready, by=publisher)
    with pytest.raises(services.ReasonRequired):
        services.programme_withdraw(programme=ready, by=publisher, reason="  ")
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED


def test_only_a_published_programme_can_be_withdrawn(ready, publisher):
    with pytest.raises(services.TransitionRefused):
        services.programme_withdraw(programme=ready, by=publisher, reason="Gestopt.")


def test_a_withdrawn_programme_offered_again_goes_through_review_and_loses_the_old_reason(ready, submitter, publisher):
    publish(ready, by=publisher)
    services.programme_withdraw(programme=ready, by=publisher, reason="Gestopt.")
    services.programme_back_to_draft(programme=ready, by=submitter)
    services.programme_send_for_review(programme=ready, by=submitter)
    services.programme_publish(programme=ready, by=publisher)
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED
    assert (ready.withdrawn_on, ready.withdrawn_reason) == (None, "")


# --- the admin refuses too ----------------------------------------------------------------------------------


def change_url(programme):
    return reverse("admin:catalog_programme_change", args=[programme.pk])


def workflow(client, programme, step, **data):
    url = reverse("admin:catalog_programme_workflow", args=[programme.pk])
    return client.post(url, {"step": step, **data}, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_change_form_lists_what_is_missing_before_publishing(client, submitter):
    draft = factories.programme("Kleurjeleven", status=Status.DRAFT, summary="Concept: tekst volgt.")
    verified_login(client, submitter)
    page = client.get(change_url(draft)).text
    assert "Nog niet in orde voor publicatie" in page
    assert "De samenvatting begint nog met “Concept”" in page
    assert "Beoordeel “Effectiviteit” en vul de datum van de beoordeling in." in page
    assert 'value="send_for_review"' in page and 'value="publish"' in page


def test_publish_button_on_a_blocked_programme_refuses_and_says_where_to_look(client, submitter):
    draft = factories.programme("Kleurjeleven", status=Status.DRAFT, summary="Concept: tekst volgt.")
    verified_login(client, submitter)
    response = workflow(client, draft, "publish")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert any("kan nog niet worden gepubliceerd" in message for message in messages_of(response))
    assert "De samenvatting begint nog met “Concept”" in response.text


def test_the_submitter_sees_the_four_eyes_rule_and_cannot_publish_with_the_button(client, ready, submitter):
    verified_login(client, submitter)
    assert "zelf ter beoordeling gestuurd" in client.get(change_url(ready)).text
    workflow(client, ready, "publish")
    ready.refresh_from_db()
    assert ready.status == Status.IN_REVIEW


def test_a_second_curator_publishes_with_the_button(client, ready, publisher):
    verified_login(client, publisher)
    assert "Niets ontbreekt" in client.get(change_url(ready)).text
    response = workflow(client, ready, "publish")
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED
    assert "De status van “Psyfit” is nu ‘Gepubliceerd’." in messages_of(response)
    assert ready.history.latest().history_user == publisher


def test_send_for_review_button_records_the_submitter(client, submitter):
    draft = factories.programme("Kleurjeleven", status=Status.DRAFT)
    verified_login(client, submitter)
    response = workflow(client, draft, "send_for_review")
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by) == (Status.IN_REVIEW, submitter)
    assert "ter beoordeling gestuurd door indiener" in response.text


def test_publish_action_in_the_list_reports_the_blockers_per_programme(client, ready, publisher):
    draft = factories.programme("Kleurjeleven", status=Status.DRAFT, summary="Concept: tekst volgt.")
    verified_login(client, publisher)
    response = client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": [ready.pk, draft.pk]}, follow=True
    )
    ready.refresh_from_db()
    draft.refresh_from_db()
    assert (ready.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)
    shown = messages_of(response)
    assert "1 programma gepubliceerd." in shown
    [refusal] = [message for message in shown if "Kleurjeleven" in message]
    assert "De samenvatting begint nog met “Concept”" in refusal
    assert "Stuur het eerst ter beoordeling" in refusal


def test_publish_action_by_the_submitter_is_refused(client, ready, submitter):
    verified_login(client, submitter)
    client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [ready.pk]})
    ready.refresh_from_db()
    assert ready.status == Status.IN_REVIEW


def test_withdraw_button_needs_a_reason_and_then_shows_it(client, ready, publisher):
    publish(ready, by=publisher)
    verified_login(client, publisher)
    response = workflow(client, ready, "withdraw", reason="")
    ready.refresh_from_db()
    assert ready.status == Status.PUBLISHED
    assert any("Geef de reden" in message for message in messages_of(response))
    workflow(client, ready, "withdraw", reason="De aanbieder is gestopt.")
    ready.refresh_from_db()
    assert (ready.status, ready.withdrawn_reason) == (Status.WITHDRAWN, "De aanbieder is gestopt.")
    assert ready.withdrawn_on is not None


def test_the_public_reason_of_a_withdrawn_programme_can_be_corrected_but_not_emptied(client, ready, publisher):
    publish(ready, by=publisher)
    services.programme_withdraw(programme=ready, by=publisher, reason="Gestopt")
    verified_login(client, publisher)
    data = form_data(client.get(change_url(ready)))
    data["withdrawn_reason"] = ""
    response = client.post(change_url(ready), data)
    assert "withdrawn_reason" in response.context["adminform"].form.errors
    data["withdrawn_reason"] = "De aanbieder is op 1 juni 2026 met het programma gestopt."
    assert client.post(change_url(ready), data).status_code == 302
    ready.refresh_from_db()
    assert ready.withdrawn_reason == "De aanbieder is op 1 juni 2026 met het programma gestopt."


def test_back_to_draft_button(client, ready, publisher):
    verified_login(client, publisher)
    workflow(client, ready, "back_to_draft")
    ready.refresh_from_db()
    assert ready.status == Status.DRAFT


def test_workflow_url_refuses_a_get_and_an_unknown_step(client, ready, publisher):
    verified_login(client, publisher)
    url = reverse("admin:catalog_programme_workflow", args=[ready.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"step": "jump_to_published"}).status_code == 400
    ready.refresh_from_db()
    assert ready.status == Status.IN_REVIEW


def test_staff_outside_redactie_cannot_use_the_status_buttons(client, ready):
    outsider = factories.user("buitenstaander", is_staff=True)
    verified_login(client, outsider)
    url = reverse("admin:catalog_programme_workflow", args=[ready.pk])
    assert client.post(url, {"step": "publish"}).status_code == 403
    ready.refresh_from_db()
    assert ready.status == Status.IN_REVIEW


# --- a public programme keeps what the gate asked for -------------------------------------------------------


def test_a_published_programme_cannot_be_edited_back_to_a_concept_summary(client, ready, publisher):
    publish(ready, by=publisher)
    verified_login(client, publisher)
    data = form_data(client.get(change_url(ready)))
    data["summary"] = "Concept: nog herschrijven."
    data["offers_self_help"] = "unknown"
    data["offers_guided"] = "unknown"
    data["offers_blended"] = "unknown"
    response = client.post(change_url(ready), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Concept" in str(errors["summary"])
    assert "offers_self_help" in errors
    ready.refresh_from_db()
    assert ready.summary != "Concept: nog herschrijven."


def test_an_unknown_verdict_of_a_published_programme_needs_its_public_sentence(client, ready, publisher):
    publish(ready, by=publisher)
    verified_login(client, publisher)
    data = form_data(client.get(change_url(ready)))
    index = next(i for i in range(4) if data[f"assessments-{i}-rationale"] == UNKNOWN_RATIONALE)
    data[f"assessments-{index}-rationale"] = ""
    response = client.post(change_url(ready), data)
    assert response.status_code == 200
    assert "is onbekend" in response.text


def test_source_is_required_for_a_known_verdict_and_the_message_stands_at_the_field(client, publisher):
    programme = factories.programme("Mirro", status=Status.DRAFT)
    verified_login(client, publisher)
    data = form_data(client.get(change_url(programme)))
    data["assessments-0-verdict"] = "meets"
    response = client.post(change_url(programme), data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "geen bron" in str(formset.forms[0].errors["sources"])
    assert not programme.assessments.exclude(verdict="unknown").exists()

    data["assessments-0-sources"] = [str(source("Mirro: over ons").pk)]
    assert client.post(change_url(programme), data).status_code == 302
    saved = programme.assessments.get(pk=data["assessments-0-id"])
    assert saved.verdict == "meets"
    assert [s.title for s in saved.sources.all()] == ["Mirro: over ons"]


def test_source_is_required_on_the_assessment_page_too(client, publisher):
    programme = factories.programme("Mirro", status=Status.DRAFT)
    safety = assessment(programme, Criterion.SAFETY)
    verified_login(client, publisher)
    url = reverse("admin:catalog_qualityassessment_change", args=[safety.pk])
    data = form_data(client.get(url))
    data["verdict"] = "partly"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "sources" in response.context["adminform"].form.errors
    safety.refresh_from_db()
    assert safety.verdict == "unknown"
