"""A care group in the browser: the coordinator invites a practice, its manager accepts, the coordinator sees it
(not a practice that has not joined, nor its vision draft), the practice leaves and the coordinator is shut out at
once. axe on every page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import Role, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupMembership
from tests import factories as common
from tests.browser.helpers_practices import ExtraBrowser, log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

DRAFT = "Onze geheime conceptvisie voor het team"


def test_invite_accept_see_leave(page, browser, live_server, assert_accessible):
    practice = factories.practice("Huisartsenpraktijk De Linde", slug="de-linde", agb_code="01234567")
    manager = factories.member(practice, Role.MANAGER, "marieke", first_name="Marieke", last_name="Manager")
    VisionVersion.objects.create(practice=practice, number=1, sections={"why_and_whom": DRAFT}, updated_by=manager)
    # A practice that never joins: the coordinator must not see it.
    factories.practice("Huisartsenpraktijk De Wilg", slug="de-wilg", agb_code="07654321")
    care_group = CareGroup.objects.create(name="Zorggroep Kromme Rijn", slug="kromme-rijn")
    coordinator = common.user("carla", first_name="Carla", last_name="Coördinator")
    CareGroupMembership.objects.create(care_group=care_group, user=coordinator)
    overview = reverse("care_groups:overview", args=[care_group.slug])

    # The coordinator invites the practice by its AGB code.
    log_in(page.context, coordinator, live_server.url)
    page.goto(overview)
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorggroep Kromme Rijn")
    assert_accessible(page)
    page.get_by_label("AGB-code van de praktijk").fill("01234567")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("01234567")
    expect(page.get_by_role("main")).not_to_contain_text("Huisartsenpraktijk De Linde")
    assert_accessible(page)

    # The practice's manager accepts, in another browser.
    other = ExtraBrowser(browser, live_server.url)
    try:
        log_in(other.context, manager, live_server.url)
        practice_page = other.page
        practice_page.goto(reverse("practices:dashboard", args=[practice.slug]))
        practice_page.get_by_role("link", name="Zorggroepen").click()
        expect(practice_page.get_by_role("heading", level=1)).to_have_text("Zorggroepen")
        assert_accessible(practice_page)
        practice_page.get_by_role("button", name="Meedoen met Zorggroep Kromme Rijn").click()
        expect(practice_page.get_by_role("status").first).to_contain_text("doet nu mee")
        assert_accessible(practice_page)

        # The coordinator sees the practice, not the one that did not join, and no draft or name.
        page.goto(overview)
        main = page.get_by_role("main")
        expect(main).to_contain_text("Huisartsenpraktijk De Linde")
        expect(main).not_to_contain_text("De Wilg")
        expect(main).not_to_contain_text(DRAFT)
        expect(main).not_to_contain_text("Marieke")
        assert_accessible(page)
        page.get_by_role("link", name="Huisartsenpraktijk De Linde").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Huisartsenpraktijk De Linde")
        expect(page.get_by_role("main")).not_to_contain_text(DRAFT)
        assert_accessible(page)
        detail = page.url

        # The practice leaves; the coordinator is shut out at once.
        practice_page.get_by_role("button", name="Stoppen met Zorggroep Kromme Rijn").click()
        expect(practice_page.get_by_role("status").first).to_contain_text("gestopt")
        assert_accessible(practice_page)
        assert page.goto(detail).status == 404
        page.goto(overview)
        expect(page.get_by_role("main")).not_to_contain_text("Huisartsenpraktijk De Linde")
        assert_accessible(page)
    finally:
        other.close()
