"""The forms of the transitions app, one module per area; views import from the module itself."""
