"""Reading the access log (staff only; the views check that)."""

from django.db.models import QuerySet

from .models import AccessLogEntry


def entry_list(
    *, object_type: str = "", actor_query: str = "", partnership_id: int | None = None
) -> QuerySet:
    """Newest first, with the partnership joined in for display."""
    entries = AccessLogEntry.objects.select_related("partnership")
    if object_type:
        entries = entries.filter(object_type=object_type)
    if actor_query:
        entries = entries.filter(actor_label__icontains=actor_query)
    if partnership_id:
        entries = entries.filter(partnership_id=partnership_id)
    return entries
