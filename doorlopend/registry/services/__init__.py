"""Writes for the school register: the DUO file import and its background jobs.

Other apps call `register_import()`; parsing (`parse`) is pure and kept apart from
writing (`write`).
"""

from .jobs import import_job_create, import_job_run
from .parse import ParsedRegister, parse_register
from .text import RegisterImportError, RowError, binary_problem
from .write import ImportResult, register_import, register_write

__all__ = [
    "ImportResult",
    "ParsedRegister",
    "RegisterImportError",
    "RowError",
    "binary_problem",
    "import_job_create",
    "import_job_run",
    "parse_register",
    "register_import",
    "register_write",
]
