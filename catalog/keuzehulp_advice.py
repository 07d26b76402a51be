"""The patient's advice sheet: which programmes were chosen, what to expect, and a QR code to each."""

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from catalog.keuzehulp import Answers, Guidance, ProgrammeFacts
from catalog.models import Programme
from toolkit.qr import qr_svg

MAX_CHOSEN = 5  # more would not fit one printed page
CHOSEN_KEY = "p"
_SLUG = re.compile(r"^[-\w]{1,200}$", re.ASCII)


def chosen_slugs(query) -> tuple[list[str], bool]:
    """The programme slugs asked for (first MAX_CHOSEN, no repeats) and whether anything was left out."""
    asked = query.getlist(CHOSEN_KEY) if hasattr(query, "getlist") else list(query.get(CHOSEN_KEY, []))
    valid = [value for value in asked if isinstance(value, str) and _SLUG.match(value)]
    slugs = list(dict.fromkeys(valid))
    return slugs[:MAX_CHOSEN], len(valid) < len(asked) or len(slugs) > MAX_CHOSEN


@dataclass(frozen=True)
class SheetItem:
    programme: ProgrammeFacts
    expectations: list[str]
    qr: SafeString | None  # no website, no code


def sheet_items(programmes: list[ProgrammeFacts], answers: Answers) -> list[SheetItem]:
    return [
        SheetItem(
            programme=programme,
            expectations=what_to_expect(programme, answers),
            qr=qr_svg(programme.website, _("QR code for %(name)s") % {"name": programme.name}, css_class="keuzehulp-qr")
            if programme.website
            else None,
        )
        for programme in programmes
    ]


def what_to_expect(programme: ProgrammeFacts, answers: Answers) -> list[str]:
    """Short plain-language sentences for the patient, built only from facts that are known.

    A fact that is not known yet (None, or "unknown") gives no sentence at all, or a sentence that tells the
    patient to ask the practice; there is no fallback that fills it in.
    """
    lines = [*_guidance(programme, answers)]
    if programme.duration_weeks:
        lines.append(
            ngettext("It takes about %(weeks)d week.", "It takes about %(weeks)d weeks.", programme.duration_weeks)
            % {"weeks": programme.duration_weeks}
        )
    devices = [
        label
        for offered, label in [
            (programme.on_web, _("a computer or tablet")),
            (programme.on_ios, _("an iPhone")),
            (programme.on_android, _("an Android phone")),
        ]
        if offered is True
    ]
    if devices:
        lines.append(_("You can use it on: %(devices)s.") % {"devices": ", ".join(devices)})
    lines.append(str(COST_SENTENCES[programme.cost]))
    if programme.anonymous_use is True:
        lines.append(_("You can use it without giving your name."))
    return lines


def _guidance(programme: ProgrammeFacts, answers: Answers) -> list[str]:
    can_be_guided = programme.offers_guided is True or programme.offers_blended is True
    if can_be_guided and (answers.guidance == Guidance.GUIDED or programme.offers_self_help is not True):
        return [_("You do the programme yourself. The POH-ggz follows along and talks it through.")]
    if programme.offers_self_help is True:
        return [_("You work on the programme yourself, at your own pace.")]
    return [_("Ask the practice if someone will help you with it.")]


# One sentence per cost value, and no other: a cost nobody has checked asks the practice instead of guessing.
COST_SENTENCES = {
    Programme.Cost.FREE: gettext_lazy("It is free for you."),
    Programme.Cost.PRACTICE_LICENCE: gettext_lazy("The practice pays for it. It is free for you."),
    Programme.Cost.INSURER: gettext_lazy("Your health insurer often pays for it. Check your policy."),
    Programme.Cost.PATIENT: gettext_lazy("You pay for it yourself."),
    Programme.Cost.UNKNOWN: gettext_lazy("Ask the practice what it costs."),
}


def patient_message(programmes: list[ProgrammeFacts], practice=None) -> str:
    """A short text the GP can paste into an e-mail or the patient portal (plain words, no patient data)."""
    lines = [_("Hello,"), ""]
    lines.append(
        ngettext(
            "As we discussed, you can start with online help. This programme suits you:",
            "As we discussed, you can start with online help. These programmes suit you:",
            len(programmes),
        )
    )
    lines += [f"- {p.name}: {p.website}" if p.website else f"- {p.name}" for p in programmes]
    lines += [
        "",
        _(
            "Try to spend a little time on it every week. Do you have questions, or do you feel worse? "
            "Then contact the practice."
        ),
        _("Thinking about suicide? Call 113 Zelfmoordpreventie on 0800-0113 (free, day and night) or go to 113.nl."),
        "",
        _("Kind regards,"),
    ]
    if practice:
        lines += [line for line in (practice.name, practice.contact_line) if line]
    return "\n".join(lines)
