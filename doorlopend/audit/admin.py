from django.contrib import admin

from .models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, in the admin as everywhere."""

    list_display = [
        "at",
        "actor_label",
        "action",
        "object_type",
        "purpose",
        "partnership",
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "purpose", "request_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
