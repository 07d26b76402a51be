"""Adopting the vision from its page adopts the text on the page: what was typed and not saved is never lost."""

import re

import pytest
from django.urls import reverse

from practices import services
from practices.models import VisionVersion
from practices.vision import SECTION_KEYS
from tests.practices import factories

pytestmark = pytest.mark.django_db

FIRST, *OTHERS = SECTION_KEYS


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


def _draft_without_first_section(practice, manager):
    sections = {key: f"Tekst {key}" for key in OTHERS}
    return services.vision_save_draft(practice=practice, by=manager, sections=sections, base_revision=0)


def test_adopting_with_unsaved_text_saves_it_and_adopts_it(client, practice, manager):
    draft = _draft_without_first_section(practice, manager)
    client.force_login(manager)
    data = {"base_revision": draft.revision, **draft.sections, FIRST: "Net getypt, niet opgeslagen"}
    response = client.post(_url("vision_adopt", practice), data, follow=True)
    assert response.status_code == 200
    version = practice.visions.get()
    assert version.status == VisionVersion.Status.ADOPTED
    assert version.text(FIRST) == "Net getypt, niet opgeslagen"
    assert "Versie 1 van de visie is vastgesteld." in response.text


def test_a_refused_adoption_keeps_the_typed_text_saved_and_marks_the_empty_section(client, practice, manager):
    draft = services.vision_save_draft(practice=practice, by=manager, sections={FIRST: "Eerste tekst"}, base_revision=0)
    client.force_login(manager)
    second = OTHERS[0]
    data = {"base_revision": draft.revision, FIRST: "Eerste tekst", second: "Nieuw getypt"}
    response = client.post(_url("vision_adopt", practice), data)
    assert response.status_code == 200
    html = response.text
    # The text is saved as the draft, and shown again in the form.
    draft = practice.visions.get()
    assert (draft.status, draft.text(second)) == (VisionVersion.Status.DRAFT, "Nieuw getypt")
    assert "Nieuw getypt</textarea>" in html
    # The form now points at the saved revision, so saving again is not a conflict.
    assert f'name="base_revision" value="{draft.revision}"' in html
    # Each empty section is in the summary, linked to its field, and marked at the field.
    empty = OTHERS[1]
    assert f'href="#id_{empty}"' in html and f'href="#id_{second}"' not in html
    assert f'id="id_{empty}_error"' in html
    textarea = re.search(rf'<textarea[^>]*id="id_{empty}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in textarea and f"id_{empty}_error" in textarea
    assert "Wat u invulde is opgeslagen als concept." in html


def test_adopting_from_an_empty_start_saves_and_adopts_version_one(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url("vision", practice)).text
    assert 'formaction="' + _url("vision_adopt", practice) + '"' in page
    data = {"base_revision": 0, **factories.vision_sections("Alles")}
    client.post(_url("vision_adopt", practice), data)
    version = practice.visions.get()
    assert (version.number, version.status) == (1, VisionVersion.Status.ADOPTED)


def test_adopting_after_a_colleagues_save_shows_the_conflict_and_adopts_nothing(client, practice, manager, huisarts):
    draft = _draft_without_first_section(practice, manager)
    services.vision_save_draft(
        practice=practice, by=huisarts, sections={**draft.sections, FIRST: "Van Bob"}, base_revision=draft.revision
    )
    client.force_login(manager)
    data = {"base_revision": draft.revision, **draft.sections, FIRST: "Van Alice"}
    response = client.post(_url("vision_adopt", practice), data)
    assert response.status_code == 409
    assert "Van Alice" in response.text and "Van Bob" in response.text
    assert practice.visions.get().status == VisionVersion.Status.DRAFT
