"""eventcoder.dask with Dask's local schedulers (synchronous, threads and processes)."""

from __future__ import annotations

import pytest

import eventcoder as ec
from _deps import need_module

dask = need_module("dask")
dd = need_module("dask.dataframe")
pd = need_module("pandas")


def _articles() -> object:
    return pd.DataFrame(
        {
            "id": ["a1", "a2", "a3", "a4", "a5"],
            "text": [
                ec.EXAMPLE_ARTICLE,
                "China warned Japan on Monday over its defence budget.",
                "Kremlin spokesman Dmitry Peskov said talks would continue.",
                None,
                "Turkish Foreign Minister Mevlüt Çavuşoğlu met Nikos Dendias in Ankara.",
            ],
            "published": [pd.Timestamp("2022-10-18"), "2024-01-03", pd.NaT, None, "2021-04-15"],
        }
    )


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_code_events(scheduler: str) -> None:
    from eventcoder.dask import code_events

    frame = _articles()
    events = code_events(dd.from_pandas(frame, npartitions=2))
    # The lazy frame's meta has the final columns and dtypes.
    assert list(events.columns) == ec.COLUMNS
    assert dict(events.dtypes) == dict(ec.to_pandas([]).dtypes)
    with dask.config.set(scheduler=scheduler):
        got = events.compute()
    coder = ec.Coder()
    expected = [
        e
        for i, t, p in frame.itertuples(index=False)
        if isinstance(t, str)
        for e in coder.code(t, None if pd.isna(p) else p, id=i)
    ]
    assert list(got.cameo_code) == [e.cameo.code for e in expected]
    assert list(got.article_id) == [e.article_id for e in expected]
    assert got[got.article_id == "a3"].date.isna().all()  # NaT means undated
    assert (got[got.article_id == "a2"].date == pd.Timestamp("2024-01-01")).all()


def test_partition_function_and_errors() -> None:
    from eventcoder.dask import code_events, code_partition

    frame = _articles()
    assert len(code_partition(frame)) == sum(len(d.events) for d in ec.Coder().code_many(
        [(i, t if isinstance(t, str) else "", None if pd.isna(p) else p) for i, t, p in frame.itertuples(index=False)]
    ))
    with pytest.raises(ValueError, match="no column 'body'"):
        code_events(dd.from_pandas(frame, npartitions=1), text_col="body")
