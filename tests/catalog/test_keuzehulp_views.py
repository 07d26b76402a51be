"""The keuzehulp pages as a GP sees them: result, safety first, nearest matches, advice sheet, and privacy."""

import logging
import re
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from practices.middleware import PracticeContext
from tests import factories

pytestmark = pytest.mark.django_db

MENU_SLUG = "mindfit"


def practice_for_members(request):
    """A stand-in for practices' request.practice_context: a member sees the practice with Mindfit on its menu."""
    if not request.user.is_authenticated:
        return None
    menu = frozenset(Programme.objects.filter(slug=MENU_SLUG).values_list("id", flat=True))
    return PracticeContext(
        name="Huisartsenpraktijk De Linde",
        slug="de-linde",
        contact_line="Bel 030-123 45 67 (werkdagen 8–17 uur)",
        programme_ids=menu,
    )


ASSESSED = date(2026, 3, 3)


def assessed(programme, on=ASSESSED):
    """Date the programme's four assessments, as the publish gate requires of a published programme."""
    QualityAssessment.objects.filter(programme=programme).update(assessed_on=on)
    return programme


@pytest.fixture
def catalogue():
    depression = factories.theme("Depressieve klachten")
    anxiety = factories.theme("Angstklachten")
    dutch, turkish = factories.language("Nederlands", "nl"), factories.language("Turks", "tr")
    catalogue = {
        "kleur": factories.programme(
            "Kleur je leven",
            themes=[depression],
            languages=[dutch, turkish],
            reading_level=Programme.ReadingLevel.A2,
            offers_guided=True,
            website="https://www.kleurjeleven.nl/",
            verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
        ),
        "psyfit": factories.programme(
            "Psyfit",
            themes=[depression],
            languages=[dutch],
            reading_level=Programme.ReadingLevel.C1,
            website="https://www.psyfit.nl/",
        ),
        "mindfit": factories.programme(
            "Mindfit", themes=[depression], languages=[dutch], website="https://www.mindfit.example/"
        ),
        "angst": factories.programme("Angst de baas", themes=[anxiety], languages=[dutch]),
        "draft": factories.programme(
            "Concept programma",
            themes=[depression],
            status=Programme.Status.DRAFT,
            website="https://x.example/",
        ),
    }
    assessed(catalogue["kleur"])
    return catalogue


def keuzehulp_url(**answers):
    return f"{reverse('catalog:keuzehulp')}?{urlencode(answers, doseq=True)}"


def advice_url(slugs, **answers):
    return f"{reverse('catalog:keuzehulp_advice')}?{urlencode({'p': slugs, **answers}, doseq=True)}"


LOW_LITERACY_GUIDED = {
    "theme": "depressieve-klachten",
    "severity": "mild",
    "age": "adult",
    "reading": "low",
    "guidance": "guided",
}


def test_the_form_asks_the_questions_and_shows_no_result_yet(client, catalogue):
    response = client.get(reverse("catalog:keuzehulp"))
    assert response.status_code == 200
    assert '<select name="theme"' in response.text
    assert 'value="depressieve-klachten"' in response.text
    assert 'id="result"' not in response.text


def test_result_ranks_the_fitting_programmes_with_their_reasons(client, catalogue):
    response = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED), headers={"accept-language": "nl"})
    text = response.text
    assert "3 programma's passen" in text
    assert text.index("Kleur je leven") < text.index("Mindfit") < text.index("Psyfit")
    assert "geschikt voor laaggeletterden" in text
    assert "begeleiding door de POH-ggz mogelijk" in text
    assert "kwaliteit: effectiviteit voldoet (beoordeeld op 3 maart 2026)" in text
    assert "kwaliteit: veiligheid niet bekend (gezocht op 3 maart 2026)" in text
    assert "Angst de baas" not in text
    assert "Concept programma" not in text


def test_the_result_is_english_under_en(client, catalogue):
    with translation.override("en"):
        response = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED))
    assert "suitable for low literacy" in response.text


def test_the_form_keeps_the_answers_the_result_was_made_from(client, catalogue):
    response = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED))
    assert '<option value="low" selected>' in response.text
    assert re.search(r'<input type="radio" name="severity" value="mild"[^>]* checked>', response.text)


@pytest.mark.parametrize(
    "red_flag", [{"severity": "severe"}, {"flag": "suicidal"}, {"flag": "crisis"}, {"flag": "psychosis"}]
)
def test_a_red_flag_shows_the_safety_message_before_any_programme(client, catalogue, red_flag):
    catalogue["kleur"].suits_moderate = True
    catalogue["kleur"].save()
    response = client.get(keuzehulp_url(theme="depressieve-klachten", **red_flag))
    text = response.text
    safety = text.index('id="safety-heading"')
    assert "0800-0113" in text and "113.nl" in text and "huisartsenpost" in text
    assert safety < text.index("Kleur je leven")
    assert safety < text.index('id="result-heading"')


def test_without_a_red_flag_there_is_no_safety_message(client, catalogue):
    assert 'id="safety-heading"' not in client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text


def test_when_nothing_fits_it_says_so_and_shows_the_nearest_matches(client, catalogue):
    response = client.get(
        keuzehulp_url(theme="depressieve-klachten", language="tr", anonymous="on"),
        headers={"accept-language": "nl"},
    )
    text = response.text
    assert "Geen programma past bij alle antwoorden" in text
    assert "Kleur je leven" in text
    assert "niet anoniem te gebruiken" in text
    assert "Wat niet past" in text


def test_a_practice_members_menu_is_marked_and_listed_first(client, catalogue, monkeypatch):
    monkeypatch.setattr("practices.middleware.practice_context_of", practice_for_members)
    client.force_login(factories.user())
    text = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text
    assert text.index("Mindfit") < text.index("Kleur je leven")
    assert "In het aanbod van Huisartsenpraktijk De Linde" in text


def test_an_anonymous_visitor_sees_no_practice_menu(client, catalogue, monkeypatch):
    monkeypatch.setattr("practices.middleware.practice_context_of", practice_for_members)
    text = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text
    assert text.index("Kleur je leven") < text.index("Mindfit")
    assert "In het aanbod van" not in text


@pytest.mark.parametrize(
    "query",
    [
        "theme=nonsense&severity=worst&age=-1&language=zz&reading=%00&guidance=%ff&device=fax",
        "flag=suicidal&flag=%3Cscript%3E&anonymous=maybe&strength=" + "x" * 5000,
        "theme=depressieve-klachten&theme[]=x&severity=mild&severity=severe",
        "p=kleur-je-leven&p=../../etc&theme=%F0%9F%92%A9",
        "%00=%00&&&==&theme",
    ],
)
def test_tampered_values_never_break_a_page(client, catalogue, query):
    for name in ["catalog:keuzehulp", "catalog:keuzehulp_advice"]:
        response = client.get(f"{reverse(name)}?{query}")
        assert response.status_code == 200
        assert "<script>" not in response.text.split("</header>", 1)[1]


def test_the_pages_refuse_post(client, catalogue):
    assert client.post(reverse("catalog:keuzehulp"), LOW_LITERACY_GUIDED).status_code == 405
    assert client.post(reverse("catalog:keuzehulp_advice"), {"p": "psyfit"}).status_code == 405


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_nothing_about_the_patient_is_stored(client, catalogue, caplog):
    caplog.set_level(logging.DEBUG)
    before = _row_counts()
    for url in [
        keuzehulp_url(**LOW_LITERACY_GUIDED, flag="suicidal"),
        advice_url(["kleur-je-leven"], **LOW_LITERACY_GUIDED),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies
        assert "messages" not in response.cookies
    assert _row_counts() == before
    assert Session.objects.count() == 0
    assert "suicidal" not in caplog.text and "laaggeletterd" not in caplog.text


def test_a_logged_in_visit_writes_nothing_to_the_session(client, catalogue):
    client.force_login(factories.user())
    keys = set(client.session.keys())
    before = _row_counts()
    client.get(keuzehulp_url(**LOW_LITERACY_GUIDED))
    client.get(advice_url(["psyfit"]))
    assert set(client.session.keys()) == keys
    assert _row_counts() == before


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("catalog:keuzehulp"),
        lambda: keuzehulp_url(**LOW_LITERACY_GUIDED),
        lambda: advice_url(["psyfit"]),
    ],
)
def test_pages_are_neither_cached_nor_sent_as_referrer(client, catalogue, url):
    response = client.get(url())
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Referrer-Policy"] == "strict-origin"  # the site's address at most, never the answers


def test_the_advice_sheet_has_one_qr_code_per_chosen_programme(client, catalogue):
    response = client.get(advice_url(["kleur-je-leven", "psyfit"], guidance="guided"))
    text = response.text
    assert text.count('<svg role="img"') == 2
    assert "QR-code voor Kleur je leven" in text and "QR-code voor Psyfit" in text
    assert "https://www.kleurjeleven.nl/" in text
    assert "Wat kunt u verwachten?" in text
    assert 'style="' not in text


def test_the_advice_sheet_ignores_unknown_and_unpublished_programmes_with_a_message(client, catalogue):
    response = client.get(advice_url(["psyfit", "bestaat-niet", "concept-programma"]))
    text = response.text
    assert response.status_code == 200
    assert text.count('<svg role="img"') == 1
    assert "Concept programma" not in text
    assert "zijn niet gevonden of niet meer beschikbaar" in text


def test_the_advice_sheet_without_a_choice_says_what_to_do(client, catalogue):
    response = client.get(advice_url([]))
    assert response.status_code == 200
    assert "Er is geen programma gekozen" in response.text
    assert "<textarea" not in response.text


def test_the_advice_sheet_offers_a_text_to_paste(client, catalogue):
    text = client.get(advice_url(["psyfit"])).text
    assert '<textarea class="form-control keuzehulp-message" id="patient-message" rows="11" readonly>' in text
    assert "- Psyfit: https://www.psyfit.nl/" in text


def test_the_advice_sheet_shows_the_practice_contact_line_when_logged_in(client, catalogue, monkeypatch):
    monkeypatch.setattr("practices.middleware.practice_context_of", practice_for_members)
    client.force_login(factories.user())
    text = client.get(advice_url(["psyfit"])).text
    assert "Huisartsenpraktijk De Linde" in text
    assert text.count("Bel 030-123 45 67 (werkdagen 8–17 uur)") >= 2  # on the sheet and in the text to paste


def test_the_advice_sheet_links_back_to_the_same_result(client, catalogue):
    text = client.get(advice_url(["psyfit"], theme="depressieve-klachten", reading="low")).text
    assert f'href="{keuzehulp_url(theme="depressieve-klachten", reading="low")}#result"'.replace("&", "&amp;") in text


def test_the_result_lets_the_gp_tick_programmes_for_the_advice_sheet(client, catalogue):
    text = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text
    assert f'action="{reverse("catalog:keuzehulp_advice")}"' in text
    assert 'type="checkbox" name="p" value="kleur-je-leven"' in text
    assert '<input type="hidden" name="reading" value="low">' in text


def test_the_result_links_to_compare_the_top_matches(client, catalogue, settings):
    text = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text
    compare = f"{reverse('catalog:compare')}?p=kleur-je-leven&amp;p=mindfit&amp;p=psyfit"
    assert f'href="{compare}"' in text
    assert f'href="{reverse("catalog:programme_detail", kwargs={"slug": "psyfit"})}"' in text


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_result_page_queries_do_not_grow_with_the_number_of_programmes(
    client, catalogue, django_assert_max_num_queries
):
    url = keuzehulp_url(**LOW_LITERACY_GUIDED, language="tr")
    few = _queries_for(client, url)
    for index in range(15):
        factories.programme(f"Extra {index}", target_groups=[factories.target_group(f"Groep {index}")])
    with django_assert_max_num_queries(few):
        client.get(url)
    assert few <= 8


# --- Unknown, overdue and withdrawn ----------------------------------------------------------------------


def test_an_unknown_fact_is_shown_as_not_known_yet_never_as_no(client, catalogue):
    Programme.objects.filter(pk=catalogue["kleur"].pk).update(anonymous_use=None)
    text = client.get(keuzehulp_url(theme="depressieve-klachten", anonymous="on")).text
    assert "Geen programma past bij alle antwoorden" in text
    assert "Nog niet bekend" in text
    assert "nog niet bekend of het anoniem kan; vraag de aanbieder" in text
    kleur = text[text.index("Kleur je leven</a>") : text.index("Zet Kleur je leven op het adviesblad")]
    assert "niet anoniem te gebruiken" not in kleur


def test_a_programme_whose_severity_fit_is_unknown_is_not_offered_as_fitting(client, catalogue):
    Programme.objects.update(suits_moderate=None)
    text = client.get(keuzehulp_url(theme="depressieve-klachten", severity="moderate")).text
    assert "Geen programma past bij alle antwoorden" in text
    assert "nog niet bekend of het geschikt is voor matige klachten; vraag de aanbieder" in text


def test_the_nearest_matches_never_cross_the_chosen_theme(client, catalogue):
    # A moderate depression case once listed Drinktest, an alcohol self-test, as third-nearest.
    factories.programme("Drinktest", themes=[factories.theme("Alcohol")], suits_moderate=True)
    text = client.get(keuzehulp_url(theme="depressieve-klachten", severity="moderate")).text
    assert "Geen programma past bij alle antwoorden" in text
    assert "Alleen programma's voor de gekozen klacht staan hier." in text
    assert "Drinktest" not in text.split('id="result"', 1)[1]
    assert "Angst de baas" not in text.split('id="result"', 1)[1]
    assert text.count("niet bedoeld voor matige klachten") == 3


def test_an_overdue_programme_says_so_in_its_watch_points(client, catalogue):
    yesterday = timezone.localdate() - timedelta(days=1)
    Programme.objects.filter(pk=catalogue["psyfit"].pk).update(next_review=yesterday)
    Programme.objects.filter(pk=catalogue["kleur"].pk).update(next_review=timezone.localdate())
    text = client.get(keuzehulp_url(**LOW_LITERACY_GUIDED)).text
    notice = "Deze informatie is ouder dan gepland; de redactie controleert haar opnieuw."
    assert text.count(notice) == 1
    psyfit = text[text.index("Psyfit</a>") : text.index("Zet Psyfit op het adviesblad")]
    assert notice in psyfit


@pytest.mark.parametrize("status", [Programme.Status.WITHDRAWN, Programme.Status.DRAFT, Programme.Status.ARCHIVED])
def test_a_programme_not_published_never_appears(client, catalogue, status):
    hidden = factories.programme(
        "Stopgezet programma",
        themes=[factories.theme("Slaapproblemen")],
        status=status,
        website="https://stop.example/",
        reading_level=Programme.ReadingLevel.A2,
        offers_guided=True,
        suits_moderate=True,
    )
    hidden.themes.add(catalogue["kleur"].themes.first())
    form = client.get(reverse("catalog:keuzehulp")).text
    assert "slaapproblemen" not in form
    for url in [
        keuzehulp_url(**LOW_LITERACY_GUIDED),
        keuzehulp_url(theme="depressieve-klachten", anonymous="on", device="ios"),
        keuzehulp_url(theme="slaapproblemen"),
        advice_url(["stopgezet-programma"]),
    ]:
        assert "Stopgezet programma" not in client.get(url).text


def test_the_advice_sheet_never_calls_an_unknown_cost_free(client, catalogue):
    Programme.objects.filter(pk=catalogue["psyfit"].pk).update(cost="unknown", anonymous_use=None, on_web=None)
    text = client.get(advice_url(["psyfit"])).text
    sheet = text[text.index('<article class="keuzehulp-sheet">') : text.index("</article>")]
    assert "Vraag de praktijk wat het kost." in sheet
    assert "gratis voor u" not in sheet
    assert "zonder uw naam" not in sheet
    assert "U kunt het gebruiken op" not in sheet


def test_the_advice_sheet_gives_the_patient_the_text_for_patients(client, catalogue):
    psyfit = catalogue["psyfit"]
    psyfit.summary = "Zelfhulpinterventie gericht op het bevorderen van mentale fitheid."
    psyfit.patient_text = "Psyfit is een programma op internet. U werkt aan wat goed gaat in uw leven."
    psyfit.save()
    text = client.get(advice_url(["psyfit"])).text
    assert "U werkt aan wat goed gaat in uw leven." in text
    assert "Zelfhulpinterventie" not in text
