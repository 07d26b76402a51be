"""The funding overview: insurer filter, the practice's own insurers first, and check dates for curators."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalog.models import Source
from tests import factories as common
from tests.training import factories
from training.models import FundingScheme, Insurer
from training.selectors import funding_overview

pytestmark = pytest.mark.django_db
URL = reverse("training:funding_list")


@pytest.fixture
def insurers():
    return factories.insurer("CZ"), factories.insurer("Menzis"), factories.insurer("VGZ")


@pytest.fixture
def poh_money(insurers):
    cz, menzis, vgz = insurers
    scheme = factories.scheme("POH-ggz-middelen", valid_from=datetime.date(2014, 1, 1))
    for insurer in insurers:
        factories.rule(scheme, insurer)
    return scheme


def funding_source(title, url="", seen_on=datetime.date(2026, 1, 15)):
    return Source.objects.create(title=title, publisher="Zorgverzekeraar", url=url, seen_on=seen_on)


def rule_insurers(response, scheme_index=0):
    return [row.rule.insurer.name for row in response.context["overview"][scheme_index].rules]


def test_overview_shows_every_scheme_with_its_rules_and_last_check(client, poh_money):
    response = client.get(URL)
    body = response.content.decode()
    assert "POH-ggz-middelen" in body
    assert rule_insurers(response) == ["CZ", "Menzis", "VGZ"]
    assert poh_money.last_checked.strftime("%Y") in body


def test_filter_by_insurer_shows_only_that_insurers_rules(client, poh_money):
    response = client.get(URL, {"insurer": "menzis"})
    assert rule_insurers(response) == ["Menzis"]
    assert "Regel van CZ" not in response.content.decode()


def test_filter_on_an_insurer_without_a_rule_says_to_check_their_policy(client, poh_money):
    factories.insurer("ONVZ")
    response = client.get(URL, {"insurer": "onvz"})
    assert rule_insurers(response) == []
    assert "ONVZ" in response.content.decode().split("tk-scheme", 1)[1]


def test_an_unknown_insurer_is_refused_next_to_the_field(client, poh_money):
    response = client.get(URL, {"insurer": "bestaat-niet"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors["insurer"]


def test_the_practices_own_insurers_come_first_and_are_marked(client, poh_money, insurers, practice_with_insurers):
    cz, menzis, vgz = insurers
    practice_with_insurers(vgz)
    client.force_login(common.user())
    response = client.get(URL)
    rows = response.context["overview"][0].rules
    assert [(row.rule.insurer.name, row.contracted) for row in rows] == [
        ("VGZ", True),
        ("CZ", False),
        ("Menzis", False),
    ]
    assert "tk-rule-mine" in response.content.decode()


def test_without_a_practice_no_rule_is_marked(client, poh_money, monkeypatch):
    monkeypatch.setattr("practices.middleware.practice_context_of", lambda request: None)
    response = client.get(URL)
    assert not any(row.contracted for row in response.context["overview"][0].rules)


def test_check_overdue_is_shown_to_staff_only(client, poh_money):
    today = timezone.localdate()
    factories.scheme("Verouderd", check_by=today - datetime.timedelta(days=1))
    public = client.get(URL).content.decode()
    assert "tk-tag-warn" not in public
    assert 'role="note"' not in public
    client.force_login(common.user(is_staff=True))
    response = client.get(URL)
    body = response.content.decode()
    assert "tk-tag-warn" in body
    assert 'role="note"' in body
    assert response.context["overdue_count"] == 1
    assert [item.scheme.title for item in response.context["overview"] if item.check_overdue] == ["Verouderd"]


def test_check_overdue_query_uses_the_check_by_date():
    today = datetime.date(2026, 6, 1)
    factories.scheme("Op tijd", check_by=today)
    factories.scheme("Te laat", check_by=today - datetime.timedelta(days=1))
    assert list(FundingScheme.objects.check_overdue(today=today).values_list("title", flat=True)) == ["Te laat"]


def test_overview_query_count_does_not_grow_with_rules(client, insurers, django_assert_max_num_queries):
    for n in range(4):
        scheme = factories.scheme(f"Regeling {n}")
        scheme.sources.add(funding_source(f"Regeling {n}"))
        for insurer in insurers:
            factories.rule(scheme, insurer).sources.add(funding_source(f"Regel {n} {insurer.name}"))
    # Schemes and rules, each with their sources (prefetched), whatever their number.
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert sum(len(item.rules) for item in response.context["overview"]) == 12


def test_selector_orders_contracted_insurers_first_keeping_name_order(poh_money, insurers):
    cz, menzis, vgz = insurers
    overview = funding_overview(rules=poh_money.rules.all(), contracted_insurer_ids={vgz.pk, menzis.pk})
    assert [row.rule.insurer.name for row in overview[0].rules] == ["Menzis", "VGZ", "CZ"]


def test_demo_funding_data_has_the_main_insurers_and_three_schemes(settings):
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / "training_funding.json"), verbosity=0)
    assert set(Insurer.objects.values_list("slug", flat=True)) == {
        "zilveren-kruis",
        "vgz",
        "cz",
        "menzis",
        "dsw",
        "zorg-en-zekerheid",
        "onvz",
    }
    poh = FundingScheme.objects.get(valid_from=datetime.date(2014, 1, 1))
    assert "e-health" in poh.covers and "consultatie" in poh.covers
    assert poh.rules.count() == 7
    assert all("actuele" in rule.rule_text for rule in poh.rules.all())
    texts = " ".join(FundingScheme.objects.values_list("covers", flat=True))
    assert "directe tijd" in texts and "één contactmoment" in texts
    assert "facultatieve" in texts and "innovatieve" in texts


def test_rules_of_other_insurers_are_folded_away_until_an_insurer_is_chosen(client, poh_money):
    folded = client.get(URL).content.decode()
    assert "<details" in folded and "<summary>" in folded
    chosen = client.get(URL, {"insurer": "cz"}).content.decode()
    assert "<details" not in chosen


def test_a_scheme_shows_its_sources_next_to_it_with_the_date_seen(client, poh_money):
    poh_money.sources.add(
        funding_source(
            "Prestatiebeschrijving POH-ggz", url="https://www.nza.nl/poh-ggz", seen_on=datetime.date(2026, 2, 3)
        )
    )
    body = client.get(URL).content.decode()
    assert (
        'bron: <a href="https://www.nza.nl/poh-ggz" rel="noopener">Prestatiebeschrijving POH-ggz</a>, '
        "Zorgverzekeraar, gezien op 3 februari 2026"
    ) in body


def test_an_insurer_rule_shows_its_own_source_next_to_the_rule(client, poh_money, insurers):
    cz_rule = poh_money.rules.get(insurer=insurers[0])
    cz_rule.sources.add(funding_source("Inkoopbeleid ggz 2026", url="https://www.cz.nl/inkoop"))
    body = client.get(URL, {"insurer": "cz"}).content.decode()
    rule_html = body.split("Regel van CZ.", 1)[1]
    assert 'bron: <a href="https://www.cz.nl/inkoop" rel="noopener">Inkoopbeleid ggz 2026</a>' in rule_html
    assert "gezien op 15 januari 2026" in rule_html


def test_a_source_without_an_address_is_named_by_its_title(client, poh_money):
    poh_money.sources.add(funding_source("Inventarisatie eerste lijn"))
    body = client.get(URL).content.decode()
    assert "bron: <cite>Inventarisatie eerste lijn</cite>, Zorgverzekeraar, gezien op 15 januari 2026" in body


def test_the_old_single_source_link_still_shows(client):
    factories.scheme("Oud", source_url="https://example.org/regeling", source_name="Oude bron")
    body = client.get(URL).content.decode()
    assert '<a href="https://example.org/regeling" rel="noopener noreferrer">Bron: Oude bron</a>' in body
