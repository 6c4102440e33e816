"""Python agrees with the JSON, the CLI, the Rust names and its own docs (issue 14's "Python
rough edges" and "stale docs"): floats as the JSON writes them, ``None`` for what is missing,
one validation of dates and options, names shared with the Rust library, stubs that list what
the code emits."""

from __future__ import annotations

import ast
import json
import math
import pickle
import struct
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

import eventcoder as ec
from _deps import need_module
from test_cli_tables import binary

PYTHON = Path(__file__).resolve().parents[1]
REPO = PYTHON.parent
STUB = PYTHON / "eventcoder" / "_eventcoder.pyi"

EXPEL = "Russia expelled 23 British diplomats on Friday."
UNKNOWN = "Smith criticized Russia on Monday."


def as_f32(x: float) -> float:
    """``x`` rounded to the nearest 32-bit float, as a Python float."""
    value: float = struct.unpack("f", struct.pack("f", x))[0]
    return value


def test_floats_are_the_decimals_the_json_writes() -> None:
    events = ec.code(ec.EXAMPLE_ARTICLE) + ec.code(UNKNOWN, "2024-01-02")
    floats = []
    for e in events:
        d = json.loads(e.to_json())
        assert e.confidence == d["confidence"] == e.to_dict()["confidence"]
        assert repr(e.confidence) == json.dumps(d["confidence"])
        assert e.cameo.goldstein == d["cameo"]["goldstein"]
        assert repr(e.cameo.goldstein) == json.dumps(d["cameo"]["goldstein"])
        floats += [e.confidence, e.cameo.goldstein]
    # Values a 32-bit float cannot hold exactly (0.9, 3.4) are among them: the case that
    # printed 0.8999999761581421.
    assert any(as_f32(x) != x for x in floats), floats
    assert ec.Coder(min_confidence=0.3).min_confidence == 0.3
    assert "goldstein=-2.0" in repr(ec.code(UNKNOWN, "2024-01-02")[0].cameo)


def test_an_article_without_an_id_has_none() -> None:
    events = ec.code(EXPEL, "2018-03-17")
    assert events and all(e.article_id is None for e in events)
    e = events[0]
    assert e.to_dict()["article_id"] is None
    assert e.to_json().startswith('{"article_id":null,"date":"2018-03-16",')
    assert json.loads(e.to_json()) == e.to_dict()
    doc = ec.parse(EXPEL, "2018-03-17")
    assert doc.id is None and "Document(id=None," in repr(doc)
    assert pickle.loads(pickle.dumps(doc)).id is None
    assert pickle.loads(pickle.dumps(e)).article_id is None
    assert doc.to_dict()["id"] is None
    assert [x["article_id"] for x in doc.to_dict()["events"]] == [None]
    assert doc.to_dict()["events"] == [x.to_dict() for x in doc.events]
    # An empty id is no id; a given one is kept everywhere.
    assert ec.code(EXPEL, id="")[0].article_id is None
    named = ec.Coder().parse(EXPEL, "2018-03-17", id="a1")
    assert named.id == "a1" and named.events[0].article_id == "a1"
    assert named.to_dict()["events"][0]["article_id"] == "a1"
    assert json.loads(named.events[0].to_json())["article_id"] == "a1"
    # code_many names an item without an id by its position.
    assert [d.id for d in ec.Coder().code_many([EXPEL, ("b", EXPEL)])] == ["0", "b"]
    # The table columns: missing, and nullable in the schema.
    pd = need_module("pandas")
    need_module("pyarrow")
    from eventcoder import _frames

    table = ec.to_arrow(events + named.events)
    assert table.column("article_id").to_pylist() == [None, "a1"]
    assert ec.arrow_schema().field("article_id").nullable
    for frame in (ec.to_pandas(events), _frames._pandas_from_lists(events)):
        assert frame.article_id.isna().all() and str(frame.article_id.dtype) == "string"
    assert ec.to_pandas(named).article_id.tolist() == ["a1"]
    assert pd.isna(ec.to_pandas(events).article_id[0])


def test_an_unresolved_actor_has_no_code_anywhere() -> None:
    e = next(e for e in ec.code(UNKNOWN, "2024-01-02") if e.cameo.code == "111")
    assert e.source is not None and e.source.text == "Smith" and e.source.code is None
    assert e.to_dict()["source"]["code"] is None
    assert repr(e.source).startswith('Actor("Smith", code=None,')
    # A resolved code shows as a Python value would, not as Rust's Some("RUS").
    assert e.target is not None and e.target.code == "RUS"
    assert repr(e.target).startswith('Actor("Russia", code="RUS",'), repr(e.target)
    need_module("pandas")
    need_module("pyarrow")
    from eventcoder import _frames

    assert ec.to_arrow([e]).column("source_code").to_pylist() == [None]
    for frame in (ec.to_pandas([e]), _frames._pandas_from_lists([e])):
        assert frame.source_code.isna().all() and frame.target_code.tolist() == ["RUS"]


def test_dictionary_errors_show_tabs_escaped_once(tmp_path: Path) -> None:
    odd = tmp_path / "odd.tsv"
    odd.write_text("# a\nphrase\tcode\n", encoding="utf-8")
    with pytest.raises(ec.DictionaryError) as info:
        ec.Coder(dictionaries=[odd])
    message = str(info.value)
    assert 'unrecognised header "phrase\\tcode"; expected' in message, message
    assert "\\\\t" not in message, message
    assert (info.value.line, info.value.column) == (2, 1)


# Dates and options: what the CLI refuses, Python refuses, and the other way round.
PUBLISHED = [
    "2018-03-17",
    " 2018-03-17 ",
    "2018-03-17T09:30:00Z",
    "2018-03-17 09:30:00",
    "2018-03-17T09:30+05:30",
    "2018-03-17T09:30:00.123-0400",
    "2018-03-17Tnonsense",
    "2018-03-17T",
    "2018-03-17T25:00",
    "2018-03-17T09:30:00 +0000",
    "2018-03-17x",
    "2018-3-17",
    "17/03/2018",
    "2018-02-30",
    "20180317",
]


def cli_accepts_published(value: str) -> bool:
    run = subprocess.run(
        [str(binary()), "code", "--quiet", "--input", "jsonl", "--published", value, "-"],
        input=json.dumps({"id": "a", "text": EXPEL}) + "\n",
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert run.returncode in (0, 1), run.stderr
    return run.returncode == 0


def python_accepts_published(value: str) -> bool:
    try:
        ec.parse(EXPEL, published=value)
    except ec.InvalidDateError as e:
        assert e.value == value and "published" in str(e)
        return False
    return True


@pytest.mark.parametrize("value", PUBLISHED)
def test_published_strings_are_read_as_the_cli_reads_them(value: str) -> None:
    assert python_accepts_published(value) == cli_accepts_published(value), value


def test_a_timestamp_counts_by_the_date_written_and_its_time_is_checked() -> None:
    # 23:30 in UTC-05:00 is the next day in UTC: the date as written counts, as in the CLI.
    doc = ec.parse(EXPEL, published="2018-03-17T23:30:00-05:00")
    assert str(doc.published) == "2018-03-17"
    with pytest.raises(ec.InvalidDateError, match="ISO 8601 timestamp") as info:
        ec.code(EXPEL, published="2018-03-17T9:30")
    assert info.value.value == "2018-03-17T9:30"


MIN_CONFIDENCE = [0.0, 0.5, 1.0, -0.1, 1.5, math.nan, math.inf, -math.inf]


@pytest.mark.parametrize("value", MIN_CONFIDENCE)
def test_min_confidence_is_checked_as_the_cli_checks_it(value: float) -> None:
    try:
        ec.Coder(min_confidence=value)
        python_ok = True
    except ec.InvalidInputError as e:
        assert isinstance(e, ValueError) and "min_confidence" in str(e)
        python_ok = False
    run = subprocess.run(
        [str(binary()), "code", "--quiet", f"--min-confidence={value}", "-"],
        input="", capture_output=True, text=True, check=False, timeout=120,
    )
    assert run.returncode in (0, 1), run.stderr
    assert python_ok == (run.returncode == 0), (value, run.stderr)
    assert python_ok == (0.0 <= value <= 1.0)


def stub_literal(name: str) -> list[str]:
    """The values of the ``Literal`` type alias ``name`` in the stub."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == name:
            value: Any = node.value
            assert isinstance(value, ast.Subscript) and getattr(value.value, "id", "") == "Literal"
            elts = value.slice.elts if isinstance(value.slice, ast.Tuple) else [value.slice]
            return [e.value for e in elts]
    raise AssertionError(f"no {name} in {STUB}")


def test_stub_lists_exactly_the_values_the_code_emits() -> None:
    # From the Rust enums (DateSource::ALL, LocationSource::ALL).
    assert stub_literal("_DateSource") == ec.DATE_SOURCES
    assert stub_literal("_LocationSource") == ec.LOCATION_SOURCES
    assert "sentence" not in ec.DATE_SOURCES
    # And what coding gives is among them.
    texts = [ec.EXAMPLE_ARTICLE, "date 2024-01-02\n" + UNKNOWN, EXPEL]
    for path in sorted((REPO / "tests" / "fixtures" / "articles").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    seen_dates, seen_places = set(), set()
    for doc in ec.Coder().code_many(texts):
        for e in doc.events:
            seen_dates.add(e.date_source)
            if e.location is not None:
                seen_places.add(e.location.source)
    assert seen_dates <= set(ec.DATE_SOURCES) and len(seen_dates) >= 3, seen_dates
    assert seen_places <= set(ec.LOCATION_SOURCES) and seen_places, seen_places
    # The docstring of Event.date_source names them all.
    text = STUB.read_text(encoding="utf-8")
    doc = text[text.index("def date_source") :][:400]
    assert all(f"``{v}``" in doc for v in ec.DATE_SOURCES), doc


def test_names_are_the_rust_names() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE, id="kz")
    e = doc.events[0]
    # Rust's Event has `mentions` (a count) and `evidence` (the mentions); so has Python's.
    assert isinstance(e.mentions, int)
    assert e.mentions == len(e.evidence) == e.to_dict()["mentions"]
    assert all(isinstance(m, ec.Evidence) for m in e.evidence)
    assert repr(e.evidence[0]).startswith("Evidence(")
    assert doc.dates and all(isinstance(d, ec.DateSpan) for d in doc.dates)
    assert repr(doc.dates[0]).startswith("DateSpan(")
    need_module("pandas")
    assert ec.to_pandas(doc).mentions.tolist() == [x.mentions for x in doc.events]
    # The former names still work, with a DeprecationWarning.
    with pytest.warns(DeprecationWarning, match="eventcoder.Evidence"):
        assert ec.Mention is ec.Evidence  # type: ignore[comparison-overlap]
    with pytest.warns(DeprecationWarning, match="eventcoder.DateSpan"):
        assert ec.DateMention is ec.DateSpan  # type: ignore[comparison-overlap]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from eventcoder import DateSpan, Evidence  # noqa: F401  (no warning)
    with pytest.raises(AttributeError):
        ec.NoSuchName  # type: ignore[attr-defined]  # noqa: B018


def test_many_mentions_are_counted_beyond_the_evidence_kept() -> None:
    text = "date 2023-05-10\n" + "Ukraine accused Russia of shelling Kherson on Tuesday. " * 150
    e = next(e for e in ec.code(text) if e.cameo.code.startswith("112"))
    assert e.mentions == e.to_dict()["mentions"] == 150
    assert len(e.evidence) == 100  # eventcoder::code::MAX_EVIDENCE


def test_gap_is_documented_as_the_code_matches_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("code\tpattern\n057\tblorf * pact\n", encoding="utf-8")
    coder = ec.Coder(dictionaries=[mine])

    def matches(gap: str) -> bool:
        text = f"Russia blorfed {gap} pact with China on Monday."
        return any(e.cameo.code == "057" for e in coder.code(text, "2024-01-02"))

    assert matches("a big new shiny red")  # four words (the article is free)
    assert matches("several of their big new shiny red")  # quantifiers and possessives free
    assert not matches("a big new shiny red green")  # five
    assert not matches("a big, new")  # not across a comma
    fmt = (REPO / "crates" / "eventcoder" / "data" / "FORMAT.md").read_text(encoding="utf-8")
    assert "`*` is a gap of up to four words" in fmt
    model = (REPO / "crates" / "eventcoder" / "src" / "lexicon" / "model.rs").read_text(
        encoding="utf-8"
    )
    assert "three words" not in model and "up to four content words" in model


def test_explain_marks_a_kept_negated_event() -> None:
    run = subprocess.run(
        [str(binary()), "code", "--quiet", "--input", "jsonl", "--keep-negated", "--format", "explain",
         "-"],
        input=json.dumps({"id": "a", "text": "Iran did not attack Israel on Sunday.",
                          "published": "2024-04-15"}) + "\n",
        capture_output=True, text=True, check=True, timeout=120,
    )
    headlines = [line for line in run.stdout.splitlines() if " -> " in line]
    assert headlines, run.stdout
    assert all(": NOT CAMEO " in line for line in headlines), run.stdout
    assert "\n  negated:" in run.stdout and "date 2024-04-14 (explicit)" in run.stdout
    # Events that did happen read as before.
    run = subprocess.run(
        [str(binary()), "code", "--quiet", "--input", "jsonl", "--format", "explain", "-"],
        input=json.dumps({"id": "a", "text": EXPEL, "published": "2018-03-17"}) + "\n",
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert "2018-03-16 RUS -> GBRGOV: CAMEO 161 " in run.stdout, run.stdout
    assert "NOT" not in run.stdout and "negated" not in run.stdout
