"""The timeline, under /p/<slug>/plan/tijdlijn/."""

from django.urls import path

from ..views import timeline

urlpatterns = [
    path("tijdlijn/", timeline.timeline, name="timeline"),
]
