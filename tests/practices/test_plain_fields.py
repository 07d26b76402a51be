"""The menu page's plain fields have crispy-forms' elements and attributes, and its error messages unchanged."""

from html.parser import HTMLParser

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.utils import translation

from practices.forms import MenuItemForm, ProgrammeSearchForm
from practices.templatetags.plain_fields import _widget, plain_field


class _Tree(HTMLParser):
    """Tags with their attributes (classes as a set) and the text, whitespace collapsed: what a browser reads."""

    def __init__(self, html):
        super().__init__()
        self.parts = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: set(value.split()) if name == "class" else value for name, value in attrs}
        self.parts.append((tag, sorted(attrs.items(), key=lambda pair: pair[0])))

    def handle_endtag(self, tag):
        self.parts.append(f"/{tag}")

    def handle_data(self, data):
        if data.split():
            self.parts.append(" ".join(data.split()))


def _forms():
    return [
        MenuItemForm(prefix="item3"),
        MenuItemForm(
            {"item3-guided_by": "poh_ggz", "item3-position": "2", "item3-note": "Dinsdag <b>"}, prefix="item3"
        ),
        MenuItemForm({"item3-guided_by": "nee", "item3-position": "0", "item3-licence_arranged": "on"}, prefix="item3"),
        ProgrammeSearchForm({"q": "slaap & rust"}),
        ProgrammeSearchForm(),
    ]


@pytest.mark.parametrize("form", _forms(), ids=["unbound", "valid", "errors", "search", "search unbound"])
def test_plain_fields_read_as_cripsy_fields(form):
    with translation.override("nl"):
        form.is_bound and form.is_valid()
        for field in form:
            plain = plain_field(field)
            assert _Tree(plain).parts == _Tree(as_crispy_field(field)).parts, field.name
            # Written by the filter itself, not by crispy's templates (which start with white space), unless in error.
            assert plain.startswith("<") != bool(field.errors), field.name


@pytest.mark.parametrize("form", _forms(), ids=["unbound", "valid", "errors", "search", "search unbound"])
def test_plain_widgets_are_djangos_widget_html_byte_for_byte(form):
    with translation.override("nl"):
        form.is_bound and form.is_valid()
        for field in form:
            css = f"{field.field.widget.attrs.get('class', '')} extra".strip()
            assert _widget(field, "extra") == field.as_widget(attrs={"class": css}), field.name
