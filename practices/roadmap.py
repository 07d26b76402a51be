"""The roadmap of the sources' three steps (Visie, Kennis, Implementatie), computed from the practice's data.

`ROADMAP` lists the checklist in the order a practice works through it. Each item says which step it is in,
where the work is done and which fact tells that it is done. Adding an item is one entry in `ROADMAP`; the
arithmetic in `build_roadmap` takes plain booleans and knows nothing about the database.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practices import selectors
from practices.reach import reach_recorded_among, reach_recorded_for_consecutive_months


class Step:
    VISION = "vision"
    KNOWLEDGE = "knowledge"
    IMPLEMENTATION = "implementation"


STEPS = (
    (Step.VISION, _("Step 1 · Vision")),
    (Step.KNOWLEDGE, _("Step 2 · Knowledge")),
    (Step.IMPLEMENTATION, _("Step 3 · Implementation")),
)


@dataclass(frozen=True)
class RoadmapItem:
    key: str
    step: str
    label: str
    url_name: str
    is_done: Callable  # (practice) -> bool; one query at most
    needs_practice: bool = True  # whether url_name takes the practice_slug
    # (practices) -> set of the ids of those done, in a fixed number of queries: for a care group's overview.
    done_among: Callable | None = None

    def url(self, practice) -> str:
        return (
            reverse(self.url_name, kwargs={"practice_slug": practice.slug})
            if self.needs_practice
            else reverse(self.url_name)
        )


ROADMAP = (
    RoadmapItem(
        "vision_adopted",
        Step.VISION,
        _("Adopt a shared vision"),
        "practices:vision",
        selectors.vision_is_adopted,
        done_among=selectors.vision_adopted_among,
    ),
    RoadmapItem(
        "task_split_complete",
        Step.VISION,
        _("Agree who does what (task split)"),
        "practices:task_split",
        selectors.task_split_is_complete,
        done_among=selectors.task_split_complete_among,
    ),
    RoadmapItem(
        "population_filled_in",
        Step.VISION,
        _("Describe your patient population"),
        "practices:population",
        selectors.population_is_filled_in,
        done_among=selectors.population_filled_in_among,
    ),
    RoadmapItem(
        "programme_chosen",
        Step.KNOWLEDGE,
        _("Choose your first programmes (1 to 3)"),
        "practices:menu",
        lambda practice: practice.menu_items.exists(),
        done_among=selectors.programme_chosen_among,
    ),
    RoadmapItem(
        "poh_finished_elearning",
        Step.KNOWLEDGE,
        _("The POH-ggz finished the e-learning"),
        "training:course_list",
        selectors.poh_finished_elearning,
        needs_practice=False,
        done_among=selectors.poh_finished_elearning_among,
    ),
    RoadmapItem(
        "patient_page_published",
        Step.IMPLEMENTATION,
        _("Publish the patient page"),
        "practices:patient_page_settings",
        lambda practice: practice.patient_page_published,
        done_among=lambda practices: {practice.pk for practice in practices if practice.patient_page_published},
    ),
    RoadmapItem(
        "reach_recorded",
        Step.IMPLEMENTATION,
        _("Record your reach for three months in a row"),
        "practices:reach",
        reach_recorded_for_consecutive_months,
        done_among=reach_recorded_among,
    ),
)


@dataclass(frozen=True)
class ItemStatus:
    item: RoadmapItem
    done: bool
    url: str = ""


@dataclass(frozen=True)
class StepStatus:
    key: str
    label: str
    items: tuple[ItemStatus, ...]

    @property
    def done(self) -> bool:
        return all(status.done for status in self.items)


@dataclass(frozen=True)
class Roadmap:
    steps: tuple[StepStatus, ...]
    done: int
    total: int
    next: ItemStatus | None  # the first unfinished item, in roadmap order

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def build_roadmap(
    done: Mapping[str, bool], items=ROADMAP, urls: Mapping[str, str] | None = None, step_labels=None
) -> Roadmap:
    """The checklist per step, how far the practice is, and the first unfinished item in roadmap order.

    `step_labels` (the STEPS with their labels as str) saves translating them again for each of many practices."""
    urls = urls or {}
    statuses = [ItemStatus(item, bool(done.get(item.key)), urls.get(item.key, "")) for item in items]
    steps = tuple(
        StepStatus(key, label, tuple(status for status in statuses if status.item.step == key))
        for key, label in (step_labels or [(key, str(label)) for key, label in STEPS])
    )
    return Roadmap(
        steps=tuple(step for step in steps if step.items),
        done=sum(status.done for status in statuses),
        total=len(statuses),
        next=next((status for status in statuses if not status.done), None),
    )


def roadmap_for(practice, items=ROADMAP) -> Roadmap:
    """The practice's own roadmap, with links: the facts a query answers come together (selectors.roadmap_facts_of);
    an item not among them answers for itself."""
    facts = selectors.roadmap_facts_of(practice)
    return build_roadmap(
        {item.key: facts[item.key] if item.key in facts else item.is_done(practice) for item in items},
        items,
        {item.key: item.url(practice) for item in items},
    )


def roadmaps_for(practices, items=ROADMAP, known: Mapping[str, set[int]] | None = None) -> dict[int, Roadmap]:
    """{practice id: Roadmap} for many practices (a care group's overview), without links.

    Each item answers for all practices at once through its `done_among`, so the queries do not grow with the
    number of practices; an item without one falls back to asking per practice. `known` gives, per item key, the
    ids of the practices done that the caller read already (with the rest of its page), so it is not asked again.
    """
    practices = list(practices)
    known = known or {}
    done_sets = {}
    for item in items:
        if item.key in known:
            done_sets[item.key] = set(known[item.key])
        elif item.done_among is not None:
            done_sets[item.key] = set(item.done_among(practices))
        else:
            done_sets[item.key] = {practice.pk for practice in practices if item.is_done(practice)}
    step_labels = [(key, str(label)) for key, label in STEPS]
    return {
        practice.pk: build_roadmap(
            {item.key: practice.pk in done_sets[item.key] for item in items}, items, step_labels=step_labels
        )
        for practice in practices
    }
