"""HTML input: html=True codes the visible text and every offset indexes the original HTML."""

from __future__ import annotations

import eventcoder as ec

PAGE = (
    "<html><head><title>Russia attacked Ukraine | Example Wire</title>"
    "<script>var s = 'Iran attacked Israel';</script></head><body>"
    "<h1>Talks stall</h1>"
    "<p>Russia&#8217;s foreign ministry accused the United States of meddling.</p>"
    "<p>Serbia&nbsp;accused Bosnia &amp; Herzegovina of violating the accord \u2014 "
    "an official in Belgrade said.</p>"
    "</body></html>"
)


def _visible(html: str) -> str:
    """The spanned HTML after removing the few tags and references the fixture uses."""
    for ref, char in (("&#8217;", "\u2019"), ("&amp;", "&"), ("&nbsp;", " ")):
        html = html.replace(ref, char)
    return html


def test_script_and_head_are_not_coded() -> None:
    sentence = "Russia attacked Ukraine on Monday."
    assert ec.code(f"<p>{sentence}</p>", html=True)
    assert ec.code(f"<script>{sentence}</script>", html=True) == []
    assert ec.code(f"<head><title>{sentence}</title></head>", html=True) == []
    # Without html=True the markup is text, and the script is coded.
    assert ec.code(f"<script>{sentence}</script>")


def test_spans_index_the_original_html() -> None:
    doc = ec.Coder().parse(PAGE, published="2024-03-05", html=True)
    assert doc.text == PAGE
    events = doc.events
    assert {e.cameo.code for e in events} >= {"112"}
    rus = next(e for e in events if e.source and e.source.country == "RUS")
    assert rus.source is not None and rus.source.text.startswith("Russia\u2019s")
    start, end = rus.source.span
    assert PAGE[start:end].startswith("Russia&#8217;s")
    bih = next(e for e in events if e.target and e.target.country == "BIH")
    assert bih.target is not None
    start, end = bih.target.span
    assert PAGE[start:end] == "Bosnia &amp; Herzegovina"
    assert bih.target.text == "Bosnia & Herzegovina"
    for e in events:
        for actor in (e.source, e.target):
            if actor is not None:
                a, b = actor.span
                assert _visible(PAGE[a:b]) == actor.text
        a, b = e.trigger_span
        assert _visible(PAGE[a:b]) == e.trigger
        a, b = e.sentence_span
        assert a <= e.trigger_span[0] and e.trigger_span[1] <= b
    # Sentences follow the paragraphs, and tokens are the visible text's.
    assert [s.text for s in doc.sentences][0] == "Talks stall"
    tokens = doc.tokens
    assert "Russia\u2019s" in [t.text for t in tokens] or "Russia" in [t.text for t in tokens]
    for t in tokens:
        a, b = t.span
        assert _visible(PAGE[a:b]) == t.text
    assert not any("Iran" in t.text for t in tokens)


def test_code_many_html() -> None:
    items = [("a", PAGE), ("b", "<p>Iran &amp; Iraq signed a trade agreement.</p>")]
    results = ec.Coder().code_many(items, threads=1, html=True)
    assert len(results) == 2
    assert results[0].text == PAGE
    assert [e.cameo.code for e in results[0].events] == [
        e.cameo.code for e in ec.parse(PAGE, html=True).events
    ]
    plain = ec.Coder().code_many(items, threads=1)
    assert plain[0].text == PAGE
