"""Tests that span every app (tenancy sweeps, exports, security headers, the demo): they
sit outside the apps, so no app imports a later one (the app order of pyproject.toml)."""
