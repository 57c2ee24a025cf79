"""Helpers for the tests of every app (imported by tests only, never by the app)."""
