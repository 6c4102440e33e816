"""Benchmark: batch coding from Python. Coder.code_many and Coder.code_arrow (Rust threads, no
GIL) against one thread and against a Python loop over Coder.code, on two mixes of articles.

Run from the repository root after `maturin develop --release` (scripts/test-all does it):

    .venv/bin/python python/benchmarks/bench_code_many.py [--copies 200] [--repeat 7]

The corpora are our own wire stories (tests/fixtures/articles/*.txt), each copy with its own id:

- fixtures: the stories, --copies times;
- dense: as many articles, every third one the long, event-dense example article
  (``eventcoder.EXAMPLE_ARTICLE``, or the file given with --dense).

Each way of coding returns its events (``code_many``'s ``.events``, or a ``pyarrow.Table``) and
frees them inside the timing. The runs take turns, --repeat rounds, and each prints its best
round, so that a burst of load on the machine hits every run alike. Then the ratios the
project tracks: ``code_arrow`` (2 threads) against ``code_many(threads=1)`` + ``to_arrow``, and
``code_many`` on 2 threads against 1; and ``code_arrow`` on 2 threads against 1, which builds no
Python object at all: the most a second thread gives the coder itself on this machine. Compare ratios from one run only: other processes on the
machine move the times between runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import eventcoder as ec

ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"

Items = list[tuple[str, str]]


def fixtures(copies: int) -> Items:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return [(f"{i}-{j}", t) for i in range(copies) for j, t in enumerate(texts)]


def dense(n: int, article: str) -> Items:
    """``n`` articles, every third one ``article`` and the others the fixture stories."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return [(f"d{k}", article if k % 3 == 0 else texts[k % len(texts)]) for k in range(n)]


def rounds(runs: dict[str, Callable[[], int]], repeat: int) -> dict[str, tuple[float, int]]:
    """The best time of each run over ``repeat`` rounds of every run, and what it returned."""
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start = time.perf_counter()
            out = run()
            seconds = time.perf_counter() - start
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, out)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="code_many and code_arrow against one thread")
    parser.add_argument("--copies", type=int, default=200, help="copies of the fixture corpus")
    parser.add_argument("--repeat", type=int, default=7, help="rounds; the best of each counts")
    parser.add_argument("--dense", type=Path, help="the event-dense article (default: EXAMPLE_ARTICLE)")
    args = parser.parse_args()
    coder = ec.Coder()
    fixture_items = fixtures(args.copies)
    article = args.dense.read_text(encoding="utf-8") if args.dense else ec.EXAMPLE_ARTICLE
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        arrow = False
    else:
        # (An older build, without code_arrow, times code_many only.)
        arrow = hasattr(coder, "code_arrow")
    print(
        f"eventcoder {ec.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
        f"best of {args.repeat} rounds"
    )
    for mix, items in (("fixtures", fixture_items), ("dense", dense(len(fixture_items), article))):
        ids = [i for i, _ in items]
        texts = [t for _, t in items]
        sentences = sum(len(d.sentences) for d in coder.code_many(items))

        def many(threads: int | None, items: Items = items) -> Callable[[], int]:
            return lambda: len(coder.code_many(items, threads=threads).events)

        runs: dict[str, Callable[[], int]] = {
            "Python loop over Coder.code": lambda items=items: sum(  # type: ignore[misc]
                len(coder.code(text, id=i)) for i, text in items
            ),
            "code_many(threads=1)": many(1),
            "code_many(threads=2)": many(2),
        }
        if arrow:
            runs["code_many(threads=1) + to_arrow"] = lambda items=items: (  # type: ignore[misc]
                ec.to_arrow(coder.code_many(items, threads=1)).num_rows
            )
            for n in (1, 2):
                runs[f"code_arrow(threads={n})"] = lambda ids=ids, texts=texts, n=n: (  # type: ignore[misc]
                    coder.code_arrow(texts, ids, threads=n).num_rows
                )
        best = rounds(runs, args.repeat)
        events = best["code_many(threads=1)"][1]
        print(f"\n{mix}: {len(items)} articles, {sentences} sentences, {events} events")
        for name, (seconds, out) in best.items():
            assert out == events, f"{name} gave {out} events, not {events}"
            print(
                f"  {name:<34} {seconds * 1e3:8.1f} ms  {len(items) / seconds:8.0f} articles/s  "
                f"{sentences / seconds:9.0f} sentences/s"
            )

        def ratio(a: str, b: str) -> float:
            return best[a][0] / best[b][0]

        print(f"  code_many: 2 threads {ratio('code_many(threads=1)', 'code_many(threads=2)'):.2f}x 1 thread (target 1.6x)")
        if arrow:
            print(
                f"  code_arrow(threads=2): {ratio('code_many(threads=1) + to_arrow', 'code_arrow(threads=2)'):.2f}x "
                "code_many(threads=1) + to_arrow (target 1.7x)"
            )
            # No Python object at all: what the coder itself gains from the second thread.
            print(f"  code_arrow: 2 threads {ratio('code_arrow(threads=1)', 'code_arrow(threads=2)'):.2f}x 1 thread")

    # Tables of the same events (each needs its library; skipped without it).
    results = coder.code_many(fixture_items)
    print()
    for name in ("to_arrow", "to_pandas"):
        convert = getattr(ec, name)
        try:
            convert(results[0])  # imports pyarrow / pandas outside the timing
        except ImportError as e:
            print(f"{name}: skipped ({e})")
            continue
        best = rounds({name: lambda: len(convert(results))}, args.repeat)
        seconds = best[name][0]
        n = len(results.events)
        print(f"{name + '(results)':<36} {seconds * 1e3:8.1f} ms  {n / seconds:9.0f} events/s")
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
