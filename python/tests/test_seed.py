"""The seed article the project started from codes the same events as in the Rust test
(tests/seed.rs). It lives in ../shared/seeds/, outside the repository; the test skips with a
message where that folder is absent."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import eventcoder as ec

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_072a97fd6eb2948e.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[str, ec.Document]:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}; it is only present beside the checkout")
    text = SEED.read_text(encoding="utf-8")
    return text, ec.parse(text, id="seed")


def _names(e: ec.Event) -> list[str]:
    return [a.name for a in (e.source, e.target) if a is not None and a.name]


def test_date_line(seed: tuple[str, ec.Document]) -> None:
    assert seed[1].published == datetime.date(2021, 11, 23)


def test_eu_tajikistan_consultation(seed: tuple[str, ec.Document]) -> None:
    doc = seed[1]
    consult = next(
        e
        for e in doc.events
        if e.cameo.root == "04"
        and e.source is not None
        and e.source.organization == "EU"
        and e.target is not None
        and e.target.country == "TJK"
    )
    assert consult.date == datetime.date(2021, 11, 22)  # "on Monday"
    names = _names(consult)
    assert any("Borrell" in n for n in names) and any("Muhriddin" in n for n in names), names
    assert consult.reported_by == "Sputnik"


def test_appeals(seed: tuple[str, ec.Document]) -> None:
    appeals = [e for e in seed[1].events if e.cameo.root == "02"]
    assert any("ceasefire in Panjshir" in e.sentence for e in appeals)
    assert any("human rights" in e.sentence for e in appeals)
    ceasefire = next(e for e in appeals if "ceasefire" in e.sentence)
    assert ceasefire.location is not None and ceasefire.location.country == "AFG"


def test_intent_and_agreement(seed: tuple[str, ec.Document]) -> None:
    events = seed[1].events
    assert any(e.cameo.code.startswith("03") and "cooperation" in e.trigger for e in events)
    assert any(e.cameo.code.startswith("03") and e.trigger.startswith("agreed") for e in events)


def test_contexts(seed: tuple[str, ec.Document]) -> None:
    contexts = {c for e in seed[1].events for c in e.plover.contexts}
    assert {"terrorism", "trafficking", "migration"} <= contexts, contexts


def test_spans_and_parties(seed: tuple[str, ec.Document]) -> None:
    text, doc = seed
    for e in doc.events:
        for a in (e.source, e.target):
            if a is not None:
                assert text[a.span[0] : a.span[1]] == a.text
        assert text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger
        s, t = e.source, e.target
        if s is not None and t is not None:  # never the same party on both sides
            same = (s.organization or s.country) == (t.organization or t.country)
            assert not (same and s.name == t.name and s.sector == t.sector), e


def test_same_events_as_the_cli(seed: tuple[str, ec.Document]) -> None:
    """The Python records equal the CLI's JSON lines for the same file, field for field."""
    import json
    import shutil
    import subprocess

    if shutil.which("cargo") is None:
        pytest.skip("comparing with the CLI needs cargo")
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "-p", "eventcoder-cli", "--", "code", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    cli = [json.loads(line) for line in out.splitlines() if line.strip()]
    ours = [e.to_dict() for e in seed[1].events]
    for rec in cli:
        rec["article_id"] = "seed"
    assert [r["cameo"]["code"] for r in ours] == [r["cameo"]["code"] for r in cli]
    assert ours == cli
