"""The dossier's staff pages, under /p/<partnership_slug>/dossier/. The pages under
school/<school_id>/ show pupils and write the access log."""

from django.urls import path

from .views import agreement, links, school

app_name = "dossier"
urlpatterns = [
    path("afspraken/", agreement.agreement, name="agreement"),
    path("school/<int:school_id>/", school.dossier_list, name="dossier_list"),
    path(
        "school/<int:school_id>/<int:transition_id>/",
        school.dossier_detail,
        name="dossier_detail",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/deel-b/",
        school.part_b_save,
        name="part_b_save",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/deel-c/",
        school.part_c_save,
        name="part_c_save",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/elders/",
        school.kept_elsewhere,
        name="kept_elsewhere",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/link/",
        links.pupil_link,
        name="pupil_link",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/dossier.pdf",
        school.dossier_pdf,
        name="dossier_pdf",
    ),
]

# The handover (issue 16, second half): the receiving school's pages, the sending
# school's answer to its question, and the figures.
from .urls_handover import urlpatterns as handover_urlpatterns  # noqa: E402

urlpatterns += handover_urlpatterns
