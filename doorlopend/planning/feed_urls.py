"""The private calendar feeds, outside /p/: read by calendar apps without a login.

config/urls.py mounts this module at "agenda/": /agenda/<token>.ics.
"""

from django.urls import path

from .views import calendar

app_name = "planning_feed"
urlpatterns = [
    path("<str:token>.ics", calendar.feed, name="feed"),
]
