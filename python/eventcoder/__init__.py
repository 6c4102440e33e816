"""eventcoder: fast, explainable political event coding (CAMEO / PLOVER) from raw English news.

>>> import eventcoder as ec
>>> events = ec.code("Russia expelled 23 British diplomats on Friday.", published="2018-03-17")
>>> e = events[0]
>>> e.source.country, e.cameo.code, e.target.code, str(e.date)
('RUS', '161', 'GBRGOV', '2018-03-16')

All spans are Python string indices: ``text[start:end]`` gives back the spanned text.
Coding runs in Rust without the GIL; :meth:`Coder.code_many` codes in parallel.
"""

import warnings
from typing import TYPE_CHECKING, Any

from eventcoder._eventcoder import (
    COLUMN_TYPES,
    COLUMNS,
    DATE_SOURCES,
    EXAMPLE_ARTICLE,
    LOCATION_SOURCES,
    MAX_ARTICLE_BYTES,
    MAX_DICTIONARY_BYTES,
    Actor,
    Cameo,
    Coder,
    CodingError,
    Dateline,
    DateSpan,
    DictionaryError,
    Document,
    Event,
    Evidence,
    FileSummary,
    InputTooLargeError,
    InvalidDateError,
    InvalidInputError,
    Issue,
    LoadSummary,
    Location,
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
    "DATE_SOURCES",
    "EXAMPLE_ARTICLE",
    "LOCATION_SOURCES",
    "MAX_ARTICLE_BYTES",
    "MAX_DICTIONARY_BYTES",
    "Actor",
    "Cameo",
    "Coder",
    "CodingError",
    "DateSpan",
    "Dateline",
    "DictionaryError",
    "Document",
    "Event",
    "Evidence",
    "FileSummary",
    "InputTooLargeError",
    "InvalidDateError",
    "InvalidInputError",
    "Issue",
    "LoadSummary",
    "Location",
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

# The former names of Evidence and DateSpan (renamed to match the Rust library's), still
# importable with a DeprecationWarning.
_DEPRECATED = {"Mention": Evidence, "DateMention": DateSpan}

if TYPE_CHECKING:
    Mention = Evidence
    DateMention = DateSpan


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        new = _DEPRECATED[name]
        warnings.warn(
            f"eventcoder.{name} is deprecated: it is eventcoder.{new.__name__}",
            DeprecationWarning,
            stacklevel=2,
        )
        return new
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")
