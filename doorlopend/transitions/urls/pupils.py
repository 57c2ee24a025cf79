"""Pupil URLs under school/<school_id>/ (see urls/__init__.py). Every one of them shows or
changes a pupil's personal data and writes the access log: tests/test_audit_sweep.py
requests each pattern listed here."""

from django.urls import path

from ..views import pupils, pupils_inspection, signals

urlpatterns = [
    path("leerlingen/", pupils.pupil_list, name="pupil_list"),
    path("leerlingen/<int:pupil_id>/", pupils.pupil_detail, name="pupil_detail"),
    path(
        "leerlingen/<int:pupil_id>/status/",
        pupils.pupil_status_add,
        name="pupil_status_add",
    ),
    path(
        "leerlingen/<int:pupil_id>/inzage.json",
        pupils_inspection.pupil_export_json,
        name="pupil_export_json",
    ),
    path(
        "leerlingen/<int:pupil_id>/inzage.pdf",
        pupils_inspection.pupil_export_pdf,
        name="pupil_export_pdf",
    ),
    path(
        "leerlingen/<int:pupil_id>/wissen/",
        pupils_inspection.pupil_erase,
        name="pupil_erase",
    ),
    path("signalen/", signals.signal_list, name="signal_list"),
    path("signalen/<int:signal_id>/", signals.signal_detail, name="signal_detail"),
    path(
        "signalen/<int:signal_id>/interventie/",
        signals.intervention_add,
        name="intervention_add",
    ),
    path(
        "signalen/<int:signal_id>/sluiten/", signals.signal_close, name="signal_close"
    ),
]
