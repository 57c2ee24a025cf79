"""Writes of the reflection module; views call these, never the ORM directly."""

from .discussion import action_point_create, action_point_update, theme_note_save
from .open_answers import (
    open_answer_hide,
    open_answer_save,
    open_answers_save,
    theme_answers_save,
)
from .participation import (
    JoinError,
    answer_record,
    answer_save,
    answer_valid,
    answers_save,
    join_code_normalise,
    participant_join,
)
from .sessions import (
    session_beamer_theme_set,
    session_close,
    session_create,
    session_delete,
    session_open,
    session_phase_set,
    session_reopen,
    session_update,
)

__all__ = [
    "JoinError",
    "action_point_create",
    "action_point_update",
    "answer_record",
    "answer_save",
    "answer_valid",
    "answers_save",
    "join_code_normalise",
    "open_answer_hide",
    "open_answer_save",
    "open_answers_save",
    "participant_join",
    "session_beamer_theme_set",
    "session_close",
    "session_create",
    "session_delete",
    "session_open",
    "session_phase_set",
    "session_reopen",
    "session_update",
    "theme_answers_save",
    "theme_note_save",
]
