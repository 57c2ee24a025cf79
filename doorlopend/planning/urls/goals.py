"""The SMART goals, under /p/<partnership_slug>/plan/doelen/."""

from django.urls import path

from ..views import goals

urlpatterns = [
    path("doelen/", goals.goal_list, name="goal_list"),
    path("doelen/nieuw/", goals.goal_create, name="goal_create"),
    path("doelen/<int:goal_id>/", goals.goal_detail, name="goal_detail"),
    path("doelen/<int:goal_id>/bewerken/", goals.goal_edit, name="goal_edit"),
    path("doelen/<int:goal_id>/verwijderen/", goals.goal_delete, name="goal_delete"),
    path(
        "doelen/<int:goal_id>/metingen/nieuw/",
        goals.measurement_add,
        name="measurement_add",
    ),
    path(
        "doelen/<int:goal_id>/metingen/<int:measurement_id>/verwijderen/",
        goals.measurement_delete,
        name="measurement_delete",
    ),
]
