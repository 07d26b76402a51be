"""The step pages speak Dutch at their plain address and English under /en/."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices import services
from practices.models import Role
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "dutch", "english"),
    [
        ("dashboard", "Uw stappenplan", "Your roadmap"),
        ("vision", "Visie op e-mental health", "Vision on e-mental health"),
        ("task_split", "Klachten signaleren", "Signalling complaints"),
        ("population", "Belangrijkste talen die uw patiënten spreken", "Main languages spoken"),
        ("menu", "Aanbevolen voor uw patiënten", "Suggested for your population"),
        (
            "patient_page_settings",
            "De patiëntenpagina is niet gepubliceerd",
            "The patient page is not published",
        ),
    ],
)
def test_workspace_pages_in_both_languages(client, practice, manager, name, dutch, english):
    client.force_login(manager)
    for language, text in (("nl", dutch), ("en", english)):
        with translation.override(language):
            url = reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})
        page = client.get(url).content.decode()
        assert text in page, (language, url)
    assert url.startswith("/en/")


def test_validation_messages_are_dutch(client, practice, manager):
    client.force_login(manager)
    page = client.post(
        reverse("practices:population", kwargs={"practice_slug": practice.slug}),
        {
            "registered_patients": "100",
            "share_0_17": "20",
            "share_18_64": "20",
            "share_65_plus": "20",
            "share_low_literacy": "120",
            "share_migration": "5",
        },
    ).content.decode()
    assert "Een percentage kan niet hoger zijn dan 100%." in page
    assert "De drie leeftijdsgroepen zijn samen 60%; dat moet 100% zijn." in page
    assert "Kies minstens één taal." in page


def test_suggestion_reasons_are_dutch(client, practice, manager):
    turkish = catalog.language("Turks", "tr")
    factories.population(practice, languages=[catalog.language(), turkish])
    catalog.programme("Ook Turks", languages=[catalog.language(), turkish])
    client.force_login(manager)
    page = client.get(reverse("practices:menu", kwargs={"practice_slug": practice.slug})).content.decode()
    assert "Ook in het Turks, een taal die in uw praktijk gesproken wordt." in page


def test_conflict_message_is_dutch(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "A"}, base_revision=0)
    client.force_login(factories.member(practice, Role.HUISARTS))
    page = client.post(
        reverse("practices:vision", kwargs={"practice_slug": practice.slug}),
        {"base_revision": 0, "why_and_whom": "B"},
    ).content.decode()
    assert "Iemand anders heeft de visie opgeslagen terwijl u aan het schrijven was" in page
