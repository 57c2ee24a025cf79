"""Activities of the plan van aanpak, under /p/<slug>/plan/activiteiten/."""

from django.urls import path

from ..views import activities, proposals

urlpatterns = [
    path("activiteiten/", activities.activity_list, name="activity_list"),
    path("activiteiten/nieuw/", activities.activity_create, name="activity_create"),
    path(
        "activiteiten/voorstellen/",
        proposals.activity_propose,
        name="activity_propose",
    ),
    path(
        "activiteiten/<int:activity_id>/besluit/",
        proposals.activity_decide,
        name="activity_decide",
    ),
    path(
        "activiteiten/<int:activity_id>/evaluatie/",
        proposals.activity_evaluate,
        name="activity_evaluate",
    ),
    path(
        "activiteiten/<int:activity_id>/",
        activities.activity_detail,
        name="activity_detail",
    ),
    path(
        "activiteiten/<int:activity_id>/bewerken/",
        activities.activity_edit,
        name="activity_edit",
    ),
    path(
        "activiteiten/<int:activity_id>/verwijderen/",
        activities.activity_delete,
        name="activity_delete",
    ),
    path(
        "activiteiten/<int:activity_id>/mensen/nieuw/",
        activities.person_add,
        name="person_add",
    ),
    path(
        "activiteiten/<int:activity_id>/mensen/<int:person_id>/verwijderen/",
        activities.person_remove,
        name="person_remove",
    ),
]
