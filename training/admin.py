"""Admin for curators (group "Redactie"): courses with their lessons, quizzes, funding schemes, insurers."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "audience", "estimated_minutes", "accreditation_points", "published"]
    list_filter = ["published", "audience"]
    list_editable = ["published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [LessonInline, QuizInline]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position"]
    list_filter = ["course"]
    search_fields = ["title", "body"]
    list_select_related = ["course"]


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["position", "text"]
    extra = 1
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 70})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


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
    fields = ["insurer", "rule_text", ("valid_from", "valid_until"), "source_url"]
    extra = 0
    autocomplete_fields = ["insurer"]


@admin.register(FundingScheme)
class FundingSchemeAdmin(admin.ModelAdmin):
    list_display = ["title", "valid_from", "valid_until", "last_checked", "check_by", "check_overdue"]
    list_filter = [CheckOverdueFilter]
    search_fields = ["title", "covers", "conditions"]
    prepopulated_fields = {"slug": ["title"]}
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
