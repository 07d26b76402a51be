"""Project-wide behaviour: health check, security headers, languages."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_ok_without_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_without_inline_script(client):
    response = client.get(reverse("home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_home_page_is_dutch_by_default_and_english_under_en(client):
    dutch = client.get("/", headers={"accept-language": "en"})
    english = client.get("/en/")
    assert dutch.status_code == english.status_code == 200
    assert '<html lang="nl">' in dutch.text
    assert '<html lang="en">' in english.text


@pytest.mark.django_db
def test_a_known_string_renders_in_both_languages(client):
    assert "Welk programma past bij deze patiënt?" in client.get("/").text
    assert "Which programme fits this patient?" in client.get("/en/").text


@pytest.mark.django_db
def test_home_page_links_to_every_part_of_the_toolkit(client):
    text = client.get("/").text
    for name in [
        "catalog:programme_list",
        "catalog:keuzehulp",
        "training:course_list",
        "training:manual_list",
        "training:funding_list",
        "practices:choose",
    ]:
        assert f'href="{reverse(name)}"' in text, name


@pytest.mark.django_db
def test_the_home_page_dates_the_reach_estimate_and_names_its_source(client):
    dutch = client.get("/").text
    assert "Schatting uit 2014" in dutch
    assert "minder dan één op de tien" in dutch
    assert "35%" in dutch
    assert "Bron:</figcaption>" not in dutch
    assert "Trimbos-instituut" in dutch and "Inventarisatie" in dutch and "(2014)" in dutch
    assert "Nu krijgt" not in dutch
    english = client.get("/en/").text
    assert "Estimate from 2014" in english and "today" not in english.lower()
