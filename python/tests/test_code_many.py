"""Coder.code_many: every input form, order, threads, progress, errors, and Results."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import eventcoder as ec
from _deps import need_module

STORIES = [
    "China warned Japan on Monday over its new defence budget.",
    "Iran attacked Israel on Saturday, the army said.",
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.",
    "Kenya and Ethiopia signed a trade agreement in Nairobi on Thursday.",
]


def test_every_item_form_in_input_order() -> None:
    items: list[Any] = [
        STORIES[0],
        ("b", STORIES[1]),
        ("c", STORIES[2], "2023-06-10"),
        ("d", STORIES[3], datetime.date(2023, 6, 10)),
        {"id": "e", "text": STORIES[0], "published": datetime.datetime(2023, 6, 10, 12)},
        {"text": STORIES[1]},
        {"id": 7, "text": STORIES[2], "published": None},
        ["h", STORIES[3]],
    ]
    results = ec.Coder().code_many(items)
    assert isinstance(results, ec.Results)
    assert [d.id for d in results] == ["0", "b", "c", "d", "e", "5", "7", "h"]
    assert [d.published for d in results][2:5] == [datetime.date(2023, 6, 10)] * 3
    assert results[0].published is None
    # The same events as coding one by one.
    coder = ec.Coder()
    assert results[2].events == coder.code(STORIES[2], "2023-06-10", id="c")
    assert results[2].events[0].date == datetime.date(2023, 6, 9)


def test_generators_and_large_batches_across_chunks() -> None:
    def gen() -> Iterator[tuple[str, str, str]]:
        for i in range(1000):
            yield (f"n{i}", STORIES[i % 4], "2023-06-10")

    results = ec.Coder().code_many(gen(), chunk_size=64)
    assert len(results) == 1000 and results[999].id == "n999"
    assert results[-1].events == ec.Coder().code(STORIES[3], "2023-06-10", id="n999")


def test_threads_give_the_same_results() -> None:
    items = [(str(i), STORIES[i % 4], "2023-06-10") for i in range(200)]
    one = ec.Coder().code_many(items, threads=1)
    two = ec.Coder().code_many(items, threads=2)
    default = ec.Coder().code_many(items)
    assert one.documents == two.documents == default.documents
    assert len(one.events) == sum(len(d.events) for d in one)


def test_results_is_a_sequence() -> None:
    r = ec.Coder().code_many(STORIES)
    assert len(r) == 4 and r[-1].id == "3" and r[1].id == "1"
    assert [d.id for d in r[1:3]] == ["1", "2"] and [d.id for d in r[::-2]] == ["3", "1"]
    with pytest.raises(IndexError):
        r[4]
    assert r.errors == [] and "Results(documents=4" in repr(r)
    assert r.events == [e for d in r for e in d.events]


def test_empty_input() -> None:
    r = ec.Coder().code_many([])
    assert len(r) == 0 and r.events == [] and len(r.to_pandas()) == 0


@pytest.mark.parametrize(
    ("item", "error", "message"),
    [
        (42, TypeError, "item 1: expected str"),
        (("only-id",), ValueError, "item 1: expected \\(id, text\\)"),
        (("a", "b", "c", "d"), ValueError, "got 4 fields"),
        (("a", 5), TypeError, "item 1: text must be str"),
        ((1.5, "text"), TypeError, "item 1: id must be str or int"),
        ({"id": "x"}, ValueError, "item 1: mapping has no \"text\" key"),
        (("a", "text", "2023-02-30"), ValueError, "item 1: published"),
        ({"text": "t", "published": 3}, TypeError, "item 1: published must be"),
    ],
)
def test_bad_items_say_which(item: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        ec.Coder().code_many(["fine", item])  # type: ignore[list-item]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="threads"):
        ec.Coder().code_many(STORIES, threads=0)
    with pytest.raises(ValueError, match="on_error"):
        ec.Coder().code_many(STORIES, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="chunk_size"):
        ec.Coder().code_many(STORIES, chunk_size=0)
    with pytest.raises(TypeError):
        ec.Coder().code_many(5)  # type: ignore[arg-type]


def test_too_large_raises_or_is_skipped() -> None:
    big = "x " * (ec.MAX_ARTICLE_BYTES // 2 + 1)
    items = [("ok", STORIES[0]), ("big", big), ("ok2", STORIES[1])]
    with pytest.raises(ec.InputTooLargeError, match='item 1 \\(id "big"\\)'):
        ec.Coder().code_many(items)
    r = ec.Coder().code_many(items, on_error="skip")
    assert [d.id for d in r] == ["ok", "ok2"]
    assert [(e.index, e.id) for e in r.errors] == [(1, "big")]
    assert "exceeds the limit" in r.errors[0].message


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    need_module("tqdm")
    ec.Coder().code_many(STORIES * 10, progress=True, chunk_size=8)
    err = capsys.readouterr().err
    assert "coding" in err and "40/40" in err


def test_progress_without_tqdm_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.warns(UserWarning, match="needs tqdm"):
        r = ec.Coder().code_many(STORIES, progress=True)
    assert len(r) == 4


def test_keyboard_interrupt_is_not_swallowed() -> None:
    # A generator that raises mid-stream: the error surfaces, not a partial result.
    def gen() -> Iterator[str]:
        yield STORIES[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ec.Coder().code_many(gen())


@pytest.mark.parametrize("threads", [1, 2, None])
def test_chunks_keep_their_order_through_the_pipeline(threads: int | None) -> None:
    # With more than one thread, one chunk is coded while the one before is kept and the next
    # is read: chunks of one, three and more must all come back in input order.
    items = [(f"p{i}", STORIES[i % 4], "2023-06-10") for i in range(50)]
    for chunk_size in (1, 3, 64):
        r = ec.Coder().code_many(iter(items), threads=threads, chunk_size=chunk_size)
        assert [d.id for d in r] == [i for i, _, _ in items]


@pytest.mark.parametrize("threads", [1, 2])
def test_the_first_error_in_input_order_is_raised(threads: int) -> None:
    # A failing article in one chunk and a bad item in the next: the failure comes first in
    # the input, so it is what is raised, though the next chunk was read while it was coded.
    big = "x " * (ec.MAX_ARTICLE_BYTES // 2 + 1)
    items: list[Any] = [("ok", STORIES[0]), ("big", big), ("ok2", STORIES[1]), 42]
    with pytest.raises(ec.InputTooLargeError, match='item 1 \\(id "big"\\)'):
        ec.Coder().code_many(items, threads=threads, chunk_size=2)
    # Skipped, the failure is listed and the bad item raises.
    with pytest.raises(TypeError, match="item 3: expected str"):
        ec.Coder().code_many(items, threads=threads, chunk_size=2, on_error="skip")
