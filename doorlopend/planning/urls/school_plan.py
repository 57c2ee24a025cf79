"""A school's own LOB plan under /p/<slug>/plan/scholen/."""

from django.urls import path

from ..views import school_plan as views

SCHOOL = "scholen/<int:organisation_id>/"

urlpatterns = [
    path("scholen/", views.school_plans, name="school_plans"),
    path(SCHOOL, views.school_plan, name="school_plan"),
    path(
        f"{SCHOOL}visie/bewerken/", views.school_vision_edit, name="school_vision_edit"
    ),
    path(
        f"{SCHOOL}visie/geschiedenis/",
        views.school_vision_history,
        name="school_vision_history",
    ),
]
