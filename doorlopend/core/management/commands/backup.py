"""Write one encrypted archive of the site: database, media files, manifest.

    BACKUP_PASSPHRASE=… manage.py backup /backups/doorlopend-2027-03-08.dlb

PostgreSQL only (pg_dump, custom format). The archive is written to `<path>.partial` and
renamed when whole; an existing file is not overwritten. Its last line:
`backup=<path> bytes=N tables=N rows=N media_files=N`.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doorlopend.core.backup import BackupError, passphrase_from_env
from doorlopend.core.backup.archive import MEDIA, backup_create


class Command(BaseCommand):
    help = "Write an encrypted backup archive (database and media files) to PATH."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if path.exists():
            raise CommandError(f"{path} exists already; choose a new name.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        try:
            manifest = backup_create(path=path, passphrase=passphrase_from_env())
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = manifest["row_counts"]
        media = sum(name.startswith(f"{MEDIA}/") for name in manifest["members"])
        self.stdout.write(
            f"backup={path} bytes={path.stat().st_size} tables={len(counts)} "
            f"rows={sum(counts.values())} media_files={media}"
        )
