"""The notebook HTML view (``eventcoder._html``): content, escaping, text round-trip, rendering."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import eventcoder as ec
from _deps import need
from eventcoder import _html

SCRIPT_TEXT = "Russia expelled 23 British diplomats on Friday. <script>alert(1)</script> & more"
NON_ASCII_TEXT = (
    "ANKARA, March 3 (Reuters) - Turkish Foreign Minister Mevlüt Çavuşoğlu 🤝 met "
    "Iran’s foreign minister in Ankara on Tuesday and condemned the attack on the embassy "
    "in Kyiv. 🇹🇷"
)
ROLE_HEX = {
    "source": "#ffd27f",
    "target": "#9fd4ff",
    "trigger": "#b6f0b0",
    "date": "#e3c6ff",
    "place": "#ffb3b3",
}

_TEXT_BOX = re.compile(r'<div class="ec-text">(.*?)</div>', re.DOTALL)


def shown_text(markup: str) -> str:
    """The text of the text box of a view: its tags stripped and entities unescaped."""
    boxes = _TEXT_BOX.findall(markup)
    assert len(boxes) == 1, "expected exactly one text box"
    return html.unescape(re.sub(r"<[^>]*>", "", boxes[0]))


def assert_properly_nested(markup: str) -> None:
    depth = 0
    for tag in re.findall(r"</?mark\b", markup):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0, "a </mark> closes nothing"
    assert depth == 0, "an unclosed <mark>"


@pytest.fixture(scope="module")
def example() -> ec.Document:
    return ec.parse(ec.EXAMPLE_ARTICLE)


def test_role_colors_are_the_documented_ones() -> None:
    assert _html.ROLE_COLORS == ROLE_HEX


def test_example_document_view(example: ec.Document) -> None:
    view = example._repr_html_()
    assert view == _html.render_document(example)
    assert view.startswith('<div class="ec-view"><style>') and view.endswith("</div>")
    for role, color in ROLE_HEX.items():
        assert color in view, f"colour of {role} missing"
        assert f'class="ec-mark ec-{role}"' in view, f"no {role} mark"
    # 13: the clash in ", whose border guards clashed last month," is background, not coded,
    # and the protest in a diplomatic summons is the summons' official complaint (114)
    assert view.count('<tr class="ec-q') == len(example.events) == 13
    assert "no events coded" not in view
    # every selector of the style is scoped under the wrapper class
    style = re.search(r"<style>(.*?)</style>", view, re.DOTALL)
    assert style is not None
    for rule in re.findall(r"([^{}]+)\{", style.group(1)):
        for selector in rule.split(","):
            assert selector.strip().startswith(".ec-view"), selector
    # no scripts, no external assets
    assert "<script" not in view and "http" not in view and "@import" not in view
    # displaCy-style labels: actor codes, CAMEO codes, ISO dates, place countries
    assert 'data-label="KAZGOV"' in view
    assert 'data-label="044"' in view
    assert 'data-label="2022-10-14"' in view
    assert 'class="ec-mark ec-place" data-label="KAZ"' in view
    assert "Kassym-Jomart Tokayev" in view and "reported by Reuters" in view


def test_example_text_round_trips(example: ec.Document) -> None:
    view = example._repr_html_()
    assert shown_text(view) == example.text
    assert_properly_nested(view)


def test_every_span_of_the_example_is_marked(example: ec.Document) -> None:
    view = example._repr_html_()
    marked = set(re.findall(r'<mark class="ec-mark ec-(\w+)"', view))
    assert marked == set(ROLE_HEX)
    marks = _html.resolve_marks(_html.document_marks(example), len(example.text))
    spans = {(m.start, m.end) for m in marks}
    e = example.events[0]
    assert e.source is not None and e.target is not None
    assert {e.source.span, e.target.span, e.trigger_span} <= spans
    for d in example.dates:
        assert d.span in spans


def test_script_in_text_is_escaped() -> None:
    doc = ec.parse(SCRIPT_TEXT, published="2018-03-17", id="<b>id</b>")
    assert len(doc.events) >= 1
    view = doc._repr_html_()
    assert "<script>" not in view and "<b>id</b>" not in view
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view
    assert "&lt;b&gt;id&lt;/b&gt;" in view
    assert shown_text(view) == doc.text
    assert_properly_nested(view)
    assert view.count('<tr class="ec-q') == len(doc.events)


def test_non_ascii_text_round_trips() -> None:
    doc = ec.parse(NON_ASCII_TEXT, published="2021-03-04", id="tr-1")
    assert doc.events
    view = doc._repr_html_()
    assert shown_text(view) == NON_ASCII_TEXT
    assert_properly_nested(view)
    assert "Mevlüt Çavuşoğlu" in view and "🇹🇷" in view
    assert "id tr-1" in view


def test_empty_text() -> None:
    doc = ec.parse("")
    view = doc._repr_html_()
    assert shown_text(view) == ""
    assert "no events coded" in view
    assert "<table" not in view


def test_document_without_events() -> None:
    doc = ec.parse("The weather in the capital was mild on Monday.", published="2023-05-02")
    assert not doc.events
    view = doc._repr_html_()
    assert "no events coded" in view and "<table" not in view
    assert shown_text(view) == doc.text


def test_overlapping_marks_resolve_to_nested_markup() -> None:
    text = "abcdefghij"
    Mark = _html.Mark
    marks = [
        Mark(0, 4, "trigger", "T"),
        Mark(2, 6, "target", "X"),  # crosses (0, 4): dropped
        Mark(1, 3, "target", "B"),  # inside (0, 4): nested
        Mark(1, 3, "source", "A"),  # same span: merged, source wins
        Mark(5, 5, "date"),  # empty: dropped
        Mark(8, 12, "place"),  # outside the text: dropped
        Mark(7, 10, "date", "D"),
        Mark(7, 10, "place", "D"),
    ]
    resolved = _html.resolve_marks(marks, len(text))
    assert [(m.start, m.end, m.role, m.label) for m in resolved] == [
        (0, 4, "trigger", "T"),
        (1, 3, "source", "A / B"),
        (7, 10, "date", "D"),
    ]
    markup = _html.highlight(text, resolved)
    assert html.unescape(re.sub(r"<[^>]*>", "", markup)) == text
    assert_properly_nested(markup)
    assert markup.index('data-label="A / B"') > markup.index('data-label="T"')


def test_marks_ending_together_and_touching() -> None:
    text = "one two three"
    Mark = _html.Mark
    marks = [Mark(0, 7, "trigger"), Mark(4, 7, "target"), Mark(7, 13, "date"), Mark(3, 4, "place")]
    markup = _html.highlight(text, _html.resolve_marks(marks, len(text)))
    assert html.unescape(re.sub(r"<[^>]*>", "", markup)) == text
    assert_properly_nested(markup)
    assert markup.count("<mark") == 4


def test_long_documents_are_truncated(example: ec.Document) -> None:
    view = _html.render_document(example, max_chars=100, max_rows=3)
    assert shown_text(view) == example.text[:100]
    assert_properly_nested(view)
    assert f"showing the first 100 of {len(example.text):,} characters" in view
    assert view.count('<tr class="ec-q') == 3
    assert "showing 3 of 13 events" in view
    full = example._repr_html_()
    assert "truncated" not in full


def test_event_view(example: ec.Document) -> None:
    for event in example.events:
        view = event._repr_html_()
        assert view == _html.render_event(event)
        assert shown_text(view) == event.sentence
        assert_properly_nested(view)
        assert html.escape(event.trigger) in view
        assert 'class="ec-mark ec-trigger"' in view
        assert view.count('<tr class="ec-q') == 1
        assert event.cameo.code in view
    first = example.events[0]._repr_html_()
    assert ">held talks with<" in first and 'data-label="KAZGOV"' in first
    assert 'class="ec-mark ec-target" data-label="RUSGOV"' in first
    assert 'class="ec-mark ec-place" data-label="KAZ"' in first


def test_event_marks_stay_inside_the_sentence(example: ec.Document) -> None:
    # the location of later events is the dateline, outside their sentence
    event = example.events[2]
    assert event.location is not None and event.location.source == "dateline"
    marks = _html.event_marks(event)
    assert marks and all(0 <= m.start < m.end <= len(event.sentence) for m in marks)
    assert "place" not in {m.role for m in marks}


# ---------------------------------------------------------------------------------------------
# Rendering in a real browser
# ---------------------------------------------------------------------------------------------

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def _chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(markup: str, tmp_path: Path) -> Path:
    """Render ``markup`` in headless Chromium at 1280x1600; the PNG's path."""
    binary = _chromium()
    if binary is None:
        need(False, f"no Chromium binary found (looked for {', '.join(CHROMIUM_NAMES)})")
    assert binary is not None
    page = tmp_path / "view.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>eventcoder</title></head>'
        f"<body>{markup}</body></html>",
        encoding="utf-8",
    )
    png = tmp_path / "view.png"
    errors = []
    for headless in ("--headless=new", "--headless"):  # newer and older Chromiums
        command = [
            binary,
            headless,
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,1600",
            f"--screenshot={png}",
            page.as_uri(),
        ]
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if png.exists() and png.stat().st_size > 0:
            return png
        errors.append(f"{' '.join(command)}\nexit {run.returncode}\n{run.stderr[-2000:]}")
    pytest.fail("Chromium wrote no screenshot:\n" + "\n\n".join(errors))


def _rgb(color: str) -> tuple[int, int, int]:
    value = int(color.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def count_pixels(colors: list[tuple[int, tuple[int, int, int]]], hex_color: str) -> int:
    """How many pixels are within 3 per channel of ``hex_color``."""
    r, g, b = _rgb(hex_color)
    return sum(
        n
        for n, (pr, pg, pb) in colors
        if abs(pr - r) <= 3 and abs(pg - g) <= 3 and abs(pb - b) <= 3
    )


def test_chromium_renders_the_highlights(example: ec.Document, tmp_path: Path) -> None:
    from PIL import Image

    png = screenshot(example._repr_html_(), tmp_path)
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        assert rgb.size == (1280, 1600)
        raw = rgb.getcolors(maxcolors=1 << 24)
    assert raw is not None
    colors = [(n, (c[0], c[1], c[2])) for n, c in raw if isinstance(c, tuple)]
    total = sum(n for n, _ in colors)
    assert len(colors) > 50, f"only {len(colors)} distinct colours: blank page?"
    assert max(n for n, _ in colors) < 0.97 * total, "the page is almost all one colour"
    for role in ("source", "target", "trigger", "date", "place"):
        n = count_pixels(colors, ROLE_HEX[role])
        print(f"{role}: {n} pixels")
        assert n >= 100, f"{role} highlight {ROLE_HEX[role]}: {n} pixels"
    for quad in (1, 3, 4):  # the quad classes of the example's table rows
        color = _html.QUAD_CLASSES[quad][1]
        assert count_pixels(colors, color) >= 100, f"quad class {quad} row colour missing"


def test_results_view_lists_every_event_with_its_article() -> None:
    results = ec.Coder().code_many(
        [("kz", ec.EXAMPLE_ARTICLE), ("big", "x " * (ec.MAX_ARTICLE_BYTES // 2 + 1))],
        on_error="skip",
    )
    html = results._repr_html_()
    assert 'class="ec-view"' in html and "1 document" in html
    assert f"{len(results.events)} events" in html
    assert html.count("<tr class=\"ec-q") == len(results.events)
    assert "skipped input 1 (big)" in html and "exceeds the limit" in html
    assert "no events coded" in ec.Coder().code_many([])._repr_html_()
