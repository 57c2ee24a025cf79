"""The public progress pages, under /voortgang/: no login."""

from django.urls import path

from . import public_views

app_name = "national_public"

urlpatterns = [
    path("<str:token>/", public_views.public_progress, name="progress"),
]
