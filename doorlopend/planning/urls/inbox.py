"""The inbox of action points, under /p/<slug>/plan/inbox/."""

from django.urls import path

from ..views import inbox

urlpatterns = [
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/<int:action_id>/", inbox.triage, name="triage"),
]
