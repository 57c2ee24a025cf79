"""URLs of the doorstroommonitor, under /p/<partnership_slug>/doorstroom/.

`pupils` holds every URL that shows a pupil's personal data: each writes the access log,
and `tests/test_audit_sweep.py` requests every one of them to prove it.
"""

from django.urls import include, path

from . import dates, figures, imports, privacy, pupils

app_name = "transitions"
urlpatterns = [
    path("", include(figures)),
    path("bestanden/", include(imports)),
    path("school/<int:school_id>/", include(pupils)),
    path("privacy/", include(privacy)),
    path("data/", include(dates)),
]
