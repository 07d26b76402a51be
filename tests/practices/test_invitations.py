"""A manager invites a colleague by e-mail with a role; the link works once, expires, and can be withdrawn."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practices.models import AuditEvent, Invitation, Membership, Role
from practices.services import (
    AlreadyMember,
    InvitationForOtherAddress,
    InvitationPending,
    InvitationUnusable,
    invitation_accept,
    invitation_create,
)
from tests import factories

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "eva",
    "first_name": "Eva",
    "last_name": "de Vries",
    "password1": "Kastanje-2026!",
    "password2": "Kastanje-2026!",
}


def _invite(client, practice, email="eva@example.org", role=Role.POH_GGZ):
    return client.post(reverse("practices:invite", args=[practice.slug]), {"email": email, "role": role})


def _link_from_outbox():
    return re.search(r"http://testserver(/uitnodiging/[^/\s]+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def invited(client, practice, manager):
    """A manager's invitation for eva as POH-ggz; returns the link path. The client is logged out after."""
    client.force_login(manager)
    _invite(client, practice)
    client.logout()
    return _link_from_outbox()


def test_manager_invites_and_a_dutch_email_with_the_link_goes_out(client, practice, manager):
    client.force_login(manager)
    response = _invite(client, practice)
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:members", args=[practice.slug])
    message = mail.outbox[0]
    assert message.to == ["eva@example.org"]
    assert message.subject == "Uitnodiging om met Huisartsenpraktijk De Linde te werken in de eMH starters-toolkit"
    assert "als POH-ggz" in message.body and "werkt één keer" in message.body
    invitation = Invitation.objects.get()
    assert (invitation.practice, invitation.role, invitation.invited_by) == (practice, Role.POH_GGZ, manager)
    assert timedelta(days=6, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=7)
    assert AuditEvent.objects.filter(practice=practice, action="invite", username="alice").exists()


def test_only_a_hash_of_the_token_is_stored(invited):
    token = invited.strip("/").split("/")[-1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert invitation.token_hash == Invitation.hash_token(token)


@pytest.mark.parametrize("role_fixture", ["huisarts", "assistant"])
def test_only_managers_invite(client, practice, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(reverse("practices:invite", args=[practice.slug])).status_code == 403
    assert _invite(client, practice).status_code == 403
    assert not Invitation.objects.exists() and mail.outbox == []


def test_invite_form_errors_are_dutch_next_to_the_field_and_keep_the_input(client, practice, manager):
    client.force_login(manager)
    response = _invite(client, practice, email="eva@example")
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.text
    assert 'value="eva@example"' in response.text
    assert not Invitation.objects.exists()


def test_inviting_someone_who_is_already_a_member_is_refused(client, practice, manager, huisarts):
    client.force_login(manager)
    response = _invite(client, practice, email="BOB@example.org")
    assert "hoort al bij de praktijk" in response.text
    assert not Invitation.objects.exists()


def test_new_colleague_makes_an_account_from_the_link_and_joins_with_the_role(client, practice, invited):
    page = client.get(invited)
    assert page.status_code == 200
    assert "Doe mee met Huisartsenpraktijk De Linde" in page.text and "eva@example.org" in page.text
    response = client.post(invited, SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("practices:dashboard", args=[practice.slug])
    membership = Membership.objects.get(user__username="eva")
    assert (membership.practice, membership.role) == (practice, Role.POH_GGZ)
    assert membership.user.email == "eva@example.org"
    assert client.get(response["Location"]).status_code == 200  # logged in straight away
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == membership.user and invitation.accepted_at is not None
    assert AuditEvent.objects.filter(practice=practice, action="join", username="eva").exists()


def test_the_link_works_only_once(client, practice, invited):
    client.post(invited, SIGNUP)
    client.logout()
    response = client.get(invited)
    assert response.status_code == 410
    assert "Deze uitnodiging is al gebruikt" in response.text
    response = client.post(invited, {**SIGNUP, "username": "tweede"})
    assert response.status_code == 410
    assert not Membership.objects.filter(user__username="tweede").exists()


def test_an_expired_link_is_refused_with_a_clear_message(client, practice, invited):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(invited)
    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen" in response.text
    assert client.post(invited, SIGNUP).status_code == 410
    assert not Membership.objects.filter(user__username="eva").exists()


def test_an_unknown_link_is_a_404_with_a_clear_message(client):
    response = client.get(reverse("accounts:invitation_accept", args=["verzonnen"]))
    assert response.status_code == 404
    assert "Deze uitnodigingslink kennen we niet" in response.text


def test_signup_errors_keep_the_input(client, practice, invited):
    response = client.post(invited, {**SIGNUP, "password2": "iets-anders-2026"})
    assert response.status_code == 200
    assert 'value="Eva"' in response.text and 'value="eva"' in response.text
    assert not Membership.objects.filter(user__username="eva").exists()
    assert Invitation.objects.get().state == "pending"


def test_logged_in_account_of_the_invited_address_joins_with_one_click(client, practice, invited, other_practice):
    eva = factories.user("eva-elders", email="Eva@Example.org")
    Membership.objects.create(user=eva, practice=other_practice, role=Role.HUISARTS)
    client.force_login(eva)
    page = client.get(invited)
    assert "U bent ingelogd als eva-elders" in page.text
    response = client.post(invited)
    assert response["Location"] == reverse("practices:dashboard", args=[practice.slug])
    assert Membership.objects.get(user=eva, practice=practice).role == Role.POH_GGZ
    assert eva.memberships.count() == 2


def test_account_with_another_address_cannot_use_the_invitation(client, practice, invited, outsider):
    client.force_login(outsider)
    page = client.get(invited)
    assert "Deze uitnodiging is verstuurd naar eva@example.org" in page.text
    assert "U bent ingelogd als charlie" in page.text
    response = client.post(invited)
    assert response.status_code == 403
    assert not Membership.objects.filter(user=outsider, practice=practice).exists()
    assert Invitation.objects.get().state == "pending"


def test_a_manager_invitation_cannot_be_taken_by_another_account(client, practice, manager, outsider):
    client.force_login(manager)
    _invite(client, practice, email="nieuwe-manager@example.org", role=Role.MANAGER)
    link = _link_from_outbox()
    client.force_login(outsider)
    assert client.post(link).status_code == 403
    assert not practice.memberships.filter(user=outsider).exists()
    with pytest.raises(InvitationForOtherAddress):
        invitation_accept(invitation=Invitation.objects.get(), user=factories.user("x", email="ander@example.org"))


def test_signup_for_an_address_that_has_an_account_asks_to_log_in(client, practice, invited):
    factories.user("eva-bestaand", email="EVA@example.org")
    response = client.post(invited, SIGNUP)
    assert response.status_code == 200
    assert "Er is al een account voor eva@example.org" in response.text
    assert not Membership.objects.filter(practice=practice, user__username="eva").exists()


def test_existing_member_is_told_they_need_no_invitation(client, practice, invited, huisarts):
    client.force_login(huisarts)
    page = client.get(invited)
    assert "U hoort al bij deze praktijk" in page.text
    client.post(invited)
    assert Membership.objects.get(user=huisarts).role == Role.HUISARTS
    assert Invitation.objects.get().state == "pending"


def test_withdrawn_invitation_no_longer_works(client, practice, manager, invited):
    client.force_login(manager)
    invitation = Invitation.objects.get()
    response = client.post(reverse("practices:invitation_withdraw", args=[practice.slug, invitation.pk]))
    assert response.status_code == 302
    client.logout()
    response = client.get(invited)
    assert response.status_code == 410
    assert "ingetrokken" in response.text
    assert AuditEvent.objects.filter(practice=practice, action="delete", subject__contains="withdrawn").exists()


def test_members_page_lists_open_invitations_for_the_manager_only(client, practice, manager, huisarts, invited):
    client.force_login(manager)
    assert "eva@example.org" in client.get(reverse("practices:members", args=[practice.slug])).text
    client.force_login(huisarts)
    assert "eva@example.org" not in client.get(reverse("practices:members", args=[practice.slug])).text


def test_service_refuses_a_used_invitation_and_a_second_membership(practice, manager, huisarts):
    invitation = invitation_create(
        practice=practice, email="x@example.org", role=Role.ASSISTANT, invited_by=manager, site_url="http://t"
    )
    huisarts.email = "x@example.org"
    huisarts.save()
    with pytest.raises(AlreadyMember):
        invitation_accept(invitation=invitation, user=huisarts)
    newcomer = factories.user("nieuw", email="x@example.org")
    invitation_accept(invitation=invitation, user=newcomer)
    with pytest.raises(InvitationUnusable) as refused:
        invitation_accept(invitation=invitation, user=factories.user("nog-een", email="x@example.org"))
    assert refused.value.state == "accepted"


# --- one open invitation per address, and rate limits ---------------------------------------------------------


def test_inviting_the_same_address_twice_sends_one_invitation_and_one_mail(client, practice, manager):
    client.force_login(manager)
    _invite(client, practice, email="eva@example.org")
    second = _invite(client, practice, email="EVA@example.org ", role=Role.ASSISTANT)
    assert second.status_code == 302
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1
    assert Invitation.objects.get().role == Role.POH_GGZ
    shown = client.get(second["Location"]).text
    assert "heeft al een openstaande uitnodiging" in shown and "geen tweede e-mail" in shown


def test_service_refuses_a_second_open_invitation_for_the_address(practice, manager):
    first = invitation_create(
        practice=practice, email="x@example.org", role=Role.ASSISTANT, invited_by=manager, site_url="http://t"
    )
    with pytest.raises(InvitationPending) as refused:
        invitation_create(
            practice=practice, email="X@example.org", role=Role.ASSISTANT, invited_by=manager, site_url="http://t"
        )
    assert refused.value.invitation == first
    assert len(mail.outbox) == 1


def test_after_withdrawing_or_expiry_the_address_can_be_invited_again(client, practice, manager):
    client.force_login(manager)
    _invite(client, practice)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    _invite(client, practice)
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2


def test_invitations_per_address_are_rate_limited_across_practices(client, settings, practice, manager, outsider):
    settings.INVITATION_RATE_PER_ADDRESS = "2/d"
    client.force_login(manager)
    _invite(client, practice)
    Invitation.objects.update(withdrawn_at=timezone.now())
    _invite(client, practice)
    client.force_login(outsider)
    response = _invite(client, outsider.memberships.get().practice)
    assert response.status_code == 429
    assert "Te veel uitnodigingen in korte tijd" in response.text
    assert len(mail.outbox) == 2


def test_invitations_per_user_are_rate_limited(client, settings, practice, manager):
    settings.INVITATION_RATE_PER_USER = "3/h"
    client.force_login(manager)
    statuses = [_invite(client, practice, email=f"collega{n}@example.org").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Invitation.objects.count() == 3 and len(mail.outbox) == 3
