"""The vision pages, under /p/<partnership_slug>/plan/visie/."""

from django.urls import path

from ..views import vision

urlpatterns = [
    path("visie/", vision.vision, name="vision"),
    path("visie/bewerken/", vision.vision_edit, name="vision_edit"),
    path("visie/geschiedenis/", vision.vision_history, name="vision_history"),
    path(
        "visie/partners/<int:organisation_id>/",
        vision.expectation_edit,
        name="expectation_edit",
    ),
]
