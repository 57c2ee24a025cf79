"""Writes of the dossier: services.parts, services.links, services.agreement,
services.erasure."""
