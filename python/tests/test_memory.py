"""Coding many batches in one process does not grow its memory (no leak across the binding)."""

from __future__ import annotations

import gc
from pathlib import Path

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
