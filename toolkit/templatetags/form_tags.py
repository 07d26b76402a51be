"""The one error pattern for every form: a summary at the top that links to each field in error (GOV.UK style)."""

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class SummaryEntry:
    message: str
    label: str = ""
    anchor: str = ""  # the id of the element the link moves focus to; empty for errors of the whole form


def field_anchor(bound: forms.BoundField) -> str:
    """The id to link to: the input itself, or the first option of a group of radio buttons or checkboxes."""
    if not bound.auto_id:
        return ""
    if bound.field.widget.use_fieldset:
        return f"{bound.auto_id}_0"
    return bound.id_for_label or bound.auto_id


def summary_entries(*forms_: forms.BaseForm | None) -> list[SummaryEntry]:
    """Every error of the given forms in page order, each field's message linked to that field."""
    entries = []
    for form in forms_:
        if form is None or not form.is_bound or not form.errors:
            continue
        for error in form.non_field_errors():
            entries.append(SummaryEntry(message=error))
        for bound in form:
            for error in bound.errors:
                if bound.is_hidden:
                    entries.append(SummaryEntry(message=error))
                else:
                    entries.append(SummaryEntry(message=error, label=bound.label, anchor=field_anchor(bound)))
    return entries


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms_, saved=False, stores=True):
    """`{% error_summary form %}` (or several forms): nothing when there are no errors.

    `saved=True` when the input was kept as a draft although the action asked for was refused; `stores=False` for
    a form that saves nothing anyway (log-in, a look-up), where "nothing has been saved" would puzzle.
    """
    return {"entries": summary_entries(*forms_), "saved": saved, "stores": stores}
