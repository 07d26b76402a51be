"""The POST data of a Django admin form as the page shows it, for tests that submit it back changed."""

from django import forms

# A yes / no / unknown select posts these words; an unknown fact must go back as unknown, not as "no".
NULL_BOOLEAN = {True: "true", False: "false", None: "unknown"}


def form_data(response):
    """The main form and every inline formset of an admin add/change page, with their current values."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if isinstance(field.field, forms.NullBooleanField):
                data[field.html_name] = NULL_BOOLEAN.get(value, value)
                continue
            if value is None or value is False:
                continue
            if value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
