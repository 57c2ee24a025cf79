"""Full-text search of practices in Dutch: the one place that knows how, per database.

- PostgreSQL: the `dutch` text-search configuration over title, what happens and what
  it achieved, with a GIN index on exactly that expression (migration
  0002_search_index, PostgreSQL only). Each query word is asked for as itself or as the
  prefix of its stem by the rule of `stemming` (Snowball keeps "stages" whole, the rule
  makes it stag…, which finds "stage").
- SQLite (development, the embedded default): an FTS5 table `knowledge_practice_fts`
  (same migration, SQLite only) holding the stems of the same text by that rule, kept in
  step by `index()`, which every service that writes a practice calls; a query word
  matches by the prefix of its stem.
- Anything else: a plain case-insensitive match on the title.

`matching()` is the selector the pages call; it narrows a queryset and keeps it lazy.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .stemming import query_stem, stemmed_text, words

FTS_TABLE = "knowledge_practice_fts"
SEARCHED_FIELDS = ("title", "description", "results")
# The expression the GIN index is built on: a query must use this very expression.
VECTOR = SearchVector(*SEARCHED_FIELDS, config="dutch")
MAX_WORDS = 8  # a pasted paragraph is not a query


def _query_words(text: str) -> list[str]:
    return [w for w in words(text) if len(w) > 1][:MAX_WORDS]


def _postgres(queryset: QuerySet, terms: list[str]) -> QuerySet:
    # Words are letters and digits only (`stemming.words`), so the raw syntax is safe.
    raw = " & ".join(
        f"({w} | {query_stem(w)}:*)" if len(query_stem(w)) >= 3 else w for w in terms
    )
    query = SearchQuery(raw, search_type="raw", config="dutch")
    return (
        queryset.annotate(search=VECTOR)
        .filter(search=query)
        .annotate(rank=SearchRank(VECTOR, query))
        .order_by("-rank", "-published_at", "-pk")
    )


def _sqlite(queryset: QuerySet, terms: list[str]) -> QuerySet:
    match = " ".join(f'"{query_stem(w)}"*' for w in terms)
    ids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])  # noqa: S611 (the table name is ours)
    return queryset.filter(pk__in=ids)


def matching(queryset: QuerySet, text: str) -> QuerySet:
    """The practices of `queryset` whose text matches every word of `text` (Dutch
    stemming; see the module's docstring). Empty text: the queryset unchanged."""
    terms = _query_words(text)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        return _postgres(queryset, terms)
    if connection.vendor == "sqlite":
        return _sqlite(queryset, terms)
    return queryset.filter(title__icontains=" ".join(terms))


def document_of(practice) -> str:
    return " ".join(getattr(practice, field) or "" for field in SEARCHED_FIELDS)


def index(practice) -> None:
    """Bring SQLite's full-text row of `practice` in line with its text (PostgreSQL
    reads the columns themselves: nothing to do there)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [practice.pk])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (%s, %s)",  # noqa: S608
            [practice.pk, stemmed_text(document_of(practice))],
        )


def unindex(practice_id: int) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [practice_id])  # noqa: S608
