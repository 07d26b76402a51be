"""The readability check on patient texts (catalog.readability) and the publish gate that uses it."""

import pytest
from django.utils import translation

from catalog import readability
from catalog.services import field_blockers

PLAIN = (
    "Voelt u zich vaak somber? Dit is een cursus op internet. U doet de cursus thuis. Er zijn acht lessen. "
    "U leert wat u zelf kunt doen. De praktijkondersteuner kan u helpen. Vraag de praktijk wat het kost."
)
# A professional description: correct, but not for a patient.
PROFESSIONAL = (
    "Kleurjeleven is een op cognitieve gedragstherapie gebaseerde zelfhulpinterventie voor volwassenen met "
    "subklinische depressieve symptomatologie, die zelfstandig of met begeleiding door de praktijkondersteuner "
    "geestelijke gezondheidszorg in de huisartsenvoorziening kan worden doorlopen."
)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def test_a_plain_patient_text_passes():
    assert readability.problems(PLAIN) == []
    assert readability.measure(PLAIN).flesch_douma >= readability.MIN_FLESCH_DOUMA


def test_a_professional_description_is_too_hard_for_patients():
    problems = readability.problems(PROFESSIONAL)
    assert any("hard to read" in problem for problem in problems)
    assert any("too long" in problem for problem in problems)


def test_easy_words_in_one_long_sentence_are_still_refused():
    long_sentence = " ".join(["u doet het thuis en"] * 6) + " u kunt het."
    assert readability.measure(long_sentence).flesch_douma >= readability.MIN_FLESCH_DOUMA
    assert any("too long" in problem for problem in readability.problems(long_sentence))


@pytest.mark.parametrize("text", ["", "   ", "Een cursus op internet. Vraag de praktijk."])
def test_an_empty_or_thin_text_is_refused(text):
    assert readability.problems(text)


def test_the_publish_gate_asks_for_a_readable_patient_text():
    assert "patient_text" in field_blockers({"summary": "Iets.", "patient_text": ""})
    assert "hard to read" in field_blockers({"summary": "Iets.", "patient_text": PROFESSIONAL})["patient_text"]
    assert "patient_text" not in field_blockers({"summary": "Iets.", "patient_text": PLAIN})
