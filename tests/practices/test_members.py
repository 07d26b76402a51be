"""The team page: everyone sees who is in the practice; the manager changes roles and removes members, but a
practice never loses its last manager."""

import pytest
from django.urls import reverse

from practices.models import AuditEvent, Membership, Role
from practices.services import LastManagerError, membership_change_role, membership_remove
from tests.practices import factories
from tests.training import factories as training_factories
from training.models import Certificate

pytestmark = pytest.mark.django_db


def _membership(user, practice):
    return Membership.objects.get(user=user, practice=practice)


def _change_role(client, practice, membership, role):
    url = reverse("practices:membership_role", args=[practice.slug, membership.pk])
    return client.post(url, {"role": role}, follow=True)


def _remove(client, practice, membership):
    return client.post(reverse("practices:membership_remove", args=[practice.slug, membership.pk]), follow=True)


def test_every_member_sees_the_team_with_roles(client, practice, manager, huisarts, assistant):
    client.force_login(assistant)
    response = client.get(reverse("practices:members", args=[practice.slug]))
    assert response.status_code == 200
    for text in ("Alice", "Praktijkmanager", "Bob", "Huisarts", "Dora", "Doktersassistent"):
        assert text in response.text
    assert "Rol wijzigen" not in response.text  # only the manager gets the controls


def test_team_page_query_count_does_not_grow_with_members(client, practice, manager, django_assert_max_num_queries):
    for number in range(10):
        factories.member(practice, Role.ASSISTANT, f"assistent{number}")
    client.force_login(manager)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("practices:members", args=[practice.slug]))
    assert response.text.count("Rol wijzigen") == 11


def test_manager_changes_a_role_and_it_is_audited(client, practice, manager, huisarts):
    client.force_login(manager)
    response = _change_role(client, practice, _membership(huisarts, practice), Role.POH_GGZ)
    assert "Bob is nu POH-ggz." in response.text
    assert _membership(huisarts, practice).role == Role.POH_GGZ
    event = AuditEvent.objects.get(action="change")
    assert (event.username, event.subject) == ("alice", "role of bob: huisarts -> poh_ggz")


def test_manager_removes_a_member_and_it_is_audited(client, practice, manager, assistant):
    client.force_login(manager)
    response = _remove(client, practice, _membership(assistant, practice))
    assert "Dora hoort niet meer bij de praktijk." in response.text
    assert not Membership.objects.filter(user=assistant).exists()
    assert AuditEvent.objects.filter(action="delete", subject="member dora (assistant) removed").exists()


def test_last_manager_cannot_step_down(client, practice, manager):
    client.force_login(manager)
    response = _change_role(client, practice, _membership(manager, practice), Role.HUISARTS)
    assert "Een praktijk heeft minstens één praktijkmanager nodig" in response.text
    assert _membership(manager, practice).role == Role.MANAGER
    assert not AuditEvent.objects.filter(action="change").exists()


def test_last_manager_cannot_remove_themselves(client, practice, manager):
    client.force_login(manager)
    response = _remove(client, practice, _membership(manager, practice))
    assert "Een praktijk heeft minstens één praktijkmanager nodig" in response.text
    assert Membership.objects.filter(user=manager, practice=practice).exists()


def test_with_a_second_manager_a_manager_may_step_down(client, practice, manager):
    factories.member(practice, Role.MANAGER, "erik")
    client.force_login(manager)
    _change_role(client, practice, _membership(manager, practice), Role.HUISARTS)
    assert _membership(manager, practice).role == Role.HUISARTS


def test_manager_who_leaves_goes_to_the_practice_chooser(client, practice, manager):
    factories.member(practice, Role.MANAGER, "erik")
    client.force_login(manager)
    response = client.post(
        reverse("practices:membership_remove", args=[practice.slug, _membership(manager, practice).pk])
    )
    assert response["Location"] == reverse("practices:choose")


def test_an_unknown_role_is_refused(client, practice, manager, huisarts):
    client.force_login(manager)
    response = _change_role(client, practice, _membership(huisarts, practice), "hoofdarts")
    assert "Kies een van de rollen." in response.text
    assert _membership(huisarts, practice).role == Role.HUISARTS


def test_a_membership_of_another_practice_is_a_404(client, practice, manager, outsider, other_practice):
    client.force_login(manager)
    foreign = _membership(outsider, other_practice)
    url = reverse("practices:membership_role", args=[practice.slug, foreign.pk])
    assert client.post(url, {"role": Role.ASSISTANT}).status_code == 404
    assert client.post(reverse("practices:membership_remove", args=[practice.slug, foreign.pk])).status_code == 404
    assert _membership(outsider, other_practice).role == Role.MANAGER


def test_services_keep_the_last_manager(practice, manager):
    membership = _membership(manager, practice)
    with pytest.raises(LastManagerError):
        membership_change_role(membership=membership, role=Role.ASSISTANT, by=manager)
    with pytest.raises(LastManagerError):
        membership_remove(membership=membership, by=manager)
    assert _membership(manager, practice).role == Role.MANAGER


def test_manager_sees_which_members_finished_which_course(client, practice, manager, huisarts, outsider):
    course = training_factories.course("Blended behandelen", audience="poh_ggz")
    for user, code in [(huisarts, "AAAA-BBBB-CCCC"), (outsider, "DDDD-EEEE-FFFF")]:
        Certificate.objects.create(
            user=user,
            course=course,
            code=code,
            learner_name=user.username,
            course_title="Blended behandelen",
            points=2,
            issued_on="2026-11-02",
        )
    client.force_login(manager)
    response = client.get(reverse("practices:training_overview", kwargs={"practice_slug": practice.slug}))
    assert response.status_code == 200
    rows = {membership.user: courses for membership, courses in response.context["rows"]}
    assert [course.course_title for course in rows[huisarts]] == ["Blended behandelen"]
    assert rows[manager] == []
    assert outsider not in rows
    assert "Blended behandelen" in response.text


def test_only_the_manager_sees_the_training_overview(client, practice, huisarts):
    client.force_login(huisarts)
    url = reverse("practices:training_overview", kwargs={"practice_slug": practice.slug})
    assert client.get(url).status_code == 403
