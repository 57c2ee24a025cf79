from django.contrib import admin

from .models import InstrumentVersion


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    """Read-only: versions come from the data files in the repository."""

    list_display = ["title", "key", "version", "first_used_at", "loaded_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
