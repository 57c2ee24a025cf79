"""Reflection pages under /p/<partnership_slug>/reflectie/, one module per area."""

from . import live, reports, scans, sessions

app_name = "reflection"
urlpatterns = [
    *sessions.urlpatterns,
    *live.urlpatterns,
    *reports.urlpatterns,
    *scans.urlpatterns,
]
