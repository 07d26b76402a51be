"""Forms of the curators' admin: the publish gate's rules as messages next to the field they are about.

The rules themselves live in catalog.services (one wording for the form and the gate). A verdict other than unknown
is never saved without a source; a programme that is public (published or no longer offered) cannot be edited back
into something the publish gate would have refused.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog import services
from catalog.models import Criterion, Programme

INTERNAL_LABEL = _("Notes for curators (internal: never shown on the site)")


def _relabel(form, labels):
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label


class ProgrammeAdminForm(forms.ModelForm):
    """The admin builds the Meta (model and fields) from ProgrammeAdmin's fieldsets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"internal_notes": INTERNAL_LABEL})

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.status in services.PUBLIC_STATUSES:
            self._keep_the_gate(cleaned)
        if self.instance.status == Programme.Status.WITHDRAWN and "withdrawn_reason" in self.fields:
            if not (cleaned.get("withdrawn_reason") or "").strip():
                self.add_error("withdrawn_reason", str(services.ReasonRequired()))
        return cleaned

    def _keep_the_gate(self, cleaned):
        """A public programme keeps what the gate asked for: a changed field may not undo it (message at the field).

        Provider, summary and themes are required fields anyway; their own errors come first.
        """
        values = {name: cleaned.get(name, getattr(self.instance, name)) for name in services.GATED_FIELDS}
        for field, message in services.field_blockers(values).items():
            changed = set(services.GATED_FIELD_GROUPS[field]) & set(self.changed_data)
            if changed and field in cleaned:
                self.add_error(field, message)


class QualityAssessmentAdminForm(forms.ModelForm):
    """One criterion's verdict: a verdict other than unknown needs a source, or it is not saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, {"curator_notes": INTERNAL_LABEL, "rationale": _("Public rationale (shown on the site)")})

    def clean(self):
        cleaned = super().clean()
        if not self.has_changed():
            return cleaned  # an unchanged assessment is not saved, so nothing new is claimed
        verdict = cleaned.get("verdict")
        criterion = cleaned.get("criterion") or self.instance.criterion
        label = Criterion(criterion).label if criterion in Criterion.values else ""
        if verdict and "sources" in self.fields:
            message = services.verdict_source_blocker(label, verdict, bool(cleaned.get("sources")))
            if message:
                self.add_error("sources", message)
        if verdict and self._programme_is_public(cleaned):
            message = services.unknown_rationale_blocker(label, verdict, cleaned.get("rationale", ""))
            if message:
                self.add_error("rationale", message)
            if not cleaned.get("assessed_on"):
                self.add_error("assessed_on", _("A public programme shows the date of every assessment."))
        return cleaned

    def _programme_is_public(self, cleaned) -> bool:
        programme = cleaned.get("programme")
        if programme is None and self.instance.programme_id:
            programme = self.instance.programme
        return programme is not None and programme.status in services.PUBLIC_STATUSES
