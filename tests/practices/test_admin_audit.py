"""Changes to a practice or its members in the admin reach the practice's audit log, as changes in the app do."""

import pytest
from django.urls import reverse

from practices.models import AuditEvent, Membership, Role
from tests import factories
from tests.otp import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    verified_login(client, factories.user("beheerder", is_staff=True, is_superuser=True))
    return client


def change_form(practice, memberships, **changes):
    """The practice's admin change form as posted, with `changes` applied and the membership inline rows."""
    data = {
        "name": practice.name,
        "slug": practice.slug,
        "kind": practice.kind,
        "place": practice.place,
        "agb_code": practice.agb_code,
        "phone": practice.phone,
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(sum(1 for row in memberships if row.get("id"))),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(memberships):
        for key, value in row.items():
            data[f"memberships-{index}-{key}"] = value
        data[f"memberships-{index}-practice"] = str(practice.pk)
    data.update(changes)
    return data


def events(practice):
    # Without the cast's own arrival (membership: …), which the fixtures' set-up logs.
    logged = AuditEvent.objects.filter(practice=practice).exclude(subject__startswith="membership:").order_by("id")
    return list(logged.values_list("username", "action", "subject"))


def test_changed_practice_details_are_logged_with_the_fields(admin_client, practice, manager):
    membership = Membership.objects.get(user=manager)
    row = {"id": str(membership.pk), "user": str(manager.pk), "role": membership.role}
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    response = admin_client.post(url, change_form(practice, [row], place="Zeist"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert events(practice) == [("beheerder", "change", "practice (admin): place")]


def test_added_changed_and_removed_members_are_logged(admin_client, practice, manager, huisarts):
    newcomer = factories.user("nieuwe-poh")
    manager_row = Membership.objects.get(user=manager)
    gp_row = Membership.objects.get(user=huisarts)
    rows = [
        {"id": str(manager_row.pk), "user": str(manager.pk), "role": Role.MANAGER},
        {"id": str(gp_row.pk), "user": str(huisarts.pk), "role": Role.HUISARTS, "DELETE": "on"},
        {"user": str(newcomer.pk), "role": Role.POH_GGZ},
    ]
    rows[0]["role"] = Role.ASSISTANT
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    response = admin_client.post(url, change_form(practice, rows))
    assert response.status_code == 302
    assert sorted(events(practice)) == sorted(
        [
            ("beheerder", "create", "membership (admin): nieuwe-poh as poh_ggz"),
            ("beheerder", "change", "membership (admin): alice as assistant"),
            ("beheerder", "delete", "membership (admin): bob as huisarts"),
        ]
    )


def test_saving_without_a_change_logs_nothing(admin_client, practice, manager):
    membership = Membership.objects.get(user=manager)
    row = {"id": str(membership.pk), "user": str(manager.pk), "role": membership.role}
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    assert admin_client.post(url, change_form(practice, [row])).status_code == 302
    assert events(practice) == []
