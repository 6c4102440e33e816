"""Shared fixtures: our own wire-style texts (no third-party text)."""

from __future__ import annotations

from pathlib import Path

import pytest

# A dated wire story with non-ASCII names, an emoji, curly quotes and a dateline.
NON_ASCII = (
    "date 2021-06-15\n"
    "ANKARA, June 14 (Reuters) - Turkish Foreign Minister Mevlüt Çavuşoğlu met his Greek "
    "counterpart Nikos Dendias in Ankara on Monday, and the two “agreed to keep talking” 🇹🇷🇬🇷. "
    "Çavuşoğlu later accused Greece of violating Turkish airspace, the ministry said.\n"
)


@pytest.fixture(scope="session")
def non_ascii() -> str:
    return NON_ASCII


@pytest.fixture
def verb_dictionary(tmp_path: Path) -> Path:
    """A user dictionary adding one verb pattern (CAMEO 111, criticize or denounce)."""
    p = tmp_path / "mine.tsv"
    p.write_text("code\tpattern\n111\tgive * dressing-down to {t}\n", encoding="utf-8")
    return p
