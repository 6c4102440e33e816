"""eventcoder: fast, explainable political event coding (CAMEO / PLOVER) from raw English news.

>>> import eventcoder as ec
>>> events = ec.code("Russia expelled 23 British diplomats on Friday.", published="2018-03-17")
>>> e = events[0]
>>> e.source.country, e.cameo.code, e.target.code, str(e.date)
('RUS', '161', 'GBRGOV', '2018-03-16')

All spans are Python string indices: ``text[start:end]`` gives back the spanned text.
Coding runs in Rust without the GIL; :meth:`Coder.code_many` codes in parallel.
"""

from eventcoder._eventcoder import (
    COLUMN_TYPES,
    COLUMNS,
    EXAMPLE_ARTICLE,
    MAX_ARTICLE_BYTES,
    MAX_DICTIONARY_BYTES,
    Actor,
    Cameo,
    Coder,
    CodingError,
    Dateline,
    DateMention,
    DictionaryError,
    Document,
    Event,
    InputTooLargeError,
    Location,
    Mention,
    Plover,
    Results,
    Sentence,
    Token,
    __version__,
    code,
    parse,
    tokenize,
)
from eventcoder._frames import arrow_schema, to_arrow, to_pandas

__all__ = [
    "COLUMNS",
    "COLUMN_TYPES",
    "EXAMPLE_ARTICLE",
    "MAX_ARTICLE_BYTES",
    "MAX_DICTIONARY_BYTES",
    "Actor",
    "Cameo",
    "Coder",
    "CodingError",
    "DateMention",
    "Dateline",
    "DictionaryError",
    "Document",
    "Event",
    "InputTooLargeError",
    "Location",
    "Mention",
    "Plover",
    "Results",
    "Sentence",
    "Token",
    "__version__",
    "arrow_schema",
    "code",
    "parse",
    "to_arrow",
    "to_pandas",
    "tokenize",
]
