"""The forms of the reflection app, one module per area; views import from the module itself."""
