"""Admin for curators (group "Redactie"): courses with their lessons, quizzes, funding schemes, insurers."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.accreditation import accreditation_missing, is_accredited
from training.models import (
    Certificate,
    Choice,
    Course,
    Enrolment,
    FundingScheme,
    Insurer,
    InsurerRule,
    Lesson,
    Question,
    Quiz,
)


class LessonInline(admin.TabularInline):
    """Lesson order is edited right here: change the numbers in the position column and save."""

    model = Lesson
    fields = ["position", "title", "body", "video_url"]
    extra = 1
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 4, "cols": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class QuizInline(admin.StackedInline):
    model = Quiz
    fields = ["pass_mark", "intro"]
    max_num = 1
    extra = 0
    show_change_link = True


class CourseAdminForm(forms.ModelForm):
    """Points only with the accrediting body and its registration number: the error shows next to the points.

    The admin builds the form's fields from CourseAdmin.fieldsets.
    """

    def clean(self):
        cleaned = super().clean()
        missing = accreditation_missing(
            points=cleaned.get("accreditation_points"),
            body=cleaned.get("accreditation_body"),
            number=cleaned.get("accreditation_number"),
        )
        if missing:
            self.add_error(
                "accreditation_points",
                _(
                    "Points only count with the accrediting body and its registration number. Fill in both, "
                    "or set the points to 0: the course then says it is not accredited."
                ),
            )
            for name in missing:
                self.add_error(name, _("Required when the course has accreditation points."))
        return cleaned


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    form = CourseAdminForm
    list_display = ["title", "audience", "estimated_minutes", "accreditation", "published"]
    list_filter = ["published", "audience"]
    list_editable = ["published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "audience", "summary", "estimated_minutes", "published"]}),
        (
            _("Accreditation"),
            {
                "fields": ["accreditation_points", "accreditation_body", "accreditation_number"],
                "description": _(
                    "Only record points a body has granted, with its registration number. Without both, the "
                    "course and its certificates say the course is not accredited."
                ),
            },
        ),
    ]
    inlines = [LessonInline, QuizInline]

    @admin.display(description=_("accreditation"))
    def accreditation(self, course):
        if not is_accredited(course):
            return _("not accredited")
        return f"{course.accreditation_points} ({course.accreditation_body}, {course.accreditation_number})"


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position"]
    list_filter = ["course"]
    search_fields = ["title", "body"]
    list_select_related = ["course"]


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["position", "text", "lesson"]
    extra = 1
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 70})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the lessons of the quiz's own course (Question.clean refuses others anyway).
        quiz_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        if db_field.name == "lesson" and quiz_id:
            kwargs["queryset"] = Lesson.objects.filter(course__quiz__pk=quiz_id).order_by("position", "id")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["__str__", "pass_mark"]
    list_select_related = ["course"]
    inlines = [QuestionInline]


class ChoiceInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if kept and not any(form.cleaned_data.get("is_correct") for form in kept):
            raise forms.ValidationError(_("Mark at least one answer as correct."))


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ["position", "text", "is_correct", "feedback"]
    extra = 2

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "feedback":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 50})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "position"]
    list_filter = ["quiz"]
    search_fields = ["text"]
    inlines = [ChoiceInline]


class CheckOverdueFilter(admin.SimpleListFilter):
    title = _("check overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Past the check date")), ("no", _("Checked in time"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.check_overdue()
        if self.value() == "no":
            return queryset.filter(check_by__gte=timezone.localdate())
        return queryset


class InsurerRuleInline(admin.StackedInline):
    model = InsurerRule
    fields = ["insurer", "rule_text", ("valid_from", "valid_until"), "sources", "source_url"]
    extra = 0
    autocomplete_fields = ["insurer"]
    filter_horizontal = ["sources"]


@admin.register(FundingScheme)
class FundingSchemeAdmin(admin.ModelAdmin):
    list_display = ["title", "valid_from", "valid_until", "last_checked", "check_by", "check_overdue"]
    list_filter = [CheckOverdueFilter]
    search_fields = ["title", "covers", "conditions"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources"]
    inlines = [InsurerRuleInline]

    @admin.display(boolean=True, description=_("check overdue"))
    def check_overdue(self, scheme):
        return scheme.is_check_overdue()


@admin.register(Insurer)
class InsurerAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "enrolled_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user", "course"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "learner_name", "course_title", "issued_on", "points"]
    list_filter = ["course"]
    search_fields = ["code", "learner_name", "user__username"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
