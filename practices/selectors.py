"""Reads of a practice's step data, written once with their joins so pages run a fixed number of queries."""

from django.db.models import Prefetch

from catalog.models import Language, Programme
from practices.models import MenuItem, PopulationProfile, Practice, Task, TaskSplit, VisionVersion
from practices.prevalence import Estimate, expected_patients
from practices.suggestions import PopulationFacts, Suggestion, rank_programmes
from practices.task_split import TaskParts, is_complete

# Vision -----------------------------------------------------------------------------------------------------


def vision_latest(practice: Practice) -> VisionVersion | None:
    """The version a new edit builds on: the draft if there is one, else the last adopted version."""
    return practice.visions.select_related("updated_by", "adopted_by").order_by("-number").first()


def vision_adopted_versions(practice: Practice):
    return (
        practice.visions.filter(status=VisionVersion.Status.ADOPTED)
        .select_related("adopted_by")
        .order_by("-number")
    )


def vision_last_adopted(practice: Practice) -> VisionVersion | None:
    return vision_adopted_versions(practice).first()


def vision_is_adopted(practice: Practice) -> bool:
    return practice.visions.filter(status=VisionVersion.Status.ADOPTED).exists()


# Task split -------------------------------------------------------------------------------------------------


def task_split_parts(practice: Practice) -> dict[str, TaskParts]:
    """The saved split per task, in the shape the form and the rule use."""
    responsible: dict[str, list[str]] = {task: [] for task in Task.values}
    supporting: dict[str, list[str]] = {task: [] for task in Task.values}
    for task, role, is_responsible in practice.task_assignments.values_list("task", "role", "responsible"):
        (responsible if is_responsible else supporting).setdefault(task, []).append(role)
    return {task: TaskParts(tuple(responsible[task]), tuple(supporting[task])) for task in Task.values}


def task_split_settings(practice: Practice) -> TaskSplit | None:
    return TaskSplit.objects.filter(practice=practice).first()


def task_split_is_complete(practice: Practice) -> bool:
    return task_split_settings(practice) is not None and is_complete(task_split_parts(practice))


# Population and prevalence ----------------------------------------------------------------------------------


def population_profile(practice: Practice) -> PopulationProfile | None:
    return (
        PopulationProfile.objects.filter(practice=practice)
        .prefetch_related(Prefetch("languages", queryset=Language.objects.order_by("position", "name")))
        .first()
    )


def population_is_filled_in(practice: Practice) -> bool:
    return PopulationProfile.objects.filter(practice=practice).exists()


def population_estimates(profile: PopulationProfile | None) -> list[Estimate]:
    return expected_patients(profile.adults_18_64) if profile is not None else []


def population_facts(profile: PopulationProfile | None) -> PopulationFacts | None:
    if profile is None:
        return None
    return PopulationFacts(
        share_low_literacy=profile.share_low_literacy,
        share_migration=profile.share_migration,
        share_0_17=profile.share_0_17,
        share_65_plus=profile.share_65_plus,
        languages={language.code: language.name for language in profile.languages.all()},
        expected={estimate.prevalence.key: estimate.patients for estimate in population_estimates(profile)},
    )


# Programme menu and patient page ----------------------------------------------------------------------------


def menu_items(practice: Practice):
    return practice.menu_items.select_related("programme__provider").order_by("position", "id")


def menu_item_count(practice: Practice) -> int:
    return practice.menu_items.count()


def programme_suggestions(practice: Practice, profile: PopulationProfile | None) -> list[Suggestion]:
    """Published programmes not yet on the menu, best fit for this practice's population first."""
    programmes = (
        Programme.objects.published()
        .exclude(menu_items__practice=practice)
        .select_related("provider")
        .prefetch_related("languages", "target_groups", "themes")
    )
    return rank_programmes(programmes, population_facts(profile))


def patient_page_items(practice: Practice):
    """What patients see: only programmes that are on the menu and still published in the catalogue."""
    return (
        practice.menu_items.filter(programme__status=Programme.Status.PUBLISHED)
        .select_related("programme")
        .order_by("position", "id")
    )


def public_practice(practice_slug: str) -> Practice | None:
    return Practice.objects.filter(slug=practice_slug, patient_page_published=True).first()


def menu_item_for(practice: Practice, item_id: int) -> MenuItem | None:
    return menu_items(practice).filter(pk=item_id).first()
