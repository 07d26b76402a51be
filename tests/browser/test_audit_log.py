"""The manager filters the audit log, shows the page views and downloads the CSV; accessible on laptop and phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.audit import audit_record
from practices.models import Role
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("size", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_manager_filters_the_log_and_downloads_it(page, live_server, assert_accessible, size):
    practice = factories.practice("Huisartsenpraktijk De Es", slug="de-es")
    manager = factories.member(practice, Role.MANAGER, "marieke")
    gp = factories.member(practice, Role.HUISARTS, "joost")
    audit_record(practice=practice, user=gp, action="change", subject="task split")
    audit_record(practice=practice, user=manager, action="change", subject="population profile")
    audit_record(practice=practice, user=gp, action="view", subject="vision")
    page.set_viewport_size(size)
    log_in(page.context, manager, live_server.url)

    page.goto(reverse("practices:audit_log", args=[practice.slug]))
    rows = page.get_by_role("row")
    expect(rows.filter(has_text="taakverdeling")).to_be_visible()
    expect(rows.filter(has_text="bekeken")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

    page.get_by_label("Wie").select_option("joost")
    page.get_by_label("Ook bekeken pagina's tonen").check()
    page.get_by_role("button", name="Filteren").click()
    expect(rows.filter(has_text="bekeken")).to_be_visible()
    expect(rows.filter(has_text="patiëntenpopulatie")).to_have_count(0)
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als CSV").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.splitlines()[0] == "Tijd (Nederlandse tijd);Wie;Handeling;Wat;Adres"
    assert "taakverdeling" in text and "patiëntenpopulatie" not in text
