"""Quickstart: code an article, look at its events, build a table.

Run: python examples/quickstart.py
"""

from __future__ import annotations

import datetime

import eventcoder as ec


def main() -> None:
    # One article, with the shared default coder.
    events: list[ec.Event] = ec.code(
        "Russia expelled 23 British diplomats on Friday, the foreign ministry said.",
        published="2018-03-17",
    )
    for e in events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        print(f"{e.date} {src} -> {tgt}: {e.cameo.code} {e.cameo.label} [{e.plover.type}]")

    # A whole document: sentences, tokens, dates, the dateline, and every span.
    coder = ec.Coder(require_dyad=True)
    doc: ec.Document = coder.parse(
        ec.EXAMPLE_ARTICLE, published=datetime.date(2022, 10, 18), id="kz-1"
    )
    print(doc, doc.dateline)
    for e in doc.events:
        assert e.source is not None and e.target is not None  # require_dyad
        a, b = e.source.span
        assert doc.text[a:b] == e.source.text
        where = e.location.name if e.location else "?"
        print(f"  {e.cameo.code:>4} {e.source.code} -> {e.target.code} in {where}: {e.trigger!r}")

    # Many articles in parallel, then a DataFrame (needs pandas).
    results: ec.Results = coder.code_many(
        [
            ("a1", "China warned Japan on Monday over its defence budget.", "2024-01-03"),
            ("a2", ec.EXAMPLE_ARTICLE, None),
        ],
        threads=2,
    )
    try:
        frame = results.to_pandas()
    except ImportError:
        print("pip install pandas for DataFrames")
        return
    counts = frame.groupby("quad_class").size()
    print(counts.to_string())


if __name__ == "__main__":
    main()
