"""Backups: one encrypted archive of the database and the media files (see archive.py),
and its restore into an empty site (restore.py). `manage.py backup` and `restore`."""

import os

from .postgres import BackupError

PASSPHRASE_VARIABLE = "BACKUP_PASSPHRASE"
MIN_PASSPHRASE = 12


def passphrase_from_env() -> str:
    """The archive's passphrase, from the environment only (never an argument: `ps`)."""
    passphrase = os.environ.get(PASSPHRASE_VARIABLE, "")
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(
            f"Set {PASSPHRASE_VARIABLE} in the environment: a passphrase of at least "
            f"{MIN_PASSPHRASE} characters. Keep it apart from the archives, with the "
            "pupil keys."
        )
    return passphrase
