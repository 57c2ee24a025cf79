"""The change assignment per school under /p/<slug>/plan/veranderopdrachten/."""

from django.urls import path

from ..views import assignments as views

SCHOOL = "veranderopdrachten/<int:organisation_id>/"

urlpatterns = [
    path("veranderopdrachten/", views.assignments, name="assignments"),
    path(SCHOOL, views.assignment_detail, name="assignment_detail"),
    path(f"{SCHOOL}bewerken/", views.assignment_edit, name="assignment_edit"),
    path(f"{SCHOOL}mijlpalen/nieuw/", views.milestone_add, name="milestone_add"),
    path(
        f"{SCHOOL}mijlpalen/<int:milestone_id>/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path(
        f"{SCHOOL}mijlpalen/<int:milestone_id>/verwijderen/",
        views.milestone_delete,
        name="milestone_delete",
    ),
    path(f"{SCHOOL}voortgang/nieuw/", views.update_add, name="update_add"),
]
