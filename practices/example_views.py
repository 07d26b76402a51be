"""Examples from practice: the library of shared visions and task splits, sharing one's own, starting from one.

Every page is under the reader's own practice (/praktijk/<slug>/voorbeelden/), so it goes through practice_view
like any workspace page; what it shows of another practice is only what that practice shared.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from practices import selectors, services
from practices.forms import DraftFromExampleForm, ExampleShareForm
from practices.models import Role, SharedExample, Task, Weekday
from practices.permissions import Capability
from practices.scoping import practice_view
from practices.vision import VISION_SECTIONS


@practice_view(audit_subject="shared examples")
@require_GET
def examples(request):
    return render(
        request,
        "practices/examples.html",
        {
            "practice": request.practice,
            "examples": selectors.shared_examples(),
            "own_example": SharedExample.objects.filter(practice=request.practice).first(),
        },
    )


def _task_rows(example):
    roles = dict(Role.choices)
    rows = []
    for task, label in Task.choices:
        parts = example.task_split.get(task)
        if parts:
            supporting = ", ".join(str(roles.get(role, role)) for role in parts.get("supporting", []))
            rows.append(
                {"task": label, "responsible": roles.get(parts.get("responsible"), ""), "supporting": supporting}
            )
    return rows


@practice_view(audit_subject="shared example")
@require_GET
def example_detail(request, example_id):
    example = get_object_or_404(selectors.shared_examples(), pk=example_id)
    latest = selectors.vision_latest(request.practice)
    context = {
        "practice": request.practice,
        "example": example,
        "sections": [
            {"title": section.title, "text": example.sections.get(section.key, "")} for section in VISION_SECTIONS
        ],
        "task_rows": _task_rows(example),
        "feedback_day": Weekday(example.feedback_day).label if example.feedback_day else None,
        "own_draft": latest if latest is not None and not latest.is_adopted else None,
        "form": DraftFromExampleForm(initial={"base_revision": latest.revision if latest else 0}),
    }
    return render(request, "practices/example_detail.html", context)


@practice_view(audit_subject="vision draft from example")
@require_POST
def example_start_draft(request, example_id):
    example = get_object_or_404(selectors.shared_examples(), pk=example_id)
    form = DraftFromExampleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Starting from the example did not work; please try again."))
        return redirect("practices:example_detail", practice_slug=request.practice.slug, example_id=example.pk)
    try:
        services.vision_draft_from_example(
            practice=request.practice,
            by=request.user,
            example=example,
            base_revision=form.cleaned_data["base_revision"],
        )
    except services.VisionConflict:
        messages.error(request, _("Your practice's vision was changed after you opened this page. Look again first."))
        return redirect("practices:example_detail", practice_slug=request.practice.slug, example_id=example.pk)
    messages.success(request, _("The example is copied into your draft. Adapt it to your practice, then adopt it."))
    return redirect("practices:vision", practice_slug=request.practice.slug)


@practice_view(capability=Capability.SHARE_EXAMPLE, audit_subject="share example")
@require_http_methods(["GET", "HEAD", "POST"])
def example_share(request):
    practice = request.practice
    own = SharedExample.objects.filter(practice=practice).first()
    initial = {"show_name": "yes" if own and own.show_name else "no"}
    form = ExampleShareForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.example_share(practice=practice, by=request.user, show_name=form.cleaned_data["show_name"])
        except services.NothingToShare as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your vision and task split are shared as an example."))
            return redirect("practices:examples", practice_slug=practice.slug)
    context = {
        "practice": practice,
        "form": form,
        "own_example": own,
        "last_adopted": selectors.vision_last_adopted(practice),
    }
    return render(request, "practices/example_share.html", context, status=400 if form.errors else 200)


@practice_view(capability=Capability.SHARE_EXAMPLE)
@require_POST
def example_withdraw(request):
    services.example_withdraw(practice=request.practice, by=request.user)
    messages.success(request, _("The example is withdrawn. Other practices can no longer read it."))
    return redirect("practices:examples", practice_slug=request.practice.slug)
