"""How the public pages say a programme's facts: yes, no or not known yet; a value nobody checked is never an answer.

The yes/no facts are nullable (catalog.models.FactField) and the choice facts have an "unknown" choice. These small
functions turn them into what a page shows, so the overview, the detail page and the comparison say it alike.
"""

from dataclasses import dataclass

from django.utils.text import capfirst

UNKNOWN = "unknown"

# Facts shown as a group: the options a programme may offer side by side (it can offer more than one).
FLAG_GROUPS = {
    "delivery": ("offers_self_help", "offers_guided", "offers_blended"),
    "platforms": ("on_web", "on_ios", "on_android"),
    "severity": ("suits_mild", "suits_moderate"),
}


@dataclass(frozen=True)
class FlagSummary:
    """The options of one group split by what is known: offered, not offered, not known yet."""

    yes: tuple[str, ...]
    no: tuple[str, ...]
    unknown: tuple[str, ...]

    @property
    def all_unknown(self) -> bool:
        return not self.yes and not self.no

    @property
    def none_offered(self) -> bool:
        """Every option is known and none is offered."""
        return not self.yes and not self.unknown


def _label(programme, field_name: str) -> str:
    label = str(programme._meta.get_field(field_name).verbose_name)
    # "iOS app" must not become "IOS app".
    return label if label[1:2].isupper() else capfirst(label)


def flag_summary(programme, group: str) -> FlagSummary:
    """Which options of `group` (a FLAG_GROUPS key) the programme offers, does not offer, or nobody knows yet."""
    split = {True: [], False: [], None: []}
    for name in FLAG_GROUPS[group]:
        split[getattr(programme, name)].append(_label(programme, name))
    return FlagSummary(tuple(split[True]), tuple(split[False]), tuple(split[None]))


def is_unknown_choice(value) -> bool:
    """A choice fact (cost, reading level, approach, CE class) that no source has settled yet."""
    return value in (None, "", UNKNOWN)
