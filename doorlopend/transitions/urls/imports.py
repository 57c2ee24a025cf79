"""URLs: see urls/__init__.py."""

from django.urls import path

from ..views import imports as views

urlpatterns = [
    path("", views.import_list, name="import_list"),
    path("nieuw/", views.import_upload, name="import_upload"),
    path("<int:import_id>/kolommen/", views.import_mapping, name="import_mapping"),
    path("<int:import_id>/", views.import_detail, name="import_detail"),
    path("<int:import_id>/annuleren/", views.import_cancel, name="import_cancel"),
]
