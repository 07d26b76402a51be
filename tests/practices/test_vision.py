"""The vision: drafts over several sittings, adoption by GP or manager, readable versions, and conflicts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from practices import services
from practices.models import AuditEvent, Role, VisionVersion
from practices.vision import SECTION_KEYS, VISION_SECTIONS, compare_sections, word_diff
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _url(name, practice, **kwargs):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug, **kwargs})


def _post_data(sections, base_revision):
    return {"base_revision": base_revision, **sections}


# Drafts -----------------------------------------------------------------------------------------------------


def test_first_save_creates_draft_version_one(practice, manager):
    draft = services.vision_save_draft(
        practice=practice, by=manager, sections={"why_and_whom": "Voor volwassenen"}, base_revision=0
    )
    assert (draft.number, draft.status, draft.revision) == (1, VisionVersion.Status.DRAFT, 1)
    assert draft.text("why_and_whom") == "Voor volwassenen"
    assert draft.updated_by == manager


def test_saving_again_updates_the_same_draft_and_counts_the_revision(practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "een"}, base_revision=0)
    draft = services.vision_save_draft(
        practice=practice, by=manager, sections={"why_and_whom": "twee"}, base_revision=1
    )
    assert practice.visions.count() == 1
    assert (draft.revision, draft.text("why_and_whom")) == (2, "twee")


def test_draft_is_continued_in_a_later_sitting(client, practice, manager):
    client.force_login(manager)
    response = client.post(
        _url("vision", practice),
        _post_data({"why_and_whom": "Eerste zitting", "availability": "12 maanden"}, 0),
    )
    assert response.status_code == 302

    client.logout()
    client.force_login(manager)
    page = client.get(_url("vision", practice)).content.decode()
    assert "Eerste zitting" in page and "12 maanden" in page
    assert 'name="base_revision" value="1"' in page


def test_unchanged_form_saves_nothing(practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=0)
    again = services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=1)
    assert again.revision == 1


def test_every_section_has_guidance_on_the_form(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url("vision", practice)).content.decode()
    for section in VISION_SECTIONS:
        assert str(section.guidance)[:40] in page or section.key in page
        assert f'id="id_{section.key}_helptext"' in page


# Adopting ---------------------------------------------------------------------------------------------------


def test_adopting_makes_the_draft_final_with_date_and_adopter(practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    version = services.vision_adopt(practice=practice, by=manager, revision=1)
    assert version.status == VisionVersion.Status.ADOPTED
    assert version.adopted_by == manager and version.adopted_at is not None


def test_adopting_refuses_empty_sections(practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=0)
    with pytest.raises(ValidationError, match="Still empty"):
        services.vision_adopt(practice=practice, by=manager)
    assert not practice.visions.filter(status=VisionVersion.Status.ADOPTED).exists()


def test_adopting_without_a_draft_is_refused(practice, manager):
    with pytest.raises(ValidationError):
        services.vision_adopt(practice=practice, by=manager)


def test_adopting_a_draft_changed_since_it_was_read_is_refused(practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_save_draft(
        practice=practice, by=huisarts, sections=factories.vision_sections("Anders"), base_revision=1
    )
    with pytest.raises(services.VisionConflict):
        services.vision_adopt(practice=practice, by=manager, revision=1)


def test_new_draft_starts_from_the_last_adopted_version(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections("V1"), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    client.force_login(manager)

    page = client.get(_url("vision", practice)).content.decode()
    assert "V1 why_and_whom" in page
    assert 'name="base_revision" value="1"' in page

    client.post(_url("vision", practice), _post_data({**factories.vision_sections("V1"), "why_and_whom": "V2"}, 1))
    draft = practice.visions.get(status=VisionVersion.Status.DRAFT)
    assert draft.number == 2
    assert draft.text("availability") == "V1 availability"
    assert draft.text("why_and_whom") == "V2"


def test_earlier_adopted_versions_stay_readable(client, practice, manager):
    services.vision_save_draft(
        practice=practice, by=manager, sections=factories.vision_sections("Oud"), base_revision=0
    )
    services.vision_adopt(practice=practice, by=manager)
    services.vision_save_draft(
        practice=practice, by=manager, sections=factories.vision_sections("Nieuw"), base_revision=1
    )
    services.vision_adopt(practice=practice, by=manager)
    client.force_login(manager)

    old = client.get(_url("vision_version", practice, number=1)).content.decode()
    assert "Oud why_and_whom" in old and "Alice" in old
    listing = client.get(_url("vision_versions", practice)).content.decode()
    assert _url("vision_version", practice, number=1) in listing
    assert _url("vision_version", practice, number=2) in listing
    assert "Nieuw why_and_whom" in client.get(_url("vision_print", practice)).content.decode()


def test_a_draft_is_not_readable_as_an_adopted_version(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=0)
    client.force_login(manager)
    assert client.get(_url("vision_version", practice, number=1)).status_code == 404
    assert client.get(_url("vision_print", practice)).status_code == 404


def test_print_view_links_the_print_stylesheet(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    client.force_login(manager)
    page = client.get(_url("vision_print", practice)).content.decode()
    assert "css/practices.css" in page and 'class="print-document"' in page


@pytest.mark.parametrize("role", [Role.HUISARTS, Role.MANAGER])
def test_gp_and_manager_can_adopt(client, practice, role):
    user = factories.member(practice, role)
    services.vision_save_draft(practice=practice, by=user, sections=factories.vision_sections(), base_revision=0)
    client.force_login(user)
    response = client.post(_url("vision_adopt", practice), {"revision": 1})
    assert response.status_code == 302
    assert practice.visions.get().status == VisionVersion.Status.ADOPTED


@pytest.mark.parametrize("role", [Role.POH_GGZ, Role.ASSISTANT])
def test_other_roles_cannot_adopt(client, practice, role):
    user = factories.member(practice, role)
    services.vision_save_draft(practice=practice, by=user, sections=factories.vision_sections(), base_revision=0)
    client.force_login(user)
    assert client.post(_url("vision_adopt", practice), {"revision": 1}).status_code == 403
    assert practice.visions.get().status == VisionVersion.Status.DRAFT
    assert "Only the GP or the practice manager can adopt" in client.get(_url("vision", practice)).content.decode()


def test_adopt_refuses_get(client, practice, manager):
    client.force_login(manager)
    assert client.get(_url("vision_adopt", practice)).status_code == 405


def test_adopt_through_the_page_reports_empty_sections(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=0)
    client.force_login(manager)
    page = client.post(_url("vision_adopt", practice), {"revision": 1}, follow=True).content.decode()
    assert "Still empty" in page


# Conflicts --------------------------------------------------------------------------------------------------


def test_stale_save_raises_conflict_and_writes_nothing(practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "van Alice"}, base_revision=0)
    with pytest.raises(services.VisionConflict) as raised:
        services.vision_save_draft(
            practice=practice, by=huisarts, sections={"why_and_whom": "van Bob"}, base_revision=0
        )
    assert raised.value.current.text("why_and_whom") == "van Alice"
    assert practice.visions.get().text("why_and_whom") == "van Alice"


def test_stale_form_shows_conflict_with_both_texts_and_keeps_the_users_input(client, practice, manager, huisarts):
    services.vision_save_draft(
        practice=practice,
        by=manager,
        sections={"why_and_whom": "Voor volwassenen met angst", "availability": "Een jaar"},
        base_revision=0,
    )
    client.force_login(huisarts)
    response = client.post(
        _url("vision", practice),
        _post_data({"why_and_whom": "Voor volwassenen met somberheid", "availability": "Een jaar"}, 0),
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved the vision while you were writing" in page
    assert "Alice" in page
    # Their words and the user's words, marked as removed and added.
    assert "<del>" in page and "angst" in page
    assert "<ins>" in page and "somberheid" in page
    # The user's text is still in the form, now based on the saved revision so that saving again merges.
    assert "Voor volwassenen met somberheid</textarea>" in page
    assert 'name="base_revision" value="1"' in page
    assert practice.visions.get().text("why_and_whom") == "Voor volwassenen met angst"


def test_saving_again_after_a_conflict_stores_the_merged_text(client, practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "A"}, base_revision=0)
    client.force_login(huisarts)
    client.post(_url("vision", practice), _post_data({"why_and_whom": "B"}, 0))
    response = client.post(_url("vision", practice), _post_data({"why_and_whom": "A en B"}, 1))
    assert response.status_code == 302
    assert practice.visions.get().text("why_and_whom") == "A en B"


def test_starting_a_new_draft_from_a_stale_form_is_a_conflict(practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "nieuw"}, base_revision=1)
    with pytest.raises(services.VisionConflict):
        services.vision_save_draft(
            practice=practice, by=huisarts, sections={"why_and_whom": "ook nieuw"}, base_revision=1
        )
    assert practice.visions.count() == 2


def test_word_diff_marks_removed_and_added_words():
    parts = word_diff("voor alle volwassenen", "voor jonge volwassenen")
    assert [(part.kind, part.text) for part in parts] == [
        ("same", "voor "),
        ("removed", "alle"),
        ("added", "jonge"),
        ("same", " volwassenen"),
    ]


def test_compare_sections_covers_every_section_and_flags_differences():
    result = compare_sections({"why_and_whom": "a"}, {"why_and_whom": "a", "availability": "b"})
    assert [item.section.key for item in result] == list(SECTION_KEYS)
    differing = {item.section.key for item in result if item.differs}
    assert differing == {"availability"}


# Audit ------------------------------------------------------------------------------------------------------


def test_saving_and_adopting_are_audited(practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    events = list(
        AuditEvent.objects.filter(practice=practice, subject__startswith="vision")
        .order_by("id")
        .values_list("action", "subject", "username")
    )
    assert events == [
        ("change", "vision draft 1 (revision 1)", "alice"),
        ("adopt", "vision 1", "alice"),
    ]


def test_a_conflict_writes_no_audit_event(practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "x"}, base_revision=0)
    with pytest.raises(services.VisionConflict):
        services.vision_save_draft(practice=practice, by=huisarts, sections={"why_and_whom": "y"}, base_revision=0)
    assert AuditEvent.objects.filter(practice=practice, user=huisarts).count() == 0


def test_a_form_without_revision_cannot_overwrite_a_saved_draft(client, practice, manager, huisarts):
    services.vision_save_draft(practice=practice, by=manager, sections={"why_and_whom": "bewaard"}, base_revision=0)
    client.force_login(huisarts)
    response = client.post(_url("vision", practice), {"why_and_whom": "zonder revisie"})
    assert response.status_code == 409
    assert practice.visions.get().text("why_and_whom") == "bewaard"
