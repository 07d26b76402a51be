"""The programme menu: picking published programmes, how many, suggestions that fit the population, and the
notices for programmes past their review or no longer offered (menu and dashboard)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Criterion, Programme, Verdict
from practices import selectors, services
from practices.models import AuditEvent, MenuItem, Role
from practices.suggestions import PopulationFacts, rank_programmes
from tests import factories as catalog
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _url(name, practice, **kwargs):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug, **kwargs})


def _programmes():
    return (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related("languages", "target_groups", "themes")
    )


# Suggestions (pure ranking) ---------------------------------------------------------------------------------


def test_easy_reading_programmes_come_first_when_many_patients_have_low_literacy():
    catalog.programme("Alpha moeilijk", reading_level="C1")
    catalog.programme("Zeta makkelijk", reading_level="A2")
    ranked = rank_programmes(_programmes(), PopulationFacts(share_low_literacy=Decimal("30")))
    assert [s.programme.name for s in ranked] == ["Zeta makkelijk", "Alpha moeilijk"]
    assert ranked[0].fits_population
    assert "Very easy to read (A2), for the 30% with low literacy." in ranked[0].reasons


def test_reading_level_is_no_reason_when_low_literacy_is_rare():
    catalog.programme("Makkelijk", reading_level="A2")
    ranked = rank_programmes(_programmes(), PopulationFacts(share_low_literacy=Decimal("5")))
    assert not ranked[0].fits_population
    assert not any("low literacy" in reason for reason in ranked[0].reasons)


def test_programme_for_the_target_group_low_literacy_gets_that_reason():
    catalog.programme(
        "Voor iedereen", reading_level="B2", target_groups=[catalog.target_group("Laaggeletterden", low_literacy=True)]
    )
    ranked = rank_programmes(_programmes(), PopulationFacts(share_low_literacy=Decimal("20")))
    assert "Made for people with low literacy; in your practice that is 20%." in ranked[0].reasons


def test_programmes_in_languages_the_patients_speak_come_first():
    turkish = catalog.language("Turks", "tr")
    catalog.language(is_home_language=True)
    catalog.programme("Alleen Nederlands")
    catalog.programme("Ook Turks", languages=[catalog.language(), turkish])
    facts = PopulationFacts(languages={"nl": "Nederlands", "tr": "Turks"})
    ranked = rank_programmes(_programmes(), facts)
    assert ranked[0].programme.name == "Ook Turks"
    assert "Also in Turks, spoken in your practice." in ranked[0].reasons
    assert not any("Also in" in reason for reason in ranked[1].reasons)


def test_migration_and_age_groups_give_reasons_above_their_threshold():
    catalog.programme("Voor ouderen", target_groups=[catalog.target_group("Ouderen", age_band="older")])
    catalog.programme("Voor migranten", target_groups=[catalog.target_group("Migranten", migration_background=True)])
    facts = PopulationFacts(share_65_plus=Decimal("30"), share_migration=Decimal("10"))
    ranked = {s.programme.name: s for s in rank_programmes(_programmes(), facts)}
    assert ranked["Voor ouderen"].fits_population
    assert "Made for older people (30% are 65 or over)." in ranked["Voor ouderen"].reasons
    assert not ranked["Voor migranten"].fits_population


def test_theme_reason_names_the_expected_number_of_patients():
    catalog.programme("Angst online", themes=[catalog.theme("Angstklachten", prevalence_key="anxiety")])
    ranked = rank_programmes(_programmes(), PopulationFacts(expected={"anxiety": 42}))
    assert "Helps with anxiety complaints: about 42 of your adult patients a year." in ranked[0].reasons


def test_without_a_profile_programmes_are_ranked_by_general_merits():
    catalog.programme("Beta", approach=Programme.Approach.COMPLAINT)
    catalog.programme("Alpha", approach=Programme.Approach.COMPLAINT)
    catalog.programme("Gamma", approach=Programme.Approach.STRENGTH, available_after_treatment=True)
    ranked = rank_programmes(_programmes(), None)
    assert [s.programme.name for s in ranked] == ["Gamma", "Alpha", "Beta"]
    assert "Strength-based, as the Keurmerk Kortdurende GGZ advises." in ranked[0].reasons
    assert not any(s.fits_population for s in ranked)


def test_an_unknown_fact_gives_no_reason_and_no_points():
    # None and "unknown" mean nobody has checked; a suggestion may only rest on what is known.
    catalog.theme(prevalence_key="depression")  # the programmes' theme: the one general reason both get
    catalog.programme(
        "Onbekend",
        reading_level=Programme.ReadingLevel.UNKNOWN,
        approach=Programme.Approach.UNKNOWN,
        available_after_treatment=None,
    )
    catalog.programme("Bekend nee", reading_level="C1", available_after_treatment=False)
    facts = PopulationFacts(share_low_literacy=Decimal("40"))
    ranked = {s.programme.name: s for s in rank_programmes(_programmes(), facts)}
    unknown = ranked["Onbekend"]
    assert (unknown.fit, unknown.general) == (ranked["Bekend nee"].fit, ranked["Bekend nee"].general) == (0, 1)
    assert unknown.reasons == ranked["Bekend nee"].reasons
    assert not any(
        "read" in reason or "Strength" in reason or "after treatment" in reason for reason in unknown.reasons
    )


@pytest.mark.parametrize("value, has_reason", [(True, True), (False, False), (None, False)])
def test_stays_available_after_treatment_only_when_known_to_be_so(value, has_reason):
    catalog.programme("Na de behandeling", available_after_treatment=value)
    reasons = rank_programmes(_programmes(), None)[0].reasons
    assert ("Stays available after treatment ends." in reasons) is has_reason


def test_unpublished_and_withdrawn_programmes_are_never_suggested(practice):
    catalog.programme("Gepubliceerd")
    catalog.programme("Niet meer aangeboden", status=Programme.Status.WITHDRAWN)
    catalog.programme("Concept", status=Programme.Status.DRAFT)
    names = [s.programme.name for s in selectors.programme_suggestions(practice, None)]
    assert names == ["Gepubliceerd"]


def test_ranking_runs_no_queries_on_prefetched_programmes(django_assert_num_queries):
    for number in range(5):
        catalog.programme(f"Programma {number}", languages=[catalog.language(), catalog.language("Arabisch", "ar")])
    programmes = list(_programmes())
    with django_assert_num_queries(0):
        rank_programmes(programmes, PopulationFacts(languages={"ar": "Arabisch"}, share_low_literacy=Decimal(40)))


# Picking programmes -----------------------------------------------------------------------------------------


def test_adding_a_programme_puts_it_on_the_menu_and_audits_it(client, practice, manager):
    programme = catalog.programme("Kleur je leven")
    client.force_login(manager)
    response = client.post(_url("menu_add", practice), {"programme": programme.pk})
    assert response.status_code == 302
    item = practice.menu_items.get()
    assert (item.programme, item.position, item.guided_by, item.licence_arranged) == (programme, 1, "", False)
    assert AuditEvent.objects.filter(practice=practice, action="create", subject="menu: Kleur je leven").exists()


def test_unpublished_programmes_cannot_be_added(client, practice, manager):
    draft = catalog.programme("Nog niet klaar", status=Programme.Status.DRAFT)
    client.force_login(manager)
    page = client.post(_url("menu_add", practice), {"programme": draft.pk}).content.decode()
    assert "Choose a published programme that is not on your menu yet." in page
    assert not practice.menu_items.exists()


def test_the_same_programme_cannot_be_added_twice(client, practice, manager):
    programme = catalog.programme()
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    page = client.post(_url("menu_add", practice), {"programme": programme.pk}).content.decode()
    assert "Choose a published programme that is not on your menu yet." in page
    assert practice.menu_items.count() == 1


def test_more_than_three_programmes_is_warned_about_but_allowed(client, practice, manager):
    programmes = [catalog.programme() for _ in range(4)]
    for programme in programmes[:3]:
        services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    page = client.post(_url("menu_add", practice), {"programme": programmes[3].pk}, follow=True).content.decode()
    assert practice.menu_items.count() == 4
    assert "You now offer 4 programmes. Starting with 1 to 3 keeps it manageable" in page
    assert "Your menu has 4 programmes. The sources advise starting with 1 to 3" in page


def test_three_programmes_give_no_warning(client, practice, manager):
    for _ in range(3):
        services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    client.force_login(manager)
    assert "The sources advise starting with" not in client.get(_url("menu", practice)).content.decode()


def test_who_guides_and_licence_are_saved_per_programme(client, practice, manager):
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme("Minder drinken"))
    client.force_login(manager)
    prefix = f"item{item.pk}"
    response = client.post(
        _url("menu_item_update", practice, item_id=item.pk),
        {
            f"{prefix}-guided_by": Role.POH_GGZ,
            f"{prefix}-licence_arranged": "on",
            f"{prefix}-note": "Licentie via zorggroep",
            f"{prefix}-position": "2",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.guided_by, item.licence_arranged, item.note, item.position) == (
        Role.POH_GGZ,
        True,
        "Licentie via zorggroep",
        2,
    )
    assert AuditEvent.objects.filter(practice=practice, action="change", subject="menu: Minder drinken").exists()


def test_invalid_item_update_shows_the_error_and_keeps_input(client, practice, manager):
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    client.force_login(manager)
    prefix = f"item{item.pk}"
    response = client.post(
        _url("menu_item_update", practice, item_id=item.pk),
        {f"{prefix}-guided_by": "nobody", f"{prefix}-note": "mijn notitie", f"{prefix}-position": "1"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_item{item.pk}-guided_by_error"' in page
    assert 'value="mijn notitie"' in page
    item.refresh_from_db()
    assert item.note == ""


def test_removing_a_programme(client, practice, manager):
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme("Weg ermee"))
    client.force_login(manager)
    assert client.post(_url("menu_item_remove", practice, item_id=item.pk)).status_code == 302
    assert not practice.menu_items.exists()
    assert AuditEvent.objects.filter(practice=practice, action="delete", subject="menu: Weg ermee").exists()


def test_another_practices_menu_item_is_a_404(client, practice, manager):
    other = factories.practice()
    foreign = MenuItem.objects.create(practice=other, programme=catalog.programme())
    client.force_login(manager)
    assert client.post(_url("menu_item_remove", practice, item_id=foreign.pk)).status_code == 404
    assert client.post(_url("menu_item_update", practice, item_id=foreign.pk), {}).status_code == 404
    assert MenuItem.objects.filter(pk=foreign.pk).exists()


def test_menu_changes_refuse_get(client, practice, manager):
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    client.force_login(manager)
    assert client.get(_url("menu_add", practice)).status_code == 405
    assert client.get(_url("menu_item_remove", practice, item_id=item.pk)).status_code == 405
    assert practice.menu_items.exists()


def test_menu_page_shows_suggestions_with_reasons_first(client, practice, manager):
    turkish = catalog.language("Turks", "tr")
    dutch = catalog.language(is_home_language=True)
    factories.population(practice, languages=[dutch, turkish], share_low_literacy=Decimal("25"))
    catalog.programme("Aaa zonder reden", reading_level="C1")
    catalog.programme("Zzz in het Turks", reading_level="C1", languages=[catalog.language(), turkish])
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    suggested = page.index("Suggested for your population")
    assert suggested < page.index("Zzz in het Turks") < page.index("Other programmes to consider")
    assert page.index("Other programmes to consider") < page.index("Aaa zonder reden")
    assert "Also in Turks, spoken in your practice." in page


def test_menu_page_without_profile_points_to_the_population(client, practice, manager):
    catalog.programme()
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    assert _url("population", practice) in page


def test_licence_warning_for_programmes_the_practice_pays_for(client, practice, manager):
    programme = catalog.programme(cost=Programme.Cost.PRACTICE_LICENCE)
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    assert "it is not marked as arranged yet" in client.get(_url("menu", practice)).content.decode()


def test_menu_page_queries_do_not_grow_with_the_number_of_programmes(
    client, practice, manager, django_assert_max_num_queries
):
    factories.population(practice, languages=[catalog.language(), catalog.language("Turks", "tr")])
    client.force_login(manager)

    def load():
        cache.clear()  # a first visit: the suggestion index is built per catalogue revision, then cached
        with django_assert_max_num_queries(20) as context:
            assert client.get(_url("menu", practice)).status_code == 200
        return len(context.captured_queries)

    for _ in range(2):
        services.menu_add(practice=practice, by=manager, programme=catalog.programme())
        catalog.programme()
    load()  # the first visit also remembers the current practice in the session
    few = load()
    for _ in range(8):
        services.menu_add(practice=practice, by=manager, programme=catalog.programme())
        catalog.programme(
            languages=[catalog.language("Turks", "tr")],
            target_groups=[catalog.target_group("Ouderen", age_band="older")],
        )
    assert load() == few


def test_menu_item_selector_only_finds_items_of_the_practice(practice, manager):
    other = factories.practice()
    foreign = MenuItem.objects.create(practice=other, programme=catalog.programme())
    assert selectors.menu_item_for(practice, foreign.pk) is None


# Quality, freshness and programmes no longer offered on the menu ---------------------------------------------


def _withdraw(programme, **fields):
    programme.status = Programme.Status.WITHDRAWN
    programme.withdrawn_on = fields.get("on", date(2026, 6, 1))
    programme.withdrawn_reason = fields.get("reason", "The provider stopped offering it.")
    programme.save()
    return programme


def test_menu_shows_each_verdict_in_the_catalogues_wording(client, practice, manager):
    programme = catalog.programme("Kleur je leven", verdicts={Criterion.SAFETY: Verdict.MEETS})
    programme.assessments.filter(criterion=Criterion.SAFETY).update(assessed_on=date(2026, 3, 3))
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    item = page.split('id="menu-title"', 1)[1].split('id="suggestions-title"', 1)[0]
    how = reverse("catalog:how_we_assess")
    assert (
        f'Safety:</span> <a class="verdict-label" href="{how}#verdict-meets">meets (assessed on 3 March 2026)</a>'
        in item
    )
    assert f'Effectiveness:</span> <a class="verdict-label" href="{how}#verdict-unknown">not assessed yet</a>' in item


def test_menu_says_when_a_programme_is_past_its_review(client, practice, manager):
    programme = catalog.programme("Drinktest", next_review=timezone.localdate() - timedelta(days=1))
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    assert "This information is older than planned; the editorial team is checking it again." in page


def test_menu_marks_a_programme_no_longer_offered_with_its_date_and_reason(client, practice, manager):
    programme = catalog.programme("Gestopt")
    services.menu_add(practice=practice, by=manager, programme=programme)
    _withdraw(programme)
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    notice = page.split('class="alert alert-warning withdrawn-notice"', 1)[1].split("</div>", 1)[0]
    assert "No longer offered since 1 June 2026." in notice
    assert "The provider stopped offering it." in notice
    assert "Your patients no longer see it on your practice's page" in notice
    assert f'href="{programme.get_absolute_url()}"' in notice


def test_menu_cost_that_is_unknown_reads_not_known_yet(client, practice, manager):
    services.menu_add(practice=practice, by=manager, programme=catalog.programme("Prijs?", cost="unknown"))
    client.force_login(manager)
    page = client.get(_url("menu", practice)).content.decode()
    assert '· <span class="fact-unknown">Not known yet</span>' in page
    assert "Free for the patient" not in page.split('id="suggestions-title"', 1)[0]


def test_patients_never_see_a_programme_no_longer_offered(practice, manager):
    kept = catalog.programme("Blijft")
    gone = catalog.programme("Gestopt")
    for programme in (kept, gone):
        services.menu_add(practice=practice, by=manager, programme=programme)
    _withdraw(gone)
    assert [item.programme.name for item in selectors.patient_page_items(practice)] == ["Blijft"]


def test_a_programme_no_longer_offered_cannot_be_added_or_suggested(client, practice, manager):
    gone = _withdraw(catalog.programme("Gestopt"))
    client.force_login(manager)
    client.post(_url("menu_add", practice), {"programme": gone.pk})
    assert not practice.menu_items.exists()
    suggested = [s.programme.name for s in selectors.programme_suggestions(practice, None)]
    assert "Gestopt" not in suggested


def test_the_withdrawn_selector_lists_only_this_practices_withdrawn_items(practice, manager):
    other = factories.practice()
    gone = catalog.programme("Gestopt")
    services.menu_add(practice=practice, by=manager, programme=gone)
    services.menu_add(practice=practice, by=manager, programme=catalog.programme("Blijft"))
    MenuItem.objects.create(practice=other, programme=catalog.programme("Elders gestopt"))
    _withdraw(gone)
    _withdraw(Programme.objects.get(name="Elders gestopt"))
    assert [item.programme.name for item in selectors.withdrawn_menu_items(practice)] == ["Gestopt"]


# Dashboard --------------------------------------------------------------------------------------------------


def test_dashboard_warns_about_programmes_no_longer_offered_on_the_menu(client, practice, manager):
    gone = catalog.programme("Gestopt")
    services.menu_add(practice=practice, by=manager, programme=gone)
    services.menu_add(practice=practice, by=manager, programme=catalog.programme("Blijft"))
    _withdraw(gone)
    client.force_login(manager)
    page = client.get(_url("dashboard", practice)).content.decode()
    notice = page.split('class="alert alert-warning withdrawn-notice"', 1)[1].split("</div>", 1)[0]
    assert "A programme on your menu is no longer offered" in notice
    assert f'<a href="{gone.get_absolute_url()}">Gestopt</a>: no longer offered since 1 June 2026' in notice
    assert "The provider stopped offering it." in notice
    assert f'href="{_url("menu", practice)}"' in notice
    assert "Blijft" not in notice


def test_dashboard_counts_several_programmes_no_longer_offered(client, practice, manager):
    for name in ("Een", "Twee"):
        programme = catalog.programme(name)
        services.menu_add(practice=practice, by=manager, programme=programme)
        _withdraw(programme)
    client.force_login(manager)
    page = client.get(_url("dashboard", practice)).content.decode()
    assert "2 programmes on your menu are no longer offered" in page


def test_dashboard_without_programmes_no_longer_offered_shows_no_notice(client, practice, manager):
    services.menu_add(practice=practice, by=manager, programme=catalog.programme("Blijft"))
    catalog.programme("Ander gestopt", status=Programme.Status.WITHDRAWN)  # not on this menu
    client.force_login(manager)
    assert "withdrawn-notice" not in client.get(_url("dashboard", practice)).content.decode()


def _first_suggestion_form(page):
    """The programme id and CSRF token of the first suggestion's add button."""
    form = page.split('class="card mb-3 suggestion"', 1)[1].split("</form>", 1)[0]
    token = form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    programme = form.split('name="programme" value="', 1)[1].split('"', 1)[0]
    return programme, token


def test_suggestions_kept_rendered_carry_each_visitors_own_csrf_token(practice, manager):
    catalog.programme("Eerste")
    catalog.programme("Tweede")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(manager)
    second.force_login(manager)
    first.get(_url("menu", practice))  # renders the suggestions and keeps them
    page = second.get(_url("menu", practice)).content.decode()
    assert "CSRFTOKENPLACEHOLDER" not in page
    programme, token = _first_suggestion_form(page)
    response = second.post(_url("menu_add", practice), {"programme": programme, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert practice.menu_items.filter(programme_id=programme).exists()
    # The menu changed, so the suggestions are worked out again: the added programme is no longer among them.
    page = second.get(_url("menu", practice)).content.decode()
    assert _first_suggestion_form(page)[0] != programme


def test_menu_items_kept_rendered_show_a_change_to_the_catalogue_at_once(client, practice, manager):
    programme = catalog.programme("Gestopt later")
    services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    assert "withdrawn-notice" not in client.get(_url("menu", practice)).content.decode()
    _withdraw(programme)  # a save gives the catalogue a new revision
    assert "No longer offered since 1 June 2026." in client.get(_url("menu", practice)).content.decode()


def test_menu_items_kept_rendered_show_a_saved_change_at_once(client, practice, manager):
    item = services.menu_add(practice=practice, by=manager, programme=catalog.programme("Minder drinken"))
    client.force_login(manager)
    assert "Licentie via zorggroep" not in client.get(_url("menu", practice)).content.decode()
    prefix = f"item{item.pk}"
    client.post(
        _url("menu_item_update", practice, item_id=item.pk),
        {f"{prefix}-guided_by": Role.POH_GGZ, f"{prefix}-note": "Licentie via zorggroep", f"{prefix}-position": "1"},
    )
    page = client.get(_url("menu", practice)).content.decode()
    assert 'value="Licentie via zorggroep"' in page
    assert '<option value="poh_ggz" selected>' in page


@pytest.mark.parametrize("languages", [0, 1, 3])
def test_population_facts_in_one_query_are_those_of_the_profile(practice, django_assert_num_queries, languages):
    spoken = [catalog.language(), catalog.language("Turks", "tr"), catalog.language("Arabisch", "ar")][:languages]
    assert selectors.population_facts_of(practice) is None
    factories.population(practice, languages=spoken, share_low_literacy=Decimal("17.5"))
    with django_assert_num_queries(1):
        facts = selectors.population_facts_of(practice)
    expected = selectors.population_facts(selectors.population_profile(practice))
    assert facts == expected
    assert list(facts.languages) == list(expected.languages)
