"""Curator Markdown is rendered, and whatever HTML it carries is made harmless."""

import pytest
from django.urls import reverse

from tests.training import factories
from training.markdown import render_markdown


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


@pytest.mark.django_db
def test_a_lesson_with_a_script_renders_inert_on_its_page(learner_client):
    course = factories.course(lessons=1)
    lesson = course.lessons.get()
    lesson.body = "Hallo <script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    lesson.save()
    learner_client.post(reverse("training:course_enrol", kwargs={"slug": course.slug}))
    response = learner_client.get(lesson.get_absolute_url())
    body = response.content.decode()
    assert "Hallo" in body
    assert "pwned" not in body
    assert "onerror" not in body
