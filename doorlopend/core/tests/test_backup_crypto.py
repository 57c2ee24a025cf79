"""The backup archive's encryption, the passphrase, and the refusal of SQLite."""

import io
import os

import pytest
from django.db import connection

from doorlopend.core import backup
from doorlopend.core.backup import crypto
from doorlopend.core.backup.archive import backup_create, key_fingerprint
from doorlopend.core.backup.postgres import BackupError

PASSPHRASE = "correct horse battery staple"


def _sealed(data: bytes, pieces: int = 7) -> bytes:
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, PASSPHRASE)
    step = max(1, len(data) // pieces)
    for start in range(0, len(data), step):
        writer.write(data[start : start + step])
    writer.close()
    return out.getvalue()


def _opened(sealed: bytes, passphrase: str = PASSPHRASE) -> bytes:
    reader = crypto.DecryptingReader(io.BytesIO(sealed), passphrase)
    parts = []
    while part := reader.read(300_000):
        parts.append(part)
    return b"".join(parts)


@pytest.mark.parametrize("size", [0, 10, crypto.CHUNK, 2 * crypto.CHUNK + 12345])
def test_what_is_written_reads_back(size):
    data = os.urandom(size)
    sealed = _sealed(data)
    assert data[:1000] not in sealed or size == 0
    assert _opened(sealed) == data


def test_a_wrong_passphrase_is_refused():
    with pytest.raises(crypto.BackupCryptoError, match="wrong passphrase"):
        _opened(_sealed(b"pupils"), "another passphrase")


def test_a_cut_off_archive_is_refused():
    sealed = _sealed(os.urandom(2 * crypto.CHUNK + 10))
    last = 4 + 10 + 16  # the last chunk: its length, 10 bytes, the tag
    with pytest.raises(crypto.BackupCryptoError, match="cut off"):
        _opened(sealed[:-last])


def test_a_changed_byte_is_refused():
    sealed = bytearray(_sealed(b"x" * 5000))
    sealed[-20] ^= 1
    with pytest.raises(crypto.BackupCryptoError):
        _opened(bytes(sealed))


def test_another_file_is_not_taken_for_an_archive():
    with pytest.raises(crypto.BackupCryptoError, match="not a Doorlopend backup"):
        _opened(b"PGDMP" + b"\0" * 100)


def test_the_passphrase_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    with pytest.raises(BackupError, match="BACKUP_PASSPHRASE"):
        backup.passphrase_from_env()
    monkeypatch.setenv("BACKUP_PASSPHRASE", "short")
    with pytest.raises(BackupError, match="at least 12"):
        backup.passphrase_from_env()
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    assert backup.passphrase_from_env() == PASSPHRASE


def test_a_key_fingerprint_does_not_reveal_the_key(settings):
    key = settings.PUPIL_DATA_KEYS[0]
    assert key not in key_fingerprint(key)
    assert len(key_fingerprint(key)) == 16


@pytest.mark.django_db
def test_sqlite_is_refused_clearly(tmp_path):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL a backup is made: tests/across_apps/test_backup.py")
    with pytest.raises(BackupError, match="Backups need PostgreSQL"):
        backup_create(path=tmp_path / "a.dlb", passphrase=PASSPHRASE)
    assert not list(tmp_path.iterdir())
