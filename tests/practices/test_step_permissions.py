"""Every member reads the step pages (and each view is logged); the step changes refuse a GET.

Outsiders and anonymous visitors on every practice URL: the walk in test_permissions.py.
"""

import pytest
from django.urls import reverse

from practices import services
from practices.models import AuditEvent, MenuItem
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db

# Step URL names and the extra kwargs they need besides practice_slug.
STEP_URLS = {
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


@pytest.fixture
def item(practice, manager):
    """An adopted vision and one programme on the menu, so every step page has something to show."""
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    return services.menu_add(practice=practice, by=manager, programme=catalog.programme())


def _url(name, practice, item):
    kwargs = {key: (item.pk if value is None else value) for key, value in STEP_URLS[name].items()}
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug, **kwargs})


def _state(practice):
    practice.refresh_from_db()
    return (
        list(practice.visions.values_list("number", "status", "revision", "sections")),
        list(MenuItem.objects.filter(practice=practice).values_list("id", "guided_by", "note")),
        practice.patient_page_published,
    )


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
def test_every_member_can_read_the_step_pages_and_each_view_is_logged(client, practice, item, assistant, name):
    client.force_login(assistant)
    assert client.get(_url(name, practice, item)).status_code == 200
    assert AuditEvent.objects.filter(practice=practice, user=assistant, action="view").count() == 1


@pytest.mark.parametrize(
    "name", ["vision_adopt", "menu_add", "menu_item_update", "menu_item_remove", "patient_page_publish"]
)
def test_changes_refuse_get_for_members(client, practice, manager, item, name):
    client.force_login(manager)
    before = _state(practice)
    assert client.get(_url(name, practice, item)).status_code == 405
    assert _state(practice) == before
