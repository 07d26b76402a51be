"""The practice settings page: the manager keeps the details right; bad input is explained, not lost."""

import pytest
from django.urls import reverse

from practices.models import AuditEvent
from training.models import Insurer

pytestmark = pytest.mark.django_db


@pytest.fixture
def insurers():
    return [
        Insurer.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("CZ", "Menzis", "Zilveren Kruis")
    ]


def _form(practice, **changes):
    data = {
        "name": practice.name,
        "place": practice.place,
        "agb_code": practice.agb_code,
        "kind": practice.kind,
        "phone": practice.phone,
        "website": practice.website,
    }
    data.update(changes)
    return data


def _url(practice):
    return reverse("practices:settings", args=[practice.slug])


def test_manager_saves_the_settings_with_insurers_and_it_is_audited(client, practice, manager, insurers):
    client.force_login(manager)
    cz, _menzis, zk = insurers
    data = _form(practice, phone="030 999 8888", website="https://delinde.example", insurers=[cz.pk, zk.pk])
    response = client.post(_url(practice), data, follow=True)
    assert "De instellingen zijn opgeslagen." in response.text
    practice.refresh_from_db()
    assert (practice.phone, practice.website) == ("030 999 8888", "https://delinde.example")
    assert set(practice.insurers.all()) == {cz, zk}
    event = AuditEvent.objects.get(action="change")
    assert event.subject == "settings: phone, website, insurers"


def test_saving_without_changes_writes_no_change_event(client, practice, manager):
    client.force_login(manager)
    response = client.post(_url(practice), _form(practice), follow=True)
    assert "Er is niets gewijzigd." in response.text
    assert not AuditEvent.objects.filter(action="change").exists()


@pytest.mark.parametrize("agb_code", ["1234567", "123456789", "1234567a", "12 34 56"])
def test_agb_code_must_be_eight_digits_with_the_error_next_to_the_field(client, practice, manager, agb_code):
    client.force_login(manager)
    response = client.post(_url(practice), _form(practice, agb_code=agb_code, place="Zeist"))
    assert response.status_code == 200
    html = response.text
    # Once in the summary at the top, linked to the field, and once at the field itself.
    assert html.count("Een AGB-code bestaat uit precies 8 cijfers.") == 2
    assert 'href="#id_agb_code"' in html
    error_at = html.rindex("Een AGB-code bestaat uit precies 8 cijfers.")
    assert html.rindex('id="id_agb_code"', 0, error_at) > html.rindex('id="id_place"', 0, error_at)
    assert f'value="{agb_code}"' in html and 'value="Zeist"' in html  # what was typed stays
    assert "Er is een probleem" in html
    practice.refresh_from_db()
    assert (practice.agb_code, practice.place) == ("01234567", "Utrecht")


def test_agb_code_of_another_practice_is_refused(client, practice, manager, other_practice):
    client.force_login(manager)
    response = client.post(_url(practice), _form(practice, agb_code=other_practice.agb_code))
    assert "Een andere praktijk heeft deze AGB-code al." in response.text
    practice.refresh_from_db()
    assert practice.agb_code == "01234567"


def test_a_form_error_does_not_show_the_half_typed_name_in_the_menu(client, practice, manager):
    client.force_login(manager)
    response = client.post(_url(practice), _form(practice, name="Nieuwe naam", agb_code="1"))
    assert 'value="Nieuwe naam"' in response.text
    assert '<p class="fw-bold mb-1">Huisartsenpraktijk De Linde</p>' in response.text


def test_the_care_group_is_not_a_setting_the_practice_sets_itself(client, practice, manager):
    # A practice joins a care group only by accepting its invitation (practices/care_groups.py).
    client.force_login(manager)
    assert 'name="care_group"' not in client.get(_url(practice)).text


def test_settings_form_labels_are_dutch(client, practice, manager):
    client.force_login(manager)
    html = client.get(_url(practice)).text
    for label in ("AGB-code", "Plaats", "Zorgverzekeraars met een contract", "Telefoonnummer voor patiënten"):
        assert label in html
