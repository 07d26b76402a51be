"""Curators set what a lookup means (age band, low literacy, prevalence key, home language) in the admin, and the
keuzehulp follows at once: no slug in the code decides it."""

import pytest
from django.urls import reverse

from catalog.keuzehulp_selectors import answer_options, keuzehulp_programmes
from catalog.models import AgeBand, PrevalenceKey, TargetGroup, Theme
from tests import factories
from tests.otp import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(client, redactie_group):
    # The group comes from the fixture: a flush by an earlier test in this worker may have emptied it.
    user = factories.user("redacteur", is_staff=True)
    user.groups.add(redactie_group)
    verified_login(client, user)
    return user


def test_the_target_group_list_shows_what_each_group_means(client, curator):
    factories.target_group("Jongeren", age_band=AgeBand.YOUTH)
    factories.target_group("Laaggeletterden", low_literacy=True)
    page = client.get(reverse("admin:catalog_targetgroup_changelist")).content.decode()
    assert "Jongeren" in page and "Laaggeletterden" in page
    assert "column-age_band" in page and "column-low_literacy" in page and "column-migration_background" in page


def test_a_curator_classifies_a_renamed_target_group_and_the_keuzehulp_follows(client, curator):
    group = factories.target_group("Tieners")  # a slug no rule has ever heard of
    factories.programme("Voor tieners", target_groups=[group])
    assert keuzehulp_programmes()[0].age_bands == frozenset()
    data = {
        "name": "Tieners",
        "slug": "tieners",
        "position": "100",
        "age_band": AgeBand.YOUTH,
        "low_literacy": "on",
    }
    response = client.post(reverse("admin:catalog_targetgroup_change", args=[group.pk]), data)
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.age_band, group.low_literacy, group.migration_background) == (AgeBand.YOUTH, True, False)
    facts = keuzehulp_programmes()[0]
    assert facts.age_bands == {AgeBand.YOUTH} and facts.for_low_literacy


def test_a_curator_sets_the_prevalence_key_of_a_theme(client, curator):
    theme = factories.theme("Somberheid")
    data = {"name": "Somberheid", "slug": "somberheid", "position": "100", "prevalence_key": PrevalenceKey.DEPRESSION}
    assert client.post(reverse("admin:catalog_theme_change", args=[theme.pk]), data).status_code == 302
    assert Theme.objects.get(pk=theme.pk).prevalence_key == PrevalenceKey.DEPRESSION


def test_a_curator_marks_the_home_language(client, curator):
    dutch = factories.language("Nederlands", "nl", is_home_language=False)
    factories.programme(languages=[dutch])
    assert answer_options().home_language == ""
    data = {"name": "Nederlands", "slug": "nederlands", "code": "nl", "position": "100", "is_home_language": "on"}
    assert client.post(reverse("admin:catalog_language_change", args=[dutch.pk]), data).status_code == 302
    assert answer_options().home_language == "nl"


def test_a_new_target_group_says_nothing_until_a_curator_classifies_it():
    group = TargetGroup.objects.create(name="Mantelzorgers", slug="mantelzorgers")
    assert (group.age_band, group.low_literacy, group.migration_background) == (AgeBand.NONE, False, False)
