"""Code a Spark DataFrame of articles into a Spark DataFrame of events.

    from eventcoder.spark import code_events
    events = code_events(articles)  # columns id, text, published

Each Spark task codes its Arrow batches with :meth:`eventcoder.Coder.code_arrow_batches`: the
articles' Arrow columns go to Rust without a Python object per article, and the events come
back as Arrow columns built in Rust, without a Python object per event. The coder is pickled to
the executors with its dictionaries' contents, so executors need only the package (``pip
install`` of a built wheel, or of ``./python`` from a checkout; it is not on PyPI yet) and
``pyarrow``, not the dictionary files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from eventcoder._eventcoder import COLUMNS, Coder
from eventcoder._frames import TYPES, input_columns

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
    :func:`code_events` gives ``mapInArrow``, usable on its own with any Arrow stream.

    Each batch's columns go to :meth:`eventcoder.Coder.code_arrow_batches` as they are: a
    missing text codes as empty, a missing id is the article's position in its batch, and a
    missing published date means undated."""
    coder = coder or Coder()
    for batch in batches:
        dates = None if published_col is None else batch.column(published_col)
        yield from coder.code_arrow_batches(
            batch.column(text_col),
            batch.column(id_col),
            dates,
            threads=threads,
            on_error=on_error,
        )


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
