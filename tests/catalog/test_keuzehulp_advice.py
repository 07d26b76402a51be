"""The advice sheet's helpers on plain data: chosen slugs, what to expect, QR codes, the text to paste."""

import re

import pytest
from django.http import QueryDict
from django.utils import translation

from catalog.keuzehulp import Answers, ProgrammeFacts
from catalog.keuzehulp_advice import MAX_CHOSEN, chosen_slugs, patient_message, qr_svg, what_to_expect
from toolkit.practice_context import PracticeContext


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def facts(**fields):
    fields.setdefault("website", "https://www.kleurjeleven.nl/")
    return ProgrammeFacts(id=1, slug="kleur-je-leven", name="Kleur je leven", **fields)


def test_chosen_slugs_keep_order_and_drop_repeats():
    assert chosen_slugs(QueryDict("p=b&p=a&p=b")) == (["b", "a"], False)


def test_chosen_slugs_drop_what_cannot_be_a_slug_and_say_so():
    assert chosen_slugs(QueryDict("p=a&p=../etc/passwd&p=<b>")) == (["a"], True)


def test_chosen_slugs_stop_at_what_fits_one_page():
    query = QueryDict("&".join(f"p=s{index}" for index in range(MAX_CHOSEN + 2)))
    slugs, left_out = chosen_slugs(query)
    assert len(slugs) == MAX_CHOSEN and left_out


def test_guided_patient_is_told_the_poh_ggz_follows_along():
    lines = what_to_expect(facts(offers_self_help=True, offers_guided=True), Answers(guidance="guided"))
    assert lines[0] == "You do the programme yourself. The POH-ggz follows along and talks it through."


def test_self_help_patient_works_at_own_pace():
    lines = what_to_expect(facts(offers_self_help=True, offers_guided=True), Answers(guidance="alone"))
    assert lines[0] == "You work on the programme yourself, at your own pace."


def test_expectations_name_duration_devices_cost_and_anonymity():
    programme = facts(duration_weeks=8, on_web=True, on_android=True, cost="insurer", anonymous_use=True)
    lines = what_to_expect(programme, Answers())
    assert "It takes about 8 weeks." in lines
    assert "You can use it on: a computer or tablet, an Android phone." in lines
    assert "Your health insurer often pays for it. Check your policy." in lines
    assert "You can use it without giving your name." in lines


def test_qr_code_is_inline_svg_without_style_attributes():
    svg = qr_svg("https://www.kleurjeleven.nl/", 'QR code for "A & B"')
    assert svg.startswith('<svg role="img"')
    assert svg.count("<svg") == 1
    assert "style" not in svg
    assert '<title>QR code for "A &amp; B"</title>' in svg
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg)


def test_patient_message_names_each_programme_with_its_address_and_the_safety_line():
    second = ProgrammeFacts(id=2, slug="psyfit", name="Psyfit", website="https://www.psyfit.nl/")
    text = patient_message([facts(), second])
    assert "- Kleur je leven: https://www.kleurjeleven.nl/" in text
    assert "- Psyfit: https://www.psyfit.nl/" in text
    assert "These programmes suit you:" in text
    assert "0800-0113" in text


def test_patient_message_ends_with_the_practice_contact_line():
    practice = PracticeContext(name="Praktijk De Linde", slug="de-linde", contact_line="Bel 030-123 45 67")
    assert patient_message([facts()], practice).endswith("Praktijk De Linde\nBel 030-123 45 67")


def test_patient_message_is_dutch_by_default():
    with translation.override("nl"):
        assert patient_message([facts()]).startswith("Beste,")
