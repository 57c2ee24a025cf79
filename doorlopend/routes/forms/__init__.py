"""The forms of the routes app, one module per area; views import from the module itself."""
