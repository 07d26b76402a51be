"""The main menu links every part of the toolkit with a plain {% url %}: a renamed URL breaks the page loudly."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

ROOT = Path(settings.BASE_DIR)
MENU = {
    "catalog:programme_list": "Programma's",
    "catalog:keuzehulp": "Keuzehulp",
    "training:course_list": "E-learning",
    "training:manual_list": "Handleidingen",
    "training:funding_list": "Financiering",
}


@pytest.mark.django_db
def test_the_main_menu_links_every_part_of_the_toolkit(client):
    text = client.get(reverse("home")).text
    menu = text[text.index('<ul class="nav flex-wrap">') :]
    menu = menu[: menu.index("</ul>")]
    for name, label in MENU.items():
        assert f'<a class="nav-link" href="{reverse(name)}">{escape(label)}</a>' in menu, name  # nothing marked at home
    assert 'href=""' not in text


def test_no_template_hides_a_link_whose_url_does_not_resolve():
    # `{% url … as x %}` swallows a NoReverseMatch; followed by `{% if x %}` it hides the link instead of failing.
    hiding = re.compile(r"\{% url [^%]* as (\w+) %\}\s*\{% if \1 %\}")
    templates = [
        path for folder in ["templates", "catalog", "practices", "training"] for path in (ROOT / folder).rglob("*.html")
    ]
    offenders = [
        str(path.relative_to(ROOT))
        for path in templates
        if hiding.search(path.read_text()) and "/admin/" not in str(path)  # admin: a deleted user has no page
    ]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "label"),
    [
        ("catalog:programme_list", "Programma's"),
        ("catalog:keuzehulp", "Keuzehulp"),
        ("training:course_list", "E-learning"),
        ("training:manual_list", "Handleidingen"),
        ("training:funding_list", "Financiering"),
        ("login", "Inloggen"),
    ],
)
def test_the_menu_marks_the_current_page(client, url_name, label):
    text = client.get(reverse(url_name)).text
    href = reverse(url_name)
    assert f'<a class="nav-link active" href="{href}" aria-current="page">{escape(label)}</a>' in text
    assert text.count("aria-current=") == 1


@pytest.mark.django_db
def test_a_page_inside_a_section_marks_its_menu_item_as_the_current_section(client):
    text = client.get(reverse("catalog:how_we_assess")).text
    href = reverse("catalog:programme_list")
    assert f'<a class="nav-link active" href="{href}" aria-current="true">Programma&#x27;s</a>' in text or (
        f'<a class="nav-link active" href="{href}" aria-current="true">Programma\'s</a>' in text
    )
    keuzehulp = client.get(reverse("catalog:keuzehulp")).text
    assert f'href="{href}" aria-current' not in keuzehulp  # the keuzehulp is its own item
