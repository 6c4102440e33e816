"""Code a Dask DataFrame of articles into a Dask DataFrame of events.

    from eventcoder.dask import code_events
    events = code_events(articles)  # columns id, text, published
    events.groupby("quad_class").size().compute()

Each partition is coded with :meth:`eventcoder.Coder.code_many`; the coder pickles with its
dictionaries' contents, so it works with the threaded, process and distributed schedulers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from eventcoder._eventcoder import Coder
from eventcoder._frames import article_items, input_columns, to_pandas

if TYPE_CHECKING:
    import dask.dataframe
    import pandas


def code_partition(
    articles: pandas.DataFrame,
    coder: Coder | None = None,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    threads: int | None = 1,
    on_error: Literal["raise", "skip"] = "raise",
) -> pandas.DataFrame:
    """Codes one pandas DataFrame of articles into a DataFrame of events (see
    :func:`eventcoder.to_pandas` for the columns)."""
    coder = coder or Coder()
    dates = None if published_col is None else articles[published_col].tolist()
    items = article_items(articles[id_col].tolist(), articles[text_col].tolist(), dates)
    return to_pandas(coder.code_many(items, threads=threads, on_error=on_error))


def code_events(
    articles: dask.dataframe.DataFrame,
    coder: Coder | None = None,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    threads: int | None = 1,
    on_error: Literal["raise", "skip"] = "raise",
) -> dask.dataframe.DataFrame:
    """Codes a Dask DataFrame of articles into a Dask DataFrame of events, one row per event.

    ``articles`` has an id column, a text column and optionally a published column (dates,
    timestamps or ``YYYY-MM-DD`` strings; missing values mean undated). ``threads`` is per
    partition task; Dask runs tasks in parallel already, so the default is 1.
    """
    coder = coder or Coder()
    cols = input_columns(articles.columns, id_col, text_col, published_col)
    meta = to_pandas([])
    events: dask.dataframe.DataFrame = articles[cols].map_partitions(
        code_partition,
        coder,
        id_col,
        text_col,
        published_col,
        threads,
        on_error,
        meta=meta,
    )
    return events
