"""PETRARCH-1 and TABARI dictionaries from Python: ``Coder(petrarch_dir=..., petrarch_verbs=...,
petrarch_actors=[...], ..., builtin=False)``, the load summary, errors with their position,
issues per event, pickling; and the full Phoenix set from ``../shared/eval/phoenix`` where it is
present (it is not shipped; the test skips without it, and fails then under
``EVENTCODER_REQUIRE_ALL=1``)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from _deps import need, need_module

import eventcoder as ec

# Dictionaries in the PETRARCH formats, written for these tests (an invented rebel group).
ACTORS = """\
# Actors invented for eventcoder's tests.
NORTHERN_RIVERS_FRONT [SDNREB]
+NRF
CHAD [TCD]
+CHADIAN
+N'DJAMENA
SUDAN [SDN]
"""
AGENTS = "HARBOUR_MASTER [~GOV]\n"
VERBS = """\
# Verb patterns written for eventcoder's tests.
--- RAID [190] ---
RAID
- * + BORDER_POSTS [193]
--- REBUKE [111] ---
REBUKE {REBUKES REBUKED REBUKING}
+CASTIGATE
"""
DISCARDS = "+FOOTBALL MATCH\n"
ISSUES = """\
<ISSUE CATEGORY="MIGRATION" TYPE="ALL">
n:refugee [REFUGEES]
~refugee status
</ISSUE>
"""

# A wire story in our own words: test verbs and actors, then a built-in verb ("accused").
STORY = (
    "The Northern Rivers Front raided Chadian border posts near Abéché on Tuesday, driving "
    "hundreds of refugees across the frontier.\n"
    "Chad accused the NRF of harbouring gunmen.\n"
    "N'Djamena castigated the Northern Rivers Front on Wednesday.\n"
)
PUBLISHED = "2024-02-01"

PHOENIX = Path(__file__).resolve().parents[3] / "shared" / "eval" / "phoenix"


@pytest.fixture
def petrarch_dir(tmp_path: Path) -> Path:
    d = tmp_path / "dicts"
    d.mkdir()
    for name, text in [
        ("t.actors.txt", ACTORS),
        ("t.agents.txt", AGENTS),
        ("t.verbs.txt", VERBS),
        ("t.discards.txt", DISCARDS),
        ("t.issues.txt", ISSUES),
    ]:
        (d / name).write_text(text, encoding="utf-8")
    return d


def triples(events: list[ec.Event]) -> list[tuple[str | None, str, str | None]]:
    return [
        (e.source.code if e.source else None, e.cameo.code, e.target.code if e.target else None)
        for e in events
    ]


def test_a_folder_alone_and_merged_over_the_builtins(petrarch_dir: Path) -> None:
    alone = ec.Coder(petrarch_dir=petrarch_dir, builtin=False)
    assert not alone.builtin
    events = alone.code(STORY, published=PUBLISHED)
    # The built-in "accused" is not loaded: the second sentence codes nothing.
    assert triples(events) == [("SDNREB", "193", "TCD"), ("TCD", "111", "SDNREB")]
    assert events[0].rule == f"{petrarch_dir / 't.verbs.txt'}:4 `- * + BORDER_POSTS [193]`"
    merged = ec.Coder(petrarch_dir=str(petrarch_dir))
    assert merged.builtin
    assert triples(merged.code(STORY, published=PUBLISHED)) == [
        ("SDNREB", "193", "TCD"),
        ("TCD", "112", "SDNREB"),
        ("TCD", "111", "SDNREB"),
    ]
    # The files named one by one give the same coder.
    one_by_one = ec.Coder(
        petrarch_verbs=petrarch_dir / "t.verbs.txt",
        petrarch_actors=[petrarch_dir / "t.actors.txt"],
        petrarch_agents=petrarch_dir / "t.agents.txt",
        petrarch_discards=petrarch_dir / "t.discards.txt",
        petrarch_issues=petrarch_dir / "t.issues.txt",
        builtin=False,
    )
    assert one_by_one.code(STORY, published=PUBLISHED) == events


def test_load_summary_mirrors_the_rust_one(petrarch_dir: Path) -> None:
    coder = ec.Coder(petrarch_dir=petrarch_dir, builtin=False)
    s = coder.load_summary
    assert isinstance(s, ec.LoadSummary)
    assert str(s) == "5 PETRARCH/TABARI dictionaries: 11 entries read, 0 skipped; no warnings"
    assert (s.entries, s.skipped, s.warnings) == (11, 0, {})
    # In load order: actors, agents, verbs, discards, issues.
    assert [(f.kind, Path(f.name).name) for f in s.files] == [
        ("actors", "t.actors.txt"),
        ("agents", "t.agents.txt"),
        ("verbs", "t.verbs.txt"),
        ("discards", "t.discards.txt"),
        ("issues", "t.issues.txt"),
    ]
    assert isinstance(s.files[0], ec.FileSummary)
    assert (s.files[0].entries, s.files[0].skipped) == (3, 0)
    assert pickle.loads(pickle.dumps(s.files[0])) == s.files[0]
    assert pickle.loads(pickle.dumps(s)) == s
    assert ec.Coder().load_summary is None
    assert ec.Coder(petrarch_actors=[petrarch_dir / "t.actors.txt"]).load_summary is not None


def test_mixing_sources(petrarch_dir: Path) -> None:
    text = "The Northern Rivers Front accused Chad of shelling refugee camps on Tuesday."
    # Without the actors the group is unresolved; with them, the built-in verb codes it.
    assert triples(ec.code(text, published=PUBLISHED)) == [(None, "112", "TCD")]
    coder = ec.Coder(petrarch_actors=[petrarch_dir / "t.actors.txt"])
    [e] = coder.code(text, published=PUBLISHED)
    assert (e.source.code, e.cameo.code, e.target.code) == ("SDNREB", "112", "TCD")
    assert e.rule.startswith("builtin:verbs/")
    # The test verbs with the built-in actors.
    coder = ec.Coder(petrarch_verbs=petrarch_dir / "t.verbs.txt")
    [e] = coder.code("Sudan's foreign ministry castigated Chad on Monday.", published=PUBLISHED)
    assert (e.source.code, e.cameo.code, e.target.code) == ("SDNGOV", "111", "TCD")
    assert e.rule.endswith("t.verbs.txt:7 `CASTIGATE [111]`")


def test_issues_per_event_and_discards(petrarch_dir: Path) -> None:
    coder = ec.Coder(petrarch_dir=petrarch_dir, builtin=False)
    first, second = coder.code(STORY, published=PUBLISHED)
    assert first.issues is not None and len(first.issues) == 1
    issue = first.issues[0]
    assert isinstance(issue, ec.Issue)
    assert (issue.code, issue.category, issue.text, issue.sentence_index) == (
        "REFUGEES",
        "MIGRATION",
        "refugees",
        0,
    )
    a, b = issue.span
    assert STORY[a:b] == "refugees"  # string indices, past the "é" of Abéché
    assert second.issues == []
    assert first.to_dict()["issues"] == [
        {"code": "REFUGEES", "category": "MIGRATION", "text": "refugees", "span": [a, b],
         "sentence": 0}
    ]
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert pickle.loads(pickle.dumps(first)) == first
    # Without an issues file: None, and no "issues" in the record.
    e = ec.Coder(petrarch_actors=[petrarch_dir / "t.actors.txt"]).code(STORY, PUBLISHED)[0]
    assert e.issues is None and "issues" not in e.to_dict()
    # A story discard: nothing at all.
    assert coder.code("Chad rebuked the NRF over a football match on Sunday.", PUBLISHED) == []


def test_document_issues_and_discards(petrarch_dir: Path) -> None:
    coder = ec.Coder(petrarch_dir=petrarch_dir, builtin=False)
    doc = coder.parse(STORY, published=PUBLISHED)
    assert [(i.code, i.category, i.sentence_index) for i in doc.issues] == [
        ("REFUGEES", "MIGRATION", 0)
    ]
    a, b = doc.issues[0].span
    assert STORY[a:b] == "refugees"
    assert not doc.discarded and doc.discarded_sentences == []
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.issues == doc.issues
    # Plain data keeps them too.
    plain = doc.to_dict()
    assert plain["issues"] == [
        {"code": "REFUGEES", "category": "MIGRATION", "text": "refugees", "span": [a, b],
         "sentence": 0}
    ]
    assert plain["discards"] == []
    # A story discard: no events, and the document says why.
    doc = coder.parse("Chad rebuked the NRF over a football match on Sunday.", PUBLISHED)
    assert len(doc) == 0 and doc.discarded and doc.discarded_sentences == [0]
    assert doc.to_dict()["discards"] == [{"sentence_index": 0, "story": True}]
    # Without the files: nothing.
    doc = ec.Coder().parse(STORY, published=PUBLISHED)
    assert doc.issues == [] and not doc.discarded and doc.discarded_sentences == []


def test_issues_column_of_the_tables(petrarch_dir: Path) -> None:
    pd = need_module("pandas")
    need_module("pyarrow")
    assert ec.COLUMNS[-1] == "issues"
    coder = ec.Coder(petrarch_dir=petrarch_dir, builtin=False)
    want = [["MIGRATION:REFUGEES"], []]
    events = coder.code(STORY, published=PUBLISHED)
    assert ec.to_arrow(events).column("issues").to_pylist() == want
    table = coder.code_arrow([STORY], published=[PUBLISHED])
    assert table.column("issues").to_pylist() == want
    assert table.schema == ec.arrow_schema()
    assert list(ec.to_pandas(events)["issues"]) == want
    # Without an issues file the column is null, in every path.
    plain = ec.Coder(petrarch_actors=[petrarch_dir / "t.actors.txt"])
    events = plain.code(STORY, published=PUBLISHED)
    assert events
    assert ec.to_arrow(events).column("issues").to_pylist() == [None] * len(events)
    table = plain.code_arrow([STORY], published=[PUBLISHED])
    assert table.column("issues").null_count == len(events)
    frame = ec.to_pandas(events)
    assert frame["issues"].isna().all() and frame["issues"].dtype == object
    assert isinstance(frame, pd.DataFrame)


def test_errors_name_file_line_and_column(tmp_path: Path, petrarch_dir: Path) -> None:
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("CHAD [TCD]\nNORTHERN_RIVERS_FRONT [SDNREB <9x]\n", encoding="utf-8")
    # Skipped with a warning, counted.
    coder = ec.Coder(petrarch_actors=[bad])
    assert coder.load_summary is not None
    assert (coder.load_summary.skipped, coder.load_summary.warnings) == (1, {"bad_line": 1})
    # petrarch_strict: a DictionaryError with the position.
    with pytest.raises(ec.DictionaryError) as info:
        ec.Coder(petrarch_actors=[bad], petrarch_strict=True)
    err = info.value
    assert (err.file, err.line, err.column) == (str(bad), 2, 32)
    assert str(err) == f'{bad}:2:32: bad date "9x": YYMMDD or YYYYMMDD'
    assert isinstance(err, ValueError)
    with pytest.raises(FileNotFoundError):
        ec.Coder(petrarch_verbs=tmp_path / "no-such.verbs.txt")
    with pytest.raises(FileNotFoundError):
        ec.Coder(petrarch_dir=tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match="no dictionary file"):
        ec.Coder(petrarch_dir=empty)
    with pytest.raises(ec.InvalidInputError, match="builtin=False leaves no dictionary"):
        ec.Coder(builtin=False)


def test_a_pickled_coder_carries_its_petrarch_files(tmp_path: Path, petrarch_dir: Path) -> None:
    coder = ec.Coder(petrarch_dir=petrarch_dir, builtin=False, require_dyad=True)
    blob = pickle.dumps(coder)
    for f in petrarch_dir.iterdir():
        f.unlink()  # a worker need not see the files
    back = pickle.loads(blob)
    assert back == coder and not back.builtin and back.require_dyad
    assert back.load_summary == coder.load_summary
    assert back.code(STORY, published=PUBLISHED) == coder.code(STORY, published=PUBLISHED)
    assert "builtin=False" in repr(back) and "t.verbs.txt" in repr(back)
    # Coders differing only in their PETRARCH files differ.
    assert back != ec.Coder()


def test_the_phoenix_set() -> None:
    need(
        (PHOENIX / "CAMEO.verbpatterns.150430.txt").is_file(),
        f"the Phoenix dictionaries are not at {PHOENIX} (../shared/eval/phoenix)",
    )
    coder = ec.Coder(petrarch_dir=PHOENIX, builtin=False)
    s = coder.load_summary
    assert s is not None
    assert len(s.files) == 7
    assert {f.kind for f in s.files} == {"verbs", "actors", "agents", "discards", "issues"}
    assert s.entries > 40_000 and s.skipped < 200
    assert "bad_line" in s.warnings
    assert str(s).startswith("7 PETRARCH/TABARI dictionaries: ")
    # Phoenix verbs with the built-in actors: a verb the built-ins do not have.
    text = (
        "Venezuela's foreign ministry on Thursday denigrated Guyana over the disputed "
        "Essequibo region."
    )
    assert ec.code(text, published=PUBLISHED) == []
    mixed = ec.Coder(petrarch_verbs=PHOENIX / "CAMEO.verbpatterns.150430.txt")
    [e] = mixed.code(text, published=PUBLISHED)
    assert (e.source.code, e.cameo.code, e.target.code) == ("VENGOV", "111", "GUY")
    assert e.rule.endswith("CAMEO.verbpatterns.150430.txt:12887 `DENIGRATE [111]`")
    # Every event coded with the issues file lists its issues (a list, maybe empty).
    events = coder.code(ec.EXAMPLE_ARTICLE)
    assert events and all(isinstance(e.issues, list) for e in events)
