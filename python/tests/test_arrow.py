"""Coder.code_arrow and Coder.code_arrow_batches: the table of to_arrow(code_many(...)), built
in Rust from texts, from Python sequences or Arrow arrays."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eventcoder as ec
from _deps import need_module

pa = need_module("pyarrow")

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FIXTURES]
IDS = [p.stem for p in FIXTURES]


ARROW_TYPES = {
    "string": pa.string(),
    "date32": pa.date32(),
    "int32": pa.int32(),
    "int8": pa.int8(),
    "float32": pa.float32(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


def expected(items: list[Any], **kw: Any) -> Any:
    """What code_arrow must equal: to_arrow of code_many's results."""
    return ec.to_arrow(ec.Coder().code_many(items, **kw))


def same(table: Any, want: Any) -> None:
    assert table.schema == want.schema == ec.arrow_schema()
    assert table.num_rows == want.num_rows
    # Values (chunk layout aside), column by column for a readable failure.
    for name in ec.COLUMNS:
        assert table.column(name).to_pylist() == want.column(name).to_pylist(), name
    assert table.combine_chunks().equals(want.combine_chunks())


def test_columns_are_those_of_to_arrow() -> None:
    table = ec.Coder().code_arrow(TEXTS[:2])
    schema = table.schema
    assert schema == ec.arrow_schema() == ec.to_arrow([]).schema
    assert schema.names == ec.COLUMNS and schema.metadata is None
    for field, (name, arrow, nullable) in zip(schema, ec.COLUMN_TYPES):
        assert (field.name, field.nullable) == (name, nullable)
        assert field.type == ARROW_TYPES[arrow], name
    # An empty input is an empty table with the same schema.
    empty = ec.Coder().code_arrow([])
    assert empty.num_rows == 0 and empty.schema == ec.arrow_schema()


@pytest.mark.parametrize("threads", [1, 2, None])
@pytest.mark.parametrize("batch_size", [1, 3, 1024])
def test_fixtures_equal_code_many(threads: int | None, batch_size: int) -> None:
    published = ["2023-06-10", None, datetime.date(2022, 10, 18)] * 3
    published = published[: len(TEXTS)]
    table = ec.Coder().code_arrow(
        TEXTS, IDS, published, threads=threads, batch_size=batch_size
    )
    same(table, expected(list(zip(IDS, TEXTS, published))))
    assert table.num_rows > 50


def test_dense_mix_equals_code_many() -> None:
    texts = [ec.EXAMPLE_ARTICLE if k % 3 == 0 else TEXTS[k % len(TEXTS)] for k in range(60)]
    same(ec.Coder().code_arrow(texts, threads=2, batch_size=16), expected(texts))


def test_odd_input(non_ascii: str) -> None:
    texts = ["", "No events here at all.", non_ascii, "   \n ", ec.EXAMPLE_ARTICLE, "Iran attacked Israel."]
    ids = ["e", None, "tr-ü", "blank", 7, ""]
    published = [None, "2021-06-15", None, "", datetime.datetime(2022, 10, 18, 23, 30), None]
    table = ec.Coder().code_arrow(texts, ids, published)
    same(table, expected(list(zip(ids, texts, published))))
    article_ids = set(table.column("article_id").to_pylist())
    # Integer ids as text, None for an empty id; the empty and eventless texts add no rows.
    assert article_ids == {"tr-ü", "7", None}
    # Spans are string indices, also for non-ASCII text.
    for row in table.to_pylist():
        if row["article_id"] == "tr-ü":
            assert non_ascii[row["trigger_start"] : row["trigger_end"]] == row["trigger"]
    # Without ids or dates: positions, undated.
    bare = ec.Coder().code_arrow(texts)
    same(bare, expected(texts))
    assert set(bare.column("article_id").to_pylist()) == {"2", "4", "5"}


def test_arrow_inputs_equal_python_inputs(non_ascii: str) -> None:
    texts = [ec.EXAMPLE_ARTICLE, None, non_ascii, "China warned Japan on Monday."]
    days = [datetime.date(2022, 10, 18), None, datetime.date(2021, 6, 15), datetime.date(2024, 1, 3)]
    want = expected([(str(i), t or "", d) for i, t, d in zip(range(4), texts, days)])
    coder = ec.Coder()
    for text_type in (pa.string(), pa.large_string(), pa.string_view()):
        got = coder.code_arrow(pa.array(texts, text_type), None, pa.array(days, pa.date32()))
        same(got, want)
    # Chunked arrays, integer ids (nulls are positions), dates as strings, date64, timestamps.
    chunked = pa.chunked_array([texts[:1], texts[1:]], pa.string())
    ids = pa.array([0, None, 2, 3], pa.int64())
    for dates in (
        pa.array([None if d is None else d.isoformat() for d in days]),
        pa.array(days, pa.date64()),
        pa.array([None if d is None else datetime.datetime(d.year, d.month, d.day, 9) for d in days], pa.timestamp("us")),
    ):
        same(coder.code_arrow(chunked, ids, dates), want)


def test_a_time_zoned_timestamp_counts_by_its_own_date() -> None:
    # 2022-10-18 23:30 in Tokyo is 14:30 UTC the same day; 00:30 in Tokyo is the day before in UTC.
    moments = [
        datetime.datetime(2022, 10, 18, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
    ]
    arrow = pa.array(moments, pa.timestamp("s", tz="+09:00"))
    got = ec.Coder().code_arrow([ec.EXAMPLE_ARTICLE], None, arrow)
    same(got, expected([("0", ec.EXAMPLE_ARTICLE, moments[0])]))
    named = pa.array(moments, pa.timestamp("ms", tz="Asia/Tokyo"))
    same(ec.Coder().code_arrow([ec.EXAMPLE_ARTICLE], None, named), got)


def test_generators_and_html() -> None:
    def gen() -> Iterator[str]:
        yield from TEXTS

    same(ec.Coder().code_arrow(gen(), iter(IDS), batch_size=3), expected(list(zip(IDS, TEXTS))))
    html = ["<p>Iran <b>attacked</b> Israel.</p>", "<html><head><title>x</title></head><body>China warned Japan.</body></html>"]
    same(ec.Coder().code_arrow(html, html=True), expected(html, html=True))


def test_batches_are_record_batches_of_the_same_rows() -> None:
    coder = ec.Coder(require_dyad=True)
    batches = coder.code_arrow_batches(TEXTS, IDS, batch_size=3, threads=2)
    assert iter(batches) is batches and "ArrowBatches" in repr(batches)
    got = list(batches)
    assert got and all(isinstance(b, pa.RecordBatch) and b.num_rows > 0 for b in got)
    assert len(got) <= -(-len(TEXTS) // 3)
    same(pa.Table.from_batches(got, ec.arrow_schema()), ec.to_arrow(coder.code_many(list(zip(IDS, TEXTS)))))
    assert list(batches) == []
    # A reader, for whatever reads Arrow streams.
    reader = pa.RecordBatchReader.from_batches(ec.arrow_schema(), coder.code_arrow_batches(TEXTS))
    assert reader.read_all().num_rows == sum(b.num_rows for b in got)


def test_too_large_raises_or_is_skipped() -> None:
    big = "x " * (ec.MAX_ARTICLE_BYTES // 2 + 1)
    texts = ["Iran attacked Israel.", big, "China warned Japan."]
    ids = ["ok", "big", "ok2"]
    with pytest.raises(ec.InputTooLargeError) as arrow_error:
        ec.Coder().code_arrow(texts, ids)
    with pytest.raises(ec.InputTooLargeError) as many_error:
        ec.Coder().code_many(list(zip(ids, texts)))
    assert str(arrow_error.value) == str(many_error.value)
    assert 'item 1 (id "big")' in str(arrow_error.value)
    # Skipped, the article is left out of the table but not silently: a warning names it.
    with pytest.warns(RuntimeWarning, match='1 article\\(s\\) could not be coded.*item 1 \\(id "big"\\)'):
        skipped = ec.Coder().code_arrow(pa.array(texts), pa.array(ids), on_error="skip")
    same(skipped, expected(list(zip(ids, texts)), on_error="skip"))
    assert set(skipped.column("article_id").to_pylist()) == {"ok", "ok2"}
    # The iterator raises at the batch that holds it, and then ends.
    batches = ec.Coder().code_arrow_batches(texts, ids, batch_size=1)
    assert next(batches).num_rows > 0
    with pytest.raises(ec.InputTooLargeError):
        next(batches)
    assert list(batches) == []
    # Skipped, the iterator lists the skipped articles, and warns once at the end.
    batches = ec.Coder().code_arrow_batches(texts * 2, ids * 2, batch_size=2, on_error="skip")
    assert batches.errors == []
    with pytest.warns(RuntimeWarning, match="2 article\\(s\\)") as warned:
        rows = sum(b.num_rows for b in batches)
    assert len(warned) == 1 and rows > 0
    assert [(e.index, e.id) for e in batches.errors] == [(1, "big"), (4, "big")]
    assert "exceeds the limit" in batches.errors[0].message


@pytest.mark.parametrize("published", ["2023-02-30", "tomorrow"])
def test_bad_dates_raise_as_code_many(published: str) -> None:
    with pytest.raises(ValueError) as arrow_error:
        ec.Coder().code_arrow(["fine", "Iran attacked Israel."], None, [None, published])
    with pytest.raises(ValueError) as many_error:
        ec.Coder().code_many(["fine", ("1", "Iran attacked Israel.", published)])
    assert type(arrow_error.value) is type(many_error.value)
    assert str(arrow_error.value) == str(many_error.value)
    assert str(arrow_error.value).startswith("item 1: published")
    # The same from Arrow strings, even with on_error="skip" (bad input, not a failed article).
    with pytest.raises(ValueError, match="item 1: published"):
        ec.Coder().code_arrow(pa.array(["a", "b"]), None, pa.array([None, published]), on_error="skip")


def test_bad_arguments() -> None:
    coder = ec.Coder()
    with pytest.raises(TypeError, match="not a str"):
        coder.code_arrow("one text")
    with pytest.raises(TypeError):
        coder.code_arrow(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1: text must be str, not int"):
        coder.code_arrow(["fine", 5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="texts: expected an Arrow array of strings"):
        coder.code_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="published: expected an Arrow array of dates"):
        coder.code_arrow(["a"], None, pa.array([1.5]))
    with pytest.raises(TypeError, match="item 0: id must be str or int"):
        coder.code_arrow(["a"], [1.5])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="ids has 1 values but texts has 2"):
        coder.code_arrow(["a", "b"], ["x"])
    with pytest.raises(ValueError, match="published has 3 values but texts has 2"):
        coder.code_arrow(pa.array(["a", "b"]), None, pa.array(["2020-01-01"] * 3))
    with pytest.raises(ValueError, match="ids has fewer values than texts"):
        coder.code_arrow(iter(["a", "b"]), iter(["x"]))
    with pytest.raises(ValueError, match="ids has more values than texts"):
        coder.code_arrow(iter(["a"]), iter(["x", "y"]))
    with pytest.raises(ValueError, match="threads"):
        coder.code_arrow(["a"], threads=0)
    with pytest.raises(ValueError, match="batch_size"):
        coder.code_arrow(["a"], batch_size=0)
    with pytest.raises(ValueError, match="on_error"):
        coder.code_arrow(["a"], on_error="ignore")  # type: ignore[arg-type]
