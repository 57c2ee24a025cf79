"""The pupil's and parent's pages: no account, only the personal link's token."""

from django.urls import path

from .views import pupil

app_name = "dossier_pupil"
urlpatterns = [
    path("<str:token>/", pupil.home, name="home"),
    path("<str:token>/opslaan/", pupil.part_a_save, name="part_a_save"),
    path("<str:token>/akkoord/", pupil.approve, name="approve"),
    path("<str:token>/toestemming/", pupil.consent, name="consent"),
    path("<str:token>/ouder/", pupil.invite_parent, name="invite_parent"),
    path("<str:token>/dossier.pdf", pupil.dossier_pdf, name="dossier_pdf"),
]
