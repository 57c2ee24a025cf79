"""Bring a backup archive back into an EMPTY database and media folder.

    createdb doorlopend_new
    DATABASE_URL=postgres://…/doorlopend_new BACKUP_PASSPHRASE=… manage.py restore ARCHIVE

Refuses a database with tables or a MEDIA_ROOT with files, an archive whose checksums do
not match, one from a newer version, and one made with other pupil keys (unless
--accept-other-keys: those pupils' names then stay unreadable). Afterwards it checks the
restored row counts and pupil-table hash against the archive. Then run `migrate` (an
older archive may need this version's migrations). Its last line:
`restored=<path> tables=N rows=N media_files=N pupil_tables_sha256=…`.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doorlopend.core.backup import BackupError, passphrase_from_env
from doorlopend.core.backup.archive import MEDIA
from doorlopend.core.backup.restore import backup_restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--accept-other-keys",
            action="store_true",
            help="Restore an archive made with other pupil keys (names unreadable).",
        )

    def handle(self, *args, path: Path, accept_other_keys: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            manifest = backup_restore(
                path=path,
                passphrase=passphrase_from_env(),
                accept_other_keys=accept_other_keys,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = manifest["row_counts"]
        media = sum(name.startswith(f"{MEDIA}/") for name in manifest["members"])
        self.stdout.write(
            f"Restored the archive of {manifest['created_at']} (version "
            f"{manifest['app_version']}); row counts and pupil tables match it."
        )
        self.stdout.write(
            f"restored={path} tables={len(counts)} rows={sum(counts.values())} "
            f"media_files={media} pupil_tables_sha256={manifest['pupil_tables_sha256']}"
        )
