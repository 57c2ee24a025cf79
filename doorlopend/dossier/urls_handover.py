"""The handover's URLs, under /p/<partnership_slug>/dossier/ (in the dossier namespace).
The pages under ontvangen/<school_id>/ show pupils and write the access log."""

from django.urls import path

from .views import figures, handover

urlpatterns = [
    path("ontvangen/<int:school_id>/", handover.incoming_list, name="incoming_list"),
    path(
        "ontvangen/<int:school_id>/<int:transition_id>/",
        handover.incoming_detail,
        name="incoming_detail",
    ),
    path(
        "ontvangen/<int:school_id>/<int:transition_id>/dossier.pdf",
        handover.incoming_pdf,
        name="incoming_pdf",
    ),
    path(
        "ontvangen/<int:school_id>/<int:transition_id>/besproken/",
        handover.incoming_discussed,
        name="incoming_discussed",
    ),
    path(
        "ontvangen/<int:school_id>/<int:transition_id>/vraag/",
        handover.incoming_question,
        name="incoming_question",
    ),
    path(
        "school/<int:school_id>/<int:transition_id>/vraag/<int:question_id>/antwoord/",
        handover.question_answer,
        name="question_answer",
    ),
    path("cijfers/", figures.dossier_figures, name="figures"),
]
