"""Every step page is scoped to its practice: outsiders get a 404 and change nothing; anonymous log in."""

import pytest
from django.urls import reverse

from practices import services
from practices.models import AuditEvent, MenuItem, Role
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db

# Workspace URL names and the extra kwargs they need besides practice_slug.
WORKSPACE_URLS = {
    "dashboard": {},
    "vision": {},
    "vision_adopt": {},
    "vision_versions": {},
    "vision_version": {"number": 1},
    "vision_print": {},
    "task_split": {},
    "population": {},
    "menu": {},
    "menu_add": {},
    "menu_item_update": {"item_id": None},  # filled in with the practice's own item
    "menu_item_remove": {"item_id": None},
    "patient_page_settings": {},
    "patient_page_publish": {},
}
POST_DATA = {
    "published": "1",
    "base_revision": "1",
    "revision": "1",
    "programme": "1",
    "why_and_whom": "overschreven",
}


@pytest.fixture
def setup():
    practice = factories.practice(slug="de-linde")
    manager = factories.member(practice, Role.MANAGER, "manager")
    services.vision_save_draft(
        practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0
    )
    services.vision_adopt(practice=practice, by=manager)
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    outsider_practice = factories.practice(slug="elders")
    outsider = factories.member(outsider_practice, Role.MANAGER, "outsider")
    return practice, manager, item, outsider


def _url(name, practice, item):
    kwargs = {key: (item.pk if value is None else value) for key, value in WORKSPACE_URLS[name].items()}
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug, **kwargs})


def _state(practice):
    practice.refresh_from_db()
    return (
        list(practice.visions.values_list("number", "status", "revision", "sections")),
        list(MenuItem.objects.filter(practice=practice).values_list("id", "guided_by", "note")),
        practice.patient_page_published,
        AuditEvent.objects.filter(practice=practice).count(),
    )


@pytest.mark.parametrize("name", WORKSPACE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404_and_changes_nothing(client, setup, name, method):
    practice, _manager, item, outsider = setup
    before = _state(practice)
    client.force_login(outsider)
    response = getattr(client, method)(_url(name, practice, item), POST_DATA)
    assert response.status_code == 404
    assert _state(practice) == before


@pytest.mark.parametrize("name", WORKSPACE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_log_in(client, setup, name, method):
    practice, _manager, item, _outsider = setup
    before = _state(practice)
    response = getattr(client, method)(_url(name, practice, item), POST_DATA)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert _state(practice) == before


@pytest.mark.parametrize(
    "name",
    [
        "dashboard",
        "vision",
        "vision_versions",
        "vision_version",
        "vision_print",
        "task_split",
        "population",
        "menu",
        "patient_page_settings",
    ],
)
def test_every_member_can_read_the_step_pages_and_each_view_is_logged(client, setup, name):
    practice, _manager, item, _outsider = setup
    assistant = factories.member(practice, Role.ASSISTANT, "assistent")
    client.force_login(assistant)
    assert client.get(_url(name, practice, item)).status_code == 200
    assert AuditEvent.objects.filter(practice=practice, user=assistant, action="view").count() == 1


@pytest.mark.parametrize(
    "name", ["vision_adopt", "menu_add", "menu_item_update", "menu_item_remove", "patient_page_publish"]
)
def test_changes_refuse_get_for_members(client, setup, name):
    practice, manager, item, _outsider = setup
    client.force_login(manager)
    before = _state(practice)[:3]
    assert client.get(_url(name, practice, item)).status_code == 405
    assert _state(practice)[:3] == before
