"""Admin for practices and memberships; invitations, the audit log and the reach counts are read-only there.

Changes made here are practice data too, so they reach the practice's audit log like any change in the app.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from practices.audit import audit_record
from practices.membership_audit import audited_by_caller
from practices.models import AuditEvent, Invitation, Membership, MonthlyReach, Practice
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupMembership, CareGroupPractice


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "kind", "agb_code", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "place", "agb_code"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["insurers"]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and not form.changed_data:
            return
        action = AuditEvent.Action.CHANGE if change else AuditEvent.Action.CREATE
        fields = ", ".join(form.changed_data)
        audit_record(
            practice=obj, user=request.user, action=action, subject=f"practice (admin): {fields}", path=request.path
        )

    def save_formset(self, request, form, formset, change):
        with audited_by_caller():  # logged below, with "(admin)" in the subject
            super().save_formset(request, form, formset, change)
        practice = form.instance
        events = [(AuditEvent.Action.CREATE, membership) for membership in formset.new_objects]
        events += [(AuditEvent.Action.CHANGE, membership) for membership, _fields in formset.changed_objects]
        events += [(AuditEvent.Action.DELETE, membership) for membership in formset.deleted_objects]
        for action, membership in events:
            subject = f"membership (admin): {membership.user.get_username()} as {membership.role}"
            audit_record(practice=practice, user=request.user, action=action, subject=subject, path=request.path)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Nobody adds, changes or deletes these here, not even a superuser."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "practice", "role", "created_at", "expires_at", "accepted_at", "withdrawn_at"]
    list_filter = ["role"]
    search_fields = ["email", "practice__name"]
    exclude = ["token_hash"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "practice", "username", "action", "subject", "client_address"]
    list_filter = ["action"]
    search_fields = ["username", "subject", "practice__name"]
    date_hierarchy = "at"
    list_select_related = ["practice"]


@admin.register(MonthlyReach)
class MonthlyReachAdmin(ReadOnlyAdmin):
    """Counts only; the practice enters and corrects them in its workspace, where corrections are audited."""

    list_display = ["practice", "month", "programme", "offered", "started", "finished", "stopped", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["practice__name", "programme__name"]
    date_hierarchy = "month"
    list_select_related = ["practice", "programme"]


# Care groups: the administrator creates a care group and names its coordinators. Practices join only when their
# manager accepts an invitation (practices/care_groups.py), so the joined practices are read-only here.


class CoordinatorInline(admin.TabularInline):
    model = CareGroupMembership
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name = _("coordinator")
    verbose_name_plural = _("coordinators")


class JoinedPracticeInline(admin.TabularInline):
    model = CareGroupPractice
    extra = 0
    fields = ["practice", "joined_at"]
    readonly_fields = ["practice", "joined_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CareGroup)
class CareGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CoordinatorInline, JoinedPracticeInline]


@admin.register(CareGroupInvitation)
class CareGroupInvitationAdmin(ReadOnlyAdmin):
    list_display = ["care_group", "practice", "created_at", "accepted_at", "declined_at"]
    search_fields = ["care_group__name", "practice__name"]
