"""Every change to a practice's members reaches its audit log, also when it is not made through the app."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from practices.models import AuditEvent, Membership, Role
from practices.services import membership_remove
from tests import factories
from tests.otp import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    verified_login(client, factories.user("beheerder", is_staff=True, is_superuser=True))
    return client


def _membership_events(practice, action):
    events = AuditEvent.objects.filter(practice=practice, action=action, subject__startswith="membership:")
    return list(events.values_list("username", "subject"))


def test_deleting_a_user_in_the_admin_logs_the_lost_membership_in_each_practice(
    admin_client, practice, huisarts, other_practice
):
    Membership.objects.create(user=huisarts, practice=other_practice, role=Role.POH_GGZ)
    response = admin_client.post(reverse("admin:auth_user_delete", args=[huisarts.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="bob").exists()
    removed = "membership: bob ({role}) removed with the account"
    assert _membership_events(practice, "delete") == [("beheerder", removed.format(role="huisarts"))]
    assert _membership_events(other_practice, "delete") == [("beheerder", removed.format(role="poh_ggz"))]


def test_deleting_users_in_bulk_in_the_admin_logs_each_membership(admin_client, practice, huisarts, assistant):
    data = {"action": "delete_selected", "_selected_action": [huisarts.pk, assistant.pk], "post": "yes"}
    assert admin_client.post(reverse("admin:auth_user_changelist"), data).status_code == 302
    assert sorted(subject for _user, subject in _membership_events(practice, "delete")) == [
        "membership: bob (huisarts) removed with the account",
        "membership: dora (assistant) removed with the account",
    ]


def test_membership_changes_outside_the_app_are_logged_without_a_user(practice, huisarts):
    membership = Membership.objects.get(user=huisarts)
    membership.role = Role.POH_GGZ
    membership.save()
    membership.save()  # saved again unchanged: nothing new to log
    newcomer = factories.user("eva")
    Membership.objects.create(user=newcomer, practice=practice, role=Role.ASSISTANT)
    Membership.objects.filter(user=newcomer).delete()
    assert _membership_events(practice, "change") == [("", "membership: role of bob: huisarts -> poh_ggz")]
    assert ("", "membership: eva as assistant") in _membership_events(practice, "create")
    assert _membership_events(practice, "delete") == [("", "membership: eva (assistant) removed")]


def test_a_removal_through_the_app_is_logged_once(practice, manager, huisarts):
    membership_remove(membership=Membership.objects.get(user=huisarts), by=manager)
    removals = AuditEvent.objects.filter(practice=practice, action="delete")
    assert list(removals.values_list("username", "subject")) == [("alice", "member bob (huisarts) removed")]


def test_a_user_deleting_their_own_account_leaves_an_event_without_a_dangling_user(practice, huisarts):
    from simple_history.models import HistoricalRecords

    class _Request:
        user = huisarts

    HistoricalRecords.context.request = _Request()
    try:
        huisarts.delete()
    finally:
        del HistoricalRecords.context.request
    event = AuditEvent.objects.get(practice=practice, action="delete")
    assert (event.user, event.subject) == (None, "membership: bob (huisarts) removed with the account")
