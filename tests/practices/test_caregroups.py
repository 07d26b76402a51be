"""Care groups: a practice joins only when its manager accepts, leaves at once, and a coordinator sees counts and
progress of joined practices only — never a non-joined practice, a vision draft, a name or a count below 5."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, reverse
from django.utils import timezone, translation

from catalog.models import PrevalenceKey, Programme
from practices import care_groups, urls_caregroups
from practices.care_group_sections import PRACTICES_PER_PAGE
from practices.models import AuditEvent, MenuItem, Role, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupMembership, CareGroupPractice
from practices.models_reach import MonthlyReach
from practices.reach import reach_among
from practices.roadmap import roadmap_for
from practices.scoping import joined_practices
from practices.small_numbers import small_number
from tests import factories
from tests.otp import verified_login
from tests.practices import factories as practice_factories
from tests.training import factories as training_factories
from training.models import Audience

THIS_YEAR = timezone.localdate().year

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Geheime conceptzin over onze werkwijze"


@pytest.fixture
def care_group():
    return CareGroup.objects.create(name="Zorggroep Vecht", slug="vecht")


@pytest.fixture
def coordinator(care_group):
    user = factories.user("cora", first_name="Cora", last_name="Coördinator", password=None)
    CareGroupMembership.objects.create(care_group=care_group, user=user)
    return user


def join(care_group, practice):
    return CareGroupPractice.objects.create(care_group=care_group, practice=practice)


def invite(care_group, practice, by=None):
    return CareGroupInvitation.objects.create(care_group=care_group, practice=practice, invited_by=by)


def overview_url(care_group):
    return reverse("care_groups:overview", args=[care_group.slug])


# Small numbers -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "shown"), [(0, "< 5"), (1, "< 5"), (4, "< 5"), (5, "5"), (1234, "1.234")])
def test_counts_below_five_are_shown_as_less_than_five(count, shown):
    with translation.override("nl"):
        assert small_number(count) == shown


# Joining, declining, leaving -----------------------------------------------------------------------------------


def test_coordinator_invites_by_agb_code_and_the_practice_log_says_so(client, care_group, coordinator, practice):
    client.force_login(coordinator)
    response = client.post(reverse("care_groups:invite", args=[care_group.slug]), {"agb_code": practice.agb_code})
    assert response.status_code == 302
    invitation = CareGroupInvitation.objects.get()
    assert (invitation.practice, invitation.invited_by, invitation.is_open) == (practice, coordinator, True)
    assert practice.audit_events.filter(action=AuditEvent.Action.INVITE, user=coordinator).exists()
    # Invited is not joined: the coordinator does not see the practice yet.
    html = client.get(overview_url(care_group)).text
    assert practice.name not in html
    assert practice.agb_code in html


def test_an_unknown_agb_code_is_explained(client, care_group, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("care_groups:invite", args=[care_group.slug]), {"agb_code": "55555555"})
    assert response.status_code == 400
    assert "Er is nog geen praktijk met deze AGB-code in de toolkit." in response.text
    assert not CareGroupInvitation.objects.exists()


def test_manager_accepts_and_the_coordinator_then_sees_the_practice(client, care_group, coordinator, practice, manager):
    invitation = invite(care_group, practice, by=coordinator)
    client.force_login(manager)
    page = client.get(reverse("practices:care_groups", args=[practice.slug])).text
    assert "Zorggroep Vecht" in page
    response = client.post(reverse("practices:care_group_accept", args=[practice.slug, invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.answered_by == manager
    assert CareGroupPractice.objects.filter(care_group=care_group, practice=practice).exists()
    assert practice.audit_events.filter(action=AuditEvent.Action.JOIN, subject="care group Zorggroep Vecht: joined")
    client.force_login(coordinator)
    assert practice.name in client.get(overview_url(care_group)).text


@pytest.mark.parametrize("action", ["care_group_accept", "care_group_decline"])
def test_only_the_manager_answers_an_invitation(client, care_group, practice, manager, huisarts, assistant, action):
    invitation = invite(care_group, practice)
    for member in (huisarts, assistant):
        client.force_login(member)
        response = client.post(reverse(f"practices:{action}", args=[practice.slug, invitation.pk]))
        assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.is_open
    assert not CareGroupPractice.objects.exists()


def test_a_manager_of_another_practice_cannot_accept_for_this_one(client, care_group, practice, outsider):
    invitation = invite(care_group, practice)
    client.force_login(outsider)
    own = outsider.memberships.get().practice
    # Neither through this practice's address nor by pointing their own practice's address at the invitation.
    assert client.post(reverse("practices:care_group_accept", args=[practice.slug, invitation.pk])).status_code == 404
    assert client.post(reverse("practices:care_group_accept", args=[own.slug, invitation.pk])).status_code == 404
    assert not CareGroupPractice.objects.exists()


def test_manager_declines_and_the_practice_stays_out(client, care_group, coordinator, practice, manager):
    invitation = invite(care_group, practice)
    client.force_login(manager)
    client.post(reverse("practices:care_group_decline", args=[practice.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.declined_at is not None and invitation.accepted_at is None
    assert not CareGroupPractice.objects.exists()
    # A declined invitation cannot be accepted afterwards.
    response = client.post(reverse("practices:care_group_accept", args=[practice.slug, invitation.pk]))
    assert response.status_code == 404
    client.force_login(coordinator)
    assert practice.name not in client.get(overview_url(care_group)).text


def test_leaving_ends_all_sharing_at_once(client, care_group, coordinator, practice, manager, huisarts):
    join(care_group, practice)
    client.force_login(huisarts)
    leave_url = reverse("practices:care_group_leave", args=[practice.slug, care_group.slug])
    assert client.post(leave_url).status_code == 403
    client.force_login(coordinator)
    assert practice.name in client.get(overview_url(care_group)).text
    client.force_login(manager)
    assert client.post(leave_url).status_code == 302
    assert not CareGroupPractice.objects.exists()
    assert practice.audit_events.filter(action=AuditEvent.Action.LEAVE, user=manager).exists()
    client.force_login(coordinator)
    html = client.get(overview_url(care_group)).text
    assert practice.name not in html
    # It can be invited again, and joins again only when the manager accepts once more.
    assert client.post(reverse("care_groups:invite", args=[care_group.slug]), {"agb_code": practice.agb_code})
    assert not CareGroupPractice.objects.exists()


def test_an_invitation_while_joined_or_open_is_not_doubled(client, care_group, coordinator, practice, other_practice):
    join(care_group, practice)
    invite(care_group, other_practice)
    client.force_login(coordinator)
    url = reverse("care_groups:invite", args=[care_group.slug])
    client.post(url, {"agb_code": practice.agb_code})
    client.post(url, {"agb_code": other_practice.agb_code})
    assert CareGroupInvitation.objects.count() == 1


# Scoping: outsiders ---------------------------------------------------------------------------------------------


def _care_group_urls(care_group, practice):
    """Every coordinator URL (new ones are walked automatically), aimed at a practice that joined."""
    samples = {"care_group_slug": care_group.slug, "practice_slug": practice.slug}
    for pattern in urls_caregroups.urlpatterns:
        assert isinstance(pattern, URLPattern)
        missing = set(pattern.pattern.converters) - set(samples)
        assert not missing, f"{pattern.name} takes {missing}: add a sample"
        yield reverse(f"care_groups:{pattern.name}", kwargs={k: samples[k] for k in pattern.pattern.converters})


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_care_group_url_is_404_for_anyone_but_its_coordinators(
    client, care_group, coordinator, practice, manager, outsider, method
):
    join(care_group, practice)
    other_group = CareGroup.objects.create(name="Zorggroep Elders", slug="elders")
    other_coordinator = factories.user("otto-co", password=None)
    CareGroupMembership.objects.create(care_group=other_group, user=other_coordinator)
    urls = list(_care_group_urls(care_group, practice))
    assert len(urls) == len(urls_caregroups.urlpatterns) >= 3
    before = (CareGroupInvitation.objects.count(), AuditEvent.objects.exclude(action="refused").count())
    # The manager of a joined practice is no coordinator either.
    for user in (outsider, other_coordinator, manager):
        client.force_login(user)
        for url in urls:
            response = client.get(url) if method == "get" else client.post(url, {"agb_code": practice.agb_code})
            assert response.status_code == 404, (user, url)
    assert (CareGroupInvitation.objects.count(), AuditEvent.objects.exclude(action="refused").count()) == before
    assert AuditEvent.objects.filter(action="refused", username="charlie").exists()
    client.logout()
    for url in urls:
        response = client.get(url) if method == "get" else client.post(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_an_unknown_care_group_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("care_groups:overview", args=["bestaat-niet"])).status_code == 404


def test_the_practice_page_is_404_for_a_practice_that_has_not_joined_or_has_left(
    client, care_group, coordinator, practice, other_practice
):
    link = join(care_group, practice)
    invite(care_group, other_practice)
    client.force_login(coordinator)
    url = reverse("care_groups:practice", args=[care_group.slug, practice.slug])
    assert client.get(url).status_code == 200
    assert client.get(reverse("care_groups:practice", args=[care_group.slug, other_practice.slug])).status_code == 404
    link.delete()
    assert client.get(url).status_code == 404


def test_the_practice_page_shows_no_names_drafts_or_small_counts_and_is_audited(
    client, care_group, coordinator, filled_practice
):
    join(care_group, filled_practice)
    client.force_login(coordinator)
    response = client.get(reverse("care_groups:practice", args=[care_group.slug, filled_practice.slug]))
    html = response.text
    assert "Blended behandelen" in html and "Betaald Programma" in html
    assert DRAFT_TEXT not in html
    for name in ("Zwaantje", "Zevenboom", "Quirijn", "Quakkelaar", "Alice"):
        assert name not in html, name
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert cells == ["&lt; 5", "niet bijgehouden", "–"]  # courses, then reach: nothing recorded yet
    event = filled_practice.audit_events.get(action=AuditEvent.Action.VIEW)
    assert event.subject == "care group Zorggroep Vecht: practice page" and event.user == coordinator


def test_a_coordinator_is_no_member_of_the_practices(client, care_group, coordinator, practice):
    join(care_group, practice)
    client.force_login(coordinator)
    for name in ("practices:dashboard", "practices:vision", "practices:audit_log", "practices:members"):
        assert client.get(reverse(name, args=[practice.slug])).status_code == 404


def test_a_coordinator_without_a_practice_lands_on_the_care_group(client, care_group, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("practices:choose"))
    assert response.status_code == 302 and response["Location"] == overview_url(care_group)


# What the coordinator sees --------------------------------------------------------------------------------------


@pytest.fixture
def filled_practice(practice, manager):
    """A joined practice with a draft vision, named members, three with a certificate, a paid programme."""
    VisionVersion.objects.create(practice=practice, number=1, sections={"why_and_whom": DRAFT_TEXT}, updated_by=manager)
    course = training_factories.course("Blended behandelen", audience=Audience.POH_GGZ, questions=None)
    poh = practice_factories.member(practice, Role.POH_GGZ, "zwaan", first_name="Zwaantje", last_name="Zevenboom")
    gp = practice_factories.member(practice, Role.HUISARTS, "quirijn", first_name="Quirijn", last_name="Quakkelaar")
    for user in (poh, gp, manager):
        training_factories.certificate(user, course)
    paid = factories.programme("Betaald Programma", cost=Programme.Cost.PRACTICE_LICENCE)
    free = factories.programme("Gratis Programma", cost=Programme.Cost.FREE)
    MenuItem.objects.create(practice=practice, programme=paid, licence_arranged=True)
    MenuItem.objects.create(practice=practice, programme=free, position=2)
    return practice


def test_overview_shows_progress_and_programmes_but_no_names_drafts_or_small_counts(
    client, care_group, coordinator, filled_practice, manager, other_practice, outsider
):
    join(care_group, filled_practice)
    # The non-joined practice has its own paid programme: neither it nor its programme may show.
    MenuItem.objects.create(practice=other_practice, programme=factories.programme("Elders Programma"))
    client.force_login(coordinator)
    response = client.get(overview_url(care_group))
    html = response.text
    assert response.status_code == 200
    assert filled_practice.name in html
    assert "Betaald Programma" in html and "Gratis Programma" in html
    assert "betaalde licentie, geregeld" in html
    assert other_practice.name not in html and "Elders Programma" not in html
    assert DRAFT_TEXT not in html
    for name in ("Zwaantje", "Zevenboom", "Quirijn", "Quakkelaar", "Alice", manager.username, outsider.username):
        assert name not in html, name
    row = response.context["rows"][0]
    assert (row.training.trained, row.training.certificates) == (3, 3)
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert "&lt; 5" in cells
    assert not [cell for cell in cells if re.fullmatch(r"\s*[0-4]\s*", cell)], cells


def test_five_or_more_is_shown_as_the_count(client, care_group, coordinator, practice):
    join(care_group, practice)
    course = training_factories.course("Signaleren", audience=Audience.GP, questions=None)
    for _index in range(6):
        training_factories.certificate(practice_factories.member(practice, Role.HUISARTS), course)
    client.force_login(coordinator)
    html = client.get(overview_url(care_group)).text
    assert "<td>6</td>" in html


@pytest.fixture
def counted_programme():
    depression = factories.theme("Depressieve klachten", prevalence_key=PrevalenceKey.DEPRESSION)
    return factories.programme("Kleur je leven", themes=[depression])


def _started(practice, programme, counts):
    MenuItem.objects.create(practice=practice, programme=programme, position=1)
    for month, started in enumerate(counts, start=1):
        MonthlyReach.objects.create(
            practice=practice, programme=programme, month=datetime.date(THIS_YEAR, month, 1), started=started
        )


def test_reach_below_five_started_shows_neither_the_count_nor_a_share(
    client, care_group, coordinator, practice, counted_programme
):
    join(care_group, practice)
    practice_factories.population(practice, registered_patients=5000, share_18_64=60)
    _started(practice, counted_programme, [1, 2])
    client.force_login(coordinator)
    html = client.get(overview_url(care_group)).text
    row = re.search(r"<th scope=\"row\">.*?</tr>", html, flags=re.S).group(0)
    cells = re.findall(r"<td>([^<]*)</td>", row)
    assert cells[-2:] == ["&lt; 5", "minder dan 5 gestart"]
    assert not [cell for cell in cells if re.fullmatch(r"\s*[0-4](,\d)?%?\s*", cell)], cells


def test_reach_from_five_started_shows_the_count_and_the_share_of_the_expected(
    client, care_group, coordinator, practice, counted_programme
):
    join(care_group, practice)
    practice_factories.population(practice, registered_patients=5000, share_18_64=60)
    _started(practice, counted_programme, [10, 20])
    client.force_login(coordinator)
    response = client.get(overview_url(care_group))
    reach = response.context["rows"][0].reach
    assert reach.started == 30 and reach.expected and reach.share is not None
    assert f"<td>{reach.share}%".replace(".", ",") in response.text.replace(".", ",")
    assert "<td>30</td>" in response.text


def test_every_overview_visit_is_in_the_log_of_each_practice_shown(
    client, care_group, coordinator, practice, other_practice
):
    third = practice_factories.practice("Praktijk Drie")
    join(care_group, practice)
    join(care_group, third)
    client.force_login(coordinator)
    client.get(overview_url(care_group))
    for shown in (practice, third):
        event = shown.audit_events.get(action=AuditEvent.Action.VIEW)
        assert (event.user, event.subject) == (coordinator, "care group Zorggroep Vecht: overview")
        assert event.path == overview_url(care_group)
    assert not other_practice.audit_events.exists()


def test_the_practice_reads_the_coordinators_visit_in_dutch(client, care_group, coordinator, practice, manager):
    join(care_group, practice)
    client.force_login(coordinator)
    client.get(overview_url(care_group))
    client.force_login(manager)
    html = client.get(reverse("practices:audit_log", args=[practice.slug]) + "?with_views=on").text
    assert "gezien in het overzicht van zorggroep Zorggroep Vecht" in html


def _build_joined(care_group, count, course, programmes):
    for index in range(count):
        practice = practice_factories.practice(f"Groepspraktijk {index:03d}")
        join(care_group, practice)
        poh = practice_factories.member(practice, Role.POH_GGZ)
        training_factories.certificate(poh, course)
        practice_factories.member(practice, Role.MANAGER)
        practice_factories.population(practice)
        practice_factories.complete_task_split(practice)
        VisionVersion.objects.create(
            practice=practice,
            number=1,
            status=VisionVersion.Status.ADOPTED,
            sections=practice_factories.vision_sections(),
            adopted_at=timezone.now(),
        )
        for position, programme in enumerate(programmes, start=1):
            MenuItem.objects.create(practice=practice, programme=programme, position=position)
            for month in (1, 2, 3):
                MonthlyReach.objects.create(
                    practice=practice, programme=programme, month=datetime.date(THIS_YEAR, month, 1), started=6
                )


def _overview_queries(client, care_group):
    return _overview_queries_on(client, care_group, "")


def _overview_queries_on(client, care_group, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(overview_url(care_group) + query)
    assert response.status_code == 200
    return len(queries)


def test_overview_query_count_does_not_grow_with_the_number_of_practices(client, care_group, coordinator):
    course = training_factories.course("Blended behandelen", audience=Audience.POH_GGZ, questions=None)
    programmes = [
        factories.programme("Programma A", cost=Programme.Cost.PRACTICE_LICENCE),
        factories.programme("Programma B"),
    ]
    client.force_login(coordinator)
    _build_joined(care_group, 3, course, programmes)
    client.get(overview_url(care_group))  # the session and translations settle on the first visit
    cache.clear()
    at_3 = _overview_queries(client, care_group)
    warm_at_3 = _overview_queries(client, care_group)
    _build_joined(care_group, 27, course, programmes)  # a new data version: nothing kept applies any more
    at_30 = _overview_queries(client, care_group)
    warm_at_30 = _overview_queries(client, care_group)
    # 30 practices on one page or over two: the queries of a page stay the same.
    cache.clear()
    assert _overview_queries_on(client, care_group, "?page=2") == at_30
    assert at_3 == at_30, (at_3, at_30)
    assert at_30 <= 11
    # Kept sections: the session, the user, the care group with the coordinator check, the catalogue revision and
    # the audit entries.
    assert warm_at_3 == warm_at_30 == 5, (warm_at_3, warm_at_30)


def test_practices_are_shown_a_page_at_a_time_and_only_those_shown_are_logged(client, care_group, coordinator):
    per_page = PRACTICES_PER_PAGE
    practices = [practice_factories.practice(f"Reekspraktijk {index:02d}") for index in range(per_page + 2)]
    CareGroupPractice.objects.bulk_create(CareGroupPractice(care_group=care_group, practice=p) for p in practices)
    client.force_login(coordinator)
    first = client.get(overview_url(care_group))
    assert f"Reekspraktijk {per_page - 1:02d}" in first.text and f"Reekspraktijk {per_page:02d}" not in first.text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count() == per_page
    second = client.get(overview_url(care_group) + "?page=2")
    assert f"Reekspraktijk {per_page + 1:02d}" in second.text and "Reekspraktijk 00" not in second.text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count() == per_page + 2


def test_the_administrator_names_coordinators_but_cannot_join_a_practice_for_it(client, care_group, practice):
    verified_login(client, factories.user("beheerder", is_staff=True, is_superuser=True))
    join(care_group, practice)
    invite(care_group, practice_factories.practice("Uitgenodigde praktijk"))
    assert client.get(reverse("admin:practices_caregroup_changelist")).status_code == 200
    page = client.get(reverse("admin:practices_caregroup_change", args=[care_group.pk]))
    assert page.status_code == 200 and practice.name in page.text
    assert client.get(reverse("admin:practices_caregroupinvitation_changelist")).status_code == 200
    assert client.get(reverse("admin:practices_caregroupinvitation_add")).status_code == 403


def test_the_overview_rows_agree_with_each_practice_asked_on_its_own(care_group, counted_programme):
    """The page reads roadmap facts and reach for all its practices at once; each must be what the practice's own
    roadmap and reach say (some practices done, some not, one without a population profile)."""
    course = training_factories.course("Blended behandelen", audience=Audience.POH_GGZ, questions=None)
    _build_joined(care_group, 2, course, [counted_programme])
    bare = practice_factories.practice("Kale praktijk")
    join(care_group, bare)
    gap = practice_factories.practice("Praktijk met gat")
    join(care_group, gap)
    MenuItem.objects.create(practice=gap, programme=counted_programme, position=1)
    for month, started in ((1, 2), (2, 3), (4, 9)):  # no three months in a row; 14 started this year
        MonthlyReach.objects.create(
            practice=gap, programme=counted_programme, month=datetime.date(THIS_YEAR, month, 1), started=started
        )
    practices = care_groups.overview_practices(joined_practices(care_group))
    rows = care_groups.overview_rows(practices)
    assert len(rows) == 4
    expected_reach = reach_among([row.practice for row in rows], THIS_YEAR)
    for row in rows:
        own = roadmap_for(row.practice)
        done = [status.done for step in own.steps for status in step.items]
        assert [status.done for step in row.roadmap.steps for status in step.items] == done, row.practice.name
        assert row.reach == expected_reach[row.practice.pk], row.practice.name
    by_name = {row.practice.name: row for row in rows}
    assert by_name["Kale praktijk"].roadmap.done == 0
    assert by_name["Praktijk met gat"].reach.started == 14
    assert not by_name["Praktijk met gat"].roadmap.steps[-1].done
    assert by_name["Groepspraktijk 000"].roadmap.done == by_name["Groepspraktijk 000"].roadmap.total - 1


def test_overview_rows_escape_what_practices_typed(client, care_group, coordinator):
    """The rows are written in Python (practices.templatetags.care_group_rows): names are escaped as a template
    would, in both languages."""
    practice = practice_factories.practice("Praktijk <b>Vet</b>")
    join(care_group, practice)
    MenuItem.objects.create(practice=practice, programme=factories.programme("Kleur & <i>Leven</i>"), position=1)
    client.force_login(coordinator)
    html = client.get(overview_url(care_group)).text
    assert "Praktijk &lt;b&gt;Vet&lt;/b&gt;" in html and "<b>Vet</b>" not in html
    assert "Kleur &amp; &lt;i&gt;Leven&lt;/i&gt;" in html
    assert re.search(r"<td>\d+% klaar</td>", html) and "niet bijgehouden" in html
    with translation.override("en"):
        english = client.get(reverse("care_groups:overview", args=[care_group.slug])).text
    assert re.search(r"<td>\d+% done</td>", english) and "not recorded" in english


def test_search_by_name_shows_and_logs_only_the_matching_practices(client, care_group, coordinator, other_practice):
    practices = [practice_factories.practice(f"Reekspraktijk {index:02d}") for index in range(PRACTICES_PER_PAGE + 2)]
    practices.append(practice_factories.practice("Huisartsen De Linde"))
    CareGroupPractice.objects.bulk_create(CareGroupPractice(care_group=care_group, practice=p) for p in practices)
    other_practice.name = "Linde buiten de groep"
    other_practice.save()
    client.force_login(coordinator)
    response = client.get(overview_url(care_group) + "?q=linde")
    assert [row.practice.name for row in response.context["rows"]] == ["Huisartsen De Linde"]
    assert "Linde buiten de groep" not in response.text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count() == 1
    assert 'value="linde"' in response.text and "Alle praktijken tonen" in response.text
    # The pages of a search keep the search; nothing found says so.
    second = client.get(overview_url(care_group) + "?q=Reeks")
    assert "page=2&amp;q=Reeks" in second.text
    assert "Geen praktijk in uw zorggroep heeft" in client.get(overview_url(care_group) + "?q=Eik").text


@pytest.mark.parametrize(("page", "shown"), [("", 1), ("2", 2), ("abc", 1), ("99", 2), ("0", 2)])
def test_a_page_number_out_of_range_or_not_a_number_shows_a_page_as_paginator_does(
    client, care_group, coordinator, page, shown
):
    practices = [practice_factories.practice(f"Reekspraktijk {index:02d}") for index in range(PRACTICES_PER_PAGE + 2)]
    CareGroupPractice.objects.bulk_create(CareGroupPractice(care_group=care_group, practice=p) for p in practices)
    client.force_login(coordinator)
    response = client.get(overview_url(care_group) + f"?page={page}")
    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert (page_obj.number, page_obj.paginator.count, page_obj.paginator.num_pages) == (shown, len(practices), 2)
    assert len(response.context["rows"]) == (PRACTICES_PER_PAGE if shown == 1 else 2)
