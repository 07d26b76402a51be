"""The main menu and the footer are kept rendered per process (toolkit/templatetags/site_shell.py): a kept part must
never carry one visitor's, page's or language's state into another's page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from toolkit.templatetags import site_shell

pytestmark = pytest.mark.django_db


def _menu(text):
    menu = text[text.index('<ul class="nav flex-wrap">') :]
    return menu[: menu.index("</ul>")]


LOGOUT_TOKEN = re.compile(r'action="/account/uitloggen/"><input type="hidden" name="csrfmiddlewaretoken" value="(\w+)"')


def _logout_token(text):
    return LOGOUT_TOKEN.search(text)


def test_a_member_and_a_visitor_each_get_their_own_menu_from_the_same_process(client, django_user_model):
    member = Client()
    member.force_login(django_user_model.objects.create_user("poh", password="x" * 12))
    for _round in range(2):  # the second round comes from the kept parts
        visitor_menu = _menu(client.get(reverse("catalog:keuzehulp")).text)
        member_menu = _menu(member.get(reverse("catalog:keuzehulp")).text)
        assert "Inloggen" in visitor_menu and "Mijn praktijk" not in visitor_menu and "Uitloggen" not in visitor_menu
        assert "Mijn praktijk" in member_menu and "Uitloggen" in member_menu and "Inloggen" not in member_menu


def test_the_log_out_form_carries_each_visitors_own_csrf_token(django_user_model):
    tokens = set()
    for name in ("eerste", "tweede"):
        member = Client(enforce_csrf_checks=True)
        member.force_login(django_user_model.objects.create_user(name, password="x" * 12))
        text = member.get(reverse("catalog:programme_list")).text
        token = _logout_token(text).group(1)
        tokens.add(token)
        response = member.post(reverse("logout"), {"csrfmiddlewaretoken": token})
        assert response.status_code == 302 and "_auth_user_id" not in member.session
    assert len(tokens) == 2


def test_the_current_page_mark_does_not_travel_to_the_next_page(client):
    funding = reverse("training:funding_list")
    assert 'aria-current="page"' in client.get(funding).text
    home = client.get(reverse("home")).text
    assert "aria-current=" not in home and "active" not in _menu(home)
    assert 'aria-current="page">Inloggen' in client.get(reverse("login")).text
    assert "aria-current=" not in client.get(reverse("home")).text


def test_each_language_gets_its_own_menu_and_footer(client):
    dutch = client.get("/").text
    english = client.get("/en/").text
    assert "Handleidingen" in _menu(dutch) and "Manuals" in _menu(english)
    with translation.override("en"):
        manuals = reverse("training:manual_list")
    assert manuals.startswith("/en/") and f'href="{manuals}"' in _menu(english)
    assert "Hoe wij programma" in dutch and "How we assess programmes" in english
    assert "Hoe wij programma" in client.get("/").text  # Dutch again after English, from the kept parts


def test_an_item_is_rendered_once_per_combination_then_kept(client):
    site_shell.forget_kept_parts()
    for _visit in range(3):
        client.get(reverse("training:manual_list"))
        client.get(reverse("catalog:keuzehulp"))
    assert site_shell._rendered_menu.cache_info().misses == 2
    assert site_shell._rendered_menu.cache_info().hits == 4
    assert site_shell._rendered_footer.cache_info().misses == 1


def test_a_page_rendered_without_a_request_gets_the_visitors_menu():
    with translation.override("nl"):
        html = site_shell.main_menu({})
    assert "Inloggen" in html and "aria-current" not in html
