"""Every address the site had before its paths were translated still works: a permanent redirect to the new one.

The old addresses are written out here by hand (from the urls.py files as they were), not taken from
toolkit.legacy_urls, so a route missing from that table fails this test.
"""

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from toolkit import legacy_urls

pytestmark = pytest.mark.django_db

# old Dutch path -> (URL name, kwargs). The English one was the same path under /en/.
OLD_ADDRESSES = {
    "/catalog/": ("catalog:programme_list", {}),
    "/catalog/compare/": ("catalog:compare", {}),
    "/catalog/hoe-wij-beoordelen/": ("catalog:how_we_assess", {}),
    "/catalog/keuzehulp/": ("catalog:keuzehulp", {}),
    "/catalog/keuzehulp/advies/": ("catalog:keuzehulp_advice", {}),
    "/catalog/aanbieders/": ("catalog:provider_list", {}),
    "/catalog/aanbieders/minddistrict/": ("catalog:provider_detail", {"slug": "minddistrict"}),
    "/catalog/psyfit/": ("catalog:programme_detail", {"slug": "psyfit"}),
    "/training/": ("training:course_list", {}),
    "/training/courses/poh/": ("training:course_detail", {"slug": "poh"}),
    "/training/courses/poh/enrol/": ("training:course_enrol", {"slug": "poh"}),
    "/training/courses/poh/lessons/7/": ("training:lesson_detail", {"slug": "poh", "lesson_id": 7}),
    "/training/courses/poh/lessons/7/done/": ("training:lesson_complete", {"slug": "poh", "lesson_id": 7}),
    "/training/courses/poh/quiz/": ("training:quiz", {"slug": "poh"}),
    "/training/courses/poh/quiz/attempts/3/": ("training:attempt_detail", {"slug": "poh", "attempt_id": 3}),
    "/training/courses/poh/certificate/": ("training:certificate_detail", {"slug": "poh"}),
    "/training/certificates/": ("training:certificate_lookup", {}),
    "/training/certificates/K7QX-2M4P/": ("training:certificate_verify", {"code": "K7QX-2M4P"}),
    "/training/handleidingen/": ("training:manual_list", {}),
    "/training/financiering/": ("training:funding_list", {}),
    "/account/login/": ("login", {}),
    "/account/logout/": ("logout", {}),
    "/account/password_change/": ("password_change", {}),
    "/account/password_change/done/": ("password_change_done", {}),
    "/account/password_reset/": ("password_reset", {}),
    "/account/password_reset/done/": ("password_reset_done", {}),
    "/account/reset/MQ/set-password/": ("password_reset_confirm", {"uidb64": "MQ", "token": "set-password"}),
    "/account/reset/done/": ("password_reset_complete", {}),
    "/uitnodiging/abc123/": ("accounts:invitation_accept", {"token": "abc123"}),
    "/praktijk/": ("practices:choose", {}),
    "/praktijk/demo/": ("practices:dashboard", {"practice_slug": "demo"}),
    "/praktijk/demo/team/": ("practices:members", {"practice_slug": "demo"}),
    "/praktijk/demo/team/uitnodigen/": ("practices:invite", {"practice_slug": "demo"}),
    "/praktijk/demo/team/4/rol/": ("practices:membership_role", {"practice_slug": "demo", "membership_id": 4}),
    "/praktijk/demo/team/4/verwijderen/": (
        "practices:membership_remove",
        {"practice_slug": "demo", "membership_id": 4},
    ),
    "/praktijk/demo/uitnodigingen/5/intrekken/": (
        "practices:invitation_withdraw",
        {"practice_slug": "demo", "invitation_id": 5},
    ),
    "/praktijk/demo/instellingen/": ("practices:settings", {"practice_slug": "demo"}),
    "/praktijk/demo/logboek/": ("practices:audit_log", {"practice_slug": "demo"}),
    "/praktijk/demo/scholing/": ("practices:training_overview", {"practice_slug": "demo"}),
    "/praktijk/demo/visie/": ("practices:vision", {"practice_slug": "demo"}),
    "/praktijk/demo/visie/vaststellen/": ("practices:vision_adopt", {"practice_slug": "demo"}),
    "/praktijk/demo/visie/versies/": ("practices:vision_versions", {"practice_slug": "demo"}),
    "/praktijk/demo/visie/versies/2/": ("practices:vision_version", {"practice_slug": "demo", "number": 2}),
    "/praktijk/demo/visie/afdrukken/": ("practices:vision_print", {"practice_slug": "demo"}),
    "/praktijk/demo/taakverdeling/": ("practices:task_split", {"practice_slug": "demo"}),
    "/praktijk/demo/populatie/": ("practices:population", {"practice_slug": "demo"}),
    "/praktijk/demo/aanbod/": ("practices:menu", {"practice_slug": "demo"}),
    "/praktijk/demo/aanbod/toevoegen/": ("practices:menu_add", {"practice_slug": "demo"}),
    "/praktijk/demo/aanbod/9/": ("practices:menu_item_update", {"practice_slug": "demo", "item_id": 9}),
    "/praktijk/demo/aanbod/9/verwijderen/": ("practices:menu_item_remove", {"practice_slug": "demo", "item_id": 9}),
    "/praktijk/demo/patientenpagina/": ("practices:patient_page_settings", {"practice_slug": "demo"}),
    "/praktijk/demo/patientenpagina/publiceren/": ("practices:patient_page_publish", {"practice_slug": "demo"}),
    "/p/demo/": ("practices:patient_page", {"practice_slug": "demo"}),
    "/p/demo/folder/": ("practices:patient_leaflet", {"practice_slug": "demo"}),
    "/p/demo/scherm/": ("practices:patient_screen", {"practice_slug": "demo"}),
}

CASES = [(lang, old) for lang in ("nl", "en") for old in OLD_ADDRESSES]


def old_address(language, old):
    return old if language == "nl" else "/en" + old


def new_address(language, old):
    name, kwargs = OLD_ADDRESSES[old]
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(("language", "old"), CASES)
def test_every_old_address_redirects_permanently_to_its_new_one_with_the_query(client, language, old):
    before, after = old_address(language, old), new_address(language, old)
    if before == after:
        # Unchanged in this language (the workspace in Dutch, /en/training/… in English): its own view answers.
        with translation.override(language):
            assert resolve(before).view_name == OLD_ADDRESSES[old][0]
        return
    response = client.get(before + "?theme=angst&p=a&p=b")
    assert response.status_code == 301
    assert response["Location"] == after + "?theme=angst&p=a&p=b"


def test_an_old_address_without_a_query_redirects_without_a_question_mark(client):
    response = client.get("/catalog/compare/")
    assert response.status_code == 301
    assert response["Location"] == "/catalogus/vergelijk/"


def test_an_old_english_address_redirects_to_the_english_page(client):
    response = client.get("/en/training/certificates/K7QX-2M4P/")
    assert response["Location"] == "/en/certificate/K7QX-2M4P/"


def test_a_form_posted_to_an_old_address_is_posted_again_to_the_new_one(client):
    response = client.post("/en/praktijk/demo/visie/", {"text": "kept"})
    assert response.status_code == 308
    assert response["Location"] == "/en/practice/demo/vision/"


def test_the_redirect_table_has_no_route_this_test_does_not_walk():
    walked = set()
    for language, old in CASES:
        with translation.override(language):
            match = resolve(old_address(language, old))
        if match.func is legacy_urls.redirect_to_new_address:
            walked.add(match.route.removeprefix("en/"))
    assert walked == {route for route, _name in legacy_urls.LEGACY_ROUTES}


def test_the_new_paths_are_dutch_and_english_under_en():
    assert new_address("nl", "/catalog/compare/") == "/catalogus/vergelijk/"
    assert new_address("en", "/catalog/compare/") == "/en/catalogue/compare/"
    assert new_address("nl", "/training/courses/poh/lessons/7/") == "/scholing/cursussen/poh/lessen/7/"
    assert new_address("nl", "/training/certificates/K7QX-2M4P/") == "/certificaat/K7QX-2M4P/"
    assert new_address("en", "/praktijk/demo/visie/") == "/en/practice/demo/vision/"
