"""Imports of pupil files (vo leavers, mbo statuses): see jobs.py for the flow."""

from .jobs import import_create, import_map, import_run, upload_path
from .store import StoredUpload, UploadWriter, upload_discard, upload_store

__all__ = [
    "StoredUpload",
    "UploadWriter",
    "import_create",
    "import_map",
    "import_run",
    "upload_discard",
    "upload_path",
    "upload_store",
]
