"""Writes of the routes app; views call these, never the models' save()."""

from .consents import consent_create, consent_delete
from .parties import party_add, party_remove, party_update
from .routes import RouteChange, route_create, route_delete, route_update

__all__ = [
    "RouteChange",
    "consent_create",
    "consent_delete",
    "party_add",
    "party_remove",
    "party_update",
    "route_create",
    "route_delete",
    "route_update",
]
