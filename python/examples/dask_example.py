"""Code a Dask DataFrame of articles (local scheduler here; the same code runs on a cluster).

Run: python examples/dask_example.py
"""

from __future__ import annotations

import dask
import dask.dataframe as dd
import pandas as pd

import eventcoder as ec
from eventcoder.dask import code_events


def main() -> None:
    articles = pd.DataFrame(
        {
            "id": ["a1", "a2"],
            "text": [ec.EXAMPLE_ARTICLE, "China warned Japan on Monday over its defence budget."],
            "published": ["2022-10-18", "2024-01-03"],
        }
    )
    events = code_events(dd.from_pandas(articles, npartitions=2), ec.Coder(require_dyad=True))
    with dask.config.set(scheduler="processes"):
        by_type = events.groupby("plover_type").size().compute()
    print(by_type.sort_values(ascending=False).to_string())


if __name__ == "__main__":
    main()
