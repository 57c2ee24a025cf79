"""Bring an archive (archive.py) back into an empty database and an empty media folder.

Everything that can refuse does so before anything is written: the passphrase, every
checksum, the pupil keys (the names in the archive are readable only with the keys that
encrypted them), the migrations (an archive of a newer version needs that version's code).
pg_restore then runs in one transaction; the restored row counts and pupil-table hash must
equal the manifest's; the media files move into place last.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from . import postgres
from .archive import DUMP, MEDIA, _stage, key_fingerprints
from .postgres import BackupError


def _refuse_unless_empty(database: dict, media: Path) -> None:
    with postgres.connect(database) as conn:
        tables = postgres.table_names(conn)
    if tables:
        raise BackupError(
            f"The database {database['NAME']!r} is not empty ({len(tables)} tables). "
            "Restore only into a new, empty database (createdb), before `migrate`."
        )
    if media.exists() and any(p.is_file() for p in media.rglob("*")):
        raise BackupError(
            f"The media folder {media} is not empty. Restore into an empty or new folder "
            "(MEDIA_ROOT)."
        )


def _check_members(manifest: dict, hashes: dict) -> None:
    expected = manifest.get("members", {})
    missing = sorted(expected.keys() - hashes.keys())
    extra = sorted(hashes.keys() - expected.keys())
    wrong = sorted(
        k for k in expected.keys() & hashes.keys() if expected[k] != hashes[k]
    )
    if missing or extra or wrong:
        raise BackupError(
            f"The archive does not match its manifest: missing {missing}, not listed "
            f"{extra}, wrong checksum {wrong}."
        )


def keys_differ(manifest: dict) -> str:
    """Why this site's keys cannot read the archive's pupil data; '' when they can."""
    archived, here = manifest["keys"], key_fingerprints()
    unknown = [
        k for k in archived["pupil_data_keys"] if k not in here["pupil_data_keys"]
    ]
    reasons = []
    if unknown:
        reasons.append(
            f"PUPIL_DATA_KEYS lacks {len(unknown)} key(s) the archive was made with "
            f"(fingerprints {', '.join(unknown)}): those names and dates of birth "
            "could not be read"
        )
    if archived["pupil_pseudonym_key"] != here["pupil_pseudonym_key"]:
        reasons.append(
            "PUPIL_PSEUDONYM_KEY differs: new imports would not find the archived pupils"
        )
    return "; ".join(reasons)


def _check_migrations(manifest: dict) -> None:
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest["migrations"].items()
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            f"The archive was made by a newer version ({manifest['app_version']}): this "
            f"code does not know the migrations {', '.join(unknown)}. Deploy that version "
            "first."
        )


def _pg_restore(database: dict, dump: Path) -> None:
    with postgres.connect(database) as conn:
        pg_restore = postgres.tool("pg_restore", postgres.server_major(conn))
    args = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error"]
    args += ["--single-transaction", f"--dbname={database['NAME']}", str(dump)]
    done = subprocess.run(  # noqa: S603 - our arguments, no shell
        args, env=postgres.client_env(database), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(
            f"pg_restore failed (nothing restored): {done.stderr.strip()}"
        )


def backup_restore(
    *,
    path: Path,
    passphrase: str,
    accept_other_keys: bool = False,
    media_root: Path | None = None,
    database: dict | None = None,
) -> dict:
    """Restore `path` into `database` (a Django database setting; default: this site's);
    returns its manifest. Raises BackupError, saying why, on refusal."""
    database = database or connection.settings_dict
    postgres.require_postgres(database)
    media = Path(media_root or settings.MEDIA_ROOT)
    _refuse_unless_empty(database, media)
    with tempfile.TemporaryDirectory(prefix="doorlopend-restore-") as folder:
        staging = Path(folder)
        manifest, hashes = _stage(path, passphrase, staging)
        _check_members(manifest, hashes)
        differ = keys_differ(manifest)
        if differ and not accept_other_keys:
            raise BackupError(
                f"This archive was made with other pupil keys: {differ}. Set the keys "
                "it was made with, or restore anyway with --accept-other-keys (those "
                "pupils' names stay unreadable)."
            )
        _check_migrations(manifest)
        _pg_restore(database, staging / DUMP)
        with postgres.connect(database) as conn:
            restored = postgres.summary(conn)
        archived = {k: manifest[k] for k in ("row_counts", "pupil_tables_sha256")}
        if restored != archived:
            raise BackupError(
                "The restored database differs from the archive's manifest (row counts "
                "or pupil tables). Drop it and restore again into a new database."
            )
        if (staging / MEDIA).is_dir():
            media.mkdir(parents=True, exist_ok=True)
            for item in sorted((staging / MEDIA).iterdir()):
                shutil.move(str(item), str(media / item.name))
    return manifest
