from django.urls import path

from ..views import sessions

urlpatterns = [
    path("", sessions.session_list, name="session_list"),
    path("new/", sessions.session_create, name="session_create"),
    path("<int:session_id>/edit/", sessions.session_edit, name="session_edit"),
    path("<int:session_id>/delete/", sessions.session_delete, name="session_delete"),
    path("<int:session_id>/state/", sessions.session_state, name="session_state"),
]
