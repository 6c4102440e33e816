"""The CLI's flat tables read by the tools analysts load them with: a Parquet file from
``eventcoder code -o events.parquet`` through pyarrow and pandas (typed columns), and the CSV
through pandas, both agreeing with the JSON lines of the same run.

The binary is ``$EVENTCODER_BIN``, else the one ``cargo test`` built in ``target/``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from _deps import need, need_module

REPO = Path(__file__).resolve().parents[2]

ARTICLES = [
    {
        "id": "w1",
        "published": "2022-03-01",
        "text": "MOSCOW (Reuters) - Russia condemned the new sanctions on Tuesday.",
    },
    {
        "id": "w2",
        "published": "2021-06-14",
        "text": "Japan condemned North Korea on Friday. China urged Iran to return to talks.",
    },
    {
        "id": "w3",
        "published": "2021-06-14",
        "text": "Japan also condemned North Korea on Friday, officials said.",
    },
]


def binary() -> Path:
    env = os.environ.get("EVENTCODER_BIN")
    candidates = [Path(env)] if env else [
        REPO / "target" / "debug" / "eventcoder",
        REPO / "target" / "release" / "eventcoder",
    ]
    found = [c for c in candidates if c.is_file()]
    need(bool(found), f"no eventcoder binary (looked for {', '.join(map(str, candidates))}; "
         "run `cargo build -p eventcoder-cli` or set EVENTCODER_BIN)")
    return max(found, key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "wire.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def code(*args: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run([str(binary()), "code", "--quiet", *args], capture_output=True,
                         text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    return run


def json_events(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in code(str(corpus)).stdout.splitlines()]


def test_parquet_reads_typed_in_pyarrow_and_pandas(corpus: Path, tmp_path: Path) -> None:
    pa = need_module("pyarrow")
    pq = need_module("pyarrow.parquet")
    events = json_events(corpus)
    assert len(events) >= 3
    out = tmp_path / "events.parquet"
    code(str(corpus), "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("SQLDATE").type == pa.int32()
    assert schema.field("trigger_start").type == pa.int64()
    assert pa.types.is_list(schema.field("plover_contexts").type)
    assert schema.names[:3] == ["SQLDATE", "Actor1Code", "Actor1Name"]
    meta = pq.ParquetFile(out).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    frame = table.to_pandas()
    for row, e in zip(frame.itertuples(index=False), events):
        assert row.article_id == e["article_id"]
        assert row.EventCode == e["cameo"]["code"]
        assert str(row.date) == e["date"]
        assert row.SQLDATE == int(e["date"].replace("-", ""))
        assert (row.trigger_start, row.trigger_end) == tuple(e["trigger"]["span"])
        assert list(row.plover_contexts) == e["plover"]["contexts"]


def test_csv_and_dedupe_in_pandas(corpus: Path, tmp_path: Path) -> None:
    pd = need_module("pandas")
    events = json_events(corpus)
    plain = tmp_path / "events.csv"
    code(str(corpus), "-o", str(plain))
    frame = pd.read_csv(plain, dtype={"EventCode": str, "EventBaseCode": str,
                                      "EventRootCode": str})
    assert len(frame) == len(events)
    assert list(frame["EventCode"]) == [e["cameo"]["code"] for e in events]
    collapsed = tmp_path / "collapsed.csv"
    code(str(corpus), "--dedupe-across-articles", "-o", str(collapsed))
    deduped = pd.read_csv(collapsed, dtype={"EventCode": str})
    # The two articles' condemnations of North Korea on the same day are one event.
    condemn = deduped[(deduped["EventCode"] == "111") & (deduped["Actor2Code"] == "PRK")]
    assert len(condemn) == 1, deduped[["Actor1Code", "EventCode", "Actor2Code"]]
    assert condemn.iloc[0]["NumArticles"] == 2
    assert condemn.iloc[0]["article_id"] == "w2"
    assert len(deduped) == len(events) - 1
