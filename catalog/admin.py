"""The curators' admin for the catalogue: programmes with assessments and sources, the workflow behind the publish
gate (buttons on the change form and list actions), history, CSV, and the dead-link list."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Value, When
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm
from import_export.results import RowResult
from simple_history.admin import SimpleHistoryAdmin

from catalog import services
from catalog.admin_forms import ProgrammeAdminForm, QualityAssessmentAdminForm
from catalog.facets import DELIVERY_FIELDS
from catalog.models import (
    REVIEW_INTERVAL,
    ChecklistAnswer,
    ChecklistQuestion,
    Criterion,
    FactSource,
    IcpcCode,
    Language,
    LinkCheck,
    Programme,
    Provider,
    QualityAssessment,
    Resource,
    Source,
    Study,
    TargetGroup,
    Theme,
    Therapy,
)
from catalog.resources import ProgrammeResource, SpreadsheetCSV

# simple-history's own list template carries an inline style, which the Content Security Policy blocks.
HISTORY_LIST_TEMPLATE = "catalog/admin/object_history_list.html"


class CuratedHistoryAdmin(SimpleHistoryAdmin):
    object_history_list_template = HISTORY_LIST_TEMPLATE


# --- list filters -------------------------------------------------------------------------------------------


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Review due")), ("current", _("Reviewed in the last 12 months"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.review_due()
        if self.value() == "current":
            return queryset.filter(last_reviewed__gte=timezone.localdate() - REVIEW_INTERVAL)
        return queryset


class DeliveryFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [(key, Programme._meta.get_field(field).verbose_name) for key, field in DELIVERY_FIELDS.items()]

    def queryset(self, request, queryset):
        field = DELIVERY_FIELDS.get(self.value())
        return queryset.filter(**{field: True}) if field else queryset


# --- programmes ---------------------------------------------------------------------------------------------


class QualityAssessmentInline(admin.StackedInline):
    model = QualityAssessment
    form = QualityAssessmentAdminForm
    fields = ["criterion", "verdict", "rationale", "sources", "assessed_on", "curator_notes"]
    # Django's two-list widget rather than select2, whose search box has no accessible name (axe-core flags it).
    filter_horizontal = ["sources"]
    max_num = 4
    can_delete = False
    show_change_link = True  # the checklist of each criterion is edited on the assessment's own page
    verbose_name_plural = _("quality assessments (one per criterion; open one to fill in its checklist)")

    def get_extra(self, request, obj=None, **kwargs):
        # A new programme shows the four criteria to fill in; saving adds any left untouched as "unknown".
        return 0 if obj else 4

    def get_queryset(self, request):
        # The criteria in their own order (as on the public pages and the add form), not alphabetically by key.
        order = Case(*(When(criterion=value, then=Value(index)) for index, value in enumerate(Criterion.values)))
        return super().get_queryset(request).order_by(order)


class FactSourceInline(admin.StackedInline):
    model = FactSource
    fields = ["fact", "source"]
    extra = 0
    verbose_name_plural = _("sources of facts (which public source supports which fact)")


class StudyInline(admin.StackedInline):
    # Stacked, like every inline here: each field keeps its own label (a table column header is not one).
    model = Study
    fields = ["title", "design", "participants", "year", "dutch_primary_care", "guided", "doi", "url", "sources"]
    filter_horizontal = ["sources"]
    extra = 0


class ResourceInline(admin.StackedInline):
    model = Resource
    fields = ["kind", "audience", "title", "url", "file", "body", "sources"]
    filter_horizontal = ["sources"]
    extra = 0


def _run_workflow_action(modeladmin, request, queryset, service, done_message):
    """Apply `service` to each selected programme; report how many moved and, per programme, why others did not."""
    done, refused = 0, []
    for programme in queryset.order_by("name"):
        try:
            service(programme=programme, by=request.user)
        except services.WorkflowRefused as exc:
            refused.append(str(exc))
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
    for reason in refused:
        modeladmin.message_user(request, reason, messages.WARNING)


# The buttons on a programme's change form: step -> (service, button label, the status it moves to).
WORKFLOW_STEPS = {
    "send_for_review": (services.programme_send_for_review, _("Send for review"), Programme.Status.IN_REVIEW),
    "publish": (services.programme_publish, _("Publish"), Programme.Status.PUBLISHED),
    "back_to_draft": (services.programme_back_to_draft, _("Back to draft"), Programme.Status.DRAFT),
    "archive": (services.programme_archive, _("Archive"), Programme.Status.ARCHIVED),
}


def workflow_buttons(programme) -> list[dict]:
    """The steps the programme's status allows. Publish shows on a draft too: pressing it says what is missing."""
    buttons = []
    for name, (_service, label, target) in WORKFLOW_STEPS.items():
        offered = services.transition_allowed(programme.status, target)
        if name == "publish":
            offered = programme.status in {Programme.Status.DRAFT, Programme.Status.IN_REVIEW}
        if offered:
            buttons.append({"name": name, "label": label})
    return buttons


@admin.register(Programme)
class ProgrammeAdmin(ImportExportMixin, CuratedHistoryAdmin):
    form = ProgrammeAdminForm
    change_form_template = "catalog/admin/programme_change_form.html"
    list_display = ["name", "provider", "status", "last_reviewed", "next_review"]
    list_select_related = ["provider"]
    list_filter = ["status", ReviewDueFilter, "themes", DeliveryFilter, "provider"]
    search_fields = ["name", "slug", "summary", "provider__name"]
    prepopulated_fields = {"slug": ["name"]}
    # Providers and lookups are short lists: a plain select and Django's two-list widget, rather than select2
    # boxes whose search field has no accessible name (axe-core flags it).
    filter_horizontal = ["themes", "target_groups", "languages", "therapies", "icpc_codes"]
    readonly_fields = ["status", "submitted_by", "submitted_at", "created_at", "updated_at"]
    list_per_page = 50
    inlines = [QualityAssessmentInline, FactSourceInline, StudyInline, ResourceInline]
    actions = ["send_for_review", "publish", "archive", "back_to_draft", "mark_reviewed"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "provider", "website", "summary", "description", "patient_text"]}),
        (
            _("For whom"),
            {
                "fields": [
                    "themes",
                    "target_groups",
                    "languages",
                    "reading_level",
                    ("suits_mild", "suits_moderate"),
                    "icpc_codes",
                ]
            },
        ),
        (
            _("Approach and delivery"),
            {
                "fields": [
                    "approach",
                    "therapies",
                    ("offers_self_help", "offers_guided", "offers_blended"),
                    ("duration_weeks", "duration_note"),
                    ("cost", "cost_note"),
                    "anonymous_use",
                    ("on_web", "on_ios", "on_android"),
                    "his_feedback",
                    "available_after_treatment",
                ]
            },
        ),
        (_("Labels"), {"fields": ["medical_device_class", "quality_marks"]}),
        (
            _("Internal: for curators only"),
            {
                "fields": ["internal_notes"],
                "description": _("Nothing in this section is ever shown on the site."),
            },
        ),
        (
            _("Workflow"),
            {
                "fields": [
                    "status",
                    ("submitted_by", "submitted_at"),
                    ("withdrawn_on", "withdrawn_reason"),
                    "last_reviewed",
                    "next_review",
                    ("created_at", "updated_at"),
                ],
                "description": _(
                    "Change the status with the buttons under “Status and publishing” at the top of this page, "
                    "or with the actions in the programme list."
                ),
            },
        ),
    ]

    # CSV import and export.
    resource_classes = [ProgrammeResource]
    import_formats = [SpreadsheetCSV]
    export_formats = [SpreadsheetCSV]
    # The field-picking export form renders inline styles and an inline event handler, which the CSP blocks.
    export_form_class = ExportForm

    class Media:
        css = {"all": ["css/catalog_admin.css", "css/catalog_admin_workflow.css"]}

    def add_success_message(self, result, request):
        # import-export's own message has no Dutch translation; imported programmes always start as drafts.
        totals = result.totals
        message = _(
            "Import done: %(new)d new, %(updated)d updated, %(skipped)d unchanged. New programmes are drafts."
        ) % {
            "new": totals[RowResult.IMPORT_TYPE_NEW],
            "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
            "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
        }
        self.message_user(request, message, messages.SUCCESS)

    def has_import_permission(self, request):
        # import-export lets any staff member import unless told otherwise; an import adds and changes rows.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("provider")
            .prefetch_related("themes", "target_groups", "languages", "therapies", "icpc_codes")
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # The withdraw button sets these; once withdrawn, a curator may correct the date or the public reason.
        if not (obj and obj.is_withdrawn):
            readonly += ["withdrawn_on", "withdrawn_reason"]
        return readonly

    # --- status changes on the change form ------------------------------------------------------------------

    def get_urls(self):
        workflow = path(
            "<path:object_id>/workflow/",
            self.admin_site.admin_view(self.workflow_view),
            name="catalog_programme_workflow",
        )
        return [workflow, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        programme = self.get_object(request, unquote(object_id))
        if programme is not None and self.has_change_permission(request, programme):
            extra_context = {**(extra_context or {}), "workflow": self.workflow_context(request, programme)}
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, programme) -> dict:
        may_publish = programme.status in {Programme.Status.DRAFT, Programme.Status.IN_REVIEW}
        return {
            "url": reverse("admin:catalog_programme_workflow", args=[programme.pk]),
            "blockers": services.publish_blockers(programme, by=request.user) if may_publish else [],
            "show_blockers": may_publish,
            "buttons": workflow_buttons(programme),
            "can_withdraw": services.transition_allowed(programme.status, Programme.Status.WITHDRAWN),
        }

    def workflow_view(self, request, object_id):
        """One status step from the change form's buttons, through the same services as the list actions."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        programme = self.get_object(request, unquote(object_id))
        if programme is None:
            raise Http404
        if not self.has_change_permission(request, programme):
            raise PermissionDenied
        step = request.POST.get("step", "")
        if step != "withdraw" and step not in WORKFLOW_STEPS:
            return HttpResponseBadRequest()
        old_status = programme.get_status_display()
        try:
            if step == "withdraw":
                services.programme_withdraw(programme=programme, by=request.user, reason=request.POST.get("reason"))
            else:
                WORKFLOW_STEPS[step][0](programme=programme, by=request.user)
        except services.PublishBlocked:
            message = gettext(
                "“%(name)s” cannot be published yet: the list under “Status and publishing” says what is missing."
            )
            self.message_user(request, message % {"name": programme.name}, messages.ERROR)
        except services.WorkflowRefused as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            change = gettext("Status: %(old)s → %(new)s") % {"old": old_status, "new": programme.get_status_display()}
            self.log_change(request, programme, change)
            done = gettext("The status of “%(name)s” is now ‘%(status)s’.")
            self.message_user(
                request, done % {"name": programme.name, "status": programme.get_status_display()}, messages.SUCCESS
            )
        return redirect("admin:catalog_programme_change", programme.pk)

    # --- inlines and actions --------------------------------------------------------------------------------

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, QualityAssessmentInline) and not (obj and obj.pk):
            kwargs["initial"] = [{"criterion": criterion} for criterion in Criterion.values]
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.programme_assessments_complete(programme=form.instance, by=request.user)

    @admin.action(description=_("Send selected programmes for review"), permissions=["change"])
    def send_for_review(self, request, queryset):
        done = ngettext_lazy("%(count)d programme sent for review.", "%(count)d programmes sent for review.", "count")
        _run_workflow_action(self, request, queryset, services.programme_send_for_review, done)

    @admin.action(description=_("Publish selected programmes"), permissions=["change"])
    def publish(self, request, queryset):
        done = ngettext_lazy("%(count)d programme published.", "%(count)d programmes published.", "count")
        _run_workflow_action(self, request, queryset, services.programme_publish, done)

    @admin.action(description=_("Archive selected programmes"), permissions=["change"])
    def archive(self, request, queryset):
        done = ngettext_lazy("%(count)d programme archived.", "%(count)d programmes archived.", "count")
        _run_workflow_action(self, request, queryset, services.programme_archive, done)

    @admin.action(description=_("Move selected programmes back to draft"), permissions=["change"])
    def back_to_draft(self, request, queryset):
        done = ngettext_lazy(
            "%(count)d programme moved back to draft.", "%(count)d programmes moved back to draft.", "count"
        )
        _run_workflow_action(self, request, queryset, services.programme_back_to_draft, done)

    @admin.action(description=_("Mark selected programmes as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        done = ngettext_lazy(
            "%(count)d programme marked as reviewed.", "%(count)d programmes marked as reviewed.", "count"
        )
        _run_workflow_action(self, request, queryset, services.programme_mark_reviewed, done)


# --- quality assessments ------------------------------------------------------------------------------------


class ChecklistAnswerForm(forms.ModelForm):
    """One question of the checklist, shown as the label of its answer (the question itself is fixed)."""

    class Meta:
        model = ChecklistAnswer
        fields = ["question", "answer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question_id = self.instance.question_id or self.initial.get("question")
        question = ChecklistQuestion.objects.filter(pk=question_id).first() if question_id else None
        if question:
            self.fields["question"].widget = forms.HiddenInput()
            self.fields["answer"].label = question.text


class ChecklistAnswerInline(admin.StackedInline):
    """Every question of the assessment's criterion; rows left at "unknown" are not stored."""

    model = ChecklistAnswer
    form = ChecklistAnswerForm
    fields = ["question", "answer"]
    extra = 0
    can_delete = False

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only the questions of this assessment's criterion can be answered here.
        formset.form.base_fields["question"].queryset = criterion_questions(obj)
        return formset

    def get_extra(self, request, obj=None, **kwargs):
        return len(unanswered_questions(obj)) if obj else 0

    def get_max_num(self, request, obj=None, **kwargs):
        return criterion_questions(obj).count() if obj else 0


def criterion_questions(assessment):
    questions = ChecklistQuestion.objects.all()
    return questions.filter(criterion=assessment.criterion) if assessment else questions


def unanswered_questions(assessment):
    return list(criterion_questions(assessment).exclude(answers__assessment=assessment))


@admin.register(QualityAssessment)
class QualityAssessmentAdmin(CuratedHistoryAdmin):
    list_display = ["programme", "criterion", "verdict", "assessed_on"]
    list_select_related = ["programme"]
    list_filter = ["criterion", "verdict"]
    search_fields = ["programme__name", "rationale"]
    autocomplete_fields = ["programme"]
    form = QualityAssessmentAdminForm
    fields = ["programme", "criterion", "verdict", "rationale", "sources", "assessed_on", "curator_notes"]
    filter_horizontal = ["sources"]
    inlines = [ChecklistAnswerInline]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ChecklistAnswerInline) and obj and obj.pk:
            # Offer every unanswered question of the criterion; rows left at "unknown" are not stored.
            kwargs["initial"] = [{"question": question.pk} for question in unanswered_questions(obj)]
        return kwargs


@admin.register(ChecklistQuestion)
class ChecklistQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "criterion", "position"]
    list_filter = ["criterion"]
    search_fields = ["text"]


# --- sources and link checks --------------------------------------------------------------------------------


@admin.register(Source)
class SourceAdmin(CuratedHistoryAdmin):
    list_display = ["title", "publisher", "url", "seen_on"]
    list_filter = ["seen_on"]
    search_fields = ["title", "publisher", "url", "quote"]
    fields = ["title", "publisher", "url", "seen_on", "page", "quote"]
    date_hierarchy = "seen_on"


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Read-only: `manage.py check_links` fills it. Dead links come first."""

    list_display = ["url", "ok", "status_code", "error", "found_on", "checked_at"]
    list_filter = ["ok"]
    search_fields = ["url", "found_on"]
    ordering = ["ok", "url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- providers, studies, resources and lookups --------------------------------------------------------------


@admin.register(Provider)
class ProviderAdmin(CuratedHistoryAdmin):
    list_display = ["name", "website", "programme_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sources"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(programme_count=Count("programmes"))

    @admin.display(description=_("programmes"), ordering="programme_count")
    def programme_count(self, obj):
        return obj.programme_count


@admin.register(Study)
class StudyAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "design", "year_shown", "participants", "dutch_primary_care"]
    list_select_related = ["programme"]
    list_filter = ["design", "dutch_primary_care", "guided"]
    search_fields = ["title", "programme__name", "doi"]
    autocomplete_fields = ["programme"]
    filter_horizontal = ["sources"]

    @admin.display(description=_("year"), ordering="year")
    def year_shown(self, obj):
        # A year is a label, not a quantity: without this the thousands separator makes 2019 read "2.019".
        return str(obj.year) if obj.year else None


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "kind", "audience"]
    list_select_related = ["programme"]
    list_filter = ["kind", "audience"]
    search_fields = ["title", "programme__name"]
    autocomplete_fields = ["programme"]
    filter_horizontal = ["sources"]


class LookupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Therapy, LookupAdmin)

# The fields below are what the rules read (keuzehulp, suggestions, expected numbers): a curator sets them here.


@admin.register(Theme)
class ThemeAdmin(LookupAdmin):
    list_display = ["name", "slug", "prevalence_key", "icpc_list", "position"]
    list_filter = ["prevalence_key"]
    filter_horizontal = ["icpc_codes"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("icpc_codes")

    @admin.display(description=_("ICPC codes"))
    def icpc_list(self, theme):
        return ", ".join(code.code for code in theme.icpc_codes.all()) or "–"


@admin.register(TargetGroup)
class TargetGroupAdmin(LookupAdmin):
    list_display = ["name", "slug", "age_band", "low_literacy", "migration_background", "position"]
    list_filter = ["age_band", "low_literacy", "migration_background"]


@admin.register(Language)
class LanguageAdmin(LookupAdmin):
    list_display = ["name", "code", "slug", "is_home_language", "position"]
    search_fields = ["name", "code"]


@admin.register(IcpcCode)
class IcpcCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title"]
