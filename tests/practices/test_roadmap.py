"""The roadmap: the checklist follows from the data, with progress and the next thing to do."""

import pytest
from django.urls import reverse

from practices import services
from practices.models import Role
from practices.roadmap import ROADMAP, RoadmapItem, Step, build_roadmap, roadmap_for
from practices.selectors import poh_finished_elearning
from tests import factories as catalog
from tests.practices import factories
from tests.training import factories as training_factories
from training.models import Certificate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

KEYS = [
    "vision_adopted",
    "task_split_complete",
    "population_filled_in",
    "programme_chosen",
    "poh_finished_elearning",
    "patient_page_published",
    "reach_recorded",
]


# The pure arithmetic ----------------------------------------------------------------------------------------


def test_roadmap_has_the_seven_items_in_order_over_the_three_steps():
    assert [item.key for item in ROADMAP] == KEYS
    roadmap = build_roadmap({})
    assert [step.key for step in roadmap.steps] == [Step.VISION, Step.KNOWLEDGE, Step.IMPLEMENTATION]


def test_nothing_done_points_to_the_vision_first():
    roadmap = build_roadmap({})
    assert (roadmap.done, roadmap.total, roadmap.percent) == (0, 7, 0)
    assert roadmap.next.item.key == "vision_adopted"


def test_next_is_the_first_unfinished_item_in_roadmap_order():
    roadmap = build_roadmap({"vision_adopted": True, "population_filled_in": True, "patient_page_published": True})
    assert roadmap.done == 3 and roadmap.percent == 43
    assert roadmap.next.item.key == "task_split_complete"


def test_all_done_has_no_next_item_and_every_step_is_done():
    roadmap = build_roadmap(dict.fromkeys(KEYS, True))
    assert roadmap.next is None and roadmap.percent == 100
    assert all(step.done for step in roadmap.steps)


def test_adding_an_item_is_one_entry():
    extra = RoadmapItem("intervision", Step.KNOWLEDGE, "Intervision planned", "practices:dashboard", lambda p: False)
    roadmap = build_roadmap(dict.fromkeys(KEYS, True), items=(*ROADMAP, extra))
    assert roadmap.total == 8 and roadmap.next.item.key == "intervision"
    knowledge = next(step for step in roadmap.steps if step.key == Step.KNOWLEDGE)
    assert [status.item.key for status in knowledge.items] == [
        "programme_chosen",
        "poh_finished_elearning",
        "intervision",
    ]


# Facts from the database ------------------------------------------------------------------------------------


def _done(practice):
    """The items roadmap_for ticks, checked against each item's own question (`is_done`, one query each)."""
    roadmap = roadmap_for(practice)
    done = {status.item.key for step in roadmap.steps for status in step.items if status.done}
    assert done == {item.key for item in ROADMAP if item.is_done(practice)}
    return done


def test_the_practices_own_roadmap_takes_three_queries_however_far_it_is(practice, manager, django_assert_num_queries):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    factories.complete_task_split(practice)
    factories.population(practice)
    services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    # The yes/no facts, the task split's assignments and the months with reach counts.
    with django_assert_num_queries(3):
        assert roadmap_for(practice).done == 4


def test_each_item_is_ticked_by_its_own_data(practice, manager):
    assert _done(practice) == set()

    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    assert _done(practice) == set()  # a draft is not an adopted vision
    services.vision_adopt(practice=practice, by=manager)
    assert _done(practice) == {"vision_adopted"}

    factories.complete_task_split(practice)
    assert "task_split_complete" in _done(practice)

    factories.population(practice)
    assert "population_filled_in" in _done(practice)

    services.menu_add(practice=practice, by=manager, programme=catalog.programme())
    assert "programme_chosen" in _done(practice)

    services.patient_page_publish(practice=practice, by=manager, published=True)
    assert _done(practice) == set(KEYS) - {"poh_finished_elearning", "reach_recorded"}
    # The reach item: test_reach.py (three consecutive months).


def test_task_split_without_feedback_block_is_not_complete(practice):
    factories.complete_task_split(practice).delete()
    assert "task_split_complete" not in _done(practice)


def test_dashboard_shows_checklist_progress_and_a_link_to_the_next_step(client, practice, manager):
    services.vision_save_draft(practice=practice, by=manager, sections=factories.vision_sections(), base_revision=0)
    services.vision_adopt(practice=practice, by=manager)
    client.force_login(manager)
    page = client.get(reverse("practices:dashboard", kwargs={"practice_slug": practice.slug})).content.decode()
    assert '<progress id="roadmap-progress" class="roadmap-bar" max="7" value="1">' in page
    assert '<label for="roadmap-progress"' in page and "1 of 7 done" in page
    task_split_url = reverse("practices:task_split", kwargs={"practice_slug": practice.slug})
    assert f'<a class="btn btn-primary" href="{task_split_url}">Agree who does what (task split)</a>' in page
    assert "Step 1 · Vision" in page and "Step 2 · Knowledge" in page and "Step 3 · Implementation" in page
    assert "(done)" in page and "(to do)" in page


def test_elearning_item_is_done_once_a_poh_ggz_holds_a_poh_certificate(practice, manager):
    poh = factories.member(practice, role=Role.POH_GGZ, username="pim")
    course = training_factories.course("Blended behandelen", audience="poh_ggz")
    assert not poh_finished_elearning(practice)
    Certificate.objects.create(
        user=manager,
        course=course,
        code="AAAA-BBBB-CCCC",
        learner_name="M",
        course_title="B",
        points=2,
        issued_on="2026-11-01",
    )
    assert not poh_finished_elearning(practice), "a certificate of the manager does not count"
    Certificate.objects.create(
        user=poh,
        course=course,
        code="DDDD-EEEE-FFFF",
        learner_name="P",
        course_title="B",
        points=2,
        issued_on="2026-11-02",
    )
    assert poh_finished_elearning(practice)
