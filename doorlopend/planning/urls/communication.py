"""The communication plan under /p/<slug>/plan/communicatie/."""

from django.urls import path

from ..views import communication

urlpatterns = [
    path("communicatie/", communication.communication, name="communication"),
    path(
        "communicatie/nieuw/",
        communication.communication_create,
        name="communication_create",
    ),
    path(
        "communicatie/<int:item_id>/bewerken/",
        communication.communication_edit,
        name="communication_edit",
    ),
    path(
        "communicatie/<int:item_id>/verwijderen/",
        communication.communication_delete,
        name="communication_delete",
    ),
]
