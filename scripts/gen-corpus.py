#!/usr/bin/env python3
"""Writes a generated corpus of wire-style articles as JSON lines, for throughput runs.

Each article is a dateline and 4-14 sentences drawn (with a fixed seed) from the project's own
fixture sentences (tests/fixtures/events.tsv), with a published date, so the corpus is
realistic news prose and the same on every machine.

Usage: python3 scripts/gen-corpus.py [N_ARTICLES] > corpus.jsonl   (default 20000)
"""

import csv
import datetime
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATELINES = ["MOSCOW", "KYIV", "BEIJING", "WASHINGTON", "TEHRAN", "ANKARA", "NEW DELHI", "BRUSSELS"]


def sentences() -> list[str]:
    rows = []
    with open(ROOT / "tests/fixtures/events.tsv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3 and row[0] != "id" and not row[0].startswith("#"):
                text = row[2].strip()
                rows.append(text if text[-1:] in ".!?\"”" else text + ".")
    return rows


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(20261202)
    pool = sentences()
    start = datetime.date(2022, 1, 1)
    out = sys.stdout
    for i in range(n):
        published = start + datetime.timedelta(days=rng.randrange(1000))
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(4, 14)))
        text = f"{rng.choice(DATELINES)} (Reuters) - {body}"
        record = {"id": f"gen-{i:06d}", "published": published.isoformat(), "text": text}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
