"""Who in a practice may do what, beyond what every member may (open every workspace page, edit the steps).

The one place for these rules. Views ask through `practice_view(capability=…)` (practices.scoping), which
answers 403 to a member without it; templates ask with `{% load practice_permissions %}` and
`{% if request.membership|may:"manage_team" %}`, so a button is shown exactly when its view lets the user in.
"""

from enum import StrEnum

from practices.models import Membership, Role


class Capability(StrEnum):
    ADOPT_VISION = "adopt_vision"
    PUBLISH_PATIENT_PAGE = "publish_patient_page"
    # Invite and remove colleagues, change their roles; practice settings, the team's training, the audit log.
    MANAGE_TEAM = "manage_team"
    # Share the adopted vision and task split with other practices as an example, or withdraw it.
    SHARE_EXAMPLE = "share_example"
    # Enter and correct the monthly reach counts (the dashboard itself is open to every member).
    RECORD_REACH = "record_reach"


ROLES_WITH = {
    Capability.ADOPT_VISION: frozenset({Role.HUISARTS, Role.MANAGER}),
    Capability.PUBLISH_PATIENT_PAGE: frozenset({Role.MANAGER}),
    Capability.MANAGE_TEAM: frozenset({Role.MANAGER}),
    Capability.SHARE_EXAMPLE: frozenset({Role.MANAGER}),
    Capability.RECORD_REACH: frozenset({Role.POH_GGZ, Role.MANAGER}),
}


def may(membership: Membership | None, capability: Capability | str) -> bool:
    """Whether this membership's role has the capability; no membership has none. An unknown name raises."""
    roles = ROLES_WITH[Capability(capability)]
    return membership is not None and membership.role in roles
