"""Files of deleted rows: removed from storage once the deletion is committed."""

from __future__ import annotations

import logging

from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)


def files_delete_on_commit(names: list[str]) -> None:
    """Delete stored files after the transaction commits; a rollback keeps them."""
    names = [n for n in names if n]
    if not names:
        return

    def delete() -> None:
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:  # a file already gone must not fail the deletion
                logger.warning("could not delete stored file %s", name)

    transaction.on_commit(delete)
