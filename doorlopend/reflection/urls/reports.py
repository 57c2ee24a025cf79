from django.urls import path

from ..views import reports, trends

urlpatterns = [
    path("<int:session_id>/report/", reports.report_create, name="report_create"),
    path(
        "<int:session_id>/report/<int:report_id>/",
        reports.report_status,
        name="report_status",
    ),
    path(
        "<int:session_id>/report/<int:report_id>/cancel/",
        reports.report_cancel,
        name="report_cancel",
    ),
    path(
        "<int:session_id>/report/<int:report_id>/retry/",
        reports.report_retry,
        name="report_retry",
    ),
    path(
        "<int:session_id>/report/<int:report_id>/download/",
        reports.report_download,
        name="report_download",
    ),
    path("<int:session_id>/results.xlsx", reports.results_xlsx, name="results_xlsx"),
    path("trends/<slug:instrument_key>/", trends.trends, name="trends"),
    path(
        "trends/<slug:instrument_key>/chart.svg",
        trends.trend_chart,
        name="trend_chart",
    ),
]
