"""The voortgangsrapportage, under /p/<slug>/plan/voortgangsrapportage/."""

from django.urls import path

from ..views import report

urlpatterns = [
    path("voortgangsrapportage/", report.report, name="report"),
    path("voortgangsrapportage/maken/", report.report_make, name="report_make"),
    path("voortgangsrapportage/status/", report.report_status, name="report_status"),
    path(
        "voortgangsrapportage/vergelijk/", report.report_compare, name="report_compare"
    ),
]
