"""URLs: see urls/__init__.py. The dates the signals use, per year of transition."""

from django.urls import path

from ..views import dates

urlpatterns = [
    path("", dates.cohort_settings, name="cohort_settings"),
]
