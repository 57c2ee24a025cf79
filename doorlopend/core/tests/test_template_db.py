"""The migrated test-database template is used only while it matches the migrations."""

from doorlopend.core.testing import template_db


def _tree(root):
    (root / "doorlopend" / "shop" / "migrations").mkdir(parents=True)
    (root / "doorlopend" / "instruments" / "data").mkdir(parents=True)
    (root / "doorlopend" / "shop" / "migrations" / "0001_initial.py").write_text(
        "a = 1"
    )
    (root / "doorlopend" / "shop" / "apps.py").write_text("ready = None")
    (root / "doorlopend" / "instruments" / "data" / "tool.yaml").write_text("q: 1")
    (root / "doorlopend" / "shop" / "views.py").write_text("x = 1")


def test_a_changed_migration_apps_file_or_instrument_file_names_a_new_template(
    settings, tmp_path
):
    settings.BASE_DIR = tmp_path
    _tree(tmp_path)
    first = template_db.template_path()
    assert first.parent == tmp_path / "var"

    (tmp_path / "doorlopend" / "shop" / "views.py").write_text("x = 2")
    assert template_db.template_path() == first  # not an input of the migrated database

    seen = {first}
    for changed in (
        "doorlopend/shop/migrations/0001_initial.py",
        "doorlopend/shop/apps.py",
        "doorlopend/instruments/data/tool.yaml",
    ):
        (tmp_path / changed).write_text("changed")
        seen.add(template_db.template_path())
    assert len(seen) == 4


def test_only_sqlite_in_memory_uses_a_template():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "TEST": {}}
    assert template_db.applies(sqlite)
    assert not template_db.applies({**sqlite, "TEST": {"NAME": "/tmp/test.sqlite3"}})
    assert not template_db.applies(
        {"ENGINE": "django.db.backends.postgresql", "TEST": {}}
    )
