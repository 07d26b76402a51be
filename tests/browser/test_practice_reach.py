"""The POH-ggz enters this month's reach counts, with the keuzehulp's count offered; the manager sees the reach
against the 35% target on the dashboard and downloads it as CSV."""

import csv
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import formats
from playwright.sync_api import expect

from catalog.models import PrevalenceKey
from practices.models import MenuItem, MonthlyReach, Role
from practices.reach import this_month
from tests import factories as catalog
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


@pytest.fixture
def practice():
    practice = factories.practice("Huisartsen De Linde", slug="de-linde", place="Utrecht")
    factories.population(practice, registered_patients=2000)  # 1200 adults aged 18–64
    depression = catalog.theme("Depressieve klachten", prevalence_key=PrevalenceKey.DEPRESSION)
    anxiety = catalog.theme("Angstklachten", prevalence_key=PrevalenceKey.ANXIETY)
    kleur = catalog.programme("Kleur je leven", themes=[depression], website="https://www.kleurjeleven.nl/")
    angst = catalog.programme("Angst de baas", themes=[anxiety])
    MenuItem.objects.create(practice=practice, programme=kleur, position=1)
    MenuItem.objects.create(practice=practice, programme=angst, position=2)
    return practice


def test_poh_enters_this_months_counts_with_the_keuzehulps_count_offered(
    page, live_server, practice, assert_accessible
):
    poh = factories.member(practice, Role.POH_GGZ, "pim")
    log_in(page.context, poh, live_server.url)
    page.goto(_url("dashboard", practice))  # the practice becomes the current one, as after logging in

    # Two advice sheets with Kleur je leven handed out in a consultation this month.
    for _sheet in range(2):
        page.goto(reverse("catalog:keuzehulp_advice") + "?p=kleur-je-leven")
        expect(page.get_by_role("heading", name="Kleur je leven")).to_be_visible()

    page.goto(_url("reach", practice))
    expect(page.get_by_text("Nog geen aantallen ingevuld")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Aantallen van deze maand invullen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bereik in")
    expect(page.get_by_text("De keuzehulp gaf deze maand 2 adviesbladen mee met dit programma.")).to_be_visible()
    expect(page.get_by_label("Kleur je leven: aangeboden")).to_have_value("2")
    expect(page.get_by_label("Angst de baas: aangeboden")).to_have_value("0")
    assert_accessible(page)

    # A slip first: more finished than started is refused at the field, the input kept.
    page.get_by_label("Kleur je leven: gestart").fill("1")
    page.get_by_label("Kleur je leven: afgerond").fill("2")
    page.get_by_role("button", name="Aantallen opslaan").click()
    expect(
        page.get_by_text("Afgerond en gestopt samen kunnen niet meer zijn dan deze maand gestart.").first
    ).to_be_visible()
    expect(page.get_by_label("Kleur je leven: gestart")).to_have_value("1")
    assert_accessible(page)

    page.get_by_label("Kleur je leven: afgerond").fill("0")
    page.get_by_label("Angst de baas: gestart").fill("1")
    page.get_by_role("button", name="Aantallen opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("opgeslagen")
    expect(page.locator(".reach-summary")).to_contain_text("2 van de 365 verwachte patiënten zijn gestart")
    assert_accessible(page)
    saved = MonthlyReach.objects.get(practice=practice, month=this_month(), programme__slug="kleur-je-leven")
    assert (saved.offered, saved.started, saved.finished, saved.stopped) == (2, 1, 0, 0)


def test_manager_sees_reach_against_the_target_and_downloads_the_csv(
    page, live_server, practice, assert_accessible, tmp_path
):
    manager = factories.member(practice, Role.MANAGER, "marieke")
    year = this_month().year
    for month in range(1, this_month().month + 1):
        for programme in practice.menu_items.select_related("programme"):
            MonthlyReach.objects.create(
                practice=practice, month=date(year, month, 1), programme=programme.programme, offered=4, started=3
            )
    log_in(page.context, manager, live_server.url)
    page.goto(_url("dashboard", practice))
    page.get_by_role("link", name="Bereik", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bereik")
    chart = page.get_by_role("img", name=f"Aandeel van de verwachte patiënten dat in {year} met een programma startte")
    expect(chart).to_be_visible()
    expect(page.get_by_text("35%: doel")).to_be_visible()
    started = 6 * this_month().month
    share = formats.number_format(round(100 * started / 365, 1), 1, use_l10n=True)
    expect(page.locator(".reach-summary")).to_contain_text(f"{started} van de 365 verwachte patiënten zijn gestart")
    expect(page.locator(".reach-table")).to_contain_text("Depressieve klachten")
    expect(page.locator(".reach-table")).to_contain_text("Doel 35%")
    expect(page.get_by_text("Trimbos-instituut (in opdracht van VWS)")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Downloaden als CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"bereik-de-linde-{year}-")
    path = tmp_path / "bereik.csv"
    download.save_as(path)
    rows = list(csv.reader(StringIO(Path(path).read_text(encoding="utf-8-sig")), delimiter=";"))
    total = rows[1]
    assert total[:2] == ["Totaal", "Alle drie de problemen"]
    assert total[14:17] == [str(started), "365", share]
    assert total[-1] == "35"
