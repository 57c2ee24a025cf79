from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.import_list, name="import_list"),
    path("imports/<int:job_id>/", views.import_detail, name="import_detail"),
    path("imports/<int:job_id>/cancel/", views.import_cancel, name="import_cancel"),
]
