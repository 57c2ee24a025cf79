"""The voortgangsrapportage's page, under /p/<slug>/plan/voortgangsrapportage/ (beside the
plan it reports on, see config/urls.py); the document is made and kept here."""

from django.urls import path

from . import report_views as report

app_name = "progress_report"

urlpatterns = [
    path("", report.report, name="report"),
    path("maken/", report.report_make, name="report_make"),
    path("status/", report.report_status, name="report_status"),
    path("vergelijk/", report.report_compare, name="report_compare"),
]
