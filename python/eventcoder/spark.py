"""Code a Spark DataFrame of articles into a Spark DataFrame of events.

    from eventcoder.spark import code_events
    events = code_events(articles)  # columns id, text, published

Each Spark task codes its Arrow batches with :meth:`eventcoder.Coder.code_many`; the coder is
pickled to the executors with its dictionaries' contents, so executors need only the
package (``pip install`` of a built wheel, or of ``./python`` from a checkout; it is not on PyPI
yet) and ``pyarrow``, not the dictionary files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from eventcoder._eventcoder import COLUMNS, Coder
from eventcoder._frames import TYPES, article_items, input_columns, to_arrow

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame

_SPARK_TYPES = {
    "string": "STRING",
    "date32": "DATE",
    "int32": "INT",
    "int8": "TINYINT",
    "float32": "FLOAT",
    "bool": "BOOLEAN",
    "list<string>": "ARRAY<STRING>",
}


def spark_schema() -> str:
    """The events' schema as a Spark DDL string (the columns of ``eventcoder.COLUMNS``)."""
    return ", ".join(f"{c} {_SPARK_TYPES[TYPES[c][0]]}" for c in COLUMNS)


def code_batches(
    batches: Iterator[pyarrow.RecordBatch],
    coder: Coder | None = None,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    threads: int | None = 1,
    on_error: Literal["raise", "skip"] = "raise",
) -> Iterator[pyarrow.RecordBatch]:
    """Codes Arrow batches of articles into Arrow batches of events: the function that
    :func:`code_events` gives ``mapInArrow``, usable on its own with any Arrow stream."""
    coder = coder or Coder()
    for batch in batches:
        dates = None if published_col is None else batch.column(published_col).to_pylist()
        items = article_items(
            batch.column(id_col).to_pylist(), batch.column(text_col).to_pylist(), dates
        )
        results = coder.code_many(items, threads=threads, on_error=on_error)
        yield from to_arrow(results).to_batches()


def code_events(
    articles: DataFrame,
    coder: Coder | None = None,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    threads: int | None = 1,
    on_error: Literal["raise", "skip"] = "raise",
) -> DataFrame:
    """Codes a Spark DataFrame of articles into a DataFrame of events, one row per event.

    ``articles`` has an id column (string or integer), a text column and optionally a
    published column (date, or string ``YYYY-MM-DD``; null for undated articles). The result
    has the columns of :func:`eventcoder.to_arrow`; ``article_id`` joins back to the input.
    ``threads`` is per Spark task: Spark already runs one task per core, so the default is 1.
    """
    coder = coder or Coder()
    cols = input_columns(articles.columns, id_col, text_col, published_col)

    def transform(batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        return code_batches(
            batches, coder, id_col, text_col, published_col, threads, on_error
        )

    return articles.select(*cols).mapInArrow(transform, spark_schema())
