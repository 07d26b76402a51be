"""Finding one's way in the workspace: the main menu and the practice menu mark where the member is, the practice
menu folds behind one button on a phone, and publishing the patient page is said once."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


@pytest.mark.parametrize(
    ("name", "label"),
    [("dashboard", "Overzicht en stappenplan"), ("task_split", "Taakverdeling"), ("menu", "Ons aanbod")],
)
def test_the_practice_menu_marks_the_current_page(client, practice, huisarts, name, label):
    client.force_login(huisarts)
    text = client.get(_url(name, practice)).text
    assert f'<a class="nav-link px-0" href="{_url(name, practice)}" aria-current="page">{label}</a>' in text
    assert text.count('aria-current="page"') == 1


def test_the_main_menu_marks_my_practice_as_the_current_section(client, practice, huisarts):
    client.force_login(huisarts)
    text = client.get(_url("vision", practice)).text
    choose = reverse("practices:choose")
    assert f'<a class="nav-link active" href="{choose}" aria-current="true">Mijn praktijk</a>' in text
    assert text.count('aria-current="true"') == 1


def test_the_catalogue_marks_no_workspace_item(client, practice, huisarts):
    client.force_login(huisarts)
    text = client.get(reverse("catalog:programme_list")).text
    assert f'href="{reverse("practices:choose")}" aria-current' not in text


def test_the_practice_menu_folds_behind_one_button_that_controls_it(client, practice, huisarts):
    client.force_login(huisarts)
    text = client.get(_url("dashboard", practice)).text
    assert 'data-bs-toggle="collapse"' in text
    assert 'data-bs-target="#practice-nav" aria-controls="practice-nav" aria-expanded="false"' in text
    assert '<div class="collapse d-lg-block practice-nav-collapse" id="practice-nav">' in text
    # Bootstrap's Collapse plugin alone, from local static files (no CDN, no inline script), and a no-JS fallback.
    assert '<script src="/static/vendor/bootstrap/collapse.min.js" defer></script>' in text
    assert "practices-nojs.css" in text
    assert "<script>" not in text


def test_publishing_the_patient_page_is_said_once(client, practice, manager):
    client.force_login(manager)
    response = client.post(_url("patient_page_publish", practice), {"published": "1"}, follow=True)
    assert response.text.count("De patiëntenpagina is gepubliceerd") == 1
    practice.refresh_from_db()
    assert practice.patient_page_published


def test_withdrawing_the_patient_page_is_said_once(client, practice, manager):
    practice.patient_page_published = True
    practice.save(update_fields=["patient_page_published"])
    client.force_login(manager)
    response = client.post(_url("patient_page_publish", practice), {"published": "0"}, follow=True)
    assert response.text.count("De patiëntenpagina is niet gepubliceerd") == 1
    assert "niet meer openbaar" not in response.text


def test_the_practice_menu_kept_rendered_follows_the_page_role_and_name(client, practice, manager):
    """The side menu is kept per practice, role, page and language: a change to any of them shows at once."""
    client.force_login(manager)
    settings_link = f'href="{_url("settings", practice)}"'
    assert settings_link in client.get(_url("dashboard", practice)).text
    assert 'aria-current="page">Ons aanbod' in client.get(_url("menu", practice)).text
    membership = practice.memberships.get(user=manager)
    membership.role = "huisarts"
    membership.save()
    practice.name = "Andere naam"
    practice.save()
    text = client.get(_url("dashboard", practice)).text
    assert settings_link not in text
    assert '<p class="fw-bold mb-1">Andere naam</p>' in text
