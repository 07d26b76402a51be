"""Forms of the training app: answering a quiz and looking up a certificate."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.codes import normalise_code


class QuizForm(forms.Form):
    """One field per question: radio buttons when one answer is right, check boxes when several are."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            # The attempt's shuffled order when training.quiz_rules.shuffle set it, else the curators' order.
            ordered = getattr(question, "ordered_choices", None) or list(question.choices.all())
            choices = [(str(choice.pk), choice.text) for choice in ordered]
            multiple = sum(choice.is_correct for choice in ordered) > 1
            if multiple:
                field = forms.MultipleChoiceField(
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                    error_messages={"required": _("Choose at least one answer.")},
                    help_text=_("More than one answer is correct: tick all that apply."),
                )
            else:
                field = forms.ChoiceField(
                    choices=choices,
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    error_messages={"required": _("Choose an answer.")},
                    help_text=_("Choose one answer."),
                )
            field.label = question.text
            field.question = question
            self.fields[self.field_name(question)] = field

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    def answers(self) -> dict[int, set[int]]:
        """{question id: {chosen choice ids}} from the cleaned data."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question)) or []
            values = [value] if isinstance(value, str) else value
            result[question.pk] = {int(choice_id) for choice_id in values}
        return result


class CertificateLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=30,
        help_text=_("The code printed on the certificate, for example K7QM-2XRD-9HTA."),
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("A code has twelve letters and digits, in three groups of four."))
        return code
