"""`backup` and `restore` on PostgreSQL: a round trip, and each refusal.

The data (pupils with encrypted names, a dossier, a media file) is committed, as pg_dump
sees only committed rows; each restore goes into a database of its own, created empty
here and dropped afterwards.
"""

import contextlib

import psycopg
import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_scopes import scopes_disabled
from psycopg import sql

from doorlopend.core.backup import postgres
from doorlopend.core.backup.archive import backup_create
from doorlopend.core.backup.postgres import BackupError
from doorlopend.core.backup.restore import backup_restore
from doorlopend.transitions import privacy
from doorlopend.transitions.tests.factories import PupilFactory

PASSPHRASE = "a passphrase for this test only"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "backups use pg_dump and pg_restore: PostgreSQL only (the SQLite refusal is "
            "tested in core/tests/test_backup_crypto.py)"
        )


@pytest.fixture
def empty_database():
    """Makes empty databases next to the test database; drops them afterwards."""
    made = []
    admin = {**connection.settings_dict, "NAME": "postgres"}

    def make() -> dict:
        name = f"{connection.settings_dict['NAME']}_restore{len(made)}"
        with psycopg.connect(**postgres.conninfo(admin), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        made.append(name)
        return {**connection.settings_dict, "NAME": name}

    yield make
    with psycopg.connect(**postgres.conninfo(admin), autocommit=True) as conn:
        for name in made:
            drop = "DROP DATABASE IF EXISTS {} WITH (FORCE)"
            conn.execute(sql.SQL(drop).format(sql.Identifier(name)))


@pytest.fixture
def archive(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "evidence").mkdir(parents=True)
    (tmp_path / "media" / "evidence" / "verslag.pdf").write_bytes(b"%PDF-1.7 test")
    with scopes_disabled():  # test data
        pupils = PupilFactory.create_batch(4)
    path = tmp_path / "site.dlb"
    try:
        manifest = backup_create(path=path, passphrase=PASSPHRASE)
    except BackupError as error:
        if "was not found" in str(error):  # no PostgreSQL client programs here
            pytest.skip(str(error))
        raise
    return path, manifest, pupils


def test_a_round_trip_brings_back_every_row_and_file(archive, empty_database, tmp_path):
    path, manifest, pupils = archive
    assert manifest["row_counts"]["transitions_pupil"] == 4
    assert "media/evidence/verslag.pdf" in manifest["members"]
    assert all(k not in path.read_bytes() for k in (b"%PDF-1.7", b"PGDMP"))
    target, media = empty_database(), tmp_path / "restored-media"

    backup_restore(path=path, passphrase=PASSPHRASE, database=target, media_root=media)

    with postgres.connect(connection.settings_dict) as source:
        before = postgres.summary(source)
    with postgres.connect(target) as restored:
        after = postgres.summary(restored)
        tokens = restored.execute(
            "SELECT id, name FROM transitions_pupil ORDER BY id"
        ).fetchall()
    assert after == before
    assert "transitions_pupil" in postgres.pupil_tables()
    assert {pk: privacy.decrypt(name) for pk, name in tokens} == {
        p.pk: p.name for p in pupils
    }
    assert (media / "evidence" / "verslag.pdf").read_bytes() == b"%PDF-1.7 test"


def test_restore_refuses_a_database_or_media_folder_in_use(archive, tmp_path):
    path, _manifest, _pupils = archive
    with pytest.raises(BackupError, match="is not empty"):  # the test database itself
        backup_restore(path=path, passphrase=PASSPHRASE, media_root=tmp_path / "new")


def test_restore_refuses_other_pupil_keys_unless_told(
    archive, empty_database, tmp_path, settings
):
    path, _manifest, _pupils = archive
    settings.PUPIL_DATA_KEYS = [Fernet.generate_key().decode()]
    target = empty_database()
    with pytest.raises(BackupError, match="other pupil keys"):
        backup_restore(
            path=path, passphrase=PASSPHRASE, database=target, media_root=tmp_path / "m"
        )
    with postgres.connect(target) as conn:
        assert postgres.table_names(conn) == []  # refused before anything was written

    backup_restore(
        path=path,
        passphrase=PASSPHRASE,
        database=target,
        media_root=tmp_path / "m",
        accept_other_keys=True,
    )
    with postgres.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM transitions_pupil").fetchone() == (4,)


def test_restore_refuses_a_wrong_passphrase(archive, empty_database, tmp_path):
    path, _manifest, _pupils = archive
    with pytest.raises(BackupError, match="wrong passphrase"):
        backup_restore(
            path=path,
            passphrase="not the passphrase",
            database=empty_database(),
            media_root=tmp_path / "m",
        )


def test_the_commands_say_why_they_refuse(archive, monkeypatch, tmp_path):
    path, _manifest, _pupils = archive
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(path))
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(path))
    monkeypatch.delenv("BACKUP_PASSPHRASE")
    with contextlib.suppress(FileNotFoundError), pytest.raises(CommandError):
        call_command("backup", str(tmp_path / "new.dlb"))
    assert not (tmp_path / "new.dlb").exists()
