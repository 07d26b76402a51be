"""The task split rule: each task has exactly one responsible role, and supporting roles besides that one."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.models import Role, Task


@dataclass(frozen=True)
class TaskParts:
    responsible: tuple[str, ...] = ()
    supporting: tuple[str, ...] = field(default_factory=tuple)


def _role_names(roles: Iterable[str]) -> str:
    labels = dict(Role.choices)
    return ", ".join(str(labels.get(role, role)) for role in roles)


def task_split_problems(parts: Mapping[str, TaskParts]) -> dict[str, list[str]]:
    """Per task, what is wrong with the roles given for it (empty when the split is sound).

    Checked twice with the same words: by the form, next to each task, and by the service, which refuses
    anything that did not pass.
    """
    problems: dict[str, list[str]] = {}
    for task in Task.values:
        task_parts = parts.get(task, TaskParts())
        messages = []
        unknown = [role for role in (*task_parts.responsible, *task_parts.supporting) if role not in Role.values]
        if unknown:
            messages.append(_("Unknown role."))
        responsible = [role for role in task_parts.responsible if role in Role.values]
        if not responsible and not unknown:
            messages.append(_("Choose the one role that is responsible for this task."))
        elif len(set(responsible)) > 1:
            messages.append(
                format_lazy(
                    _("Only one role can be responsible for a task; now it is {roles}."),
                    roles=_role_names(dict.fromkeys(responsible)),
                )
            )
        both = [role for role in dict.fromkeys(responsible) if role in task_parts.supporting]
        if both:
            messages.append(
                format_lazy(
                    _("{roles} cannot be responsible and supporting at the same time."),
                    roles=_role_names(both),
                )
            )
        if messages:
            problems[task] = messages
    return problems


def is_complete(parts: Mapping[str, TaskParts]) -> bool:
    return not task_split_problems(parts)


# A starting point the practice accepts with one click and then adapts. The Trimbos inventory (first seed
# document) asks GP and POH-ggz to agree who signals, who refers and who guides; the Keurmerk Kortdurende GGZ
# eHealth guidance (second seed document) asks for guidance with feedback in a block planned at least weekly. So
# the GP signals, discusses and refers, and the POH-ggz activates, guides, follows and evaluates; the remaining
# tasks follow from who sees the patient at that moment. The feedback block's day and length are left to the
# practice: the sources give no figure for them.
SUGGESTED_SPLIT: dict[str, TaskParts] = {
    Task.SIGNALLING: TaskParts((Role.HUISARTS,), (Role.POH_GGZ,)),
    Task.DISCUSSING: TaskParts((Role.HUISARTS,), (Role.POH_GGZ,)),
    Task.OFFERING: TaskParts((Role.HUISARTS,), (Role.POH_GGZ,)),
    Task.ACTIVATING: TaskParts((Role.POH_GGZ,), (Role.ASSISTANT,)),
    Task.GUIDANCE: TaskParts((Role.POH_GGZ,)),
    Task.MONITORING: TaskParts((Role.POH_GGZ,)),
    Task.EVALUATING: TaskParts((Role.POH_GGZ,), (Role.HUISARTS,)),
    Task.REPORTING: TaskParts((Role.POH_GGZ,)),
    Task.TECHNICAL_HELP: TaskParts((Role.ASSISTANT,), (Role.POH_GGZ,)),
    Task.CRISIS: TaskParts((Role.HUISARTS,), (Role.POH_GGZ,)),
}
