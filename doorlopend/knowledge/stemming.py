"""A minimal Dutch suffix rule for search: enough that a plural finds its singular.

PostgreSQL stems with its `dutch` (Snowball) configuration, but Snowball keeps the -s of
a word after a vowel ("stages" stays "stages", while "stage" becomes "stag"), and SQLite's
FTS5 has no Dutch stemmer at all. No Dutch stemmer is installed (snowballstemmer is not a
dependency), so both backends also search with this rule, applied alike to the text and
to the query (SQLite) or as an extra prefix term (PostgreSQL):

1. lower case, accents off (geïnspireerd → geinspireerd), an apostrophe-s dropped;
2. -heden → -heid (mogelijkheden → mogelijkheid);
3. -en after a consonant, when three letters stay, off (leerlingen → leerling), then a
   doubled last consonant undoubled (lessen → les);
4. else -s after anything but a j, when three letters stay, off (stages → stage,
   ouders → ouder);
5. a final -e after a consonant, when three letters stay, off (stage → stag), undoubled.

It over-stems sometimes (cursus → cursu, gastles → gastl); that costs little, because the
query matches by prefix and takes the rule until nothing changes (`query_stem`):
"gastlessen" asks for gastl…, which finds the stem of "gastles" as well as "gastlessen".
"""

from __future__ import annotations

import re
import unicodedata

VOWELS = frozenset("aeiouy")
WORD = re.compile(r"\w+", re.UNICODE)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in VOWELS:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """The stem of one word by the rule above."""
    word = _plain(word)
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("heden"):
        return word[:-5] + "heid"
    if word.endswith("en") and len(word) >= 5 and word[-3] not in VOWELS:
        word = _undouble(word[:-2])
    elif word.endswith("s") and len(word) >= 4 and word[-2] != "j":
        word = word[:-1]
    if word.endswith("e") and len(word) >= 4 and word[-2] not in VOWELS:
        word = _undouble(word[:-1])
    return word


def query_stem(word: str) -> str:
    """The rule applied until the word stops changing: a query term matched by prefix."""
    previous, current = None, stem(word)
    while current != previous:
        previous, current = current, stem(current)
    return current


def words(text: str) -> list[str]:
    """The words of `text` (letters and digits), in plain lower case."""
    return [_plain(w) for w in WORD.findall(text or "")]


def stemmed_text(text: str) -> str:
    """`text` as the stems of its words, for SQLite's full-text table."""
    return " ".join(stem(w) for w in words(text))
