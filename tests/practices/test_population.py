"""The population profile: practice-level figures only, impossible numbers refused next to the field."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import AuditEvent, PopulationProfile
from tests import factories as catalog_factories
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def dutch():
    return catalog_factories.language("Nederlands", "nl")


def _url(practice, language=None):
    with translation.override(language or translation.get_language()):
        return reverse("practices:population", kwargs={"practice_slug": practice.slug})


def _data(dutch, **overrides):
    data = {
        "registered_patients": "2500",
        "share_0_17": "20",
        "share_18_64": "62",
        "share_65_plus": "18",
        "share_low_literacy": "25",
        "share_migration": "30",
        "languages": [dutch.pk],
    }
    data.update(overrides)
    return data


def test_valid_profile_is_saved_and_audited(client, practice, manager, dutch):
    client.force_login(manager)
    response = client.post(_url(practice), _data(dutch))
    assert response.status_code == 302
    profile = PopulationProfile.objects.get(practice=practice)
    assert profile.registered_patients == 2500 and profile.share_low_literacy == Decimal("25")
    assert list(profile.languages.all()) == [dutch]
    assert profile.adults_18_64 == 1550
    assert AuditEvent.objects.filter(practice=practice, action="create", subject="population profile").exists()


def test_saving_again_changes_the_same_profile(client, practice, manager, dutch):
    client.force_login(manager)
    client.post(_url(practice), _data(dutch))
    client.post(_url(practice), _data(dutch, registered_patients="3000"))
    assert PopulationProfile.objects.get(practice=practice).registered_patients == 3000
    assert AuditEvent.objects.filter(practice=practice, action="change", subject="population profile").exists()


def test_age_bands_may_be_off_by_rounding(client, practice, manager, dutch):
    client.force_login(manager)
    response = client.post(_url(practice), _data(dutch, share_0_17="33.3", share_18_64="33.3", share_65_plus="33.3"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("share_low_literacy", "120", "A share cannot be more than 100%."),
        ("share_migration", "-5", "A share cannot be negative."),
        ("share_low_literacy", "-0.1", "A share cannot be negative."),
        ("share_18_64", "101", "A share cannot be more than 100%."),
        ("registered_patients", "0", "A practice has at least one registered patient."),
        ("registered_patients", "-40", "A practice has at least one registered patient."),
        ("registered_patients", "5000000", "more patients than any practice"),
        ("share_migration", "", "Give a percentage (0 if none)."),
        ("registered_patients", "veel", "Enter a whole number."),
    ],
)
def test_impossible_numbers_are_refused_next_to_the_field(client, practice, manager, dutch, field, value, message):
    client.force_login(manager)
    response = client.post(_url(practice), _data(dutch, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in page
    assert message in page
    assert 'aria-invalid="true"' in page
    assert not PopulationProfile.objects.filter(practice=practice).exists()


@pytest.mark.parametrize(("young", "adult", "old", "total"), [("20", "60", "10", "90"), ("30", "60", "20", "110")])
def test_age_bands_that_do_not_add_up_are_refused(client, practice, manager, dutch, young, adult, old, total):
    client.force_login(manager)
    page = client.post(
        _url(practice), _data(dutch, share_0_17=young, share_18_64=adult, share_65_plus=old)
    ).content.decode()
    assert f"The three age groups together make {total}%; they should add up to 100%." in page
    for band in ("share_0_17", "share_18_64", "share_65_plus"):
        assert f'id="id_{band}_error"' in page
    assert not PopulationProfile.objects.filter(practice=practice).exists()


def test_at_least_one_language_is_needed(client, practice, manager, dutch):
    client.force_login(manager)
    data = _data(dutch)
    del data["languages"]
    page = client.post(_url(practice), data).content.decode()
    assert "Choose at least one language." in page


def test_refused_form_keeps_what_the_user_typed(client, practice, manager, dutch):
    client.force_login(manager)
    page = client.post(
        _url(practice), _data(dutch, share_low_literacy="140", registered_patients="4321")
    ).content.decode()
    assert 'value="4321"' in page
    assert 'value="140"' in page


def test_the_form_asks_nothing_that_identifies_a_patient():
    names = {field.name for field in PopulationProfile._meta.get_fields()}
    assert names <= {
        "id",
        "practice",
        "registered_patients",
        "share_0_17",
        "share_18_64",
        "share_65_plus",
        "share_low_literacy",
        "share_migration",
        "languages",
        "updated_at",
        "updated_by",
    }


def test_page_shows_chart_table_and_cited_source_once_filled_in(client, practice, manager):
    factories.population(practice, registered_patients=2000, share_18_64=Decimal("60"))
    client.force_login(manager)
    page = client.get(_url(practice)).content.decode()
    assert 'role="img"' in page and 'aria-labelledby="chart-title chart-desc"' in page
    assert '<desc id="chart-desc">' in page
    assert 'class="table prevalence-table"' in page and "<caption>" in page
    assert "ten Have et al., NEMESIS-3 (2019–2022, 2023), Trimbos-instituut" in page
    # 1200 adults: 9.8% = 117.6, so 118 with depressive complaints; 35% of 117.6 = 41.16, so 41.
    assert "<td>118</td>" in page and "<td>41</td>" in page
    assert "style=" not in page


def test_page_without_profile_invites_to_fill_it_in(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url(practice)).content.decode()
    assert "prevalence-chart" not in page
    assert "Save the population above" in page


def test_every_figure_on_the_page_names_its_year_and_source(client, practice, manager):
    factories.population(practice, registered_patients=2000, share_18_64=Decimal("60"))
    client.force_login(manager)
    page = client.get(_url(practice)).text
    assert "Share of adults per year (measured 2019–2022)" in page
    assert "Reached at the 2014 estimate (under 10%)" in page
    assert "Reached at 35% (expected in 2014)" in page
    assert "Source of the reach figures:</strong> Trimbos-instituut" in page
    assert "ggz-behandeling met online zelfhulp (2014)" in page
    # The 2014 estimate is never presented as today's figure.
    assert "Reached today" not in page and "today's rate" not in page


def test_the_dutch_page_dates_the_reach_estimate(client, practice, manager):
    factories.population(practice, registered_patients=2000, share_18_64=Decimal("60"))
    client.force_login(manager)
    page = client.get(_url(practice, "nl")).text
    assert "schatting uit 2014" in page
    assert "gemeten in 2019–2022" in page


def test_the_page_names_the_ages_of_the_figures_and_of_the_patients_they_are_applied_to(client, practice, manager):
    # NEMESIS-3 measured adults aged 18–75; the profile counts the practice's patients aged 18–64.
    factories.population(practice, registered_patients=2000, share_18_64=Decimal("60"))
    client.force_login(manager)
    page = client.get(_url(practice, "nl")).text
    assert "ongeveer 1.200 volwassenen van 18–64 jaar" in page
    assert "Nederlandse bevolking van 18–75 jaar" in page
    assert "toegepast op uw patiënten van 18–64 jaar" in page
    assert "stoornis in het alcoholgebruik" in page
