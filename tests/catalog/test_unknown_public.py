"""A fact nobody checked reads "Nog niet bekend" on every public page: never "Nee", "Niet mogelijk" or a default."""

import re
from html import unescape

import pytest
from django.urls import reverse

from catalog.facts import FLAG_GROUPS, flag_summary
from catalog.models import Programme
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = reverse("catalog:programme_list")
UNKNOWN = "Nog niet bekend"
YES_NO_FACTS = [name for fields in FLAG_GROUPS.values() for name in fields] + [
    "anonymous_use",
    "his_feedback",
    "available_after_treatment",
]
CHOICE_FACTS = ["reading_level", "approach", "cost", "medical_device_class"]


def unknown_programme(name="Nog uit te zoeken", **fields):
    """A published programme of which no yes/no or choice fact is known yet."""
    facts = {field: None for field in YES_NO_FACTS}
    facts.update({field: "unknown" for field in CHOICE_FACTS})
    facts.update(fields)
    return factories.programme(name, **facts)


def visible_text(html: str) -> str:
    """What a reader sees: tags dropped, whitespace collapsed."""
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def row(text: str, label: str) -> str:
    """The text that follows a fact's label (the next 120 characters)."""
    return text.split(f" {label} ", 1)[1][:120]


# --- the rule, without HTTP ---


def test_flag_summary_keeps_yes_no_and_unknown_apart():
    programme = Programme(on_web=True, on_ios=None, on_android=False)
    summary = flag_summary(programme, "platforms")
    assert summary.yes == ("Web",)
    assert summary.no == ("Android-app",)
    assert summary.unknown == ("iOS-app",)
    assert not summary.all_unknown and not summary.none_offered


def test_flag_summary_of_nothing_checked_is_all_unknown():
    summary = flag_summary(Programme(offers_self_help=None, offers_guided=None, offers_blended=None), "delivery")
    assert summary.all_unknown and not summary.none_offered


# --- detail page ---


@pytest.mark.parametrize(
    "label",
    [
        "Anoniem gebruik",
        "Resultaten terug in het HIS/KIS",
        "Na de behandeling",
        "Aanbiedvorm",
        "Platforms",
        "Ernst van de klachten",
        "Taalniveau",
        "Insteek",
        "Kosten en wie betaalt",
        "CE/MDR-klasse",
    ],
)
def test_detail_says_not_known_yet_for_each_unchecked_fact(client, label):
    programme = unknown_programme()
    text = visible_text(client.get(programme.get_absolute_url()).text)
    assert row(text, label).startswith(UNKNOWN), row(text, label)


def test_detail_never_turns_unknown_into_no(client):
    programme = unknown_programme()
    text = visible_text(client.get(programme.get_absolute_url()).text)
    for dishonest in ["Niet mogelijk", "Nee", "Niet beschikbaar", "Gratis", "B2", "Geschikt bij lichte klachten"]:
        assert dishonest not in text, dishonest


def test_detail_says_no_only_when_a_curator_set_no(client):
    programme = unknown_programme(anonymous_use=False, his_feedback=False)
    text = visible_text(client.get(programme.get_absolute_url()).text)
    assert row(text, "Anoniem gebruik").startswith("Nee")
    assert row(text, "Resultaten terug in het HIS/KIS").startswith("Nee")
    assert row(text, "Na de behandeling").startswith(UNKNOWN)


def test_platforms_list_the_known_ones_and_name_what_is_unknown(client):
    programme = unknown_programme(on_web=True, on_ios=False, on_android=None)
    text = visible_text(client.get(programme.get_absolute_url()).text)
    assert row(text, "Platforms").startswith("Web; nog niet bekend: Android-app")


def test_delivery_that_is_partly_known_says_which_part_is_unknown(client):
    programme = unknown_programme(offers_guided=True)
    text = visible_text(client.get(programme.get_absolute_url()).text)
    assert row(text, "Aanbiedvorm").startswith(
        "Begeleid door de POH-ggz; nog niet bekend: Zelfhulp (zelfstandig), Blended, naast gesprekken in de praktijk"
    )


def test_known_facts_read_as_yes(client):
    programme = unknown_programme(anonymous_use=True, his_feedback=True, cost=Programme.Cost.FREE)
    text = visible_text(client.get(programme.get_absolute_url()).text)
    assert row(text, "Anoniem gebruik").startswith("Ja")
    assert row(text, "Resultaten terug in het HIS/KIS").startswith("Ja, voortgang en resultaten")
    assert row(text, "Kosten en wie betaalt").startswith("Gratis voor de patiënt")


# --- overview card ---


def test_card_says_not_known_yet_for_delivery_and_cost(client):
    unknown_programme()
    text = visible_text(client.get(LIST_URL).text)
    card = text.split("Nog uit te zoeken", 1)[1]
    assert row(card, "Aanbiedvorm").startswith(UNKNOWN)
    assert row(card, "Kosten").startswith(UNKNOWN)
    assert "Gratis" not in card


# --- comparison ---


@pytest.mark.parametrize(
    "label",
    ["Anoniem gebruik", "Resultaten terug in het HIS/KIS", "Na de behandeling", "Platforms", "Aanbiedvorm"],
)
def test_compare_says_not_known_yet_where_nobody_checked(client, label):
    unknown_programme("Onbekend A")
    factories.programme("Bekend B", anonymous_use=False, his_feedback=False, available_after_treatment=False)
    response = client.get(reverse("catalog:compare"), {"p": ["onbekend-a", "bekend-b"]})
    cells = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', response.text, flags=re.S).group(1)
    first, second = (visible_text(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", cells, flags=re.S))
    assert first == UNKNOWN
    assert second != UNKNOWN
