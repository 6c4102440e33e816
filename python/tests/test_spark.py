"""eventcoder.spark in Spark local mode (pyspark from PyPI, Java 17). Skips where Java or
pyspark is missing; CI installs both and runs it."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eventcoder as ec
from _deps import need, need_module

need(shutil.which("java") is not None, "Spark tests need Java 17+ (java not on PATH)")
pyspark = need_module("pyspark")

STORIES = [
    ("a1", ec.EXAMPLE_ARTICLE, datetime.date(2022, 10, 18)),
    ("a2", "China warned Japan on Monday over its defence budget.", datetime.date(2024, 1, 3)),
    ("a3", "Kremlin spokesman Dmitry Peskov said talks would continue.", None),
    ("a4", "Turkish Foreign Minister Mevlüt Çavuşoğlu met Nikos Dendias in Ankara.", None),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    warnings.filterwarnings("ignore", message=".*pandas >= 3.0.0.*", category=FutureWarning)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("eventcoder-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _expected() -> list[ec.Event]:
    coder = ec.Coder()
    return [e for i, t, p in STORIES for e in coder.code(t, p, id=i)]


def test_code_events_matches_the_coder(spark: Any) -> None:
    from eventcoder.spark import code_events

    df = spark.createDataFrame(STORIES, "id string, text string, published date").repartition(2)
    events = code_events(df)
    assert events.columns == ec.COLUMNS
    rows = sorted(events.collect(), key=lambda r: (r.article_id, r.sentence_index, r.trigger_start))
    expected = sorted(_expected(), key=lambda e: (e.article_id, e.sentence_index, e.trigger_span[0]))
    assert len(rows) == len(expected) > 10
    for row, e in zip(rows, expected):
        assert (row.article_id, row.cameo_code, row.trigger) == (e.article_id, e.cameo.code, e.trigger)
        assert row.date == e.date and row.plover_contexts == e.plover.contexts
        assert row.source_code == (e.source.code if e.source else None)
    counts = {r.quad_class: r["count"] for r in events.groupBy("quad_class").count().collect()}
    assert sum(counts.values()) == len(expected)


def test_string_dates_integer_ids_and_a_custom_coder(spark: Any, verb_dictionary: Path) -> None:
    from eventcoder.spark import code_events

    coder = ec.Coder(dictionaries=[verb_dictionary], require_dyad=True)
    df = spark.createDataFrame(
        [(1, "Russia gave a public dressing-down to Georgia on Monday.", "2021-01-05")],
        "doc long, body string, day string",
    )
    rows = code_events(df, coder, id_col="doc", text_col="body", published_col="day").collect()
    assert [(r.article_id, r.cameo_code, r.target_country) for r in rows] == [("1", "111", "GEO")]
    assert rows[0].date == datetime.date(2021, 1, 4)


def test_missing_column_is_a_clear_error(spark: Any) -> None:
    from eventcoder.spark import code_events

    df = spark.createDataFrame([("x", "text")], "id string, body string")
    with pytest.raises(ValueError, match="no column 'text'"):
        code_events(df, published_col=None)


def test_schema_is_ddl() -> None:
    from eventcoder.spark import spark_schema

    ddl = spark_schema()
    assert ddl.startswith("article_id STRING, date DATE") and "plover_contexts ARRAY<STRING>" in ddl
    assert ddl.count(",") == len(ec.COLUMNS) - 1
