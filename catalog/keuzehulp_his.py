"""The keuzehulp's hand-off to the GP's information system (HIS): a short journal entry in the SOEP layout.

S (subjective), O (objective), E (evaluation, with the ICPC code) and P (plan) are the four lines of a Dutch GP's
journal entry. This builds that text from the GP's answers and the chosen programmes only: no patient name, and
nothing is stored or logged; the GP copies it into the record. Pure: the caller passes in plain data.

The ICPC codes and their Dutch labels are catalogue data (Theme.icpc_codes; docs/icpc.md names their source). The
follow-up line names no interval: the NHG-Standaarden Depressie and Angst call for checking how complaints develop
(controle van het beloop), but the portal's sources give no number of weeks for online self-help, so none is said.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from catalog.keuzehulp import Answers, Guidance, ProgrammeFacts, Severity


@dataclass(frozen=True)
class IcpcLabel:
    code: str
    title: str

    def __str__(self):
        return f"{self.code} {self.title}"


@dataclass(frozen=True)
class HisTheme:
    """The chosen complaint: its name and the ICPC codes a curator linked to it (possibly none)."""

    name: str
    codes: tuple[IcpcLabel, ...] = ()


def guidance_phrase(programme: ProgrammeFacts, answers: Answers) -> str:
    """Guided by the POH-ggz, alone, or not known: the same reading as the advice sheet's sentence for the patient."""
    can_be_guided = programme.offers_guided is True or programme.offers_blended is True
    if can_be_guided and (answers.guidance == Guidance.GUIDED or programme.offers_self_help is not True):
        return _("guided by the POH-ggz")
    if programme.offers_self_help is True:
        return _("self-help without guidance")
    return _("guidance not known yet")


def his_entry(theme: HisTheme | None, programmes: list[ProgrammeFacts], answers: Answers) -> str:
    """The journal entry as plain text, one SOEP line each (P continues with one line per programme)."""
    return "\n".join(
        [
            _subjective(theme, answers),
            _("O: (to be completed)"),
            _evaluation(theme),
            _("P: Online self-help (e-mental health) agreed:"),
            *[_programme_line(programme, answers) for programme in programmes],
            _("Follow-up: appointment with the POH-ggz to discuss how it is going."),
            _("If worse: contact the practice; in a crisis 113 (0800-0113) or the GP out-of-hours service."),
        ]
    )


def _subjective(theme: HisTheme | None, answers: Answers) -> str:
    parts = [
        _("S: Request for help: %(theme)s.") % {"theme": theme.name.lower()} if theme else _("S: Request for help.")
    ]
    if answers.severity and answers.severity != Severity.SEVERE:
        parts.append(_("Severity: %(severity)s.") % {"severity": str(Severity(answers.severity).label).lower()})
    if answers.has_red_flag:
        parts.append(_("Warning signs: %(signs)s.") % {"signs": ", ".join(answers.red_flag_labels).lower()})
    return " ".join(parts)


def _evaluation(theme: HisTheme | None) -> str:
    if theme is None:
        return _("E: (ICPC code to be completed)")
    if not theme.codes:
        return _("E: %(theme)s (no ICPC code in the catalogue; to be completed)") % {"theme": theme.name}
    codes = "; ".join(str(code) for code in theme.codes)
    if len(theme.codes) == 1:
        return _("E: ICPC %(codes)s") % {"codes": codes}
    return _("E: ICPC %(codes)s (choose the one that fits)") % {"codes": codes}


def _programme_line(programme: ProgrammeFacts, answers: Answers) -> str:
    where = f": {programme.website}" if programme.website else ""
    return f"- {programme.name}{where} ({guidance_phrase(programme, answers)})"
