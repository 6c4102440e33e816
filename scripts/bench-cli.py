#!/usr/bin/env python3
"""Throughput and memory of `eventcoder code` on a generated corpus (issue 10's targets).

    python3 scripts/bench-cli.py            # throughput: 20,000 articles, 1 and 2 threads
    python3 scripts/bench-cli.py --rss 1    # peak RSS coding a generated JSONL of ~1 GB

Throughput: the library's single-thread speed (examples/library_speed.rs, records already in
memory) beside the CLI at --threads 1 and --threads 2, each the best of three runs, in one
session; the ratios are what count. Memory: the CLI's peak resident set (getrusage of the
child) on a corpus of about GB gigabytes, written to target/ first.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "target"
BINARY = TARGET / "release" / "eventcoder"
EXAMPLE = TARGET / "release" / "examples" / "library_speed"


def build() -> None:
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "-p", "eventcoder-cli",
         "--bin", "eventcoder", "--example", "library_speed"],
        cwd=ROOT, check=True,
    )


def corpus(n: int) -> Path:
    path = TARGET / f"bench-corpus-{n}.jsonl"
    if not path.exists():
        with open(path, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, str(ROOT / "scripts/gen-corpus.py"), str(n)],
                           stdout=f, check=True)
    return path


def cli_seconds(path: Path, threads: int) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([str(BINARY), "code", "--quiet", "--threads", str(threads), str(path)],
                       stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def throughput(n: int) -> None:
    path = corpus(n)
    lib = json.loads(subprocess.run([str(EXAMPLE), str(path)], capture_output=True, text=True,
                                    check=True).stdout)
    one = cli_seconds(path, 1)
    two = cli_seconds(path, 2)
    lib_rate = lib["articles_per_s"]
    print(f"cores: {os.cpu_count()}, articles: {n}, corpus: {path.stat().st_size / 1e6:.1f} MB")
    print(f"library, 1 thread : {lib_rate:8.0f} articles/s")
    print(f"CLI, --threads 1  : {n / one:8.0f} articles/s  ({n / one / lib_rate:.2f} x library)")
    print(f"CLI, --threads 2  : {n / two:8.0f} articles/s  ({one / two:.2f} x --threads 1)")


def rss(gigabytes: float) -> None:
    # ~1,250 bytes an article in the generated corpus.
    n = int(gigabytes * 1e9 / 1256)
    path = corpus(n)
    started = time.perf_counter()
    child = subprocess.Popen([str(BINARY), "code", "--quiet", str(path)],
                             stdout=subprocess.DEVNULL)
    # (wait4: this child's own peak, not the builds' or the generator's.)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - started
    if child.returncode != 0:
        sys.exit(f"eventcoder exited with {child.returncode}")
    peak_mb = usage.ru_maxrss / 1024
    print(f"input: {path.stat().st_size / 1e9:.2f} GB, {n} articles, {secs:.1f} s, "
          f"peak RSS {peak_mb:.0f} MB, cores: {os.cpu_count()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--rss", type=float, metavar="GB", help="measure peak RSS on ~GB of JSONL")
    args = ap.parse_args()
    build()
    if args.rss:
        rss(args.rss)
    else:
        throughput(args.articles)


if __name__ == "__main__":
    main()
