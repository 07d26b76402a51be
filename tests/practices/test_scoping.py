"""The scoping helper: members get in, outsiders get a 404, weaker roles a 403, and views are logged."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from practices.models import AuditEvent, Membership, Role
from practices.permissions import Capability
from practices.scoping import practice_view
from tests import factories

pytestmark = pytest.mark.django_db


@practice_view(capability=Capability.MANAGE_TEAM)
def manager_only(request):
    return HttpResponse(request.practice.name)


def _request(user):
    request = RequestFactory().get("/praktijk/de-linde/x/")
    request.user = user
    return request


def test_member_with_the_right_role_sees_the_page_and_the_view_is_logged(practice):
    user = factories.user("manager")
    Membership.objects.create(user=user, practice=practice, role=Role.MANAGER)
    response = manager_only(_request(user), practice_slug="de-linde")
    assert response.content == practice.name.encode()
    event = AuditEvent.objects.get(action="view")
    assert (event.username, event.action, event.practice) == ("manager", "view", practice)


def test_outsider_gets_404(practice):
    with pytest.raises(Http404):
        manager_only(_request(factories.user("buiten")), practice_slug="de-linde")
    # Only the refusal is logged (test_refused_access_log.py), never a view.
    assert list(AuditEvent.objects.values_list("action", "username")) == [(AuditEvent.Action.REFUSED, "buiten")]


def test_member_with_a_weaker_role_gets_403(practice):
    user = factories.user("assistent")
    Membership.objects.create(user=user, practice=practice, role=Role.ASSISTANT)
    with pytest.raises(PermissionDenied):
        manager_only(_request(user), practice_slug="de-linde")


def test_audit_events_cannot_be_changed_or_deleted(practice):
    user = factories.user()
    event = AuditEvent.objects.create(practice=practice, user=user, username="x", action="view", subject="s")
    event.subject = "anders"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.update(subject="anders")


def test_dashboard_is_404_for_an_outsider_and_a_login_redirect_for_anonymous(client, practice):
    url = f"/praktijk/{practice.slug}/"
    assert client.get(url).status_code == 302
    client.force_login(factories.user("buiten"))
    assert client.get(url).status_code == 404
