"""Coding many batches in one process does not grow its memory (no leak across the binding)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _deps import need_module

import eventcoder as ec

ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"


def test_repeated_coding_does_not_leak() -> None:
    psutil = need_module("psutil")
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    items = [(f"{i}", t, "2023-06-10") for i in range(25) for t in texts]  # 200 articles
    coder = ec.Coder()
    process = psutil.Process()

    def round_trip() -> int:
        results = coder.code_many(items)
        table = ec.to_arrow(results)
        frame = ec.to_pandas(results.events[:500])
        docs = [d.to_dict() for d in results[:20]]
        return len(results.events) + table.num_rows + len(frame) + len(docs)

    for _ in range(3):  # warm up: allocator pools, lazy imports
        round_trip()
    gc.collect()
    before = process.memory_info().rss
    per_round = sum(round_trip() for _ in range(30)) // 30
    gc.collect()
    grown = process.memory_info().rss - before
    assert per_round > 3000
    # 30 rounds each allocate tens of MB; a leak of even 1 MB a round would show.
    assert grown < 24 * 1024 * 1024, f"RSS grew {grown / 2**20:.1f} MiB over 30 rounds"


def _rss_growth(round_trip: Callable[[], int], rounds: int = 30) -> int:
    psutil = need_module("psutil")
    process = psutil.Process()
    for _ in range(3):
        round_trip()
    gc.collect()
    time.sleep(0.1)  # the background thread frees what the warm-up left
    before = process.memory_info().rss
    for _ in range(rounds):
        round_trip()
    gc.collect()
    time.sleep(0.1)
    return process.memory_info().rss - before


def test_events_that_outlive_their_results_are_freed() -> None:
    # The last reference of an event's data goes to a background thread to be freed there:
    # events kept after their Results (and the Results' documents) are gone must still be
    # freed, round after round.
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    items = [(f"{i}", t) for i in range(25) for t in texts]
    coder = ec.Coder()

    def round_trip() -> int:
        events = coder.code_many(items, threads=2).events
        n = len(events)
        del events
        return n

    grown = _rss_growth(round_trip)
    assert grown < 24 * 1024 * 1024, f"RSS grew {grown / 2**20:.1f} MiB over 30 rounds"


def _code_and_free_in_child(queue: Any) -> None:
    coder = ec.Coder()
    counts = []
    for threads in (None, 2, 1):
        events = coder.code_many([ec.EXAMPLE_ARTICLE] * 20, threads=threads).events
        counts.append(len(events))
        del events
    counts.append(coder.code_arrow([ec.EXAMPLE_ARTICLE] * 20, threads=2).num_rows)
    queue.put(counts)


def test_a_forked_process_codes_and_frees_events() -> None:
    # A child forked after the parent coded on its thread pools and started its background
    # freeing thread has neither: it codes on pools of its own, frees its events itself, and
    # does not wait forever on threads that stayed in the parent.
    import multiprocessing

    pytest.importorskip("pyarrow")
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork start method on this platform")
    coder = ec.Coder()
    for threads in (None, 2):
        events = coder.code_many([ec.EXAMPLE_ARTICLE] * 5, threads=threads).events
        del events  # the parent's freeing thread is running now
    kept = coder.code_many([ec.EXAMPLE_ARTICLE] * 100, threads=2)  # inherited, freed by the child
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_code_and_free_in_child, args=(queue,))
    child.start()
    child.join(timeout=120)
    if child.is_alive():
        child.kill()
    assert child.exitcode == 0, f"child exit code {child.exitcode} (None: it hung)"
    per_article = len(ec.code(ec.EXAMPLE_ARTICLE))
    assert queue.get(timeout=5) == [20 * per_article] * 4
    assert len(kept.events) == 100 * per_article
