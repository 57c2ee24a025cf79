"""Uploaded pupil files on disk: PRIVATE_UPLOAD_ROOT, a random name, hashed on the way."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class StoredUpload:
    """A file written to PRIVATE_UPLOAD_ROOT under a random name, with its SHA-256."""

    stored_name: str
    content_hash: str
    size: int


class UploadWriter:
    """Writes an upload chunk by chunk to PRIVATE_UPLOAD_ROOT, hashing on the way."""

    def __init__(self):
        root = Path(settings.PRIVATE_UPLOAD_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        self.stored_name = f"{secrets.token_hex(16)}.upload"
        self.path = root / self.stored_name
        self.file = self.path.open("xb")
        self.path.chmod(0o600)
        self.digest, self.size = hashlib.sha256(), 0

    def write(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.size += len(chunk)
        self.file.write(chunk)

    def close(self) -> StoredUpload:
        self.file.close()
        return StoredUpload(self.stored_name, self.digest.hexdigest(), self.size)

    def discard(self) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


def upload_store(chunks) -> StoredUpload:
    """Store an iterable of byte chunks (the management command, tests)."""
    writer = UploadWriter()
    try:
        for chunk in chunks:
            writer.write(chunk)
    except BaseException:
        writer.discard()
        raise
    return writer.close()


def upload_discard(stored: StoredUpload) -> None:
    (Path(settings.PRIVATE_UPLOAD_ROOT) / stored.stored_name).unlink(missing_ok=True)
