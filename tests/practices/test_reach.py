"""Monthly reach: counts only, the open months, audited corrections, the keuzehulp's counter, the dashboard and CSV."""

import csv
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib import admin
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalog.models import PrevalenceKey
from practices.charts import reach_line_chart
from practices.models import AuditEvent, MenuItem, Role
from practices.models_reach import MAX_MONTHLY_COUNT, AdviceCount, MonthlyReach
from practices.reach import (
    YearlyReach,
    add_months,
    is_open,
    longest_run,
    open_months,
    reach_recorded_for_consecutive_months,
    reach_rows,
    this_month,
    yearly_reach,
)
from practices.reach_services import ReachMonthLocked, advice_count_add, reach_save
from practices.roadmap import roadmap_for
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def poh(practice):
    return factories.member(practice, Role.POH_GGZ, "pim")


@pytest.fixture
def programmes(practice):
    depression = catalog.theme("Depressieve klachten", prevalence_key=PrevalenceKey.DEPRESSION)
    anxiety = catalog.theme("Angstklachten", prevalence_key=PrevalenceKey.ANXIETY)
    sleep = catalog.theme("Slaapproblemen")
    kleur = catalog.programme("Kleur je leven", themes=[depression])
    angst = catalog.programme("Angst de baas", themes=[anxiety, depression])
    slaap = catalog.programme("Slaapkompas", themes=[sleep])
    for position, programme in enumerate((kleur, angst, slaap), start=1):
        MenuItem.objects.create(practice=practice, programme=programme, position=position)
    return kleur, angst, slaap


def _url(name, practice, **query):
    url = reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def _post_data(programmes, month, **per_programme):
    """Form data: every programme zero unless per_programme[slug] gives (offered, started, finished, stopped)."""
    data = {"month": f"{month:%Y-%m}"}
    for programme in programmes:
        values = per_programme.get(programme.slug.replace("-", "_"), (0, 0, 0, 0))
        for field, value in zip(("offered", "started", "finished", "stopped"), values, strict=True):
            data[f"p{programme.pk}_{field}"] = value
    return data


def _counts(**values):
    return {"offered": 0, "started": 0, "finished": 0, "stopped": 0, **values}


# Months ----------------------------------------------------------------------------------------------------


def test_this_month_and_the_three_before_are_open_across_a_new_year():
    assert open_months(date(2026, 2, 14)) == [date(2026, 2, 1), date(2026, 1, 1), date(2025, 12, 1), date(2025, 11, 1)]
    assert is_open(date(2025, 11, 30), date(2026, 2, 14))
    assert not is_open(date(2025, 10, 1), date(2026, 2, 14))
    assert not is_open(date(2026, 3, 1), date(2026, 2, 14)), "a future month is not open"


def test_longest_run_counts_consecutive_calendar_months_over_a_year_end():
    assert longest_run([]) == 0
    assert longest_run([date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)]) == 3
    assert longest_run([date(2026, 1, 1), date(2026, 3, 1), date(2026, 4, 1), date(2026, 4, 1)]) == 2
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)


# The arithmetic --------------------------------------------------------------------------------------------


def test_share_is_started_in_the_year_against_expected_patients_per_theme_and_programme(english):
    rows = reach_rows(
        started={(1, 1): 10, (1, 2): 5, (2, 2): 8, (3, 2): 4},
        programmes={1: "Kleur je leven", 2: "Angst de baas", 3: "Slaapkompas"},
        programme_keys={1: ["depression"], 2: ["anxiety", "depression"], 3: []},
        expected={"depression": 100, "anxiety": 200, "alcohol": 50},
    )
    by_label = {row.label: row for row in rows}
    total = rows[0]
    assert (total.kind, total.started, total.expected, total.share) == ("total", 23, 350, Decimal("6.6"))
    depression = by_label["Depressive complaints"]
    assert (depression.started, depression.share) == (23, Decimal("23.0"))  # both programmes address it
    assert by_label["Anxiety complaints"].share == Decimal("4.0")
    assert by_label["Problematic alcohol use"].started == 0
    assert by_label["Angst de baas"].expected == 300, "its share is of the patients of both problems"
    sleep = by_label["Slaapkompas"]
    assert (sleep.started, sleep.expected, sleep.share) == (4, None, None)
    assert depression.cumulative_shares[:3] == (Decimal("10.0"), Decimal("23.0"), Decimal("23.0"))
    assert depression.meets_start and not depression.meets_target


def test_without_a_population_there_is_no_share():
    rows = reach_rows(
        started={(1, 3): 4}, programmes={1: "Kleur je leven"}, programme_keys={1: ["depression"]}, expected={}
    )
    assert [(row.kind, row.started, row.share) for row in rows] == [("total", 4, None), ("programme", 4, None)]


# The database keeps the rules too -----------------------------------------------------------------------------


def test_database_refuses_more_finished_and_stopped_than_started(practice, programmes):
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyReach.objects.create(
            practice=practice, month=date(2026, 1, 1), programme=programmes[0], started=2, finished=2, stopped=1
        )


def test_database_refuses_a_month_not_on_its_first_day_and_a_second_row_for_the_same_month(practice, programmes):
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyReach.objects.create(practice=practice, month=date(2026, 1, 2), programme=programmes[0])
    MonthlyReach.objects.create(practice=practice, month=date(2026, 1, 1), programme=programmes[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyReach.objects.create(practice=practice, month=date(2026, 1, 1), programme=programmes[0])


def test_no_field_of_the_reach_models_is_about_a_patient():
    names = {field.name for model in (MonthlyReach, AdviceCount) for field in model._meta.get_fields()}
    assert names == {
        "id",
        "practice",
        "month",
        "programme",
        "offered",
        "started",
        "finished",
        "stopped",
        "is_demo",
        "updated_at",
        "updated_by",
        "count",
    }


# The form --------------------------------------------------------------------------------------------------


def test_poh_enters_this_months_counts_and_it_is_audited(client, practice, poh, programmes):
    kleur, angst, slaap = programmes
    month = this_month()
    client.force_login(poh)
    response = client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(6, 4, 1, 1)))
    assert response.status_code == 302 and response["Location"] == _url("reach", practice)
    saved = MonthlyReach.objects.get(practice=practice, month=month, programme=kleur)
    assert (saved.offered, saved.started, saved.finished, saved.stopped, saved.updated_by) == (6, 4, 1, 1, poh)
    assert MonthlyReach.objects.filter(practice=practice, month=month).count() == 3, "zeros are recorded too"
    event = practice.audit_events.get(action=AuditEvent.Action.CREATE, subject__startswith="reach")
    assert event.subject == f"reach {month:%Y-%m} entered: Kleur je leven, Angst de baas, Slaapkompas"


def test_a_correction_is_logged_with_the_old_and_new_numbers(client, practice, poh, programmes):
    kleur = programmes[0]
    month = add_months(this_month(), -2)
    client.force_login(poh)
    client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(6, 4, 0, 0)))
    client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(6, 5, 2, 0)))
    corrections = list(practice.audit_events.filter(action=AuditEvent.Action.CHANGE).values_list("subject", flat=True))
    assert corrections == [f"reach {month:%Y-%m} corrected: Kleur je leven (started 4 -> 5, finished 0 -> 2)"]
    assert MonthlyReach.objects.get(month=month, programme=kleur).started == 5
    client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(6, 5, 2, 0)))
    assert practice.audit_events.filter(action=AuditEvent.Action.CHANGE).count() == 1, "no change, no entry"


def test_the_audit_log_shows_a_correction_in_dutch(client, practice, manager, poh, programmes):
    month = this_month()
    client.force_login(poh)
    client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(1, 1, 0, 0)))
    client.post(_url("reach_counts", practice), _post_data(programmes, month, kleur_je_leven=(3, 1, 0, 0)))
    client.force_login(manager)
    page = client.get(_url("audit_log", practice)).text
    assert f"bereik {month:%Y-%m} gecorrigeerd: Kleur je leven (aangeboden 1 → 3)" in page


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (("-1", "0", "0", "0"), "offered", "Een aantal kan niet negatief zijn."),
        ((str(MAX_MONTHLY_COUNT + 1), "0", "0", "0"), "offered", "niet aannemelijk"),
        (("2", "drie", "0", "0"), "started", "Vul een heel getal in"),
        (("2", "", "0", "0"), "started", "Vul een aantal in (0 als er geen zijn)."),
        (("4", "3", "2", "2"), "finished", "Afgerond en gestopt samen kunnen niet meer zijn"),
    ],
)
def test_form_refuses_impossible_counts_keeps_the_input_and_saves_nothing(
    client, practice, poh, programmes, values, field, message
):
    kleur = programmes[0]
    client.force_login(poh)
    response = client.post(_url("reach_counts", practice), _post_data(programmes, this_month(), kleur_je_leven=values))
    assert response.status_code == 200
    assert message in response.text
    assert f'id="id_p{kleur.pk}_{field}_error"' in response.text or "invalid-feedback" in response.text
    assert f'name="p{kleur.pk}_offered" value="{values[0]}"' in response.text
    assert not MonthlyReach.objects.exists()


def test_a_locked_month_takes_no_counts(client, practice, poh, programmes):
    old = add_months(this_month(), -4)
    client.force_login(poh)
    response = client.post(_url("reach_counts", practice), _post_data(programmes, old, kleur_je_leven=(1, 1, 0, 0)))
    assert response.status_code == 302
    assert not MonthlyReach.objects.exists()
    with pytest.raises(ReachMonthLocked):
        reach_save(practice=practice, month=old, by=poh, counts={programmes[0]: _counts(started=1)})
    # Asking for a locked month on the form shows this month instead.
    page = client.get(_url("reach_counts", practice, maand=f"{old:%Y-%m}")).text
    assert f'name="month" value="{this_month():%Y-%m}"' in page


def test_the_form_offers_the_last_three_months_and_this_one(client, practice, poh, programmes):
    client.force_login(poh)
    page = client.get(_url("reach_counts", practice)).text
    for month in open_months():
        assert f"?maand={month:%Y-%m}" in page
    assert f"?maand={add_months(this_month(), -4):%Y-%m}" not in page


# The keuzehulp's counter -----------------------------------------------------------------------------------


def _advice_url(*programmes):
    return reverse("catalog:keuzehulp_advice") + "?" + "&".join(f"p={programme.slug}" for programme in programmes)


def test_an_advice_sheet_for_a_member_is_counted_per_programme_and_offered_as_suggestion(
    client, practice, poh, programmes
):
    kleur, angst, _slaap = programmes
    client.force_login(poh)
    assert client.get(_advice_url(kleur, angst)).status_code == 200
    assert client.get(_advice_url(kleur)).status_code == 200
    counts = dict(AdviceCount.objects.filter(practice=practice, month=this_month()).values_list("programme", "count"))
    assert counts == {kleur.pk: 2, angst.pk: 1}
    page = client.get(_url("reach_counts", practice)).text
    assert f'name="p{kleur.pk}_offered" value="2"' in page
    assert "De keuzehulp gaf deze maand 2 adviesbladen mee met dit programma." in page


def test_an_advice_sheet_for_an_anonymous_visitor_is_not_counted(client, programmes):
    assert client.get(_advice_url(programmes[0])).status_code == 200
    assert not AdviceCount.objects.exists()


def test_the_counter_keeps_nothing_but_the_count(practice, programmes):
    advice_count_add(practice_id=practice.pk, programme_ids=[programmes[0].pk, programmes[0].pk])
    counter = AdviceCount.objects.get()
    assert (counter.month, counter.count) == (this_month(), 1), "one sheet naming a programme twice counts once"


# Roadmap ---------------------------------------------------------------------------------------------------


def test_roadmap_item_is_met_after_three_consecutive_months(practice, poh, programmes):
    kleur = programmes[0]
    months = open_months()
    reach_save(practice=practice, month=months[3], by=poh, counts={kleur: _counts()})
    reach_save(practice=practice, month=months[1], by=poh, counts={kleur: _counts()})
    assert not reach_recorded_for_consecutive_months(practice), "a gap breaks the run"
    reach_save(practice=practice, month=months[0], by=poh, counts={kleur: _counts()})
    assert not reach_recorded_for_consecutive_months(practice)
    reach_save(practice=practice, month=months[2], by=poh, counts={kleur: _counts()})
    assert reach_recorded_for_consecutive_months(practice)
    done = {status.item.key for step in roadmap_for(practice).steps for status in step.items if status.done}
    assert "reach_recorded" in done


# Dashboard and CSV -----------------------------------------------------------------------------------------


def _fill(practice, by, programmes, months):
    for month in months:
        MonthlyReach.objects.bulk_create(
            MonthlyReach(practice=practice, month=month, programme=programme, offered=5, started=3, finished=1)
            for programme in programmes
        )


def test_dashboard_shows_the_share_against_the_35_percent_target(client, practice, manager, programmes):
    factories.population(practice, registered_patients=2000)  # 1200 adults: 118 depression, 182 anxiety, 65 alcohol
    year = this_month().year
    MonthlyReach.objects.create(practice=practice, month=date(year, 1, 1), programme=programmes[0], started=12)
    client.force_login(manager)
    page = client.get(_url("reach", practice)).text
    assert "12 van de 365 verwachte patiënten zijn gestart: 3,3%, tegenover een doel van 35%." in page
    assert '<svg class="reach-chart"' in page and "35%: doel" in page and "10%: start (2014)" in page
    assert "Trimbos-instituut" in page and "NEMESIS-3" in page
    figures = yearly_reach(practice, year)
    assert figures.themes[0].share == Decimal("10.2")  # 12 of 118 with depressive complaints


def test_dashboard_query_count_does_not_grow_with_months_or_programmes(
    client, practice, manager, programmes, django_assert_max_num_queries
):
    factories.population(practice)
    year = this_month().year
    client.force_login(manager)
    _fill(practice, manager, programmes[:1], [date(year, 1, 1)])
    client.get(_url("reach", practice))  # the first visit also remembers the practice in the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(_url("reach", practice)).status_code == 200
    more_programmes = [catalog.programme(f"Programma {number}") for number in range(6)]
    for programme in more_programmes:
        MenuItem.objects.create(practice=practice, programme=programme)
    _fill(practice, manager, [*programmes, *more_programmes], [date(year, month, 1) for month in range(2, 13)])
    with CaptureQueriesContext(connection) as many:
        assert client.get(_url("reach", practice)).status_code == 200
    assert len(many) == len(few)
    with django_assert_max_num_queries(len(few)):
        client.get(_url("reach", practice, jaar=year))


def test_csv_has_a_row_per_theme_and_programme_in_dutch_and_is_audited(client, practice, huisarts, programmes):
    factories.population(practice)
    year = this_month().year
    MonthlyReach.objects.create(practice=practice, month=date(year, 1, 1), programme=programmes[0], started=12)
    client.force_login(huisarts)
    response = client.get(_url("reach_csv", practice))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="bereik-{practice.slug}-{year}-')
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Soort" and rows[0][-2:] == ["Start in 2014 (%)", "Doel (%)"]
    assert [row[1] for row in rows[1:]] == [
        "Alle drie de problemen",
        "Depressieve klachten",
        "Angstklachten",
        "Problematisch alcoholgebruik",
        "Angst de baas",
        "Kleur je leven",
        "Slaapkompas",
    ]
    kleur = next(row for row in rows if row[1] == "Kleur je leven")
    assert kleur[2] == "12" and kleur[14] == "12" and kleur[15] == "118" and kleur[16] == "10,2"
    assert practice.audit_events.filter(action=AuditEvent.Action.EXPORT, subject="reach export").count() == 1


def test_csv_cells_cannot_run_as_a_formula(client, practice, manager):
    programme = catalog.programme("=HYPERLINK(1)")
    MenuItem.objects.create(practice=practice, programme=programme)
    client.force_login(manager)
    text = client.get(_url("reach_csv", practice)).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


# Permissions -----------------------------------------------------------------------------------------------

ROLES = [Role.MANAGER, Role.POH_GGZ, Role.HUISARTS, Role.ASSISTANT]
RECORDERS = {Role.MANAGER, Role.POH_GGZ}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "allowed", "status"),
    [
        ("reach", "get", set(ROLES), 200),
        ("reach_csv", "get", set(ROLES), 200),
        ("reach_counts", "get", RECORDERS, 200),
        ("reach_counts", "post", RECORDERS, 302),
    ],
)
def test_role_matrix(client, practice, programmes, role, name, method, allowed, status):
    member = factories.member(practice, role, f"lid-{role}")
    client.force_login(member)
    url = _url(name, practice)
    data = _post_data(programmes, this_month(), kleur_je_leven=(2, 1, 0, 0))
    response = client.get(url) if method == "get" else client.post(url, data)
    if role in allowed:
        assert response.status_code == status
    else:
        assert response.status_code == 403
        assert not MonthlyReach.objects.exists()


@pytest.mark.parametrize("name", ["reach", "reach_counts", "reach_csv"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404_and_changes_nothing(client, practice, outsider, programmes, name, method):
    client.force_login(outsider)
    url = _url(name, practice)
    data = _post_data(programmes, this_month(), kleur_je_leven=(2, 1, 0, 0))
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == 404
    assert not MonthlyReach.objects.exists()


@pytest.mark.parametrize("name", ["reach", "reach_csv"])
def test_a_post_to_a_read_only_page_is_refused(client, practice, manager, programmes, name):
    client.force_login(manager)
    data = _post_data(programmes, this_month(), kleur_je_leven=(2, 1, 0, 0))
    assert client.post(_url(name, practice), data).status_code == 405
    assert not MonthlyReach.objects.exists()
    assert not practice.audit_events.filter(action=AuditEvent.Action.EXPORT).exists()


def test_chart_draws_total_and_themes_up_to_the_last_month_with_counts_and_both_reference_lines():
    rows = reach_rows(
        started={(1, 1): 30, (1, 2): 30, (1, 3): 30},
        programmes={1: "Kleur je leven"},
        programme_keys={1: ["depression"]},
        expected={"depression": 100, "anxiety": 200, "alcohol": 50},
    )
    figures = YearlyReach(year=2026, rows=tuple(rows), months_recorded=(1, 2, 3), has_population=True, adults=1000)
    chart = reach_line_chart(figures, [f"m{number}" for number in range(1, 13)])
    assert [series.kind for series in chart.series] == ["total", "theme-1", "theme-2", "theme-3"]
    depression = chart.series[1]
    assert len(depression.points.split()) == 3, "the line stops at the last month with counts"
    assert chart.gridlines[-1].text == "90%", "the scale grows to the highest share (90%)"
    assert [reference.kind for reference in chart.references] == ["start", "target"]
    assert all(chart.plot_left <= int(point.split(",")[0]) <= chart.plot_right for point in depression.points.split())


def test_admin_shows_the_counts_read_only():
    model_admin = admin.site._registry[MonthlyReach]
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_change_permission(None) and not model_admin.has_delete_permission(None)


def test_dashboard_reads_in_english_under_en(client, practice, manager, programmes):
    client.force_login(manager)
    with translation.override("en"):
        url = _url("reach", practice)
    assert url == f"/en/practice/{practice.slug}/reach/"
    page = client.get(url).text
    assert "No counts recorded for" in page and "Enter this month's counts" in page
