"""The calendar download and the member's feeds, under /p/<slug>/plan/."""

from django.urls import path

from ..views import calendar

urlpatterns = [
    path("agenda.ics", calendar.calendar_ics, name="calendar_ics"),
    path("agenda/", calendar.calendar_feeds, name="calendar_feeds"),
]
