"""Writes for partnerships: settings, organisations, roles and invitations."""

from .invitations import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_revoke,
)
from .organisations import (
    organisation_add_from_register,
    organisation_delete,
    organisation_save,
)
from .roles import role_change, role_grant, role_revoke, role_school
from .settings import partnership_update

__all__ = [
    "invitation_accept",
    "invitation_create",
    "invitation_for_token",
    "invitation_revoke",
    "organisation_add_from_register",
    "organisation_delete",
    "organisation_save",
    "partnership_update",
    "role_change",
    "role_grant",
    "role_revoke",
    "role_school",
]
