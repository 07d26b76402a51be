"""The public patient page, leaflet and waiting-room screen, and the manager's switch that publishes them."""

import pytest
from django.urls import reverse
from django.utils import translation

from catalog.models import Programme
from practices import services
from practices.models import AuditEvent, Role
from tests import factories as catalog
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PUBLIC_PAGES = ["patient_page", "patient_leaflet", "patient_screen"]


@pytest.fixture(autouse=True)
def _published(practice):
    # Most tests here look at the pages of a practice that has published them.
    practice.patient_page_published = True
    practice.save(update_fields=["patient_page_published"])


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


def _offer(practice, manager, name, **fields):
    fields.setdefault("website", f"https://www.{name.lower().replace(' ', '')}.nl/")
    return services.menu_add(practice=practice, by=manager, programme=catalog.programme(name, **fields))


def test_patient_page_address_is_p_slug():
    assert reverse("practices:patient_page", kwargs={"practice_slug": "demo"}) == "/en/p/demo/"
    with translation.override("nl"):
        assert reverse("practices:patient_page", kwargs={"practice_slug": "demo"}) == "/p/demo/"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_need_no_login_and_list_the_chosen_programmes(client, practice, manager, name):
    _offer(practice, manager, "Kleur je leven")
    response = client.get(_url(name, practice))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kleur je leven" in page
    assert 'href="https://www.kleurjeleven.nl/"' in page or name == "patient_screen"
    assert page.count('<svg role="img"') == 1
    assert "<title>QR code to Kleur je leven</title>" in page
    assert "style=" not in page


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_set_no_cookies(client, practice, manager, name):
    _offer(practice, manager, "Kleur je leven")
    assert not client.get(_url(name, practice)).cookies


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_unpublished_practice_pages_are_404(client, practice, manager, name):
    practice.patient_page_published = False
    practice.save()
    _offer(practice, manager, "Kleur je leven")
    assert client.get(_url(name, practice)).status_code == 404


def test_unknown_practice_is_404(client):
    assert client.get(reverse("practices:patient_page", kwargs={"practice_slug": "bestaat-niet"})).status_code == 404


def test_only_chosen_published_programmes_are_shown(client, practice, manager):
    _offer(practice, manager, "Gekozen programma")
    withdrawn = _offer(practice, manager, "Teruggetrokken programma")
    Programme.objects.filter(pk=withdrawn.programme.pk).update(status=Programme.Status.ARCHIVED)
    catalog.programme("Niet gekozen programma")
    page = client.get(_url("patient_page", practice)).content.decode()
    assert "Gekozen programma" in page
    assert "Teruggetrokken programma" not in page
    assert "Niet gekozen programma" not in page


def test_a_programme_no_longer_offered_leaves_the_public_pages(client, practice, manager):
    item = _offer(practice, manager, "Niet meer aangeboden")
    Programme.objects.filter(pk=item.programme.pk).update(status=Programme.Status.WITHDRAWN)
    for name in PUBLIC_PAGES:
        assert "Niet meer aangeboden" not in client.get(_url(name, practice)).text, name


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_demo_practice_says_it_is_fictitious_on_every_public_page(client, practice, manager, name):
    practice.is_demo = True
    practice.save()
    _offer(practice, manager, "Kleur je leven")
    with translation.override("nl"):
        page = client.get(_url(name, practice)).text
    assert "Voorbeeldpraktijk (fictief)" in page


def test_the_printed_leaflet_keeps_the_demo_label(client, practice, manager):
    """The leaflet's header is hidden in print; the label inside the leaflet is shown only there."""
    practice.is_demo = True
    practice.save()
    page = client.get(_url("patient_leaflet", practice)).text
    assert 'class="demo-label mb-2 d-none d-print-block"' in page


def test_the_demo_label_explains_itself_to_a_patient(client, practice, manager):
    practice.is_demo = True
    practice.save()
    with translation.override("nl"):
        page = client.get(_url("patient_page", practice)).text
    assert "Deze praktijk bestaat niet." in page


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_real_practice_carries_no_demo_label(client, practice, manager, name):
    _offer(practice, manager, "Kleur je leven")
    assert "demo-label" not in client.get(_url(name, practice)).text


@pytest.mark.parametrize("name", PUBLIC_PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_public_pages_state_no_unknown_fact_and_never_call_a_programme_free(client, practice, manager, name, language):
    """They show the curator's summary and the practice's own choice of guidance; no cost or other fact that may
    be unknown, so an unknown cost can never read as free. (The crisis line is free: counted before.)"""
    words = ["gratis", "free", "kosteloos", "anoniem", "anonymous", "b1", "b2", "kosten", "cost"]
    with translation.override(language):
        before = client.get(_url(name, practice)).text.lower()
        _offer(
            practice,
            manager,
            "Programma X",
            summary="Een korte samenvatting.",
            cost=Programme.Cost.UNKNOWN,
            anonymous_use=None,
            offers_self_help=None,
            suits_mild=None,
            reading_level=Programme.ReadingLevel.UNKNOWN,
        )
        after = client.get(_url(name, practice)).text.lower()
    assert "programma x" in after
    for word in words:
        assert after.count(word) == before.count(word), word


def test_programmes_appear_in_the_practices_order_with_who_guides(client, practice, manager):
    first = _offer(practice, manager, "Eerste")
    second = _offer(practice, manager, "Tweede")
    services.menu_item_update(
        item=first, by=manager, guided_by="", licence_arranged=True, note="interne notitie", position=5
    )
    services.menu_item_update(
        item=second, by=manager, guided_by=Role.POH_GGZ, licence_arranged=True, note="", position=1
    )
    page = client.get(_url("patient_page", practice)).content.decode()
    assert page.index("Tweede") < page.index("Eerste")
    assert "You get help from the mental health nurse (POH-ggz) of the practice." in page
    assert "You do this programme on your own, at your own pace." in page
    assert "interne notitie" not in page  # internal notes are not for patients


def test_programme_without_website_has_no_link_or_qr(client, practice, manager):
    _offer(practice, manager, "Zonder site", website="")
    page = client.get(_url("patient_page", practice)).content.decode()
    assert "Zonder site" in page and "<svg" not in page


def test_patient_page_shows_the_crisis_line_and_practice_phone(client, practice, manager):
    page = client.get(_url("patient_page", practice)).content.decode()
    assert "0800-0113" in page and "030 123 4567" in page


def test_leaflet_is_a4_printable(client, practice, manager):
    _offer(practice, manager, "Kleur je leven")
    page = client.get(_url("patient_leaflet", practice)).content.decode()
    assert "css/practices.css" in page and 'class="leaflet-page"' in page and "js/print-button.js" in page


def test_waiting_room_screen_works_as_slides_with_a_pause_control(client, practice, manager):
    _offer(practice, manager, "Kleur je leven")
    _offer(practice, manager, "Minder drinken")
    page = client.get(_url("patient_screen", practice)).content.decode()
    assert page.count('<section class="slide') == 4  # intro, two programmes, crisis line
    assert "data-screen-pause" in page and "js/waiting_room.js" in page
    assert "<script>" not in page


def test_public_page_queries_do_not_grow_with_the_number_of_programmes(
    client, practice, manager, django_assert_max_num_queries
):
    def load():
        with django_assert_max_num_queries(5) as context:
            assert client.get(_url("patient_page", practice)).status_code == 200
        return len(context.captured_queries)

    _offer(practice, manager, "Een")
    few = load()
    for number in range(10):
        _offer(practice, manager, f"Programma {number}")
    assert load() == few


# Publishing -------------------------------------------------------------------------------------------------


def test_manager_publishes_and_withdraws_the_page_with_audit(client, manager):
    practice = factories.practice(patient_page_published=False)
    factories.member(practice, Role.MANAGER, "beheerder")
    client.force_login(practice.memberships.get().user)
    assert client.post(_url("patient_page_publish", practice), {"published": "1"}).status_code == 302
    practice.refresh_from_db()
    assert practice.patient_page_published
    assert client.get(_url("patient_page", practice)).status_code == 200
    client.post(_url("patient_page_publish", practice), {"published": "0"})
    practice.refresh_from_db()
    assert not practice.patient_page_published
    subjects = list(
        AuditEvent.objects.filter(practice=practice)
        .exclude(action="view")
        .exclude(subject__startswith="membership:")
        .values_list("action", "subject")
    )
    assert subjects == [("change", "patient page withdrawn"), ("publish", "patient page published")]


@pytest.mark.parametrize("role", [Role.HUISARTS, Role.POH_GGZ, Role.ASSISTANT])
def test_only_the_manager_may_publish(client, role):
    practice = factories.practice(patient_page_published=False)
    client.force_login(factories.member(practice, role))
    assert client.post(_url("patient_page_publish", practice), {"published": "1"}).status_code == 403
    practice.refresh_from_db()
    assert not practice.patient_page_published
    assert (
        "Only the practice manager can publish" in client.get(_url("patient_page_settings", practice)).content.decode()
    )


def test_settings_page_links_the_public_pages_once_published(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url("patient_page_settings", practice)).content.decode()
    for name in PUBLIC_PAGES:
        assert _url(name, practice) in page


def test_patient_page_reads_in_plain_dutch_by_default(client, practice, manager):
    _offer(practice, manager, "Kleur je leven")
    with translation.override("nl"):
        page = client.get(_url("patient_page", practice)).content.decode()
    assert '<html lang="nl">' in page
    assert "Online hulp bij somberheid, angst of drinken" in page


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_patients_read_the_text_for_patients_not_the_professional_summary(client, practice, manager, name):
    _offer(
        practice,
        manager,
        "Programma P",
        summary="Zelfhulpinterventie gebaseerd op cognitieve gedragstherapie.",
        patient_text="Dit is een cursus op internet. U doet de cursus thuis. Vraag de praktijk wat het kost.",
    )
    page = client.get(_url(name, practice)).text
    assert "U doet de cursus thuis." in page
    assert "cognitieve gedragstherapie" not in page
