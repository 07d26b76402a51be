"""The page where a person chooses which reminder e-mails to receive (/account/herinneringen/)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import ReminderOptOut
from accounts.reminders import jobs_for


def _form_class(jobs):
    fields = {job.kind: forms.BooleanField(label=job.label, help_text=job.help_text, required=False) for job in jobs}
    return type("ReminderSettingsForm", (forms.Form,), fields)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reminder_settings(request):
    jobs = jobs_for(request.user)
    opted_out = set(ReminderOptOut.objects.filter(user=request.user).values_list("kind", flat=True))
    form_class = _form_class(jobs)
    form = form_class(
        request.POST if request.method == "POST" else None,
        initial={job.kind: job.kind not in opted_out for job in jobs},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for job in jobs:
                if form.cleaned_data[job.kind]:
                    ReminderOptOut.objects.filter(user=request.user, kind=job.kind).delete()
                else:
                    ReminderOptOut.objects.get_or_create(user=request.user, kind=job.kind)
        messages.success(request, _("Your choice of reminders is saved."))
        return redirect("reminder_settings")
    return render(request, "accounts/reminder_settings.html", {"form": form, "jobs": jobs})
