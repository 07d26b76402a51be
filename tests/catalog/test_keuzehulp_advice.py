"""The advice sheet's helpers on plain data: chosen slugs, what to expect, QR codes, the text to paste."""

import itertools
import re

import pytest
from django.http import QueryDict
from django.utils import translation

from catalog.keuzehulp import Answers, Guidance, ProgrammeFacts
from catalog.keuzehulp_advice import (
    COST_SENTENCES,
    MAX_CHOSEN,
    chosen_slugs,
    patient_message,
    qr_svg,
    what_to_expect,
)
from catalog.models import Programme
from practices.middleware import PracticeContext


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


def test_self_help_with_guidance_unknown_says_only_what_is_known():
    lines = what_to_expect(facts(offers_self_help=True), Answers(guidance="guided"))
    assert lines[0] == "You work on the programme yourself, at your own pace."


def test_nothing_known_about_guidance_sends_the_patient_to_the_practice():
    lines = what_to_expect(facts(), Answers())
    assert lines[0] == "Ask the practice if someone will help you with it."


def test_unknown_cost_is_never_called_free():
    lines = what_to_expect(facts(cost="unknown"), Answers())
    assert "Ask the practice what it costs." in lines
    assert not any("free" in line for line in lines)


def test_a_programme_with_nothing_known_gets_no_device_anonymity_or_price():
    lines = what_to_expect(facts(), Answers())
    assert lines == ["Ask the practice if someone will help you with it.", "Ask the practice what it costs."]


def test_every_cost_value_has_its_own_sentence_and_there_is_no_fallback():
    assert set(COST_SENTENCES) == set(Programme.Cost.values)
    assert len({str(sentence) for sentence in COST_SENTENCES.values()}) == len(COST_SENTENCES)


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


# --- The sheet over every value --------------------------------------------------------------------------
#
# The oracle below is written here, apart from the code: each sentence the sheet may say, with the facts that
# must be KNOWN for it to be true. A sentence not in the oracle fails (a new sentence must be added here, with
# what it asserts); a sentence whose facts are unknown or different fails; a cost sentence for another cost
# than the programme's (a fallback) fails.

YES_NO_UNKNOWN = (True, False, None)
DEVICE_LABELS = {"on_web": "a computer or tablet", "on_ios": "an iPhone", "on_android": "an Android phone"}
COST_ORACLE = {
    "It is free for you.": Programme.Cost.FREE,
    "The practice pays for it. It is free for you.": Programme.Cost.PRACTICE_LICENCE,
    "Your health insurer often pays for it. Check your policy.": Programme.Cost.INSURER,
    "You pay for it yourself.": Programme.Cost.PATIENT,
    "Ask the practice what it costs.": Programme.Cost.UNKNOWN,
}


def _asserts_only_known_facts(line: str, programme: ProgrammeFacts) -> bool:
    if line in COST_ORACLE:
        return programme.cost == COST_ORACLE[line]
    if line == "You do the programme yourself. The POH-ggz follows along and talks it through.":
        return programme.offers_guided is True or programme.offers_blended is True
    if line == "You work on the programme yourself, at your own pace.":
        return programme.offers_self_help is True
    if line == "Ask the practice if someone will help you with it.":
        return True  # asserts nothing about the programme
    if line == "You can use it without giving your name.":
        return programme.anonymous_use is True
    if line.startswith("You can use it on: "):
        named = line.removeprefix("You can use it on: ").removesuffix(".").split(", ")
        allowed = {label for fact, label in DEVICE_LABELS.items() if getattr(programme, fact) is True}
        return bool(named) and set(named) <= allowed
    if match := re.fullmatch(r"It takes about (\d+) weeks?\.", line):
        return programme.duration_weeks == int(match[1])
    raise AssertionError(f"a sentence the oracle does not know (add it with what it asserts): {line!r}")


SHEET_FACTS = {
    "offers_self_help": YES_NO_UNKNOWN,
    "offers_guided": YES_NO_UNKNOWN,
    "offers_blended": YES_NO_UNKNOWN,
    "anonymous_use": YES_NO_UNKNOWN,
    "on_web": YES_NO_UNKNOWN,
    "on_ios": YES_NO_UNKNOWN,
    "on_android": YES_NO_UNKNOWN,
    "cost": tuple(Programme.Cost.values),
    "duration_weeks": (None, 1, 8),
}
# Facts the sheet does not read today; they still run through every value, so a sentence added later that
# reads one of them is checked too (it would first fail as unknown to the oracle).
OTHER_FACTS = {
    "suits_mild": YES_NO_UNKNOWN,
    "suits_moderate": YES_NO_UNKNOWN,
    "reading_level": tuple(Programme.ReadingLevel.values),
    "approach": tuple(Programme.Approach.values),
}
GUIDANCE_WISHES = ("", *Guidance.values)


def _every_programme(fact_values):
    names = list(fact_values)
    for values in itertools.product(*fact_values.values()):
        yield facts(**dict(zip(names, values, strict=True)))


def test_the_sheet_over_every_value_of_every_fact_states_only_what_is_known():
    checked = 0
    for programme in _every_programme(SHEET_FACTS):
        for wish in GUIDANCE_WISHES:
            lines = what_to_expect(programme, Answers(guidance=wish))
            cost_lines = [line for line in lines if line in COST_ORACLE]
            assert cost_lines == [next(text for text, cost in COST_ORACLE.items() if cost == programme.cost)]
            for line in lines:
                assert _asserts_only_known_facts(line, programme), (line, programme)
            checked += 1
    assert checked == 3**7 * len(Programme.Cost.values) * 3 * len(GUIDANCE_WISHES)


def test_facts_the_sheet_does_not_read_never_change_it():
    base = facts(offers_self_help=True, on_web=True, cost="free")
    expected = what_to_expect(base, Answers())
    for values in itertools.product(*OTHER_FACTS.values()):
        other = facts(offers_self_help=True, on_web=True, cost="free", **dict(zip(OTHER_FACTS, values, strict=True)))
        assert what_to_expect(other, Answers()) == expected


def test_the_dutch_sheet_says_u_and_never_je_over_every_value():
    with translation.override("nl"):
        for programme in _every_programme({**SHEET_FACTS, "on_ios": (None,), "on_android": (None,)}):
            for line in what_to_expect(programme, Answers(guidance="guided")):
                assert not re.search(r"\b(je|jij|jouw)\b", line, re.IGNORECASE), line
                assert "gratis" not in line or programme.cost in ("free", "practice_licence"), line
