"""Moving between catalogue pages: a programme page leads back to the overview as the visitor left it, and lets
the visitor pick the second programme to compare with instead of sending them off to tick one."""

import pytest
from django.urls import reverse

from catalog.views import overview_url
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = reverse("catalog:programme_list")
COMPARE_URL = reverse("catalog:compare")


def test_overview_cards_carry_the_active_filters_to_the_programme_page(client):
    gloom = factories.theme("Depressieve klachten")
    programme = factories.programme("Kleur je leven", themes=[gloom])
    text = client.get(LIST_URL, {"theme": "depressieve-klachten", "q": "kleur"}).text
    assert f'href="{programme.get_absolute_url()}?back=theme%3Ddepressieve-klachten%26q%3Dkleur"' in text


def test_overview_without_filters_links_plainly(client):
    programme = factories.programme("Kleur je leven")
    assert f'href="{programme.get_absolute_url()}"' in client.get(LIST_URL).text


def test_the_back_link_restores_the_filters(client):
    programme = factories.programme("Kleur je leven")
    text = client.get(programme.get_absolute_url(), {"back": "theme=depressieve-klachten&delivery=guided"}).text
    assert f'<a href="{LIST_URL}?theme=depressieve-klachten&amp;delivery=guided">← Alle programma’s</a>' in text


def test_the_back_link_without_filters_is_the_plain_overview(client):
    programme = factories.programme("Kleur je leven")
    assert f'<a href="{LIST_URL}">← Alle programma’s</a>' in client.get(programme.get_absolute_url()).text


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("theme=angst&page=2", "?theme=angst&page=2"),
        ("", ""),
        ("//evil.example/", "?%2F%2Fevil.example%2F="),  # only ever a query string on the overview
        ('"><script>', "?%22%3E%3Cscript%3E="),
    ],
)
def test_the_back_query_can_only_become_a_query_string_on_the_overview(back, expected):
    assert overview_url(back) == LIST_URL + expected


def test_a_programme_page_offers_the_other_programmes_to_compare_with(client):
    factories.programme("Psyfit")
    factories.programme("Kleur je leven")
    factories.programme("Concept", status="draft")
    text = client.get(reverse("catalog:programme_detail", kwargs={"slug": "psyfit"})).text
    picker = text[text.index('class="compare-picker') :]
    picker = picker[: picker.index("</form>")]
    assert f'action="{COMPARE_URL}"' in text
    assert '<input type="hidden" name="p" value="psyfit">' in picker
    assert '<option value="kleur-je-leven">Kleur je leven</option>' in picker
    assert 'value="psyfit">Psyfit</option>' not in picker  # not with itself
    assert "Concept" not in picker
    assert '<label class="form-label fw-semibold" for="compare-with">Vergelijk Psyfit met</label>' in picker


def test_the_only_programme_offers_no_comparison(client):
    programme = factories.programme("Psyfit")
    assert "compare-picker" not in client.get(programme.get_absolute_url()).text


def test_the_picked_pair_is_compared(client):
    factories.programme("Psyfit")
    factories.programme("Kleur je leven")
    response = client.get(COMPARE_URL, {"p": ["psyfit", "kleur-je-leven"]})
    assert [p.slug for p in response.context["comparison"].programmes] == ["psyfit", "kleur-je-leven"]


def test_compare_with_one_programme_offers_the_second_there(client):
    factories.programme("Psyfit")
    factories.programme("Kleur je leven")
    text = client.get(COMPARE_URL, {"p": "psyfit"}).text
    assert '<option value="kleur-je-leven">Kleur je leven</option>' in text
    assert '<input type="hidden" name="p" value="psyfit">' in text
