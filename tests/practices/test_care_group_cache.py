"""The coordinator's overview is kept in the cache (practices.care_group_cache): every kind of change to what it
shows reaches the coordinator's next visit. Each test sees the overview first (so it is kept), changes one input
the way the portal does, and looks again."""

import html as html_lib
import re

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from catalog.models import PrevalenceKey, Programme
from practices import care_group_cache, services
from practices.audit import audit_record, audit_record_many
from practices.care_groups import care_group_accept, care_group_decline, care_group_leave
from practices.models import AuditEvent, Membership, MenuItem, Role, Task, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupMembership, CareGroupPractice
from practices.models_reach import MonthlyReach
from practices.reach_services import reach_save
from practices.task_split import TaskParts
from tests import factories
from tests.practices import factories as practice_factories
from tests.training import factories as training_factories
from training.models import Audience

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def care_group():
    return CareGroup.objects.create(name="Zorggroep Vecht", slug="vecht")


@pytest.fixture
def coordinator(client, care_group):
    user = factories.user("cora", password=None)
    CareGroupMembership.objects.create(care_group=care_group, user=user)
    client.force_login(user)
    return user


@pytest.fixture
def joined(care_group, practice):
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    return practice


@pytest.fixture
def counted_programme():
    depression = factories.theme("Depressieve klachten", prevalence_key=PrevalenceKey.DEPRESSION)
    return factories.programme("Kleur je leven", themes=[depression], cost=Programme.Cost.PRACTICE_LICENCE)


def overview(client, care_group, query=""):
    response = client.get(reverse("care_groups:overview", args=[care_group.slug]) + query)
    assert response.status_code == 200
    return response.text


def cells_of(page, name):
    """The row of the practice with this name: its cells after the name, unescaped; None when it is not shown."""
    for row in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", page, flags=re.S):
        if f">{html_lib.escape(name)}</a>" in row:
            return [html_lib.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
    return None


def roadmap_of(page, name):
    return int(re.match(r"(\d+)%", cells_of(page, name)[0]).group(1))


def _counts(started):
    return {"offered": started, "started": started, "finished": 0, "stopped": 0}


def test_a_second_visit_is_served_from_the_cache_and_still_logged(client, care_group, coordinator, joined):
    first = overview(client, care_group)
    with CaptureQueriesContext(connection) as queries:
        second = overview(client, care_group)
    assert cells_of(second, joined.name) == cells_of(first, joined.name)
    assert not [query for query in queries if "practices_monthlyreach" in query["sql"]]
    assert joined.audit_events.filter(action=AuditEvent.Action.VIEW).count() == 2


def test_with_the_cache_off_every_visit_reads_the_figures_again(client, care_group, coordinator, joined, settings):
    settings.CARE_GROUP_CACHE_SECONDS = 0
    overview(client, care_group)
    with CaptureQueriesContext(connection) as queries:
        overview(client, care_group)
    assert [query for query in queries if "practices_monthlyreach" in query["sql"]]


def test_saved_reach_counts_and_a_correction_show_at_once(
    client, care_group, coordinator, joined, manager, counted_programme
):
    practice_factories.population(joined, registered_patients=5000, share_18_64=60)
    MenuItem.objects.create(practice=joined, programme=counted_programme, position=1)
    assert cells_of(overview(client, care_group), joined.name)[-2] == "niet bijgehouden"
    reach_save(practice=joined, month=TODAY, by=manager, counts={counted_programme: _counts(3)})
    assert cells_of(overview(client, care_group), joined.name)[-2:] == ["< 5", "minder dan 5 gestart"]
    reach_save(practice=joined, month=TODAY, by=manager, counts={counted_programme: _counts(12)})  # a correction
    assert cells_of(overview(client, care_group), joined.name)[-2] == "12"
    MonthlyReach.objects.filter(practice=joined).delete()
    assert cells_of(overview(client, care_group), joined.name)[-2] == "niet bijgehouden"


def test_a_programme_added_changed_or_removed_shows_in_the_rows_and_the_totals(
    client, care_group, coordinator, joined, manager, counted_programme
):
    assert "Kleur je leven" not in overview(client, care_group)
    item = services.menu_add(practice=joined, by=manager, programme=counted_programme)
    page = overview(client, care_group)
    assert cells_of(page, joined.name)[4] == "Kleur je leven (betaalde licentie, nog niet geregeld)"
    assert re.search(r"<th scope=\"row\">Kleur je leven</th>", page)
    services.menu_item_update(item=item, by=manager, guided_by="", licence_arranged=True, note="", position=1)
    assert cells_of(overview(client, care_group), joined.name)[4] == "Kleur je leven (betaalde licentie, geregeld)"
    services.menu_item_remove(item=MenuItem.objects.get(pk=item.pk), by=manager)
    page = overview(client, care_group)
    assert cells_of(page, joined.name)[4] == "–" and "Kleur je leven" not in page


def test_a_new_certificate_a_removed_member_and_a_courses_audience_show_at_once(
    client, care_group, coordinator, joined
):
    course = training_factories.course("Signaleren", audience=Audience.GP, questions=None)
    gps = [practice_factories.member(joined, Role.HUISARTS) for _index in range(6)]
    for gp in gps[:5]:
        training_factories.certificate(gp, course)
    page = overview(client, care_group)
    assert cells_of(page, joined.name)[2:4] == ["5", "5"]
    before = roadmap_of(page, joined.name)
    training_factories.certificate(gps[5], course)
    assert cells_of(overview(client, care_group), joined.name)[2:4] == ["6", "6"]
    services.membership_remove(membership=Membership.objects.get(user=gps[5]), by=None)
    assert cells_of(overview(client, care_group), joined.name)[2:4] == ["5", "5"]
    # The POH-ggz's e-learning counts on the roadmap once the course is one for the POH-ggz.
    poh = practice_factories.member(joined, Role.POH_GGZ)
    training_factories.certificate(poh, course)
    assert roadmap_of(overview(client, care_group), joined.name) == before
    course.audience = Audience.POH_GGZ
    course.save()
    assert roadmap_of(overview(client, care_group), joined.name) > before


def test_a_role_change_shows_on_the_roadmap(client, care_group, coordinator, joined, manager):
    course = training_factories.course("Blended", audience=Audience.POH_GGZ, questions=None)
    nurse = practice_factories.member(joined, Role.ASSISTANT)
    training_factories.certificate(nurse, course)
    before = roadmap_of(overview(client, care_group), joined.name)
    services.membership_change_role(membership=Membership.objects.get(user=nurse), role=Role.POH_GGZ, by=manager)
    assert roadmap_of(overview(client, care_group), joined.name) > before


@pytest.mark.parametrize("step", ["vision", "task split", "population", "patient page"])
def test_every_roadmap_input_shows_at_once(client, care_group, coordinator, joined, manager, step):
    language = factories.language()  # before the first visit: a new language is a new catalogue revision
    before = roadmap_of(overview(client, care_group), joined.name)
    if step == "vision":
        VisionVersion.objects.create(
            practice=joined, number=1, sections=practice_factories.vision_sections(), revision=1, updated_by=manager
        )
        assert roadmap_of(overview(client, care_group), joined.name) == before  # a draft is not adopted yet
        services.vision_adopt(practice=joined, by=manager)
    elif step == "task split":
        parts = {task: TaskParts((Role.POH_GGZ,), ()) for task in Task.values}
        services.task_split_save(practice=joined, by=manager, parts=parts, feedback_day=2, feedback_minutes=60)
    elif step == "population":
        figures = {"registered_patients": 3000, "share_0_17": 20, "share_18_64": 60, "share_65_plus": 20}
        figures |= {"share_low_literacy": 10, "share_migration": 10}
        services.population_save(practice=joined, by=manager, languages=[language], **figures)
    else:
        services.patient_page_publish(practice=joined, by=manager, published=True)  # an update(): no signal
    assert roadmap_of(overview(client, care_group), joined.name) > before


def test_a_practice_that_leaves_is_gone_at_once_and_no_longer_logged(
    client, care_group, coordinator, joined, manager, other_practice
):
    CareGroupPractice.objects.create(care_group=care_group, practice=other_practice)
    page = overview(client, care_group)
    assert cells_of(page, joined.name) and cells_of(page, other_practice.name)
    care_group_leave(link=CareGroupPractice.objects.get(practice=joined), by=manager)
    page = overview(client, care_group)
    assert cells_of(page, joined.name) is None and joined.name not in page
    assert cells_of(page, other_practice.name)
    assert joined.audit_events.filter(action=AuditEvent.Action.VIEW).count() == 1  # the visit before leaving
    assert other_practice.audit_events.filter(action=AuditEvent.Action.VIEW).count() == 2
    detail = reverse("care_groups:practice", args=[care_group.slug, joined.slug])
    assert client.get(detail).status_code == 404
    # Searching does not find it either, nor does a page kept before.
    assert joined.name not in overview(client, care_group, "?q=Linde")


def test_a_practice_that_joins_shows_at_once(client, care_group, coordinator, joined, other_practice):
    assert cells_of(overview(client, care_group), other_practice.name) is None
    invitation = CareGroupInvitation.objects.create(care_group=care_group, practice=other_practice)
    care_group_accept(invitation=invitation, by=None)
    assert cells_of(overview(client, care_group), other_practice.name)


def test_a_new_name_shows_at_once_also_in_a_search(client, care_group, coordinator, joined, manager):
    assert cells_of(overview(client, care_group, "?q=Linde"), joined.name)
    assert cells_of(overview(client, care_group), joined.name)
    values = {name: getattr(joined, name) for name in services.PRACTICE_SETTING_FIELDS} | {"name": "Praktijk Eik"}
    services.practice_update(practice=joined, by=manager, values=values, insurers=[])
    assert cells_of(overview(client, care_group), "Praktijk Eik")
    assert "Praktijk Eik" not in overview(client, care_group, "?q=Linde")
    assert cells_of(overview(client, care_group, "?q=Eik"), "Praktijk Eik")


def test_a_renamed_programme_shows_at_once(client, care_group, coordinator, joined, counted_programme):
    MenuItem.objects.create(practice=joined, programme=counted_programme, position=1)
    assert "Kleur je leven" in overview(client, care_group)
    counted_programme.name = "Kleur je dag"
    counted_programme.save()  # the catalogue's revision
    page = overview(client, care_group)
    assert "Kleur je dag" in page and "Kleur je leven" not in page


def test_the_other_language_is_kept_apart(client, care_group, coordinator, joined):
    assert "% klaar" in overview(client, care_group)
    with translation.override("en"):
        english = overview(client, care_group)
    assert "% done" in english and "% klaar" not in english
    assert "% klaar" in overview(client, care_group)


def test_other_care_groups_keep_their_version(care_group, practice, other_practice):
    elsewhere = CareGroup.objects.create(name="Zorggroep Elders", slug="elders")
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    CareGroupPractice.objects.create(care_group=elsewhere, practice=other_practice)
    versions = dict(CareGroup.objects.values_list("slug", "data_version"))
    MenuItem.objects.create(practice=practice, programme=factories.programme(), position=1)
    after = dict(CareGroup.objects.values_list("slug", "data_version"))
    assert after["vecht"] > versions["vecht"] and after["elders"] == versions["elders"]


def test_writes_in_a_deferred_block_bump_once_at_its_end_even_after_an_error(care_group, practice):
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    programmes = [factories.programme() for _index in range(3)]
    version = CareGroup.objects.get(pk=care_group.pk).data_version
    with CaptureQueriesContext(connection) as queries, care_group_cache.bumps_deferred():
        for position, programme in enumerate(programmes, start=1):
            MenuItem.objects.create(practice=practice, programme=programme, position=position)
        assert CareGroup.objects.get(pk=care_group.pk).data_version == version  # not yet
    bumps = [query for query in queries if query["sql"].startswith('UPDATE "practices_caregroup"')]
    assert len(bumps) == 1
    assert CareGroup.objects.get(pk=care_group.pk).data_version == version + 1
    with pytest.raises(RuntimeError), care_group_cache.bumps_deferred():
        MenuItem.objects.filter(practice=practice).first().delete()
        raise RuntimeError
    assert CareGroup.objects.get(pk=care_group.pk).data_version == version + 2


def test_a_bump_rolled_back_with_its_change_leaves_the_version(care_group, practice):
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    version = CareGroup.objects.get(pk=care_group.pk).data_version
    with pytest.raises(RuntimeError), transaction.atomic():
        MenuItem.objects.create(practice=practice, programme=factories.programme(), position=1)
        raise RuntimeError
    assert CareGroup.objects.get(pk=care_group.pk).data_version == version
    assert not MenuItem.objects.exists()


def test_invitations_sent_answered_or_of_a_practice_with_a_new_agb_code_show_at_once(
    client, care_group, coordinator, joined, manager, other_practice
):
    assert other_practice.agb_code not in overview(client, care_group)
    client.post(reverse("care_groups:invite", args=[care_group.slug]), {"agb_code": other_practice.agb_code})
    assert other_practice.agb_code in overview(client, care_group)
    other_practice.agb_code = "07654399"
    other_practice.save()
    page = overview(client, care_group)
    assert "07654399" in page and "07654321" not in page
    services.practice_update(
        practice=joined,
        by=manager,
        values={name: getattr(joined, name) for name in services.PRACTICE_SETTING_FIELDS} | {"agb_code": "01234599"},
        insurers=[],
    )
    assert "01234599" not in overview(client, care_group)  # a joined practice's code is not shown
    invitation = CareGroupInvitation.objects.get(practice=other_practice)
    care_group_decline(invitation=invitation, by=None)
    assert "07654399" not in overview(client, care_group)


def test_the_audit_entries_of_a_page_are_those_audit_record_writes_one_by_one(practice, other_practice, manager):
    """audit_record_many writes its rows with one plain INSERT: each must read back as audit_record's own."""
    values = {
        "user": manager,
        "action": AuditEvent.Action.VIEW,
        "subject": "care group Zorggroep Vecht: overview",
        "path": "/zorggroep/vecht/",
        "client_address": "2001:db8::7",
    }
    before = timezone.now()
    audit_record_many(practices=[practice, other_practice.pk], **values)
    single = audit_record(practice=practice, **values)
    fields = ["user", "username", "action", "subject", "path", "client_address"]
    many = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).exclude(pk=single.pk).order_by("pk")
    assert [event.practice for event in many] == [practice, other_practice]
    expected = [getattr(AuditEvent.objects.get(pk=single.pk), name) for name in fields]
    for event in many:
        assert [getattr(event, name) for name in fields] == expected
        assert before <= event.at <= single.at and event.at.tzinfo is not None
    audit_record_many(practices=[], **values)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count() == 3


def test_a_page_of_audit_entries_is_one_statement_whatever_its_length(practice, manager, django_assert_num_queries):
    practices = [practice.pk] + [practice_factories.practice(name=f"Praktijk {number}").pk for number in range(24)]
    with django_assert_num_queries(1):
        audit_record_many(practices=practices, user=manager, action=AuditEvent.Action.VIEW, subject="overview")
    written = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, subject="overview").order_by("pk")
    assert [event.practice_id for event in written] == practices


def test_saving_a_care_group_read_before_a_bump_keeps_the_newer_version(care_group, practice):
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    stale = CareGroup.objects.get(pk=care_group.pk)
    MenuItem.objects.create(practice=practice, programme=factories.programme(), position=1)
    bumped = CareGroup.objects.get(pk=care_group.pk).data_version
    assert bumped > stale.data_version
    stale.name = "Zorggroep Vecht en Venen"
    stale.save()
    assert CareGroup.objects.values_list("name", "data_version").get(pk=care_group.pk) == (stale.name, bumped)
    CareGroup.objects.create(name="Nieuw", slug="nieuw")  # a new one is saved whole
    assert CareGroup.objects.get(slug="nieuw").data_version == 0


def test_a_coordinator_who_is_no_longer_one_gets_nothing_from_the_cache(client, care_group, coordinator, joined):
    url = reverse("care_groups:overview", args=[care_group.slug])
    assert joined.name in client.get(url).text
    CareGroupMembership.objects.filter(user=coordinator).delete()
    response = client.get(url)
    assert response.status_code == 404 and joined.name not in response.text
    assert joined.audit_events.filter(action=AuditEvent.Action.VIEW).count() == 1


INVITE_TOKEN = re.compile(r'class="practice-form">\s*<input type="hidden" name="csrfmiddlewaretoken" value="(\w+)"')


def test_the_kept_invite_form_carries_each_coordinators_own_csrf_token(client, care_group, coordinator, practice):
    tokens = []
    for name in ("ceesco", "dinaco"):
        user = factories.user(name, password=None)
        CareGroupMembership.objects.create(care_group=care_group, user=user)
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(user)
        overview(browser, care_group)  # the first visit keeps the form; the second comes from the cache
        token = INVITE_TOKEN.search(overview(browser, care_group)).group(1)
        tokens.append(token)
        url = reverse("care_groups:invite", args=[care_group.slug])
        assert browser.post(url, {"agb_code": practice.agb_code, "csrfmiddlewaretoken": token}).status_code == 302
        CareGroupInvitation.objects.all().delete()
    assert tokens[0] != tokens[1]
    assert "CSRFTOKENPLACEHOLDER" not in overview(client, care_group)


def test_an_invite_with_errors_keeps_what_was_typed_and_is_never_kept(client, care_group, coordinator):
    overview(client, care_group)
    url = reverse("care_groups:invite", args=[care_group.slug])
    response = client.post(url, {"agb_code": "1234"})
    assert response.status_code == 400
    assert 'value="1234"' in response.text and "is-invalid" in response.text
    assert 'value="1234"' not in overview(client, care_group)  # the next plain visit has the empty form again


def test_the_kept_invite_form_is_in_the_visitors_language(client, care_group, coordinator):
    assert "Uitnodiging versturen" in overview(client, care_group)
    with translation.override("en"):
        english = client.get(reverse("care_groups:overview", args=[care_group.slug])).text
    assert "Send invitation" in english and "Uitnodiging versturen" not in english
