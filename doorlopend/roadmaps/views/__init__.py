"""Roadmap pages under /p/<partnership_slug>/routekaarten/, one module per area."""
