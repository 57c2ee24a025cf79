"""One encrypted archive holds the whole site: the database, the media files, a manifest.

Inside the encryption (crypto.py) a tar stream: `database.dump` (pg_dump, custom format),
`media/…` (every file under MEDIA_ROOT) and, last, `manifest.json`: the app, Django,
PostgreSQL and pg_dump versions, the newest migration of every app, a SHA-256 of every
member, the row counts and pupil-table hash of the dumped snapshot (postgres.summary), and
fingerprints of the pupil keys. Never the keys: an archive without the keys that encrypted
its pupils' names is, for those names, useless — by design.

Restore goes only into an empty database and media folder: it stages the members in a
temporary folder, checks every checksum, the keys and the migrations first, then runs
pg_restore in one transaction, compares the restored data with the manifest, and only then
moves the media files into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tarfile
import tempfile
import tomllib
from pathlib import Path, PurePosixPath

import django
import psycopg
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import postgres
from .crypto import BackupCryptoError, DecryptingReader, EncryptingWriter
from .postgres import BackupError

FORMAT = 1
DUMP, MANIFEST, MEDIA = "database.dump", "manifest.json", "media"
COPY_BYTES = 1024 * 1024


def key_fingerprint(key: str) -> str:
    """Names a key without revealing it (the keys are 256-bit random values)."""
    digest = hashlib.sha256(b"doorlopend-key-fingerprint\0" + key.encode())
    return digest.hexdigest()[:16]


def key_fingerprints() -> dict:
    return {
        "pupil_data_keys": [key_fingerprint(k) for k in settings.PUPIL_DATA_KEYS],
        "pupil_pseudonym_key": key_fingerprint(settings.PUPIL_PSEUDONYM_KEY),
    }


def app_version() -> str:
    with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def _migration_heads() -> dict[str, str]:
    """The newest migration applied, per app (names are numbered)."""
    heads: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        heads[app] = max(heads.get(app, name), name)
    return dict(sorted(heads.items()))


class _Hashing:
    """Reads from `source`, hashing what passes."""

    def __init__(self, source) -> None:
        self.source, self.sha256 = source, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.sha256.update(data)
        return data


def _add(tar: tarfile.TarFile, name: str, path: Path, members: dict) -> None:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as f:
        hashing = _Hashing(f)
        tar.addfile(info, hashing)
    members[name] = hashing.sha256.hexdigest()


def _dump(database: dict, target: Path) -> dict:
    """pg_dump into `target`; the manifest's facts about the database, taken in the
    snapshot it dumps."""
    with postgres.connect(database) as conn:
        # One snapshot for every statement below and for pg_dump (--snapshot).
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        pg_dump = postgres.tool("pg_dump", postgres.server_major(conn))
        args = [pg_dump, "--format=custom", f"--snapshot={snapshot}", "--no-owner"]
        done = subprocess.run(  # noqa: S603 - our arguments, no shell
            [*args, f"--file={target}"],
            env=postgres.client_env(database),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
        facts = {
            "postgresql": postgres.server_version(conn),
            "pg_dump": postgres.tool_version(pg_dump),
            **postgres.summary(conn),
        }
        conn.rollback()
    return facts


def backup_create(
    *, path: Path, passphrase: str, media_root: Path | None = None
) -> dict:
    """Write the archive to `path` (atomically: a partial file until it is whole)."""
    database = connection.settings_dict
    postgres.require_postgres(database)
    media = Path(media_root or settings.MEDIA_ROOT)
    partial = path.with_name(path.name + ".partial")
    members: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="doorlopend-backup-") as staging:
        dump = Path(staging) / DUMP
        facts = _dump(database, dump)
        with partial.open("wb") as out:
            os.chmod(partial, 0o600)
            writer = EncryptingWriter(out, passphrase)
            with tarfile.open(fileobj=writer, mode="w|") as tar:
                _add(tar, DUMP, dump, members)
                for file in sorted(p for p in media.rglob("*") if p.is_file()):
                    name = f"{MEDIA}/{file.relative_to(media).as_posix()}"
                    _add(tar, name, file, members)
                manifest = {
                    "format": FORMAT,
                    "created_at": timezone.now().isoformat(),
                    "app_version": app_version(),
                    "django": django.get_version(),
                    **facts,
                    "migrations": _migration_heads(),
                    "keys": key_fingerprints(),
                    "members": members,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(timezone.now().timestamp())
                tar.addfile(info, _Hashing(_Bytes(data)))
            writer.close()
            out.flush()
            os.fsync(out.fileno())
    partial.replace(path)
    return manifest


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        size = len(self.data) if size < 0 else size
        chunk, self.data = self.data[:size], self.data[size:]
        return chunk


def _member_path(staging: Path, name: str) -> Path:
    """Where a member goes in the staging folder; refuses names that would leave it."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise BackupError(f"The archive holds a suspicious name: {name!r}.")
    if name not in (DUMP, MANIFEST) and pure.parts[0] != MEDIA:
        raise BackupError(f"The archive holds an unexpected member: {name!r}.")
    return staging.joinpath(*pure.parts)


def _stage(path: Path, passphrase: str, staging: Path) -> tuple[dict, dict]:
    """Decrypt and unpack into `staging`; (manifest, SHA-256 of every member)."""
    try:
        return _unpack(path, passphrase, staging)
    except (BackupCryptoError, tarfile.TarError) as error:
        raise BackupError(str(error)) from error


def _unpack(path: Path, passphrase: str, staging: Path) -> tuple[dict, dict]:
    hashes: dict[str, str] = {}
    with path.open("rb") as source:
        reader = DecryptingReader(source, passphrase)
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                if not member.isfile():
                    raise BackupError(f"The archive holds a non-file: {member.name!r}.")
                target = _member_path(staging, member.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, extracted = hashlib.sha256(), tar.extractfile(member)
                with target.open("wb") as out:
                    while chunk := extracted.read(COPY_BYTES):
                        digest.update(chunk)
                        out.write(chunk)
                hashes[member.name] = digest.hexdigest()
    manifest_path = staging / MANIFEST
    if not manifest_path.is_file():
        raise BackupError("The archive has no manifest: it is not whole.")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
    del hashes[MANIFEST]
    return manifest, hashes
