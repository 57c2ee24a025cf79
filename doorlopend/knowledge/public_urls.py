"""The public pages of good practices, under /praktijken/: no login."""

from django.urls import path

from .views import public

app_name = "knowledge_public"

urlpatterns = [
    path("feed/", public.public_feed, name="feed"),
    path("<int:practice_id>/", public.public_practice, name="practice"),
]
