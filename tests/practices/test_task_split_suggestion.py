"""The suggested task split: sound by the rule, filled in with one click, saved only when the practice saves it."""

import re

import pytest
from django.urls import reverse

from practices import selectors
from practices.models import Role, Task, TaskAssignment
from practices.task_split import SUGGESTED_SPLIT, task_split_problems

pytestmark = pytest.mark.django_db


def _url(practice):
    return reverse("practices:task_split", kwargs={"practice_slug": practice.slug})


def _checked(html, name):
    """The values of the inputs named `name` that the page shows ticked."""
    return sorted(
        re.search(r'value="([^"]+)"', tag).group(1)
        for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
        if " checked" in tag
    )


def test_the_suggestion_covers_every_task_and_passes_the_rule():
    assert set(SUGGESTED_SPLIT) == set(Task.values)
    assert task_split_problems(SUGGESTED_SPLIT) == {}


def test_the_suggestion_follows_the_sources_gp_signals_and_refers_poh_ggz_guides():
    assert SUGGESTED_SPLIT[Task.SIGNALLING].responsible == (Role.HUISARTS,)
    assert SUGGESTED_SPLIT[Task.OFFERING].responsible == (Role.HUISARTS,)
    assert SUGGESTED_SPLIT[Task.GUIDANCE].responsible == (Role.POH_GGZ,)


def test_one_click_fills_the_matrix_without_saving(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url(practice)).text
    assert 'name="suggestion" value="1"' in page
    html = client.get(_url(practice), {"suggestion": "1"}).text
    assert "Het voorstel staat hieronder ingevuld" in html
    assert _checked(html, "responsible_signalling") == [Role.HUISARTS]
    assert _checked(html, "responsible_guidance") == [Role.POH_GGZ]
    assert _checked(html, "supporting_activating") == [Role.ASSISTANT]
    assert not TaskAssignment.objects.filter(practice=practice).exists()


def test_the_practice_changes_the_suggestion_and_saves_its_own_split(client, practice, manager):
    client.force_login(manager)
    data = {f"responsible_{task}": parts.responsible[0] for task, parts in SUGGESTED_SPLIT.items()}
    data.update({f"supporting_{task}": list(parts.supporting) for task, parts in SUGGESTED_SPLIT.items()})
    data.update(responsible_technical_help=Role.POH_GGZ, supporting_technical_help=[Role.ASSISTANT])
    data.update(feedback_day="2", feedback_minutes="60")
    assert client.post(_url(practice), data).status_code == 302
    saved = selectors.task_split_parts(practice)
    assert saved[Task.TECHNICAL_HELP].responsible == (Role.POH_GGZ,)
    assert saved[Task.SIGNALLING].responsible == (Role.HUISARTS,)
