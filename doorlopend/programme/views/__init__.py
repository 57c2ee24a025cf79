"""Views of the LOB programme: thin, each resolves, validates and calls one service."""
