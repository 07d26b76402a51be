"""The overview's cards written in Python (catalog/cards.py) are the template's, byte for byte."""

from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from catalog.cards import programme_cards
from catalog.models import Criterion, QualityAssessment, Verdict
from catalog.overview_cache import BACK_PLACEHOLDER
from catalog.selectors import published_programmes
from tests import factories

pytestmark = pytest.mark.django_db


def _catalogue():
    factories.programme(
        "Psyfit & <co>", verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.PARTLY}
    )
    QualityAssessment.objects.filter(criterion__in=[Criterion.EFFECTIVENESS, Criterion.SAFETY]).update(
        assessed_on=date(2026, 1, 10)
    )
    factories.programme(
        "Alles onbekend",
        themes=[],
        languages=[],
        cost="unknown",
        offers_self_help=None,
        offers_guided=None,
        offers_blended=None,
        next_review=date.today() - timedelta(days=3),
    )
    factories.programme("Niets aangeboden", offers_self_help=False, offers_guided=False, offers_blended=False)
    factories.programme("Deels bekend", offers_self_help=True, offers_guided=None, offers_blended=False)
    factories.programme("Niets zeker", offers_self_help=False, offers_guided=None, offers_blended=None, cost="")
    factories.programme(
        "Twee talen",
        languages=[factories.language(), factories.language("Engels", code="en")],
        themes=[factories.theme(), factories.theme("Angst")],
    )


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("back_query", [BACK_PLACEHOLDER, "", "theme=angst&q=a b"])
def test_python_cards_are_the_templates_byte_for_byte(language, back_query):
    _catalogue()
    with translation.override(language):
        programmes = list(published_programmes())
        written = programme_cards([programme.pk for programme in programmes], back_query)
        for programme in programmes:
            context = {"programme": programme, "back_query": back_query}
            assert written[programme.pk] == render_to_string("catalog/includes/programme_card.html", context)
