"""Property tests: on any text, coding never raises, every span slices the text it names, and
code_many agrees with coding one by one."""

from __future__ import annotations

from _deps import need_module

need_module("hypothesis")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import eventcoder as ec  # noqa: E402

# Wire-story pieces, so that random texts contain actors, verbs, dates and places.
PIECES = [
    "Russia", "Turkish Foreign Minister Mevlüt Çavuşoğlu", "the European Union", "Kyiv",
    " accused ", " met ", " said on Monday", " did not attack ", " will sign a deal with ",
    "President Xi Jinping", "Ankara", "Iran’s chargé d’affaires", ", the ministry said.",
    "“We condemn it,”", " in Panjshir", "ЕС", "王毅", "🇹🇷", "\n\n", ". ", "U.S.-led",
    "date 2021-11-23\n", "MOSCOW, Nov 22 (Reuters) - ", "Dr.", "(", ")", "\u200b", "\r\n",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map(
    "".join
)
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def _check_spans(text: str, doc: ec.Document) -> None:
    for e in doc.events:
        for a in (e.source, e.target):
            if a is not None:
                assert text[a.span[0] : a.span[1]] == a.text
        assert text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger
        assert text[e.sentence_span[0] : e.sentence_span[1]] == e.sentence
        if e.location is not None:
            assert text[e.location.span[0] : e.location.span[1]] == e.location.text
    for t in doc.tokens:
        assert text[t.span[0] : t.span[1]] == t.text
    for d in doc.dates:
        assert text[d.span[0] : d.span[1]] == d.text
    for s in doc.sentences:
        assert text[s.span[0] : s.span[1]] == s.text


@settings(max_examples=300, deadline=None)
@given(texts, published)
def test_any_text_codes_with_valid_spans(text: str, date: str | None) -> None:
    try:
        doc = ec.parse(text, published=date)
    except ValueError as e:  # only a malformed "date YYYY-MM-DD" line may be refused
        assert "invalid date" in str(e)
        return
    _check_spans(text, doc)


@settings(max_examples=30, deadline=None)
@given(st.lists(texts, max_size=12))
def test_code_many_agrees_with_parse(batch: list[str]) -> None:
    items = [(str(i), t) for i, t in enumerate(batch) if not t.startswith("date ")]
    results = ec.Coder().code_many(items, chunk_size=5)
    assert [d.id for d in results] == [i for i, _ in items]
    assert results.documents == [ec.parse(t, id=i) for i, t in items]
