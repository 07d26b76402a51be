"""The keuzehulp form's plain widgets write exactly the HTML Django's widget templates write."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation

from catalog.forms import KeuzehulpForm
from catalog.keuzehulp import AnswerOptions
from catalog.plain_widgets import PlainRenderMixin, PlainSelect

OPTIONS = AnswerOptions(
    themes={"angst": "Angst & paniek", "depressie": 'Depressieve "klachten"'},
    languages={"nl": "Nederlands", "tr": "Turks", "xx": "<b>Onbekend</b>"},
    home_languages=frozenset({"nl"}),
)


def _no_templates(*args, **kwargs):
    raise AssertionError("a plain widget went to Django's widget templates")


def _rendered(initial):
    return render_to_string("catalog/keuzehulp/_form.html", {"form": KeuzehulpForm(options=OPTIONS, initial=initial)})


@pytest.mark.parametrize(
    "initial",
    [
        {},
        {"language": "nl"},
        {"theme": "angst", "severity": "moderate", "age": "older", "language": "xx", "reading": "low"},
        {"guidance": "alone", "device": "ios", "anonymous": True, "strength": True, "flag": ["suicidal", "crisis"]},
    ],
)
def test_the_form_is_the_same_html_as_through_djangos_templates(initial, monkeypatch):
    with translation.override("nl"):
        with monkeypatch.context() as patched:
            patched.setattr(forms.Widget, "_render", _no_templates)
            plain = _rendered(initial)
        monkeypatch.setattr(PlainRenderMixin, "_render", forms.Widget._render)
        assert plain == _rendered(initial)
    assert "selected" in plain or not initial.get("language")


def test_optgroups_and_attributes_follow_djangos_templates_too(monkeypatch):
    widget = PlainSelect(
        attrs={"class": "form-select", "required": True, "disabled": False, "data-x": '"q"'},
        choices=[("", "Geen"), ("Groep <1>", [("a", "A & B"), (1, "Een")])],
    )
    with monkeypatch.context() as patched:
        patched.setattr(forms.Widget, "_render", _no_templates)
        plain = widget.render("veld", "a", attrs={"id": "id_veld"})
    monkeypatch.setattr(PlainRenderMixin, "_render", forms.Widget._render)
    assert plain == widget.render("veld", "a", attrs={"id": "id_veld"})
    assert "<optgroup" in plain
