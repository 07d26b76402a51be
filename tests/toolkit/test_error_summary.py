"""The error summary every form shows: each message linked to the element that takes the focus for its field."""

from django import forms
from django.template import Context, Template

from toolkit.templatetags.form_tags import summary_entries


class _Form(forms.Form):
    token = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label="Naam")
    day = forms.ChoiceField(label="Dag", choices=[("1", "maandag"), ("2", "dinsdag")], widget=forms.RadioSelect)
    extras = forms.MultipleChoiceField(
        label="Extra", choices=[("a", "A")], widget=forms.CheckboxSelectMultiple, required=False
    )

    def clean(self):
        raise forms.ValidationError("Het geheel klopt niet.")


def _render(form, **options):
    arguments = " ".join(f"{key}={value}" for key, value in options.items())
    return Template("{% load form_tags %}{% error_summary form " + arguments + " %}").render(Context({"form": form}))


def test_an_unbound_or_valid_form_shows_no_summary():
    assert _render(_Form()).strip() == ""


def test_each_field_error_links_to_its_input_or_first_option():
    entries = summary_entries(_Form(data={"token": "x", "name": "", "extras": ["z"]}))
    linked = {entry.label: entry.anchor for entry in entries if entry.anchor}
    assert linked == {"Naam": "id_name", "Dag": "id_day_0", "Extra": "id_extras_0"}
    # The form's own error and a hidden field's error are listed without a link: there is nothing to go to.
    unlinked = [str(entry.message) for entry in entries if not entry.anchor]
    assert "Het geheel klopt niet." in unlinked and len(unlinked) == 2


def test_the_summary_is_an_alert_that_takes_the_focus_through_a_script_file():
    html = _render(_Form(data={"name": ""}))
    assert 'role="alert"' in html and 'tabindex="-1"' in html and "data-error-summary" in html
    assert 'href="#id_name"' in html and 'href="#id_day_0"' in html
    assert '<script src="/static/js/error-summary.js" defer></script>' in html
    assert "<script>" not in html  # the Content Security Policy allows no inline script
    assert "Er is nog niets opgeslagen" in html


def test_the_summary_says_when_the_input_was_saved_or_saves_nothing():
    assert "opgeslagen als concept" in _render(_Form(data={}), saved=True)
    assert "Verbeter het volgende" in _render(_Form(data={}), stores=False)
