"""Care groups: invitations and leaving (writes), and what a coordinator sees of its joined practices (reads).

What the overview shows per joined practice: roadmap progress, training completion counts, the programmes on its
menu (with whether each needs a paid licence) and this year's reach (practices.reach.reach_facts_among); per
programme, how many practices offer it and how many arranged its licence (the basis for buying together). The
practices are shown a page at a time, and only the practices on the page are written to their audit logs. Never
vision texts, the audit log, the names of team members or quiz answers: nothing here reads them (the vision is
read only as "an adopted version exists"). Counts go through practices.small_numbers. Every read takes a fixed
number of queries, whatever the number of practices.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.models import Programme
from practices import selectors
from practices.audit import audit_record
from practices.models import AuditEvent, Membership, MenuItem, Practice, TaskSplit
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupPractice
from practices.reach import PracticeReach, reach_facts_among
from practices.roadmap import Roadmap, roadmaps_for
from training.models import Certificate

# Audit subjects, written in the practice's own log (worded in practices.audit_wording).
SUBJECT_OVERVIEW = "care group {name}: overview"
SUBJECT_PRACTICE = "care group {name}: practice page"
SUBJECT_INVITED = "care group {name}: invitation"
SUBJECT_JOINED = "care group {name}: joined"
SUBJECT_DECLINED = "care group {name}: invitation declined"
SUBJECT_LEFT = "care group {name}: left"


class CareGroupError(Exception):
    pass


class AlreadyJoined(CareGroupError):
    pass


class InvitationAlreadyOpen(CareGroupError):
    pass


class InvitationClosed(CareGroupError):
    pass


# Writes ------------------------------------------------------------------------------------------------------


def care_group_invite(*, care_group: CareGroup, practice: Practice, by) -> CareGroupInvitation:
    if CareGroupPractice.objects.filter(care_group=care_group, practice=practice).exists():
        raise AlreadyJoined
    try:
        with transaction.atomic():
            invitation = CareGroupInvitation.objects.create(care_group=care_group, practice=practice, invited_by=by)
    except IntegrityError as exc:  # one_open_care_group_invitation
        raise InvitationAlreadyOpen from exc
    audit_record(
        practice=practice, user=by, action=AuditEvent.Action.INVITE, subject=SUBJECT_INVITED.format(name=care_group)
    )
    return invitation


def _lock_open(invitation: CareGroupInvitation) -> CareGroupInvitation:
    locked = CareGroupInvitation.objects.select_for_update().select_related("care_group").get(pk=invitation.pk)
    if not locked.is_open:
        raise InvitationClosed
    return locked


def care_group_accept(*, invitation: CareGroupInvitation, by) -> CareGroupPractice:
    """The practice's manager accepts: from now on the care group's coordinators see the practice's progress."""
    with transaction.atomic():
        invitation = _lock_open(invitation)
        invitation.accepted_at = timezone.now()
        invitation.answered_by = by
        invitation.save(update_fields=["accepted_at", "answered_by"])
        link, _created = CareGroupPractice.objects.get_or_create(
            care_group=invitation.care_group, practice=invitation.practice, defaults={"accepted_by": by}
        )
        audit_record(
            practice=invitation.practice,
            user=by,
            action=AuditEvent.Action.JOIN,
            subject=SUBJECT_JOINED.format(name=invitation.care_group),
        )
    return link


def care_group_decline(*, invitation: CareGroupInvitation, by) -> None:
    with transaction.atomic():
        invitation = _lock_open(invitation)
        invitation.declined_at = timezone.now()
        invitation.answered_by = by
        invitation.save(update_fields=["declined_at", "answered_by"])
        audit_record(
            practice=invitation.practice,
            user=by,
            action=AuditEvent.Action.CHANGE,
            subject=SUBJECT_DECLINED.format(name=invitation.care_group),
        )


def care_group_leave(*, link: CareGroupPractice, by) -> None:
    """Leaving deletes the link: every coordinator page reads only links, so all sharing ends at once."""
    with transaction.atomic():
        care_group = link.care_group
        deleted, _per_model = CareGroupPractice.objects.filter(pk=link.pk).delete()
        if deleted:
            audit_record(
                practice=link.practice,
                user=by,
                action=AuditEvent.Action.LEAVE,
                subject=SUBJECT_LEFT.format(name=care_group),
            )


# The practice's side -------------------------------------------------------------------------------------------


def open_invitations_for(practice: Practice):
    return practice.care_group_invitations.open().select_related("care_group").order_by("-created_at")


def links_of(practice: Practice):
    return practice.care_group_links.select_related("care_group").order_by("care_group__name")


# The coordinator's overview ----------------------------------------------------------------------------------


@dataclass
class TrainingCounts:
    members: int = 0
    trained: int = 0  # members holding at least one certificate
    certificates: int = 0


@dataclass
class PracticeRow:
    practice: Practice
    roadmap: Roadmap
    training: TrainingCounts
    programmes: list = field(default_factory=list)  # MenuProgramme, in menu order
    reach: PracticeReach | None = None


def training_counts(practices) -> dict[int, TrainingCounts]:
    """Per practice: members, members with a finished course, certificates. Counts only; one query."""
    ids = [practice.pk for practice in practices]
    rows = (
        Membership.objects.filter(practice_id__in=ids)
        .values("practice_id")
        .annotate(
            members=Count("pk", distinct=True),
            trained=Count("user_id", filter=Q(user__certificates__isnull=False), distinct=True),
            certificates=Count("user__certificates", distinct=True),
        )
        .order_by()
    )
    counts = {practice_id: TrainingCounts() for practice_id in ids}
    for row in rows:
        counts[row["practice_id"]] = TrainingCounts(row["members"], row["trained"], row["certificates"])
    return counts


def course_counts(practice: Practice) -> list[tuple[str, int]]:
    """Per course title: how many members of the practice hold its certificate. Counts only; one query."""
    rows = (
        Certificate.objects.filter(user__memberships__practice=practice)
        .values("course_title")
        .annotate(count=Count("pk", distinct=True))
        .order_by("course_title")
    )
    return [(row["course_title"], row["count"]) for row in rows]


@dataclass(frozen=True)
class MenuProgramme:
    """A programme on a practice's menu as the coordinator sees it: its name, cost and whether the licence is
    arranged."""

    name: str
    cost: str
    licence_arranged: bool

    @property
    def needs_licence(self) -> bool:
        return self.cost == Programme.Cost.PRACTICE_LICENCE

    @property
    def cost_label(self) -> str:
        return str(Programme.Cost(self.cost).label)


def programmes_of(practices) -> dict[int, list[MenuProgramme]]:
    """Per practice id, the programmes on its menu in menu order. One query, plain rows."""
    result: dict[int, list[MenuProgramme]] = {practice.pk: [] for practice in practices}
    rows = (
        MenuItem.objects.filter(practice__in=list(result))
        .order_by("practice_id", "position", "id")
        .values_list("practice_id", "programme__name", "programme__cost", "licence_arranged")
    )
    for practice_id, name, cost, licence_arranged in rows:
        result[practice_id].append(MenuProgramme(name, cost, licence_arranged))
    return result


@dataclass(frozen=True)
class ProgrammeTotal:
    name: str
    needs_licence: bool
    cost_label: str
    practices: int
    licences_arranged: int


def programme_totals(care_group: CareGroup) -> list[ProgrammeTotal]:
    """Every programme on a joined practice's menu: how many practices offer it, how many arranged the licence.

    The basis for buying together; paid licences first. One query, whatever the number of practices: grouped by
    programme id only (a programme is on a menu at most once, so its items are its practices), its name and cost
    taken as the group's only value (grouping by them too would sort every menu item by name).
    """
    joined = CareGroupPractice.objects.filter(care_group=care_group).values("practice_id")
    rows = (
        MenuItem.objects.filter(practice_id__in=joined)
        .values("programme_id")
        .annotate(
            practices=Count("pk"),
            arranged=Count("pk", filter=Q(licence_arranged=True)),
            name=Max("programme__name"),
            cost=Max("programme__cost"),
        )
        .order_by()
    )
    totals = [
        ProgrammeTotal(
            name=row["name"],
            needs_licence=row["cost"] == Programme.Cost.PRACTICE_LICENCE,
            cost_label=str(Programme.Cost(row["cost"]).label),
            practices=row["practices"],
            licences_arranged=row["arranged"],
        )
        for row in rows
    ]
    return sorted(totals, key=lambda total: (not total.needs_licence, total.name.lower()))


def _per_practice(memberships, count) -> Coalesce:
    """A count over the members of the practice in the outer query, as a subquery (0 without members)."""
    counted = memberships.filter(practice=OuterRef("pk")).order_by().values("practice").annotate(n=count).values("n")
    return Coalesce(Subquery(counted), 0)


def overview_practices(practices):
    """The practices (a queryset of joined ones) as the overview reads them: each with its population profile, the
    roadmap facts that are a single yes or no, and its training counts (as `training_counts`), so none of those
    needs a query of its own."""
    return practices.select_related("population").annotate(
        vision_adopted=selectors.vision_adopted_exists(),
        poh_finished_elearning=selectors.poh_finished_elearning_exists(),
        has_task_split=Exists(TaskSplit.objects.filter(practice=OuterRef("pk"))),
        members=_per_practice(Membership.objects.all(), Count("pk", distinct=True)),
        trained=_per_practice(
            Membership.objects.filter(user__certificates__isnull=False), Count("user_id", distinct=True)
        ),
        certificates=_per_practice(Membership.objects.all(), Count("user__certificates", distinct=True)),
    )


def _profile(practice: Practice):
    return getattr(practice, "population", None)  # None: no profile (select_related remembers that too)


def overview_rows(practices) -> list[PracticeRow]:
    """The rows for `practices`, best read through `overview_practices` (otherwise those facts are asked here)."""
    practices = list(practices)
    year = timezone.localdate().year
    programmes = programmes_of(practices)
    known = {"programme_chosen": {pk for pk, items in programmes.items() if items}}
    if all(hasattr(practice, "vision_adopted") for practice in practices):
        known["vision_adopted"] = {practice.pk for practice in practices if practice.vision_adopted}
        known["poh_finished_elearning"] = {practice.pk for practice in practices if practice.poh_finished_elearning}
        with_task_split = [practice for practice in practices if practice.has_task_split]
        known["task_split_complete"] = set(
            with_task_split and selectors.task_split_complete_among(with_task_split, have_settings=True)
        )
        profiles = {practice.pk: _profile(practice) for practice in practices}
        adults = {pk: profile.adults_18_64 for pk, profile in profiles.items() if profile is not None}
        known["population_filled_in"] = set(adults)
        reach, known["reach_recorded"] = reach_facts_among(practices, year, adults)
        training = {
            practice.pk: TrainingCounts(practice.members, practice.trained, practice.certificates)
            for practice in practices
        }
    else:
        reach, known["reach_recorded"] = reach_facts_among(practices, year)
        training = training_counts(practices)
    roadmaps = roadmaps_for(practices, known=known)
    return [
        PracticeRow(
            practice, roadmaps[practice.pk], training[practice.pk], programmes[practice.pk], reach.get(practice.pk)
        )
        for practice in practices
    ]


def open_invitations_of(care_group: CareGroup):
    """The care group's own open invitations; the page shows only the AGB code the coordinator typed."""
    return care_group.invitations.open().select_related("practice").order_by("-created_at")


def care_groups_of(user):
    if not user.is_authenticated:
        return CareGroup.objects.none()
    return CareGroup.objects.filter(coordinators__user=user).order_by("name")
