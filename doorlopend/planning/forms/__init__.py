"""The forms of the planning app, one module per area; views import from the module itself."""
