"""The coordinator's overview, kept in the shared cache until anything it shows changes.

A page of practice rows and the programme totals cost tens of milliseconds at 500 practices, while what they show
changes a few times a day. So the overview's sections are kept rendered per care group and `CareGroup.data_version`,
which goes up (one UPDATE) whenever an input of the overview changes for a practice that joined the group: the
practice itself (name, place, patient page), its population profile, adopted vision, task split, menu, reach counts,
members and their certificates, a course's audience (which course counts for the POH-ggz), joining or leaving, and
the group's invitations (with the invited practice's AGB code). The version is read with the care group itself
(practices.scoping.care_group_for, which checks the coordinator on every request), so a warm page asks nothing
more. The key also holds the catalogue revision (programme names, costs and which count for reach), the language,
the day (this year's reach) and the page and search asked for.

Never kept: the coordinator check, the audit entries (each visit writes one per practice shown) and the invite
form with its errors and CSRF token.

The versions go up through the models' signals, so admin edits and the shell count too; a write that sends no
signal (a queryset's update() or bulk_create) calls `bump_care_groups` itself. Many writes in one go (a practice's
task split, a bench or demo load) can run inside `bumps_deferred()`: one UPDATE at the end instead of one per row.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from catalog.overview_cache import catalogue_revision
from practices.models import Membership, MenuItem, PopulationProfile, Practice, TaskAssignment, TaskSplit, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupPractice
from practices.models_reach import MonthlyReach
from training.models import Certificate, Course

# Raise when the cached values change shape, so a deploy never reads the old shape.
KEY_FORMAT = 1


def kept(key: str):
    """What is kept under the key, or None (always None with CARE_GROUP_CACHE_SECONDS = 0)."""
    return cache.get(key) if settings.CARE_GROUP_CACHE_SECONDS else None


def keep(key: str, value) -> None:
    # The time limit frees memory only: a change of what the value shows changes its key at once.
    if settings.CARE_GROUP_CACHE_SECONDS:
        cache.set(key, value, settings.CARE_GROUP_CACHE_SECONDS)


def cache_keys(care_group: CareGroup, *parts: tuple) -> list[str]:
    """The keys of cached parts of the care group's overview, each part named with the state it shows (its page and
    search), for what every part shows: the group's data version, the catalogue, the language and the day."""
    common = (
        KEY_FORMAT,
        care_group.slug,
        care_group.created_at.isoformat(),  # a group made anew (a database loaded again) starts at version 0 again
        catalogue_revision(),
        get_language(),
        timezone.localdate().isoformat(),
    )
    keys = []
    for name, *state in parts:
        digest = hashlib.sha256(repr((*common, *state)).encode()).hexdigest()[:32]
        keys.append(f"practices:care-group:{name}:{care_group.pk}:{care_group.data_version}:{digest}")
    return keys


# Bumping ----------------------------------------------------------------------------------------------------


@dataclass
class _Pending:
    practice_ids: set = field(default_factory=set)
    user_ids: set = field(default_factory=set)
    care_group_ids: set = field(default_factory=set)
    every_group: bool = False


_deferred: ContextVar[_Pending | None] = ContextVar("care_group_bumps_deferred", default=None)


def bump_care_groups(*, practice_ids=(), user_ids=(), care_group_ids=(), every_group=False) -> None:
    """A new data version for the care groups that the practices joined, the groups of the practices these users
    are members of, the care groups named, or every care group."""
    pending = _deferred.get()
    if pending is not None:
        pending.practice_ids.update(practice_ids)
        pending.user_ids.update(user_ids)
        pending.care_group_ids.update(care_group_ids)
        pending.every_group = pending.every_group or every_group
        return
    _bump(_Pending(set(practice_ids), set(user_ids), set(care_group_ids), every_group))


def _bump(pending: _Pending) -> None:
    groups = CareGroup.objects.all()
    if not pending.every_group:
        which = Q(pk__in=pending.care_group_ids) if pending.care_group_ids else Q()
        if pending.practice_ids:
            joined = CareGroupPractice.objects.filter(practice_id__in=pending.practice_ids)
            which |= Q(pk__in=joined.values("care_group_id"))
            # An open invitation shows the invited practice's AGB code.
            invited = CareGroupInvitation.objects.open().filter(practice_id__in=pending.practice_ids)
            which |= Q(pk__in=invited.values("care_group_id"))
        if pending.user_ids:
            joined = CareGroupPractice.objects.filter(
                practice_id__in=Membership.objects.filter(user_id__in=pending.user_ids).values("practice_id")
            )
            which |= Q(pk__in=joined.values("care_group_id"))
        if not which:
            return
        groups = groups.filter(which)
    groups.update(data_version=F("data_version") + 1)


@contextmanager
def bumps_deferred():
    """Writes in this block bump the care groups once, at its end (also when it ends in an error: the writes done
    before it may have been committed). Inside an outer deferral, the outer one bumps."""
    if _deferred.get() is not None:
        yield
        return
    pending = _Pending()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
        _bump(pending)


# Signals ----------------------------------------------------------------------------------------------------

# The models whose rows belong to one practice and that the overview reads (practices.care_groups).
PRACTICE_DATA = [PopulationProfile, VisionVersion, TaskSplit, TaskAssignment, MenuItem, MonthlyReach, Membership]


def _practice_changed(sender, instance, **kwargs):
    bump_care_groups(practice_ids=[instance.pk])


def _practice_data_changed(sender, instance, **kwargs):
    bump_care_groups(practice_ids=[instance.practice_id])


def _invitation_changed(sender, instance, **kwargs):
    bump_care_groups(care_group_ids=[instance.care_group_id])


def _link_changed(sender, instance, **kwargs):
    # By the group itself: after a leave the link is gone, so it cannot be found through the practice any more.
    bump_care_groups(care_group_ids=[instance.care_group_id])


def _certificate_changed(sender, instance, **kwargs):
    bump_care_groups(user_ids=[instance.user_id])


def _course_changed(sender, instance, **kwargs):
    # A course's audience decides whether its certificate counts as the POH-ggz's e-learning, in every group.
    bump_care_groups(every_group=True)


def connect() -> None:
    receivers = [(Practice, _practice_changed), (CareGroupPractice, _link_changed)]
    receivers += [(CareGroupInvitation, _invitation_changed)]
    receivers += [(model, _practice_data_changed) for model in PRACTICE_DATA]
    receivers += [(Certificate, _certificate_changed), (Course, _course_changed)]
    for model, receiver in receivers:
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, dispatch_uid=f"care_group_cache_save_{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"care_group_cache_delete_{label}")
