"""Admin for practices and memberships; invitations and the audit log are read-only there."""

from django.contrib import admin

from practices.models import AuditEvent, Invitation, Membership, Practice


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "kind", "agb_code"]
    list_filter = ["kind"]
    search_fields = ["name", "place", "agb_code"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["insurers"]
    inlines = [MembershipInline]


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
    list_display = ["at", "practice", "username", "action", "subject"]
    list_filter = ["action"]
    search_fields = ["username", "subject", "practice__name"]
    date_hierarchy = "at"
    list_select_related = ["practice"]
