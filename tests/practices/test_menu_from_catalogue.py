"""A practice member puts a programme on the practice's menu from where they met it: its catalogue page or the
keuzehulp result. Only members, only by POST with a CSRF token, only published programmes; it is audited."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from catalog.models import Programme
from practices import services
from practices.models import AuditEvent, MenuItem
from tests import factories as catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return catalog.programme("Kleur je leven", themes=[catalog.theme("Depressieve klachten")])


def _add_url(practice):
    return reverse("practices:menu_add_programme", kwargs={"practice_slug": practice.slug})


def _menu(practice):
    return list(MenuItem.objects.filter(practice=practice).values_list("programme__slug", flat=True))


def test_the_add_address_is_dutch_with_an_english_twin(practice):
    assert _add_url(practice) == "/praktijk/de-linde/aanbod/programma-toevoegen/"
    assert Client().get("/en/practice/de-linde/menu/add-programme/").status_code == 302  # to log in: it exists


def test_a_member_with_a_weaker_role_adds_a_programme_and_goes_back(client, practice, assistant, programme):
    client.force_login(assistant)
    back = programme.get_absolute_url() + "?back=theme%3Ddepressieve-klachten"
    response = client.post(_add_url(practice), {"programme": programme.slug, "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    assert _menu(practice) == ["kleur-je-leven"]
    event = AuditEvent.objects.get(practice=practice, action=AuditEvent.Action.CREATE, subject__startswith="menu")
    assert (event.user, event.subject) == (assistant, "menu: Kleur je leven")
    page = client.get(back).text
    assert "Kleur je leven staat nu in uw aanbod." in page  # the message, once
    assert page.count("Kleur je leven staat nu in uw aanbod.") == 1


def test_outsider_gets_404_and_the_menu_stays_as_it_was(client, practice, outsider, programme):
    client.force_login(outsider)
    response = client.post(_add_url(practice), {"programme": programme.slug})
    assert response.status_code == 404
    assert _menu(practice) == []
    # Only the refusal itself is written (NEN 7513), nothing about the menu.
    assert not AuditEvent.objects.filter(practice=practice, subject__startswith="menu").exists()
    assert AuditEvent.objects.filter(practice=practice, action=AuditEvent.Action.REFUSED, user=outsider).exists()


def test_anonymous_visitor_is_sent_to_log_in_and_nothing_is_added(client, practice, programme):
    response = client.post(_add_url(practice), {"programme": programme.slug})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert _menu(practice) == []


def test_get_is_refused_for_a_member(client, practice, manager, programme):
    client.force_login(manager)
    assert client.get(_add_url(practice), {"programme": programme.slug}).status_code == 405
    assert _menu(practice) == []


def test_a_post_without_csrf_token_is_refused(practice, manager, programme):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    assert client.post(_add_url(practice), {"programme": programme.slug}).status_code == 403
    assert _menu(practice) == []


def test_a_draft_programme_cannot_be_added(client, practice, manager):
    draft = catalog.programme("Concept", status=Programme.Status.DRAFT)
    client.force_login(manager)
    assert client.post(_add_url(practice), {"programme": draft.slug}).status_code == 404
    assert _menu(practice) == []


def test_adding_twice_says_so_and_keeps_one_item(client, practice, manager, programme):
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    response = client.post(_add_url(practice), {"programme": programme.slug}, follow=True)
    assert "Kleur je leven staat al in uw aanbod." in response.text
    assert _menu(practice) == ["kleur-je-leven"]


@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_a_foreign_return_address_is_replaced_by_the_programme_page(client, practice, manager, programme, back):
    client.force_login(manager)
    response = client.post(_add_url(practice), {"programme": programme.slug, "next": back})
    assert response["Location"] == programme.get_absolute_url()


# Where the button is shown ----------------------------------------------------------------------------------


def test_the_programme_page_offers_a_member_to_add_it(client, practice, huisarts, programme):
    client.force_login(huisarts)
    text = client.get(programme.get_absolute_url()).text
    assert f'<form method="post" action="{_add_url(practice)}">' in text
    assert '<input type="hidden" name="programme" value="kleur-je-leven">' in text
    assert "Toevoegen aan het aanbod van Huisartsenpraktijk De Linde" in text
    assert "csrfmiddlewaretoken" in text


def test_the_programme_page_says_when_it_is_on_the_menu_already(client, practice, huisarts, programme):
    services.menu_add(practice=practice, by=huisarts, programme=programme)
    client.force_login(huisarts)
    text = client.get(programme.get_absolute_url()).text
    assert "In het aanbod van Huisartsenpraktijk De Linde." in text
    assert f'href="{reverse("practices:menu", kwargs={"practice_slug": practice.slug})}"' in text
    assert _add_url(practice) not in text


def test_an_anonymous_visitor_gets_no_add_button(client, practice, programme):
    text = client.get(programme.get_absolute_url()).text
    assert _add_url(practice) not in text
    assert "Toevoegen aan het aanbod" not in text


def test_the_keuzehulp_result_offers_each_programme_not_on_the_menu(client, practice, manager, programme):
    on_menu = catalog.programme("Mindfit", themes=list(programme.themes.all()))
    services.menu_add(practice=practice, by=manager, programme=on_menu)
    client.force_login(manager)
    query = urlencode({"theme": "depressieve-klachten", "severity": "mild", "age": "adult"})
    text = client.get(f"{reverse('catalog:keuzehulp')}?{query}").text
    assert 'form="menu-add-kleur-je-leven"' in text
    assert f'action="{_add_url(practice)}" id="menu-add-kleur-je-leven"' in text
    assert "Kleur je leven toevoegen aan het aanbod van Huisartsenpraktijk De Linde" in text
    assert 'form="menu-add-mindfit"' not in text
    # The button returns to this very result.
    assert f'name="next" value="{reverse("catalog:keuzehulp")}?{query.replace("&", "&amp;")}#result"' in text


def test_menu_items_link_to_their_programme_pages(client, practice, manager, programme):
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    text = client.get(reverse("practices:menu", kwargs={"practice_slug": practice.slug})).text
    assert f'<a href="{programme.get_absolute_url()}">Kleur je leven</a></h3>' in text
