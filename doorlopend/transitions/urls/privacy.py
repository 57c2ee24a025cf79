"""The privacy officer's URLs under privacy/ (see urls/__init__.py)."""

from django.urls import path

from ..views import privacy

urlpatterns = [
    path("<int:school_id>/logboek/", privacy.privacy_log, name="privacy_log"),
    path(
        "<int:school_id>/logboek.csv",
        privacy.privacy_log_export,
        name="privacy_log_export",
    ),
    path(
        "<int:school_id>/bewaartermijn/",
        privacy.retention_report,
        name="retention_report",
    ),
]
