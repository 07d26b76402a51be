"""Choosing a practice, the workspace pages (all through practices.scoping.practice_view), the public patient pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog.models import Programme
from catalog.overview_cache import catalogue_revision
from practices import selectors, services
from practices.care_groups import care_groups_of
from practices.charts import bar_chart
from practices.forms import (
    MenuAddForm,
    MenuItemForm,
    PopulationForm,
    ProgrammeSearchForm,
    TaskSplitForm,
    VisionAdoptForm,
    VisionForm,
)
from practices.menu_sections import items_section, suggestions_section
from practices.models import Role, VisionVersion
from practices.permissions import Capability
from practices.prevalence import (
    AGE_RANGE,
    PREVALENCE_12_MONTH,
    REACH_EXPECTED,
    REACH_TODAY,
    SOURCE,
    SOURCE_DETAIL,
)
from practices.roadmap import roadmap_for
from practices.scoping import practice_view
from practices.task_split import SUGGESTED_SPLIT
from practices.vision import SECTION_KEYS, VISION_SECTIONS, compare_sections
from toolkit.qr import qr_svg

# The name search under the menu lists at most this many programmes; a longer name narrows it down.
MENU_SEARCH_LIMIT = 20
# The sources advise starting small; above this the menu page warns (it never blocks).
ADVISED_MAX_PROGRAMMES = 3


def _back(request, name):
    return redirect(f"practices:{name}", practice_slug=request.practice.slug)


@require_GET
@login_required
def choose(request):
    """Where log-in leads: one practice opens straight away, several are listed to switch between."""
    memberships = list(selectors.memberships_of(request.user))
    coordinated = list(care_groups_of(request.user))
    if len(memberships) == 1 and not coordinated:
        return redirect(memberships[0].practice)
    if len(coordinated) == 1 and not memberships:
        return redirect(coordinated[0])
    current = selectors.current_membership(request)
    context = {"memberships": memberships, "current": current, "care_groups": coordinated}
    return render(request, "practices/choose.html", context)


@practice_view(audit_subject="dashboard")
@require_GET
def dashboard(request):
    return render(
        request,
        "practices/dashboard.html",
        {
            "practice": request.practice,
            "roadmap": roadmap_for(request.practice),
            "withdrawn_items": list(selectors.withdrawn_menu_items(request.practice)),
        },
    )


# Vision -----------------------------------------------------------------------------------------------------


def _vision_page(request, form, *, conflict=None, status=200, text_saved=False):
    practice = request.practice
    latest = selectors.vision_latest(practice)
    draft = latest if latest is not None and latest.status == VisionVersion.Status.DRAFT else None
    context = {
        # Adopting saves the form first, so it may start from no draft: it then becomes the next version.
        "adopt_number": draft.number if draft else (latest.number + 1 if latest else 1),
        "text_saved": text_saved,
        "practice": practice,
        "form": form,
        "latest": latest,
        "draft": draft,
        "last_adopted": selectors.vision_last_adopted(practice),
        "conflict": conflict,
    }
    return render(request, "practices/vision.html", context, status=status)


@practice_view(audit_subject="vision")
@require_http_methods(["GET", "HEAD", "POST"])
def vision(request):
    """The vision form: continue the draft, or start a new one from the last adopted version."""
    if request.method != "POST":
        latest = selectors.vision_latest(request.practice)
        initial = {**(latest.sections if latest else {}), "base_revision": latest.revision if latest else 0}
        return _vision_page(request, VisionForm(initial=initial))
    form = VisionForm(request.POST)
    if not form.is_valid():
        return _vision_page(request, form)
    try:
        version = services.vision_save_draft(
            practice=request.practice,
            by=request.user,
            sections=form.sections(),
            base_revision=form.cleaned_data["base_revision"],
        )
    except services.VisionConflict as conflict:
        return _vision_conflict(request, form, conflict.current)
    if version.status == VisionVersion.Status.DRAFT:
        messages.success(request, _("Draft saved. You can continue later."))
    else:
        messages.info(request, _("Nothing changed, so nothing was saved."))
    return _back(request, "vision")


def _vision_conflict(request, form, current):
    """Keep the user's text, point the form at what is saved now, and show per section what differs."""
    data = request.POST.copy()
    data["base_revision"] = current.revision if current else 0
    merged_form = VisionForm(data)
    merged_form.is_valid()
    conflict = {
        "current": current,
        "sections": compare_sections(current.sections if current else {}, form.sections()),
    }
    return _vision_page(request, merged_form, conflict=conflict, status=409)


@practice_view(capability=Capability.ADOPT_VISION)
@require_POST
def vision_adopt(request):
    """Adopt from the vision page: what the form holds is saved first, so unsaved text is never thrown away."""
    if not any(key in request.POST for key in SECTION_KEYS):
        return _vision_adopt_saved_draft(request)
    form = VisionForm(request.POST)
    if not form.is_valid():
        return _vision_page(request, form)
    try:
        version = services.vision_save_and_adopt(
            practice=request.practice,
            by=request.user,
            sections=form.sections(),
            base_revision=form.cleaned_data["base_revision"],
        )
    except services.VisionConflict as conflict:
        return _vision_conflict(request, form, conflict.current)
    except services.VisionIncomplete as incomplete:
        return _vision_incomplete(request, incomplete.empty_keys)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, format_lazy(_("Version {number} of the vision is adopted."), number=version.number))
    return _back(request, "vision")


def _vision_incomplete(request, empty_keys):
    """The text is saved as the draft; show it again with every empty section marked, ready to finish and adopt."""
    latest = selectors.vision_latest(request.practice)
    data = request.POST.copy()
    data["base_revision"] = latest.revision if latest else 0
    form = VisionForm(data)
    form.is_valid()
    for key in empty_keys:
        form.add_error(key, _("Fill in this section before the vision can be adopted."))
    return _vision_page(request, form, text_saved=True)


def _vision_adopt_saved_draft(request):
    """Adopt the draft as last saved (a form that only names the revision the adopter read)."""
    form = VisionAdoptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Adopting did not work; please try again."))
        return _back(request, "vision")
    try:
        version = services.vision_adopt(
            practice=request.practice, by=request.user, revision=form.cleaned_data["revision"]
        )
    except services.VisionConflict:
        messages.error(request, _("The draft was changed after you opened this page. Read it again, then adopt it."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, format_lazy(_("Version {number} of the vision is adopted."), number=version.number))
    return _back(request, "vision")


@practice_view(audit_subject="vision versions")
@require_GET
def vision_versions(request):
    return render(
        request,
        "practices/vision_versions.html",
        {"practice": request.practice, "versions": selectors.vision_adopted_versions(request.practice)},
    )


def _vision_document(request, version):
    sections = [{"title": section.title, "text": version.text(section.key)} for section in VISION_SECTIONS]
    context = {"practice": request.practice, "version": version, "sections": sections}
    return render(request, "practices/vision_document.html", context)


@practice_view(audit_subject="vision version")
@require_GET
def vision_version(request, number):
    version = get_object_or_404(selectors.vision_adopted_versions(request.practice), number=number)
    return _vision_document(request, version)


@practice_view(audit_subject="vision print")
@require_GET
def vision_print(request):
    version = selectors.vision_last_adopted(request.practice)
    if version is None:
        raise Http404
    return _vision_document(request, version)


# Task split -------------------------------------------------------------------------------------------------


@practice_view(audit_subject="task split")
@require_http_methods(["GET", "HEAD", "POST"])
def task_split(request):
    practice = request.practice
    if request.method == "POST":
        form = TaskSplitForm(request.POST)
        if form.is_valid():
            services.task_split_save(
                practice=practice,
                by=request.user,
                parts=form.parts(),
                feedback_day=form.cleaned_data["feedback_day"],
                feedback_minutes=form.cleaned_data["feedback_minutes"],
            )
            messages.success(request, _("Task split saved."))
            return _back(request, "task_split")
    else:
        # ?suggestion=1 fills the matrix with the suggested split, to adapt and save; nothing is saved by it.
        parts = SUGGESTED_SPLIT if request.GET.get("suggestion") == "1" else selectors.task_split_parts(practice)
        form = TaskSplitForm(initial=TaskSplitForm.initial_from(parts, selectors.task_split_settings(practice)))
    context = {
        "practice": practice,
        "form": form,
        "roles": Role,
        "showing_suggestion": request.method != "POST" and request.GET.get("suggestion") == "1",
    }
    return render(request, "practices/task_split.html", context)


# Population and prevalence ----------------------------------------------------------------------------------


@practice_view(audit_subject="population")
@require_http_methods(["GET", "HEAD", "POST"])
def population(request):
    practice = request.practice
    profile = selectors.population_profile(practice)
    if request.method == "POST":
        form = PopulationForm(request.POST, instance=profile)
        if form.is_valid():
            data = {name: value for name, value in form.cleaned_data.items() if name != "languages"}
            services.population_save(
                practice=practice, by=request.user, languages=form.cleaned_data["languages"], **data
            )
            messages.success(request, _("Population profile saved."))
            return _back(request, "population")
    else:
        form = PopulationForm(instance=profile)
    estimates = selectors.population_estimates(profile)
    context = {
        "practice": practice,
        "form": form,
        "profile": profile,
        "estimates": estimates,
        "chart": bar_chart(estimates) if estimates else None,
        "figures": PREVALENCE_12_MONTH,
        "source": SOURCE,
        "source_detail": SOURCE_DETAIL,
        "age_range": AGE_RANGE,
        "reach_today": REACH_TODAY,
        "reach_expected": REACH_EXPECTED,
    }
    return render(request, "practices/population.html", context)


# Programme menu ---------------------------------------------------------------------------------------------


def _menu_page(request, *, add_form=None, failed_item_form=None, status=200):
    practice = request.practice
    items = list(selectors.menu_items(practice))
    facts = selectors.population_facts_of(practice)
    on_menu = {item.programme_id for item in items}
    revision = catalogue_revision()
    search = ProgrammeSearchForm(request.GET)
    name = search.cleaned_data["q"].strip() if search.is_valid() else ""
    matches, more_matches = selectors.programmes_to_add(practice, name, MENU_SEARCH_LIMIT) if name else ([], False)
    context = {
        "practice": practice,
        "items_section": items_section(request, revision, practice, items, failed_item_form),
        "item_count": len(items),
        # Only a refused add or item update has errors to show; the other item forms are never bound.
        "add_form": add_form,
        "failed_item_form": failed_item_form,
        "search_form": search,
        "searched_name": name,
        "matches": matches,
        "more_matches": more_matches,
        "suggestions_section": suggestions_section(request, revision, practice, facts, on_menu),
        "too_many": len(items) > ADVISED_MAX_PROGRAMMES,
        "advised_max": ADVISED_MAX_PROGRAMMES,
    }
    return render(request, "practices/menu.html", context, status=status)


@practice_view(audit_subject="programme menu")
@require_GET
def menu(request):
    return _menu_page(request)


@practice_view()
@require_POST
def menu_add(request):
    form = MenuAddForm(request.POST, practice=request.practice)
    if not form.is_valid():
        return _menu_page(request, add_form=form)
    try:
        item = services.menu_add(practice=request.practice, by=request.user, programme=form.cleaned_data["programme"])
    except ValidationError as error:
        form.add_error("programme", error)
        return _menu_page(request, add_form=form)
    _say_added(request, item)
    return _back(request, "menu")


def _say_added(request, item):
    messages.success(request, format_lazy(_("{name} is on your menu."), name=item.programme.name))
    count = selectors.menu_item_count(request.practice)
    if count > ADVISED_MAX_PROGRAMMES:
        messages.warning(
            request,
            format_lazy(
                _("You now offer {count} programmes. Starting with 1 to 3 keeps it manageable for the team."),
                count=count,
            ),
        )


@practice_view()
@require_POST
def menu_add_programme(request):
    """Put a programme on the menu from where the member met it (its catalogue page, the keuzehulp), and go back."""
    programme = get_object_or_404(Programme.objects.published(), slug=request.POST.get("programme", ""))
    try:
        item = services.menu_add(practice=request.practice, by=request.user, programme=programme)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        _say_added(request, item)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = programme.get_absolute_url()
    return redirect(back)


def _menu_item(request, item_id):
    item = selectors.menu_item_for(request.practice, item_id)
    if item is None:
        raise Http404
    return item


@practice_view()
@require_POST
def menu_item_update(request, item_id):
    item = _menu_item(request, item_id)
    form = MenuItemForm(request.POST, instance=item, prefix=f"item{item.pk}")
    if not form.is_valid():
        return _menu_page(request, failed_item_form=form)
    services.menu_item_update(item=item, by=request.user, **form.cleaned_data)
    messages.success(request, format_lazy(_("Saved: {name}."), name=item.programme.name))
    return _back(request, "menu")


@practice_view()
@require_POST
def menu_item_remove(request, item_id):
    item = _menu_item(request, item_id)
    services.menu_item_remove(item=item, by=request.user)
    messages.success(request, format_lazy(_("{name} is no longer on your menu."), name=item.programme.name))
    return _back(request, "menu")


# Patient page: settings in the workspace, the pages themselves in public ----------------------------------


@practice_view(audit_subject="patient page settings")
@require_GET
def patient_page_settings(request):
    context = {
        "practice": request.practice,
        "item_count": selectors.patient_page_items(request.practice).count(),
    }
    return render(request, "practices/patient_page_settings.html", context)


@practice_view(capability=Capability.PUBLISH_PATIENT_PAGE)
@require_POST
def patient_page_publish(request):
    published = request.POST.get("published") == "1"
    services.patient_page_publish(practice=request.practice, by=request.user, published=published)
    # No flash message: the settings page states whether the page is public, and saying it twice was noise.
    return _back(request, "patient_page_settings")


def _public(practice_slug, template, request):
    """The public pages: no login, no cookies, nothing about patients; just the chosen programmes."""
    practice = selectors.public_practice(practice_slug)
    if practice is None:
        raise Http404
    items = [
        (item, qr_svg(item.programme.website, _("QR code to %(name)s") % {"name": item.programme.name}))
        if item.programme.website
        else (item, None)
        for item in selectors.patient_page_items(practice)
    ]
    return render(request, template, {"practice": practice, "items": items})


@require_GET
def patient_page(request, practice_slug):
    return _public(practice_slug, "practices/public/patient_page.html", request)


@require_GET
def patient_leaflet(request, practice_slug):
    return _public(practice_slug, "practices/public/leaflet.html", request)


@require_GET
def patient_screen(request, practice_slug):
    return _public(practice_slug, "practices/public/screen.html", request)
