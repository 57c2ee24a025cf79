"""Everything under /p/<partnership_slug>/: each view is wrapped in `access.partnership_view`."""

from django.urls import path

from .views import dashboard, members, organisations, settings

app_name = "partnerships"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("settings/", settings.partnership_settings, name="settings"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisations/new/",
        organisations.organisation_create,
        name="organisation_create",
    ),
    path(
        "organisations/register/", organisations.register_search, name="register_search"
    ),
    path(
        "organisations/register/<int:entry_id>/add/",
        organisations.register_add,
        name="register_add",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisations/<int:organisation_id>/delete/",
        organisations.organisation_delete,
        name="organisation_delete",
    ),
    path("people/", members.member_list, name="member_list"),
    path("people/invite/", members.member_invite, name="member_invite"),
    path(
        "people/invitations/<int:invitation_id>/withdraw/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("people/roles/<int:role_id>/edit/", members.role_edit, name="role_edit"),
    path("people/roles/<int:role_id>/revoke/", members.role_revoke, name="role_revoke"),
]
