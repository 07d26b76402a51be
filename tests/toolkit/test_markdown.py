"""The one Markdown renderer: curator Markdown becomes HTML, and whatever HTML it carries is made harmless.

Every page that shows curator text renders it through the same policy; the last tests check that a programme's
material reads the same on the programme page and in the manuals.
"""

import pytest
from django.urls import reverse

from catalog.models import Resource
from tests import factories
from toolkit.markdown import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("Een **vet** woord en een lijst:\n\n- een\n- twee")
    assert "<strong>vet</strong>" in html
    assert "<li>een</li>" in html


def test_script_tag_is_removed_with_its_content():
    html = render_markdown("Voor <script>alert('x')</script> na")
    assert "<script" not in html
    assert "alert" not in html
    assert "Voor" in html and "na" in html


def test_onerror_attribute_is_dropped():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">tekst</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "alert" not in html


def test_javascript_link_loses_its_target():
    html = render_markdown("[klik](javascript:alert(1)) en <a href='JaVaScRiPt:alert(2)'>hier</a>")
    assert "javascript" not in html.lower()
    assert "klik" in html and "hier" in html


def test_links_get_noopener_noreferrer():
    html = render_markdown("[Thuisarts](https://www.thuisarts.nl/)")
    assert 'href="https://www.thuisarts.nl/"' in html
    assert 'rel="noopener noreferrer"' in html


def test_a_level_one_heading_becomes_level_two_because_the_page_has_its_own_h1():
    html = render_markdown("# Titel")
    assert "<h1" not in html
    assert "<h2>Titel</h2>" in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""


def test_tables_and_definition_lists_are_kept_for_curator_texts():
    html = render_markdown("| Stap | Wie |\n|---|---|\n| 1 | POH |\n\nTerm\n: Uitleg")
    assert "<table>" in html and "<td>POH</td>" in html
    assert "<dt>Term</dt>" in html and "<dd>Uitleg</dd>" in html


def test_images_and_data_links_are_dropped():
    html = render_markdown("![plaatje](https://example.org/x.png) [data](data:text/html,hoi)")
    assert "<img" not in html
    assert "data:" not in html


SAME_BODY = (
    "# Werkwijze\n\n**Stap 1** <script>alert(1)</script> [meer](javascript:x) [Thuisarts](https://www.thuisarts.nl/)"
)
RENDERED = render_markdown(SAME_BODY)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page",
    [
        lambda programme: reverse("catalog:programme_detail", kwargs={"slug": programme.slug}),
        lambda programme: reverse("training:manual_list"),
    ],
    ids=["programme page", "manuals"],
)
def test_a_resource_body_reads_the_same_on_every_page_that_shows_it(client, page):
    programme = factories.programme("Psyfit")
    Resource.objects.create(programme=programme, title="Werkwijze", kind=Resource.Kind.MANUAL, url="", body=SAME_BODY)
    text = client.get(page(programme)).content.decode()
    assert str(RENDERED) in text
    assert "<h2>Werkwijze</h2>" in text
    assert "alert(1)" not in text and "javascript:" not in text
