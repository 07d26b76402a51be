"""The indexed keuzehulp (catalog/keuzehulp_index.py) gives exactly rank()'s advice, only cut to what is shown."""

import pickle
from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from catalog import keuzehulp_views
from catalog.keuzehulp import ProgrammeFacts, rank
from catalog.keuzehulp_index import KeuzehulpIndex, advise
from tests import factories
from tests.catalog.test_keuzehulp_properties import FAST, OPTIONS, hard_answers, programmes_data, soft_preferences

# Real slugs are unique; rank()'s last tie-break is the slug.
catalogues = programmes_data.map(
    lambda programmes: [replace(p, slug=f"{p.slug}-{i}") for i, p in enumerate(programmes)]
)
answer_sets = st.builds(lambda hard, soft: replace(hard, **soft), hard_answers, soft_preferences)


@FAST
@given(catalogues, st.lists(answer_sets, min_size=1, max_size=3), st.data())
def test_the_index_gives_ranks_matches_in_ranks_order(programmes, answer_list, data):
    index = KeuzehulpIndex.build(programmes)  # one index for several answers: remembered points must not leak
    menu = frozenset(data.draw(st.sets(st.sampled_from([p.id for p in programmes] or [0]))))
    limit = data.draw(st.one_of(st.none(), st.integers(1, 5)))
    with translation.override("nl"):
        for answers in answer_list:
            expected = rank(programmes, answers, OPTIONS, menu=menu)
            advice = advise(index, answers, OPTIONS, menu=menu, limit=limit)
            assert advice.matches == (expected.matches if limit is None else expected.matches[:limit])
            assert advice.match_count == len(expected.matches)
            assert advice.nearest == expected.nearest
            assert advice.compare_slugs == expected.compare_slugs or limit is not None


def test_the_index_keeps_no_remembered_points_in_the_shared_cache():
    programmes = [ProgrammeFacts(id=1, slug="een", name="Een"), ProgrammeFacts(id=2, slug="twee", name="Twee")]
    index = KeuzehulpIndex.build(programmes)
    index.points[("quality", None)] = {1: 3}
    assert pickle.loads(pickle.dumps(index)).points == {}


@pytest.mark.django_db
def test_show_all_stops_at_a_bound_and_says_how_many_fit(client, monkeypatch):
    monkeypatch.setattr(keuzehulp_views, "MOST_SHOWN", 4)
    monkeypatch.setattr(keuzehulp_views, "SHOWN_MATCHES", 2)
    for number in range(6):
        factories.programme(f"Programma {number:02d}")
    first = client.get(reverse("catalog:keuzehulp"), {"theme": "depressieve-klachten"}).text
    assert first.count('<li class="keuzehulp-match') == 2
    assert "Toon de beste 4 van de 6 passende programma's" in first
    page = client.get(reverse("catalog:keuzehulp"), {"theme": "depressieve-klachten", "alle": "1"}).text
    assert page.count('<li class="keuzehulp-match') == 4
    assert "Dit zijn de beste 4 van de 6 passende programma's" in page
    assert "Toon alle" not in page
