"""No English on Dutch pages: every kind of Dutch page is fetched and checked against a list of known English leaks.

The leaks are the strings earlier versions showed (Django's and the admin's newer strings that their own Dutch
catalogue lacks, import-export's export page, the admin's success messages), plus generic English words that a
missing translation leaves behind. A second check reads the Dutch text written into templates themselves (not
through gettext) for "je"/"jij"/"jouw": the site says "u".
"""

import re
from pathlib import Path

import pytest
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.urls import reverse
from django.utils import translation

from practices.models import Role
from tests import factories, publishing
from tests.otp import verified_login
from tests.practices import factories as practice_factories
from tests.toolkit.test_polite_dutch import INFORMAL, readable_text

ROOT = Path(__file__).resolve().parents[2]

KNOWN_LEAKS = [
    "Select an option",
    "Search",
    "Pagination",
    "This exporter will export",
    "Select all",
    "Filter by",
    "Logout",
    "Forgotten your login",
    "was changed successfully",
    "was added successfully",
    "Not Found",
    "There is a problem",
    "Nothing has been saved",
    "Page not found",
    "Save",
    "Cancel",
    "Submit",
    "Next",
    "Previous",
    "Required",
    "This field is required",
    "Enter a",
]
LEAK = re.compile(r"(?<![\w-])(" + "|".join(re.escape(leak) for leak in KNOWN_LEAKS) + r")(?![\w-])")


def english_leaks(html):
    return sorted({match.group(0) for match in LEAK.finditer(readable_text(html))})


def _assert_dutch(client, url, *, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    assert not url.startswith("/en/")
    assert english_leaks(response.text) == [], url


def test_the_checker_finds_a_leak_in_visible_text_and_labels():
    html = "<main><h2>Search programma's</h2><select><option>- Select an option -</option></select></main>"
    assert english_leaks(html) == ["Search", "Select an option"]
    assert english_leaks('<main><p>Zoeken</p><a aria-label="Pagination x">1</a></main>') == ["Pagination"]


@pytest.fixture
def programme(db):
    return publishing.publish(publishing.ready_for_review("Kopstoring"))


@pytest.mark.django_db
def test_public_pages_have_no_english(client, programme):
    urls = [
        reverse("home"),
        reverse("catalog:programme_list"),
        reverse("catalog:programme_list") + "?q=zzz-niets",
        programme.get_absolute_url(),
        reverse("catalog:provider_list"),
        reverse("catalog:provider_detail", args=[programme.provider.slug]),
        reverse("catalog:how_we_assess"),
        reverse("catalog:keuzehulp"),
        reverse("catalog:keuzehulp") + "?theme=depressie&severity=mild",
        reverse("training:course_list"),
        reverse("training:manual_list"),
        reverse("training:funding_list"),
        reverse("training:certificate_lookup"),
        reverse("login"),
        reverse("password_reset"),
    ]
    for url in urls:
        _assert_dutch(client, url)
    _assert_dutch(client, "/bestaat-niet/", status=404)


@pytest.mark.django_db
def test_forms_with_errors_have_no_english(client):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    assert english_leaks(response.text) == []
    assert "Er is een probleem" in response.text


@pytest.mark.django_db
def test_the_practice_workspace_has_no_english(client, programme):
    practice = practice_factories.practice("Huisartsenpraktijk De Linde", slug="de-linde")
    manager = practice_factories.member(practice, Role.MANAGER, "alice")
    client.force_login(manager)
    names = [
        "dashboard",
        "members",
        "invite",
        "settings",
        "training_overview",
        "vision",
        "vision_versions",
        "task_split",
        "population",
        "menu",
        "patient_page_settings",
    ]
    for name in names:
        _assert_dutch(client, reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug}))
    _assert_dutch(client, reverse("practices:task_split", kwargs={"practice_slug": practice.slug}) + "?suggestion=1")
    _assert_dutch(client, reverse("practices:care_groups", kwargs={"practice_slug": practice.slug}))
    # Django's new empty choice, which its own Dutch lacks (no workspace form has an optional choice since the
    # care group left the settings for practices/care_groups.py).
    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "- Kies een optie -"
    # Every form's errors, in Dutch.
    for name, data in [("settings", {"name": ""}), ("task_split", {}), ("population", {"share_0_17": "x"})]:
        response = client.post(reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug}), data)
        assert response.status_code == 200 and "Er is een probleem" in response.text, name
        assert english_leaks(response.text) == [], name


@pytest.mark.django_db
def test_the_curators_admin_has_no_english(client, redactie_group, programme):
    curator = factories.user("redacteur", is_staff=True)
    curator.groups.add(redactie_group)
    verified_login(client, curator)
    urls = [
        reverse("admin:index"),
        reverse("admin:catalog_programme_changelist"),
        reverse("admin:catalog_programme_changelist") + "?q=kop",
        reverse("admin:catalog_programme_change", args=[programme.pk]),
        reverse("admin:catalog_programme_export"),
        reverse("admin:catalog_provider_changelist"),
        reverse("admin:catalog_study_changelist"),
    ]
    for url in urls:
        _assert_dutch(client, url)


TEMPLATE_DIRS = ["templates", "accounts/templates", "catalog/templates", "practices/templates", "training/templates"]
TAG_OR_VARIABLE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
COMMENT_BLOCK = re.compile(r"\{% comment %\}.*?\{% endcomment %\}", re.S)
TRANSLATED_BLOCK = re.compile(r"\{% blocktranslate.*?\{% endblocktranslate %\}", re.S)


def literal_template_text(source):
    """The text a template writes itself: outside comments, translation blocks, tags and variables."""
    for pattern in (COMMENT_BLOCK, TRANSLATED_BLOCK, TAG_OR_VARIABLE):
        source = pattern.sub(" ", source)
    return source


def test_the_literal_text_reader_skips_translated_text():
    source = '{% blocktranslate %}Did you know{% endblocktranslate %}<p>Heb je {{ je }} {% translate "je" %}</p>'
    assert [m.group(0) for m in INFORMAL.finditer(literal_template_text(source))] == ["je"]


def test_no_template_says_je():
    found = []
    for folder in TEMPLATE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".html", ".txt"}:
                continue
            text = literal_template_text(path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in INFORMAL.finditer(text)]
    assert not found, f'write these with "u": {found}'
