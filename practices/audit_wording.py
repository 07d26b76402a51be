"""The audit log in the reader's language. The code stores each subject as a fixed English phrase (in
practices.services, practices.admin and the views' `audit_subject`); this turns it into translated text when the
log is shown or exported, so old entries read in Dutch too. A subject no phrase below matches is shown as stored."""

import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from practices.models import MonthlyReach, Practice, Role

# Subjects of page views (the `audit_subject` of each practice view) and of fixed changes.
FIXED_SUBJECTS = {
    "dashboard": _("dashboard"),
    "members": _("team"),
    "invite a colleague": _("invite a colleague"),
    "practice settings": _("practice settings"),
    "audit log": _("audit log"),
    "audit log export": _("audit log (CSV download)"),
    "training overview": _("training overview of the team"),
    "vision": _("vision"),
    "vision versions": _("vision versions"),
    "vision version": _("vision version"),
    "vision print": _("vision, print version"),
    "task split": _("task split"),
    "population": _("population"),
    "population profile": _("population profile"),
    "programme menu": _("programme menu"),
    "patient page settings": _("patient page settings"),
    "patient page published": _("patient page published"),
    "patient page withdrawn": _("patient page withdrawn"),
    "shared examples": _("examples from practice"),
    "shared example": _("shared example"),
    "share example": _("share as an example"),
    "reach": _("reach"),
    "reach counts": _("reach counts"),
    "reach export": _("reach (CSV download)"),
    "care groups": _("care groups"),
}

# Subjects with details, as practices.services and practices.admin write them. The first match wins.
PATTERNS = [
    (re.compile(r"invitation for (?P<email>\S+) as (?P<role>\w+)"), _("invitation for %(email)s as %(role)s")),
    (re.compile(r"invitation for (?P<email>\S+) withdrawn"), _("invitation for %(email)s withdrawn")),
    (
        re.compile(r"(?P<user>.+) joined as (?P<role>\w+) \(invited as (?P<email>\S+)\)"),
        _("%(user)s joined as %(role)s (invited as %(email)s)"),
    ),
    (re.compile(r"role of (?P<user>.+): (?P<old>\w+) -> (?P<new>\w+)"), _("role of %(user)s: %(old)s → %(new)s")),
    (re.compile(r"member (?P<user>.+) \((?P<role>\w+)\) removed"), _("member %(user)s (%(role)s) removed")),
    (re.compile(r"settings: (?P<fields>.+)"), _("settings: %(fields)s")),
    (re.compile(r"practice \(admin\): (?P<fields>.+)"), _("practice (admin): %(fields)s")),
    (re.compile(r"membership \(admin\): (?P<user>.+) as (?P<role>\w+)"), _("membership (admin): %(user)s as %(role)s")),
    (
        re.compile(r"vision draft (?P<number>\d+) \(revision (?P<revision>\d+)\)"),
        _("vision draft %(number)s (revision %(revision)s)"),
    ),
    (
        re.compile(r"vision draft (?P<number>\d+) from shared example (?P<example>\d+)"),
        _("vision draft %(number)s from shared example %(example)s"),
    ),
    (re.compile(r"example: vision (?P<number>\d+) with name"), _("example: vision %(number)s, with the name")),
    (re.compile(r"example: vision (?P<number>\d+) anonymously"), _("example: vision %(number)s, anonymously")),
    (re.compile(r"vision (?P<number>\d+)"), _("vision %(number)s")),
    (re.compile(r"menu: (?P<name>.+)"), _("programme menu: %(name)s")),
    (re.compile(r"reach (?P<month>\d{4}-\d{2}) entered: (?P<names>.+)"), _("reach %(month)s entered: %(names)s")),
    (
        re.compile(r"reach (?P<month>\d{4}-\d{2}) corrected: (?P<name>.+) \((?P<changes>[^()]+)\)"),
        _("reach %(month)s corrected: %(name)s (%(changes)s)"),
    ),
    (re.compile(r"care group (?P<name>.+): overview"), _("seen on the overview of care group %(name)s")),
    (re.compile(r"care group (?P<name>.+): practice page"), _("seen on a practice page of care group %(name)s")),
    (re.compile(r"care group (?P<name>.+): invitation"), _("invitation from care group %(name)s")),
    (re.compile(r"care group (?P<name>.+): joined"), _("joined care group %(name)s")),
    (re.compile(r"care group (?P<name>.+): invitation declined"), _("invitation from care group %(name)s declined")),
    (re.compile(r"care group (?P<name>.+): left"), _("left care group %(name)s")),
]

ROLE_PARTS = {"role", "old", "new"}


def _role_label(value: str) -> str:
    return str(Role(value).label) if value in Role.values else value


def _field_labels(names: str) -> str:
    labels = []
    for name in names.split(", "):
        try:
            labels.append(str(Practice._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:  # a field removed since keeps its stored name
            labels.append(name)
    return ", ".join(labels)


def _reach_changes(changes: str) -> str:
    """The changed counts ("started 3 -> 4, finished 0 -> 1") with their names in the reader's language."""
    parts = []
    for change in changes.split(", "):
        name, _space, values = change.partition(" ")
        try:
            name = str(MonthlyReach._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            pass
        parts.append(f"{name} {values.replace('->', '→')}")
    return ", ".join(parts)


def audit_subject_label(subject: str) -> str:
    """The stored subject in the active language."""
    if subject in FIXED_SUBJECTS:
        return str(FIXED_SUBJECTS[subject])
    for pattern, wording in PATTERNS:
        match = pattern.fullmatch(subject)
        if match:
            parts = match.groupdict()
            for key in ROLE_PARTS & parts.keys():
                parts[key] = _role_label(parts[key])
            if "fields" in parts:
                parts["fields"] = _field_labels(parts["fields"])
            if "changes" in parts:
                parts["changes"] = _reach_changes(parts["changes"])
            return str(wording) % parts
    return subject
