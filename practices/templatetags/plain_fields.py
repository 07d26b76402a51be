"""`plain_field`: crispy-forms' Bootstrap 5 markup for a simple form field, written in Python.

as_crispy_field renders a field through a dozen nested templates; the menu page renders four fields per menu item,
which was about a third of the page's time. For a text, number or select field or a plain checkbox without errors this
filter writes the same elements and attributes (tests/practices/test_plain_fields.py compares them with crispy);
a field with errors, or any other widget, still goes through crispy, which words and links the error messages.
The input or select itself is written in Python too, with Django's own widget HTML (catalog/plain_widgets.py, tested
byte for byte there): through Django's widget templates it was another third of the menu page's rendering.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from catalog.plain_widgets import _input, _select

register = template.Library()

# crispy adds the input type as a class: "textinput", "numberinput", "checkboxinput".
TYPE_CLASSES = {forms.TextInput: "textinput", forms.NumberInput: "numberinput", forms.CheckboxInput: "checkboxinput"}


def _widget(field, extra_class=""):
    """field.as_widget() for a text, number, select or checkbox widget, without its templates."""
    widget = field.field.widget
    css = " ".join(part for part in (widget.attrs.get("class", ""), extra_class) if part)
    if field.field.localize:
        return field.as_widget(attrs={"class": css} if css else None)
    attrs = field.build_widget_attrs({"class": css} if css else {}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    return mark_safe(_select(context) if isinstance(widget, forms.Select) else _input(context))  # noqa: S308


def _help(field) -> str:
    if not field.help_text:
        return ""
    return format_html('<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text)


@register.filter
def plain_field(field):
    widget = field.field.widget
    kind = type(widget)
    if field.errors or field.field.disabled or not field.label or not field.auto_id:
        return as_crispy_field(field)
    required = field.field.required
    asterisk = mark_safe('<span class="asteriskField">*</span>') if required else ""
    if kind is forms.CheckboxInput:
        if field.help_text or required:
            return as_crispy_field(field)
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label">{}</label></div></div>',
            field.auto_id,
            _widget(field, TYPE_CLASSES[kind]),
            field.id_for_label,
            conditional_escape(field.label),
        )
    if kind not in (forms.TextInput, forms.NumberInput, forms.Select):
        return as_crispy_field(field)
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label{}">{}{}</label>{}{}</div>',
        field.auto_id,
        field.id_for_label,
        " requiredField" if required else "",
        conditional_escape(field.label),
        asterisk,
        _widget(field, TYPE_CLASSES.get(kind, "")),
        _help(field),
    )
