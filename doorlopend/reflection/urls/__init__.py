"""Reflection pages under /p/<partnership_slug>/reflectie/, one module per area."""

from . import live, reports, sessions

app_name = "reflection"
urlpatterns = [*sessions.urlpatterns, *live.urlpatterns, *reports.urlpatterns]
