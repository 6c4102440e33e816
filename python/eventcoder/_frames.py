"""Events as tables: pandas DataFrames and Arrow tables with one row per event, flat columns.

The column names and order come from the extension (``eventcoder.COLUMNS``); this module gives
each its type. Spans are string indices into the article text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

from eventcoder._eventcoder import (
    COLUMN_TYPES,
    COLUMNS,
    Document,
    Event,
    Results,
    _arrow_table,
    _columns,
)

if TYPE_CHECKING:
    import pandas
    import pyarrow

Events = Union[Iterable[Event], Document, Results]

# pandas dtype of each Arrow type, for columns without and with missing values.
_PANDAS: dict[str, tuple[str, str]] = {
    "string": ("string", "string"),
    "date32": ("datetime64[ns]", "datetime64[ns]"),
    "int32": ("int32", "Int32"),
    "int8": ("int8", "Int8"),
    "float32": ("float32", "Float32"),
    "bool": ("bool", "boolean"),
    "list<string>": ("object", "object"),
}

TYPES: dict[str, tuple[str, str]] = {
    name: (arrow, _PANDAS[arrow][nullable]) for name, arrow, nullable in COLUMN_TYPES
}
"""column -> (Arrow type, pandas dtype), from the extension's column table."""

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

    return pa.schema(
        [pa.field(name, arrow_type(arrow), nullable) for name, arrow, nullable in COLUMN_TYPES]
    )


def to_arrow(events: Events, *, chunk_rows: int = 65536) -> pyarrow.Table:
    """The events as a ``pyarrow.Table``: one row per event, the columns of ``COLUMNS``.

    ``events`` is a list (or any iterable) of :class:`Event`, a :class:`Document` or
    :class:`Results`. The columns are built in Rust and handed to pyarrow through the Arrow
    PyCapsule interface, without a Python object per value, in record batches of at most
    ``chunk_rows`` rows. :meth:`Coder.code_arrow` gives the same table straight from texts.
    """
    _need("pyarrow", "to_arrow")
    return _arrow_table(_events(events), chunk_rows)


def to_pandas(events: Events) -> pandas.DataFrame:
    """The events as a ``pandas.DataFrame``: one row per event, the columns of ``COLUMNS``.

    Text columns have the ``string`` dtype; actor spans and flags, which are missing when an
    event has no target, use the nullable ``Int32`` and ``boolean`` dtypes; ``date`` is
    ``datetime64[ns]`` (``NaT`` when the article is undated); ``plover_contexts`` holds lists.
    With pyarrow installed the frame is built from the Arrow table (several times faster);
    without it, from Python lists. Both give the same frame.
    """
    _need("pandas", "to_pandas")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return _pandas_from_lists(events)
    return _pandas_from_arrow(events)


def _typed(frame: pandas.DataFrame) -> pandas.DataFrame:
    typed: pandas.DataFrame = frame.astype(
        {c: TYPES[c][1] for c in COLUMNS if TYPES[c][1] != "object"}
    )
    return typed


def _pandas_from_lists(events: Events) -> pandas.DataFrame:
    pd = _need("pandas", "to_pandas")
    cols = _columns(_events(events))
    return _typed(pd.DataFrame({c: pd.Series(cols[c], dtype="object") for c in COLUMNS}))


def _pandas_from_arrow(events: Events) -> pandas.DataFrame:
    pd = _need("pandas", "to_pandas")
    pa = _need("pyarrow", "to_pandas")
    table = to_arrow(events)
    nullable = {
        pa.string(): pd.StringDtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int8(): pd.Int8Dtype(),
        pa.float32(): pd.Float32Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    frame = _typed(table.to_pandas(types_mapper=nullable.get, date_as_object=False))
    # Lists (None for a missing one), as the list path gives, rather than Arrow's NumPy arrays.
    for c in ("plover_contexts", "issues"):
        frame[c] = pd.Series(table.column(c).to_pylist(), dtype="object", index=frame.index)
    return frame


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
