"""Reads about practices: memberships, the current practice, the audit log, and the step data."""

from functools import cache

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from catalog.models import Language, Programme
from practices.models import (
    AuditEvent,
    Invitation,
    Membership,
    MenuItem,
    PopulationProfile,
    Practice,
    Role,
    SharedExample,
    Task,
    TaskAssignment,
    TaskSplit,
    VisionVersion,
)
from practices.prevalence import Estimate, expected_patients
from practices.scoping import CURRENT_PRACTICE_SESSION_KEY
from practices.suggestion_index import suggested
from practices.suggestions import PopulationFacts, Suggestion, rank_with_traits, traits_of
from practices.task_split import TaskParts, is_complete
from training import selectors as training_selectors
from training.models import Audience


def memberships_of(user) -> QuerySet[Membership]:
    """The user's memberships with their practices, in practice-name order (empty for anonymous visitors)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("practice").order_by("practice__name", "pk")


def current_membership(request) -> Membership | None:
    """The membership of the practice the user worked in last (remembered in the session).

    A user with exactly one practice needs no choice, so that one counts as current even before any visit.
    """
    memberships = list(memberships_of(request.user))
    slug = request.session.get(CURRENT_PRACTICE_SESSION_KEY) if hasattr(request, "session") else None
    for membership in memberships:
        if membership.practice.slug == slug:
            return membership
    return memberships[0] if len(memberships) == 1 else None


def practice_contact_line(practice: Practice) -> str:
    """ "De Linde, Utrecht — 030 123 4567": how the catalogue names the practice to a patient."""
    line = f"{practice.name}, {practice.place}"
    return f"{line} — {practice.phone}" if practice.phone else line


def practice_members(practice: Practice) -> QuerySet[Membership]:
    return practice.memberships.select_related("user").order_by("user__last_name", "user__first_name", "pk")


def pending_invitations(practice: Practice) -> QuerySet[Invitation]:
    return practice.invitations.pending().select_related("invited_by").order_by("-created_at")


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("practice").filter(token_hash=Invitation.hash_token(token)).first()


def audit_events_of(practice: Practice) -> QuerySet[AuditEvent]:
    """Newest first; the user name is stored on the event, so no join is needed."""
    return practice.audit_events.order_by("-at", "-id")


# Vision -----------------------------------------------------------------------------------------------------


def vision_latest(practice: Practice) -> VisionVersion | None:
    """The version a new edit builds on: the draft if there is one, else the last adopted version."""
    return practice.visions.select_related("updated_by", "adopted_by").order_by("-number").first()


def vision_adopted_versions(practice: Practice):
    return practice.visions.filter(status=VisionVersion.Status.ADOPTED).select_related("adopted_by").order_by("-number")


def vision_last_adopted(practice: Practice) -> VisionVersion | None:
    return vision_adopted_versions(practice).first()


# The courses that count for the roadmap's "the POH-ggz finished the e-learning".
POH_COURSE_AUDIENCES = (Audience.POH_GGZ, Audience.PRACTICE)


def poh_finished_elearning(practice: Practice) -> bool:
    """At least one POH-ggz of the practice holds a certificate for a course meant for the POH-ggz or everyone."""
    poh_ids = practice.memberships.filter(role=Role.POH_GGZ).values_list("user_id", flat=True)
    return bool(training_selectors.users_with_completed_course(list(poh_ids), audiences=POH_COURSE_AUDIENCES))


def member_training(practice: Practice) -> list[tuple[Membership, list]]:
    """Each member with the courses they finished (for the manager's overview), in two queries."""
    memberships = list(practice_members(practice))
    finished = training_selectors.certificates_for_users([m.user_id for m in memberships])
    return [(membership, finished.get(membership.user_id, [])) for membership in memberships]


def vision_is_adopted(practice: Practice) -> bool:
    return practice.visions.filter(status=VisionVersion.Status.ADOPTED).exists()


# Roadmap facts for many practices at once (a care group's overview): each returns the ids of those done. Without
# `.order_by()` the models' default ordering would join the practice (and user) tables only to sort.


def _ids(practices) -> list[int]:
    return [practice.pk for practice in practices]


def vision_adopted_among(practices) -> set[int]:
    adopted = VisionVersion.objects.filter(practice_id__in=_ids(practices), status=VisionVersion.Status.ADOPTED)
    return set(adopted.values_list("practice_id", flat=True).distinct().order_by())


def task_split_complete_among(practices, *, have_settings: bool = False) -> set[int]:
    """The ids of the practices whose task split is complete; `have_settings`: the caller knows that every one of
    `practices` has saved its task split's settings (a TaskSplit row), so that is not asked again."""
    if have_settings:
        with_settings = set(_ids(practices))
    else:
        with_settings = set(
            TaskSplit.objects.filter(practice_id__in=_ids(practices)).values_list("practice_id", flat=True).order_by()
        )
    responsible: dict[int, dict[str, list[str]]] = {pk: {task: [] for task in Task.values} for pk in with_settings}
    supporting: dict[int, dict[str, list[str]]] = {pk: {task: [] for task in Task.values} for pk in with_settings}
    rows = (
        TaskAssignment.objects.filter(practice_id__in=with_settings)
        .values_list("practice_id", "task", "role", "responsible")
        .order_by()
    )
    for practice_id, task, role, is_responsible in rows:
        (responsible if is_responsible else supporting)[practice_id].setdefault(task, []).append(role)
    return {
        pk
        for pk in with_settings
        if is_complete(
            {task: TaskParts(tuple(responsible[pk][task]), tuple(supporting[pk][task])) for task in Task.values}
        )
    }


def population_filled_in_among(practices) -> set[int]:
    profiles = PopulationProfile.objects.filter(practice_id__in=_ids(practices))
    return set(profiles.values_list("practice_id", flat=True).order_by())


def programme_chosen_among(practices) -> set[int]:
    items = MenuItem.objects.filter(practice_id__in=_ids(practices))
    return set(items.values_list("practice_id", flat=True).distinct().order_by())


def poh_finished_elearning_among(practices) -> set[int]:
    pohs = list(
        Membership.objects.filter(practice_id__in=_ids(practices), role=Role.POH_GGZ)
        .values_list("practice_id", "user_id")
        .order_by()
    )
    finished = training_selectors.users_with_completed_course(
        [user_id for _practice_id, user_id in pohs], audiences=POH_COURSE_AUDIENCES
    )
    return {practice_id for practice_id, user_id in pohs if user_id in finished}


# The same two facts as annotations of a practice query (`.annotate(vision_adopted=vision_adopted_exists())`):
# a care group's page of practices reads them with the practices themselves instead of in queries of their own.


def vision_adopted_exists() -> Exists:
    return Exists(VisionVersion.objects.filter(practice=OuterRef("pk"), status=VisionVersion.Status.ADOPTED))


def poh_finished_elearning_exists() -> Exists:
    holders = training_selectors.completed_course_holders(audiences=POH_COURSE_AUDIENCES)
    return Exists(Membership.objects.filter(practice=OuterRef("pk"), role=Role.POH_GGZ, user_id__in=holders))


@cache
def _roadmap_facts() -> QuerySet:
    """Every practice with its yes/no roadmap facts, built once per process: building the five subqueries took
    1.3 ms of every dashboard visit, and a queryset is cloned, never changed, by the filter each visit adds."""
    return Practice.objects.annotate(
        vision_adopted=vision_adopted_exists(),
        poh_finished_elearning=poh_finished_elearning_exists(),
        population_filled_in=Exists(PopulationProfile.objects.filter(practice=OuterRef("pk"))),
        programme_chosen=Exists(MenuItem.objects.filter(practice=OuterRef("pk"))),
        has_task_split=Exists(TaskSplit.objects.filter(practice=OuterRef("pk"))),
    ).values("vision_adopted", "poh_finished_elearning", "population_filled_in", "programme_chosen", "has_task_split")


def roadmap_facts_of(practice: Practice) -> dict[str, bool]:
    """The practice's own roadmap facts that a query can answer, by roadmap item key, in at most two queries: the
    yes/no facts as annotations of the practice (as the care group's page reads them), then the task split's
    assignments if it has saved one. The dashboard asked each fact on its own, seven queries on every visit."""
    row = _roadmap_facts().filter(pk=practice.pk).get()
    has_task_split = row.pop("has_task_split")
    row["task_split_complete"] = has_task_split and bool(task_split_complete_among([practice], have_settings=True))
    return row


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


# What population_facts() reads of a profile, in one row per language spoken (one row with None without any).
_FACT_FIELDS = ("share_low_literacy", "share_migration", "share_0_17", "share_65_plus")


def population_facts_of(practice: Practice) -> PopulationFacts | None:
    """population_facts(population_profile(practice)) in one query: the profile's row joined with its languages."""
    rows = list(
        PopulationProfile.objects.filter(practice=practice)
        .order_by("languages__position", "languages__name")
        .values_list("registered_patients", "share_18_64", *_FACT_FIELDS, "languages__code", "languages__name")
    )
    if not rows:
        return None
    registered_patients, share_18_64, *shares, _code, _name = rows[0]
    adults = PopulationProfile(registered_patients=registered_patients, share_18_64=share_18_64)
    return PopulationFacts(
        **dict(zip(_FACT_FIELDS, shares, strict=True)),
        languages={code: name for *_values, code, name in rows if code is not None},
        expected={estimate.prevalence.key: estimate.patients for estimate in population_estimates(adults)},
    )


# Programme menu and patient page ----------------------------------------------------------------------------


def menu_items(practice: Practice):
    """The menu with its programmes and their providers; the menu page reads the verdicts only for what it does not
    keep rendered (practices.menu_sections.programme_parts)."""
    return practice.menu_items.select_related("programme__provider").order_by("position", "id")


def withdrawn_menu_items(practice: Practice):
    """Menu items whose programme is no longer offered: the practice should choose another (dashboard notice)."""
    return (
        practice.menu_items.filter(programme__status=Programme.Status.WITHDRAWN)
        .select_related("programme")
        .order_by("position", "id")
    )


def menu_item_count(practice: Practice) -> int:
    return practice.menu_items.count()


def programme_suggestions(
    practice: Practice, profile: PopulationProfile | None, per_group=6, on_menu=None
) -> list[Suggestion]:
    """Published programmes not yet on the menu, best fit for this practice's population first.

    At most `per_group` that fit the population and `per_group` others: the order comes from the per-revision
    index (suggestion_index.py), the reasons from the same rules run on just these programmes. `on_menu`: the
    ids of the programmes on the menu, when the caller has them already.
    """
    if on_menu is None:
        on_menu = set(practice.menu_items.values_list("programme_id", flat=True))
    return suggestions_for(population_facts(profile), on_menu=on_menu, per_group=per_group)


def suggestions_for(
    facts: PopulationFacts | None, *, on_menu: set[int], per_group=6, revision: str | None = None
) -> list[Suggestion]:
    """programme_suggestions() for a population's facts (population_facts_of) and the menu's programme ids;
    `revision`: the catalogue revision, when the caller has read it already."""
    chosen = suggested(facts, exclude=on_menu, per_group=per_group, revision=revision)
    programmes = Programme.objects.published().filter(pk__in=list(chosen)).select_related("provider")
    # The ranked entry keeps the traits of the best in each group; only a programme it lacks has its relations read.
    lacking = [pk for pk, traits in chosen.items() if traits is None]
    if lacking:
        programmes = programmes.prefetch_related("languages", "target_groups", "themes")
    return rank_with_traits(
        ((programme, chosen[programme.pk] or traits_of(programme)) for programme in programmes), facts
    )


def programmes_to_add(practice: Practice, name: str, limit: int) -> tuple[list[Programme], bool]:
    """Published programmes not on the menu whose name contains `name`: the first `limit`, and whether more match."""
    matches = list(
        Programme.objects.published()
        .exclude(menu_items__practice=practice)
        .filter(name__icontains=name)
        .select_related("provider")
        .order_by("name", "pk")[: limit + 1]
    )
    return matches[:limit], len(matches) > limit


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


def shared_examples() -> QuerySet[SharedExample]:
    """Every example practices share now (a withdrawn one is deleted), newest first, for the library."""
    return SharedExample.objects.select_related("practice").order_by("-shared_at", "-id")
