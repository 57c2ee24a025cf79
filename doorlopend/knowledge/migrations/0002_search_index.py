"""The full-text index of practices, one kind per database (see knowledge/search.py).

PostgreSQL: a GIN index on the very expression the search uses (Django builds both from
`search.VECTOR`). SQLite: an FTS5 table of the stemmed text, filled from the practices
already there. Other databases get neither and search by title.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEX_NAME = "knowledge_practice_search_gin"


def _index():
    from doorlopend.knowledge.search import VECTOR

    return GinIndex(VECTOR, name=INDEX_NAME)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    Practice = apps.get_model("knowledge", "Practice")
    if vendor == "postgresql":
        schema_editor.add_index(Practice, _index())
    elif vendor == "sqlite":
        from doorlopend.knowledge.search import FTS_TABLE, document_of
        from doorlopend.knowledge.stemming import stemmed_text

        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
        )
        for practice in Practice._base_manager.all():
            schema_editor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (%s, %s)",
                [practice.pk, stemmed_text(document_of(practice))],
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("knowledge", "Practice"), _index())
    elif vendor == "sqlite":
        from doorlopend.knowledge.search import FTS_TABLE

        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_practices")]

    operations = [migrations.RunPython(create, drop)]
