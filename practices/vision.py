"""The sections of a practice's vision on e-mental health, and the per-section comparison on a conflict."""

import difflib
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class VisionSection:
    key: str
    title: str
    guidance: str


# The order is the order of the form and the printed vision. Adding a section is one entry here.
VISION_SECTIONS = (
    VisionSection(
        "why_and_whom",
        _("Why, and for whom"),
        _(
            "Say what the practice hopes to gain from online self-help and which patients you have in mind, "
            "for example adults with mild depressive or anxiety complaints, or patients who drink more than "
            "is good for them. Your population profile tells you roughly how many they are."
        ),
    ),
    VisionSection(
        "full_treatment",
        _("A full form of prevention and treatment"),
        _(
            "Describe how the practice sees online help, on its own or guided by the POH-ggz: as a real way "
            "to treat complaints and to stop them getting worse, not as a second choice. Say when you offer "
            "it with guidance and when without."
        ),
    ),
    VisionSection(
        "added_value",
        _("Added value, goals and how you will know"),
        _(
            "What does online help add for your patients and for the team? Name two or three concrete goals "
            "(for instance: within a year a third of the patients with mild anxiety complaints is offered a "
            "programme) and say how and when you will check whether you reached them."
        ),
    ),
    VisionSection(
        "replaces_contacts",
        _("Instead of consultations, not on top of them"),
        _(
            "Explain how online work takes the place of part of the face-to-face consultations rather than "
            "adding to them, for example fewer or shorter appointments while a patient works through a "
            "module. Keep room in the agenda for giving feedback."
        ),
    ),
    VisionSection(
        "shared_decision",
        _("Informing patients and deciding together"),
        _(
            "Describe how every patient hears what online help there is and what it can bring, and how you "
            "decide together whether to use it. It is an offer, never an obligation: someone who does not "
            "want it will not get much out of it."
        ),
    ),
    VisionSection(
        "availability",
        _("Available before, during and after treatment"),
        _(
            "Say how patients can start before their first appointment (for example through the practice "
            "website), use the programme during treatment, and keep using it for up to twelve months "
            "afterwards — and what that takes, such as licences and accounts."
        ),
    ),
)
SECTION_KEYS = tuple(section.key for section in VISION_SECTIONS)


@dataclass(frozen=True)
class DiffPart:
    kind: str  # "same", "removed" (only in theirs) or "added" (only in yours)
    text: str


@dataclass(frozen=True)
class SectionConflict:
    section: VisionSection
    theirs: str
    yours: str
    parts: tuple[DiffPart, ...]

    @property
    def differs(self) -> bool:
        return self.theirs != self.yours


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(theirs: str, yours: str) -> tuple[DiffPart, ...]:
    """Word by word, what the saved text (theirs) has that yours lacks and the other way round."""
    a, b = _TOKENS.findall(theirs), _TOKENS.findall(yours)
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", "".join(a[a1:a2])))
            continue
        if a1 < a2:
            parts.append(DiffPart("removed", "".join(a[a1:a2])))
        if b1 < b2:
            parts.append(DiffPart("added", "".join(b[b1:b2])))
    return tuple(parts)


def compare_sections(theirs: dict, yours: dict) -> list[SectionConflict]:
    """Every section side by side: the text saved by a colleague meanwhile and the text in the user's form."""
    return [
        SectionConflict(
            section=section,
            theirs=theirs.get(section.key, ""),
            yours=yours.get(section.key, ""),
            parts=word_diff(theirs.get(section.key, ""), yours.get(section.key, "")),
        )
        for section in VISION_SECTIONS
    ]
