"""Events as tables: pandas DataFrames and Arrow tables with one row per event, flat columns.

The column names and order come from the extension (``eventcoder.COLUMNS``); this module gives
each its type. Spans are string indices into the article text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

from eventcoder._eventcoder import COLUMNS, Document, Event, Results, _columns

if TYPE_CHECKING:
    import pandas
    import pyarrow

Events = Union[Iterable[Event], Document, Results]

# column -> (Arrow type name, pandas dtype). Nullable columns use pandas' nullable dtypes.
_ACTOR = {
    "text": ("string", "string"),
    "start": ("int32", "Int32"),
    "end": ("int32", "Int32"),
    "code": ("string", "string"),
    "country": ("string", "string"),
    "organization": ("string", "string"),
    "sector": ("string", "string"),
    "name": ("string", "string"),
    "inferred": ("bool", "boolean"),
}
TYPES: dict[str, tuple[str, str]] = {
    "article_id": ("string", "string"),
    "date": ("date32", "datetime64[ns]"),
    "sentence_index": ("int32", "int32"),
    **{f"source_{k}": v for k, v in _ACTOR.items()},
    **{f"target_{k}": v for k, v in _ACTOR.items()},
    "cameo_code": ("string", "string"),
    "cameo_root": ("string", "string"),
    "cameo_label": ("string", "string"),
    "quad_class": ("int8", "int8"),
    "goldstein": ("float32", "float32"),
    "plover_type": ("string", "string"),
    "plover_mode": ("string", "string"),
    "plover_contexts": ("list<string>", "object"),
    "trigger": ("string", "string"),
    "trigger_start": ("int32", "int32"),
    "trigger_end": ("int32", "int32"),
    "rule": ("string", "string"),
    "confidence": ("float32", "float32"),
    "location_text": ("string", "string"),
    "location_name": ("string", "string"),
    "location_country": ("string", "string"),
    "location_source": ("string", "string"),
    "reported_by": ("string", "string"),
    "negated": ("bool", "bool"),
    "date_source": ("string", "string"),
    "mentions": ("int32", "int32"),
}
assert list(TYPES) == COLUMNS, "eventcoder._frames.TYPES must list the extension's COLUMNS"


def _events(events: Events) -> Iterable[Event]:
    if isinstance(events, (Document, Results)):
        return events.events
    if isinstance(events, Event):
        return [events]
    return events


def _need(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError as e:  # pragma: no cover - exercised only without the dependency
        raise ImportError(
            f"eventcoder.{extra} needs {module}: pip install {module}"
        ) from e


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of :func:`to_arrow`."""
    pa = _need("pyarrow", "to_arrow")

    def arrow_type(name: str) -> Any:
        if name == "list<string>":
            return pa.list_(pa.string())
        return pa.bool_() if name == "bool" else getattr(pa, name)()

    return pa.schema([pa.field(c, arrow_type(TYPES[c][0])) for c in COLUMNS])


def to_arrow(events: Events) -> pyarrow.Table:
    """The events as a ``pyarrow.Table``: one row per event, the columns of ``COLUMNS``.

    ``events`` is a list (or any iterable) of :class:`Event`, a :class:`Document` or
    :class:`Results`.
    """
    pa = _need("pyarrow", "to_arrow")
    schema = arrow_schema()
    cols = _columns(_events(events))
    return pa.table(
        [pa.array(cols[f.name], type=f.type) for f in schema], schema=schema
    )


def to_pandas(events: Events) -> pandas.DataFrame:
    """The events as a ``pandas.DataFrame``: one row per event, the columns of ``COLUMNS``.

    Text columns have the ``string`` dtype; actor spans and flags, which are missing when an
    event has no target, use the nullable ``Int32`` and ``boolean`` dtypes; ``date`` is
    ``datetime64[ns]`` (``NaT`` when the article is undated); ``plover_contexts`` holds lists.
    """
    pd = _need("pandas", "to_pandas")
    cols = _columns(_events(events))
    frame = pd.DataFrame({c: pd.Series(cols[c], dtype="object") for c in COLUMNS})
    typed: pandas.DataFrame = frame.astype(
        {c: TYPES[c][1] for c in COLUMNS if TYPES[c][1] != "object"}
    )
    return typed


def input_columns(
    available: Iterable[str], id_col: str, text_col: str, published_col: str | None
) -> list[str]:
    """The article columns the Spark and Dask helpers read; ValueError if one is missing."""
    have = list(available)
    cols = [id_col, text_col] + ([published_col] if published_col else [])
    for c in cols:
        if c not in have:
            raise ValueError(f"articles has no column {c!r} (columns: {have})")
    return cols


def _missing(value: Any) -> bool:
    """None, NaN, NaT (values not equal to themselves) and pandas.NA."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA: its comparisons are NA, whose truth is ambiguous
        return True


def article_items(
    ids: list[Any], texts: list[Any], dates: list[Any] | None
) -> list[dict[str, Any]]:
    """``code_many`` items from column values: a missing text codes as empty, a missing
    published date means undated."""
    dates = dates if dates is not None else [None] * len(ids)
    return [
        {
            "id": i,
            "text": t if isinstance(t, str) else "",
            "published": None if _missing(p) else p,
        }
        for i, t, p in zip(ids, texts, dates)
    ]
