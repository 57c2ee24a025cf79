from django.contrib import admin

from .models import NationalAdviser


@admin.register(NationalAdviser)
class NationalAdviserAdmin(admin.ModelAdmin):
    """Platform staff grant the landelijk adviseur here (not through a partnership)."""

    list_display = ["user", "granted_by", "granted_at"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
    readonly_fields = ["granted_by", "granted_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
