"""The budget of the plan van aanpak, under /p/<slug>/plan/begroting/."""

from django.urls import path

from ..views import budget

urlpatterns = [
    path("begroting/", budget.budget, name="budget"),
    path("begroting.xlsx", budget.budget_xlsx, name="budget_xlsx"),
    path("begroting/bronnen/nieuw/", budget.source_create, name="source_create"),
    path(
        "begroting/bronnen/<int:source_id>/bewerken/",
        budget.source_edit,
        name="source_edit",
    ),
    path(
        "begroting/bronnen/<int:source_id>/verwijderen/",
        budget.source_delete,
        name="source_delete",
    ),
    path(
        "begroting/bronnen/<int:source_id>/regels/nieuw/",
        budget.line_create,
        name="line_create",
    ),
    path(
        "begroting/regels/<int:line_id>/bewerken/",
        budget.line_edit,
        name="line_edit",
    ),
    path(
        "begroting/regels/<int:line_id>/verwijderen/",
        budget.line_delete,
        name="line_delete",
    ),
]
