from django.contrib import admin

from .models import ImportJob, Region, RegisterEntry


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(RegisterEntry)
class RegisterEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "brin", "vestiging", "sector", "place", "region"]
    list_filter = ["sector", "region"]
    list_select_related = ["region"]
    search_fields = ["name", "brin", "vestiging", "place"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    # The register is written by imports only; the admin is for looking.
    list_display = ["original_filename", "sector", "status", "created_at", "created_by"]
    list_filter = ["status", "sector"]
    exclude = ["data"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
