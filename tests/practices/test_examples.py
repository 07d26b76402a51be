"""Examples from practice: a manager shares the adopted vision and task split, named or anonymously, and can
withdraw it; members of other practices read only what is shared and can copy it into their own draft."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from practices import services
from practices.models import AuditEvent, Role, SharedExample, VisionVersion
from tests.practices import factories

pytestmark = pytest.mark.django_db


def adopt(practice, by, text="Onze visie"):
    return VisionVersion.objects.create(
        practice=practice,
        number=practice.visions.count() + 1,
        status=VisionVersion.Status.ADOPTED,
        sections=factories.vision_sections(text),
        adopted_at=timezone.now(),
        adopted_by=by,
    )


@pytest.fixture
def shared(practice, manager):
    adopt(practice, manager)
    factories.complete_task_split(practice, by=manager)
    return services.example_share(practice=practice, by=manager, show_name=False)


def url(name, practice, **kwargs):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug, **kwargs})


def test_manager_shares_the_adopted_vision_anonymously(client, practice, manager):
    adopt(practice, manager)
    client.force_login(manager)

    response = client.post(url("example_share", practice), {"show_name": "no"})

    assert response.status_code == 302
    example = SharedExample.objects.get(practice=practice)
    assert example.show_name is False
    assert example.sections == factories.vision_sections("Onze visie")
    assert practice.audit_events.filter(action=AuditEvent.Action.SHARE).exists()


def test_sharing_copies_the_task_split(shared):
    assert shared.task_split["guidance"] == {"responsible": Role.POH_GGZ, "supporting": []}
    assert (shared.feedback_day, shared.feedback_minutes) == (2, 60)


def test_a_draft_is_not_shared_only_the_adopted_version(practice, manager):
    adopt(practice, manager, "Vastgesteld")
    VisionVersion.objects.create(practice=practice, number=2, sections=factories.vision_sections("Concept"))

    example = services.example_share(practice=practice, by=manager, show_name=True)

    assert example.vision_number == 1
    assert "Concept" not in str(example.sections)


def test_without_an_adopted_vision_nothing_is_shared(client, practice, manager):
    client.force_login(manager)
    response = client.post(url("example_share", practice), {"show_name": "yes"})
    assert response.status_code == 200
    assert not SharedExample.objects.exists()


@pytest.mark.parametrize("role", [Role.HUISARTS, Role.ASSISTANT])
def test_only_the_manager_may_share_or_withdraw(client, practice, shared, members_by_role, role):
    client.force_login(members_by_role[role])
    assert client.post(url("example_share", practice), {"show_name": "yes"}).status_code == 403
    assert client.post(url("example_withdraw", practice)).status_code == 403
    shared.refresh_from_db()
    assert shared.show_name is False


def test_withdraw_needs_post(client, practice, manager, shared):
    client.force_login(manager)
    assert client.get(url("example_withdraw", practice)).status_code == 405
    assert SharedExample.objects.filter(pk=shared.pk).exists()


def test_other_practice_reads_an_anonymous_example_without_the_name(client, practice, other_practice, outsider, shared):
    client.force_login(outsider)

    library = client.get(url("examples", other_practice))
    detail = client.get(url("example_detail", other_practice, example_id=shared.pk))

    assert detail.status_code == 200
    for response in (library, detail):
        page = response.content.decode()
        assert "anoniem" in page
        assert practice.name not in page
        assert practice.place not in page
        assert practice.slug not in page
    assert "Onze visie why_and_whom" in detail.content.decode()


def test_named_example_shows_name_and_place(client, practice, manager, other_practice, outsider, shared):
    services.example_share(practice=practice, by=manager, show_name=True)
    client.force_login(outsider)
    page = client.get(url("example_detail", other_practice, example_id=shared.pk)).content.decode()
    assert f"{practice.name}, {practice.place}" in page


def test_a_vision_that_is_not_shared_cannot_be_read_by_another_practice(
    client, practice, manager, other_practice, outsider
):
    adopt(practice, manager, "Geheim")
    client.force_login(outsider)
    library = client.get(url("examples", other_practice)).content.decode()
    assert "Geheim" not in library
    assert practice.name not in library


def test_withdrawn_example_is_gone_for_everyone(client, practice, manager, other_practice, outsider, shared):
    client.force_login(manager)
    assert client.post(url("example_withdraw", practice)).status_code == 302
    assert not SharedExample.objects.exists()
    assert practice.audit_events.filter(action=AuditEvent.Action.DELETE, subject="shared example").exists()

    client.force_login(outsider)
    assert client.get(url("example_detail", other_practice, example_id=shared.pk)).status_code == 404
    assert "Onze visie" not in client.get(url("examples", other_practice)).content.decode()


def test_outsider_gets_404_on_another_practices_library_address(client, practice, outsider, shared):
    client.force_login(outsider)
    assert client.get(url("examples", practice)).status_code == 404
    assert client.get(url("example_detail", practice, example_id=shared.pk)).status_code == 404
    assert (
        client.post(url("example_start_draft", practice, example_id=shared.pk), {"base_revision": 0}).status_code == 404
    )
    assert client.post(url("example_share", practice), {"show_name": "yes"}).status_code == 404


def test_start_a_draft_copies_the_text_never_links_it(client, practice, manager, other_practice, outsider, shared):
    client.force_login(outsider)

    response = client.post(url("example_start_draft", other_practice, example_id=shared.pk), {"base_revision": 0})

    assert response.status_code == 302
    assert response["Location"] == url("vision", other_practice)
    draft = other_practice.visions.get()
    assert draft.status == VisionVersion.Status.DRAFT
    assert draft.sections == shared.sections
    # The copy stays when the example is withdrawn, and changing the draft does not touch the example.
    services.example_withdraw(practice=practice, by=manager)
    draft.refresh_from_db()
    assert draft.sections == factories.vision_sections("Onze visie")
    assert other_practice.audit_events.filter(subject__contains="from shared example").exists()


def test_start_a_draft_over_a_colleagues_newer_save_is_refused(client, other_practice, outsider, shared):
    VisionVersion.objects.create(practice=other_practice, number=1, sections=factories.vision_sections("Eigen"))
    client.force_login(outsider)

    client.post(url("example_start_draft", other_practice, example_id=shared.pk), {"base_revision": 0})

    assert other_practice.visions.get().sections == factories.vision_sections("Eigen")


def test_start_draft_needs_post(client, other_practice, outsider, shared):
    client.force_login(outsider)
    assert client.get(url("example_start_draft", other_practice, example_id=shared.pk)).status_code == 405


def test_library_query_count_does_not_grow_with_examples(client, manager, practice, outsider, other_practice):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("examples", other_practice)).status_code == 200
        return len(queries)

    client.force_login(outsider)
    adopt(practice, manager)
    services.example_share(practice=practice, by=manager, show_name=True)
    count()  # the first visit also remembers the practice in the session
    few = count()
    for _number in range(5):
        extra = factories.practice()
        extra_manager = factories.member(extra, Role.MANAGER)
        adopt(extra, extra_manager)
        services.example_share(practice=extra, by=extra_manager, show_name=True)
    assert count() == few


def test_sharing_without_choosing_name_or_anonymous_is_refused_with_a_message(client, practice, manager):
    adopt(practice, manager)
    client.force_login(manager)
    response = client.post(url("example_share", practice), {})
    assert response.status_code == 400
    assert "Kies of de naam van de praktijk zichtbaar is." in response.text
    assert not SharedExample.objects.exists()
