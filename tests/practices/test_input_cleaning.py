"""One input-cleaning place (toolkit/input_cleaning.py): no control character or lone surrogate reaches a view."""

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.otp import verified_login
from toolkit.input_cleaning import cleaned_querydict

pytestmark = pytest.mark.django_db


def test_cleaning_drops_control_characters_and_lone_surrogates_from_keys_and_values_but_keeps_line_breaks():
    query = QueryDict(mutable=True)
    query.setlist("th\x00eme", ["a\x00b", "c\x1b[31md\x7f\x85", "e\ud800f"])
    query.setlist("text", ["line one\r\nline\ttwo"])
    cleaned = cleaned_querydict(query)
    assert cleaned.getlist("theme") == ["ab", "c[31md", "ef"]
    assert cleaned.getlist("text") == ["line one\r\nline\ttwo"]


def test_an_escape_sequence_typed_into_a_practice_setting_is_stored_without_its_control_characters(
    client, practice, manager
):
    client.force_login(manager)
    data = {
        "name": "De\x1b[31m Linde\x07",
        "place": "Utrecht\x08",
        "agb_code": practice.agb_code,
        "kind": practice.kind,
        "phone": practice.phone,
        "website": "",
    }
    client.post(reverse("practices:settings", args=[practice.slug]), data)
    practice.refresh_from_db()
    assert (practice.name, practice.place) == ("De[31m Linde", "Utrecht")


def test_a_nul_in_an_admin_list_filter_is_no_server_error():
    # PostgreSQL refused the NUL in the status filter's query (a 500); SQLite let it through.
    curator = factories.user("curator", is_staff=True, is_superuser=True)
    client = Client(raise_request_exception=False)
    verified_login(client, curator)
    response = client.get(reverse("admin:catalog_programme_changelist"), QUERY_STRING="status__exact=%00")
    assert response.status_code < 500


def test_a_nul_in_a_posted_log_in_name_is_no_server_error(client):
    response = client.post(reverse("login"), {"username": "alice\x00", "password": "x\x00"})
    assert response.status_code == 200
