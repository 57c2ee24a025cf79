from django.urls import path

from ..views import actions, live, open_answers, parties

urlpatterns = [
    path("<int:session_id>/", live.session_detail, name="session_detail"),
    path("<int:session_id>/partijen/", parties.session_parties, name="session_parties"),
    path("<int:session_id>/live/", live.session_live, name="session_live"),
    path("<int:session_id>/beamer/", live.session_presenter, name="session_presenter"),
    path(
        "<int:session_id>/beamer/live/",
        live.session_presenter_live,
        name="session_presenter_live",
    ),
    path("<int:session_id>/qr.svg", live.session_qr, name="session_qr"),
    path("<int:session_id>/radar.svg", live.session_radar, name="session_radar"),
    path("<int:session_id>/phase/", live.session_phase, name="session_phase"),
    path(
        "<int:session_id>/beamer/theme/",
        live.session_beamer_theme,
        name="session_beamer_theme",
    ),
    path(
        "<int:session_id>/notes/<slug:theme_key>/",
        live.theme_note,
        name="theme_note",
    ),
    path(
        "<int:session_id>/actions/new/",
        actions.action_point_create,
        name="action_point_create",
    ),
    path(
        "open-antwoorden/<int:answer_id>/verbergen/",
        open_answers.open_answer_hide,
        {"hide": True},
        name="open_answer_hide",
    ),
    path(
        "open-antwoorden/<int:answer_id>/tonen/",
        open_answers.open_answer_hide,
        {"hide": False},
        name="open_answer_show",
    ),
    path("actions/", actions.action_point_list, name="action_point_list"),
    path(
        "actions/<int:action_id>/edit/",
        actions.action_point_edit,
        name="action_point_edit",
    ),
]
