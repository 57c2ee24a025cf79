from django.urls import path

from ..views import scans

urlpatterns = [
    path("scan/", scans.scan_overview, name="scan_overview"),
    path("scan/new/", scans.scan_start, name="scan_start"),
    path("scan/school/<int:school_id>/", scans.scan_school, name="scan_school"),
    path(
        "scan/<int:session_id>/action/",
        scans.scan_action_point,
        name="scan_action_point",
    ),
]
