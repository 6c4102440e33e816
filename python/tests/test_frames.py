"""to_pandas and to_arrow: one row per event, flat columns, fixed dtypes."""

from __future__ import annotations

import datetime

import pytest

import eventcoder as ec
from _deps import need_module

pd = need_module("pandas")
pa = need_module("pyarrow")

PANDAS_DTYPES = {
    "article_id": "string",
    "date": "datetime64[ns]",
    "sentence_index": "int32",
    "source_start": "Int32",
    "source_inferred": "boolean",
    "target_end": "Int32",
    "quad_class": "int8",
    "goldstein": "float32",
    "plover_contexts": "object",
    "trigger_start": "int32",
    "confidence": "float32",
    "negated": "bool",
    "mentions": "int32",
    "cameo_code": "string",
}


@pytest.fixture(scope="module")
def results() -> ec.Results:
    return ec.Coder().code_many(
        [
            ("kz", ec.EXAMPLE_ARTICLE),
            ("said", "Kremlin spokesman Dmitry Peskov said talks would continue.", None),
            ("tr", "Turkish Foreign Minister Mevlüt Çavuşoğlu met Nikos Dendias in Ankara.", "2021-04-15"),
        ]
    )


def test_columns_and_dtypes(results: ec.Results) -> None:
    df = ec.to_pandas(results)
    assert list(df.columns) == ec.COLUMNS
    assert len(df) == len(results.events)
    for col, dtype in PANDAS_DTYPES.items():
        assert str(df[col].dtype) == dtype, col
    # Every text column is a string column.
    for col in ec.COLUMNS:
        if col.endswith(("_text", "_code", "_name", "_country")) or col in ("rule", "trigger"):
            assert str(df[col].dtype) == "string", col


def test_rows_match_the_events(results: ec.Results) -> None:
    df = results.to_pandas()
    for row, e in zip(df.itertuples(index=False), results.events):
        assert row.article_id == e.article_id and row.cameo_code == e.cameo.code
        assert row.trigger == e.trigger and (row.trigger_start, row.trigger_end) == e.trigger_span
        assert row.plover_contexts == e.plover.contexts
        if e.date is None:
            assert pd.isna(row.date)
        else:
            assert row.date.date() == e.date
        if e.target is None:
            assert pd.isna(row.target_code) and pd.isna(row.target_start)
        else:
            assert row.target_code == e.target.code and row.target_start == e.target.span[0]


def test_undated_and_one_sided_rows_are_missing_values(results: ec.Results) -> None:
    df = results.to_pandas()
    said = df[df.article_id == "said"]
    assert len(said) and said.date.isna().all() and said.target_code.isna().all()
    assert said.target_inferred.isna().all() and said.target_start.isna().all()


def test_spans_slice_the_text_in_frames(results: ec.Results) -> None:
    df = results.to_pandas()
    texts = {d.id: d.text for d in results}
    for row in df.itertuples(index=False):
        text = texts[row.article_id]
        assert text[row.source_start : row.source_end] == row.source_text
        assert text[row.trigger_start : row.trigger_end] == row.trigger
    assert "Mevlüt Çavuşoğlu" in set(df.source_name.dropna())


def test_arrow_table(results: ec.Results) -> None:
    t = ec.to_arrow(results)
    assert t.schema == ec.arrow_schema() and t.column_names == ec.COLUMNS
    assert t.num_rows == len(results.events)
    assert t.schema.field("date").type == pa.date32()
    assert t.schema.field("plover_contexts").type == pa.list_(pa.string())
    assert t.schema.field("quad_class").type == pa.int8()
    assert t.column("date").to_pylist()[0] == results.events[0].date
    # The pandas view of the Arrow table holds the same values.
    assert t.column("cameo_code").to_pylist() == list(results.to_pandas().cameo_code)


def test_every_input_kind() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE)
    n = len(doc.events)
    assert len(ec.to_pandas(doc)) == len(doc.to_pandas()) == n
    assert len(ec.to_pandas(doc.events)) == len(ec.to_pandas(iter(doc.events))) == n
    assert len(ec.to_pandas(doc.events[0])) == 1
    assert ec.to_arrow(doc).num_rows == doc.to_arrow().num_rows == n


def test_empty_frames_keep_their_dtypes() -> None:
    df = ec.to_pandas([])
    assert list(df.columns) == ec.COLUMNS and len(df) == 0
    assert {c: str(df[c].dtype) for c in PANDAS_DTYPES} == PANDAS_DTYPES
    assert ec.to_arrow([]).schema == ec.arrow_schema()


def test_non_events_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="item 1: expected eventcoder.Event"):
        ec.to_pandas([ec.code("Iran attacked Israel.")[0], "not an event"])  # type: ignore[list-item]


def test_date_column_is_datetime(results: ec.Results) -> None:
    df = results.to_pandas()
    kz = df[df.article_id == "kz"]
    assert kz.date.min() >= pd.Timestamp(datetime.date(2022, 9, 1))
    assert kz.groupby("quad_class").size().sum() == len(kz)


def test_arrow_stream_transform() -> None:
    """eventcoder.spark.code_batches on a plain Arrow stream (what each Spark task runs)."""
    from eventcoder.spark import code_batches

    batch = pa.record_batch(
        {
            "doc": pa.array([1, 2, 3], pa.int64()),
            "body": ["China warned Japan on Monday.", None, ec.EXAMPLE_ARTICLE],
            "day": pa.array([datetime.date(2024, 1, 3), None, None], pa.date32()),
        }
    )
    out = list(code_batches(iter([batch]), None, "doc", "body", "day"))
    table = pa.Table.from_batches(out, schema=ec.arrow_schema())
    ids = table.column("article_id").to_pylist()
    assert ids[0] == "1" and "2" not in ids and ids[-1] == "3"
    assert table.column("date").to_pylist()[0] == datetime.date(2024, 1, 1)
    expected = ec.code("China warned Japan on Monday.", "2024-01-03") + ec.code(ec.EXAMPLE_ARTICLE)
    assert table.column("cameo_code").to_pylist() == [e.cameo.code for e in expected]


def test_document_to_dict() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE, id="kz")
    d = doc.to_dict()
    assert d["id"] == "kz" and d["published"] == "2022-10-18" and d["text"] == doc.text
    assert d["events"] == [e.to_dict() for e in doc]
    assert d["dateline"]["place"] == "ASTANA" and d["dates"][0]["date"] == "2022-10-14"
    assert len(d["sentences"]) == len(doc.sentences) and len(d["dates"]) == len(doc.dates)


def test_arrow_buffers_are_valid_in_any_chunking(results: ec.Results) -> None:
    whole = ec.to_arrow(results)
    whole.validate(full=True)
    assert len(whole.to_batches()) == 1
    small = ec.to_arrow(results, chunk_rows=7)
    small.validate(full=True)
    assert len(small.to_batches()) == -(-whole.num_rows // 7)
    assert small.equals(whole)
    # Arrow and pandas agree, value for value, missing values included.
    df = results.to_pandas()
    for col in ("article_id", "source_name", "target_start", "target_inferred", "plover_mode"):
        assert whole.column(col).to_pylist() == [
            None if pd.isna(v) else v for v in df[col].tolist()
        ], col
    assert whole.column("plover_contexts").to_pylist() == list(df.plover_contexts)
    assert whole.column("goldstein").to_pylist() == [float(v) for v in df.goldstein]


def test_dates_before_1970_and_non_ascii_in_arrow() -> None:
    events = ec.code("Turkish President Cevdet Sunay met Greek officials in Ankara on Monday.", "1967-09-14")
    assert events and events[0].date == datetime.date(1967, 9, 11)
    t = ec.to_arrow(events)
    assert t.column("date").to_pylist()[0] == datetime.date(1967, 9, 11)
    assert ec.to_pandas(events).date[0] == pd.Timestamp("1967-09-11")
    name = "Mevlüt Çavuşoğlu"
    t = ec.to_arrow(ec.code(f"Turkish Foreign Minister {name} criticized Greece.", "2021-06-15"))
    assert name in t.column("source_name").to_pylist()


def test_pandas_from_arrow_and_from_lists_are_the_same_frame(results: ec.Results) -> None:
    from eventcoder._frames import _pandas_from_arrow, _pandas_from_lists

    for events in (results, [], results.events[:1]):
        a, b = _pandas_from_arrow(events), _pandas_from_lists(events)
        assert a.equals(b) and (a.dtypes == b.dtypes).all()
        assert list(a.columns) == ec.COLUMNS
