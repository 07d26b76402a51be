"""Form widgets that write Django's own widget HTML in Python instead of through the template engine.

The keuzehulp's form has six selects, four radios and five checkboxes; rendering each option through Django's
widget templates (an include per option, per attribute list) cost about a third of the keuzehulp page before any
result. These widgets give the same HTML, byte for byte (tests/catalog/test_plain_widgets.py compares them with
Django's templates); anything they do not know how to write goes to the templates as before.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _input(widget) -> str:
    """django/forms/widgets/input.html"""
    value = "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
    return f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"{value}' + (
        f"{_attrs(widget['attrs'])}>"
    )


def _option(option) -> str:
    """django/forms/widgets/select_option.html"""
    value = conditional_escape(str(option["value"]))
    return f'<option value="{value}"{_attrs(option["attrs"])}>{conditional_escape(option["label"])}</option>'


def _select(widget) -> str:
    """django/forms/widgets/select.html"""
    html = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _group_index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        html += [f"\n  {_option(option)}\n" for option in group_choices]
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


INPUT_TEMPLATES = {
    "django/forms/widgets/input.html",
    "django/forms/widgets/checkbox.html",
    "django/forms/widgets/text.html",
}
OPTION_TEMPLATES = {"django/forms/widgets/radio_option.html", "django/forms/widgets/checkbox_option.html"}


class PlainRenderMixin:
    def _render(self, template_name, context, renderer=None):
        widget = context.get("widget", {})
        if template_name == "django/forms/widgets/select.html":
            return mark_safe(_select(widget))
        if template_name in INPUT_TEMPLATES or (template_name in OPTION_TEMPLATES and not widget.get("wrap_label")):
            return mark_safe(_input(widget))
        return super()._render(template_name, context, renderer)


class PlainSelect(PlainRenderMixin, forms.Select):
    pass


class PlainRadioSelect(PlainRenderMixin, forms.RadioSelect):
    pass


class PlainCheckboxSelectMultiple(PlainRenderMixin, forms.CheckboxSelectMultiple):
    pass


class PlainCheckboxInput(PlainRenderMixin, forms.CheckboxInput):
    pass
