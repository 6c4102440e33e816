"""Pickling: Coder, Event, Document, Actor and Token travel to other processes."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import eventcoder as ec

TEXT = "Russia gave a public dressing-down to Georgia on Monday."


def test_values_round_trip() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE, id="kz")
    for obj in [doc, doc.events[0], doc.events[0].source, doc.tokens[0], doc.events]:
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and type(back) is type(obj)
    back = pickle.loads(pickle.dumps(doc))
    assert back.dates == doc.dates and back.dateline == doc.dateline
    assert back.tokens == doc.tokens and back.sentences == doc.sentences


def test_coder_carries_its_dictionaries(tmp_path: Path, verb_dictionary: Path) -> None:
    coder = ec.Coder(dictionaries=[verb_dictionary], require_dyad=True, min_confidence=0.25)
    blob = pickle.dumps(coder)
    verb_dictionary.unlink()  # a worker need not see the file
    back = pickle.loads(blob)
    assert back == coder and back.dictionaries == coder.dictionaries
    assert (back.require_dyad, back.min_confidence) == (True, 0.25)
    assert [e.cameo.code for e in back.code(TEXT, "2021-01-05")] == ["111"]
    # Unpickling again reuses the compiled lexicon.
    assert pickle.loads(blob).code(TEXT, "2021-01-05") == back.code(TEXT, "2021-01-05")


def _code_in_worker(args: tuple[ec.Coder, str]) -> list[ec.Event]:
    coder, text = args
    return coder.code(text, "2021-01-05")


def test_multiprocessing_spawn(verb_dictionary: Path) -> None:
    coder = ec.Coder(dictionaries=[verb_dictionary])
    texts = [TEXT, "China warned Japan on Monday."]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        remote = pool.map(_code_in_worker, [(coder, t) for t in texts])
    assert remote == [coder.code(t, "2021-01-05") for t in texts]
    assert remote[0][0].cameo.code == "111"


def test_every_class_pickles() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE, id="kz")
    e = next(e for e in doc.events if e.location is not None and e.target is not None)
    results = ec.Coder().code_many(
        [("a", "Iran attacked Israel."), ("big", "x " * (ec.MAX_ARTICLE_BYTES // 2 + 1))],
        on_error="skip",
    )
    objects: list[object] = [
        doc, e, e.source, e.cameo, e.plover, e.location, e.evidence[0], doc.sentences[0],
        doc.dates[0], doc.dateline, doc.tokens[0], results.errors[0],
    ]
    for obj in objects:
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
        assert repr(back) == repr(obj)
        if not isinstance(obj, ec.CodingError):
            assert back == obj
    back_results = pickle.loads(pickle.dumps(results))
    assert back_results.documents == results.documents
    assert [(x.index, x.id, x.message) for x in back_results.errors] == [
        (x.index, x.id, x.message) for x in results.errors
    ]
