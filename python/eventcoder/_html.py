"""The notebook HTML view of documents and events (``_repr_html_``), in pure Python.

The extension calls :func:`render_document` from ``Document._repr_html_`` and
:func:`render_event` from ``Event._repr_html_``. The output is self-contained HTML: no
JavaScript and no external assets; its ``<style>`` is scoped under the ``.ec-view`` wrapper,
which sets its own background and text colours so it reads the same in light and dark themes.

The text is shown displaCy-style: highlighted spans are ``<mark>`` elements coloured by role,
with their label drawn by CSS (``::after`` of a ``data-label`` attribute), so the text content
of the text box is always exactly the coded text, in order.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from eventcoder._eventcoder import Actor, Document, Event, Location, Results

__all__ = [
    "MAX_TABLE_ROWS",
    "MAX_TEXT_CHARS",
    "ROLE_COLORS",
    "render_document",
    "render_event",
    "render_results",
]

MAX_TEXT_CHARS: Final = 200_000
"""At most this many characters of text are rendered highlighted."""
MAX_TABLE_ROWS: Final = 500
"""At most this many events are listed in the table."""

ROLE_COLORS: Final[dict[str, str]] = {
    "source": "#ffd27f",
    "target": "#9fd4ff",
    "trigger": "#b6f0b0",
    "date": "#e3c6ff",
    "place": "#ffb3b3",
}
"""The background colour of each highlighted role."""

ROLE_NAMES: Final[dict[str, str]] = {
    "source": "source actor",
    "target": "target actor",
    "trigger": "trigger",
    "date": "date",
    "place": "place",
}

# When marks share one span, the role that comes first here colours it.
_ROLE_PRIORITY: Final[dict[str, int]] = {role: i for i, role in enumerate(ROLE_COLORS)}

QUAD_CLASSES: Final[dict[int, tuple[str, str]]] = {
    1: ("verbal cooperation", "#e3f6e1"),
    2: ("material cooperation", "#cdeee9"),
    3: ("verbal conflict", "#fdefd2"),
    4: ("material conflict", "#fbdcdc"),
}
"""The label and row colour of each CAMEO quad class."""

_NONE: Final = "\u2014"  # em dash, shown for a missing value

Span = tuple[int, int]


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``text[start:end]`` in the role's colour, with a label and tooltip."""

    start: int
    end: int
    role: str
    label: str = ""
    title: str = ""


def _esc(value: object) -> str:
    """Escape any value for use in HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _fmt_date(value: datetime.date | None) -> str:
    return value.isoformat() if value is not None else _NONE


def _unique(items: Iterable[str]) -> list[str]:
    """The non-empty items, first occurrences only, in order."""
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


# ---------------------------------------------------------------------------------------------
# Span collection
# ---------------------------------------------------------------------------------------------


def _actor_title(role: str, actor: Actor) -> str:
    parts = [f"{ROLE_NAMES[role]}: {actor.code or '?'}", f"\u201c{actor.text}\u201d"]
    if actor.name:
        parts.append(f"name: {actor.name}")
    facets = [
        f"country {actor.country}" if actor.country else "",
        f"organization {actor.organization}" if actor.organization else "",
        f"sector {actor.sector}" if actor.sector else "",
    ]
    if any(facets):
        parts.append(", ".join(f for f in facets if f))
    if actor.inferred:
        parts.append("state inferred")
    return "\n".join(parts)


def _event_marks(event: Event, event_no: int | None) -> list[Mark]:
    """The source, target, trigger (every mention) and location marks of one event."""
    marks: list[Mark] = []
    for role, actor in (("source", event.source), ("target", event.target)):
        if actor is not None:
            title = _actor_title(role, actor)
            marks.append(Mark(actor.span[0], actor.span[1], role, actor.code or "?", title))
    cameo = event.cameo
    where = f"event #{event_no}: " if event_no is not None else ""
    for mention in event.evidence:
        title = (
            f"trigger \u201c{mention.trigger}\u201d\n{where}CAMEO {cameo.code} {cameo.label}"
            f"\nrule: {mention.rule}"
        )
        start, end = mention.trigger_span
        marks.append(Mark(start, end, "trigger", cameo.code, title))
    if event.location is not None:
        marks.append(_location_mark(event.location))
    return marks


def _location_mark(location: Location) -> Mark:
    country = location.country or ""
    title = f"place: {location.name}" + (f" ({country})" if country else "")
    title += f"\nfrom the {location.source}"
    return Mark(location.span[0], location.span[1], "place", country, title)


def document_marks(doc: Document) -> list[Mark]:
    """Every mark of a document: its events' actors, triggers and places, its dates and the
    dateline place (not yet merged or resolved)."""
    marks: list[Mark] = []
    for no, event in enumerate(doc.events):
        marks.extend(_event_marks(event, no))
    for mention in doc.dates:
        iso = mention.date.isoformat()
        title = f"date: {iso}\nwritten \u201c{mention.text}\u201d"
        marks.append(Mark(mention.span[0], mention.span[1], "date", iso, title))
    dateline = doc.dateline
    if dateline is not None:
        title = f"dateline place: {dateline.place}"
        if dateline.region:
            title += f", {dateline.region}"
        if dateline.outlet:
            title += f"\noutlet: {dateline.outlet}"
        start, end = dateline.place_span
        marks.append(Mark(start, end, "place", "", title))
    return marks


def event_marks(event: Event) -> list[Mark]:
    """The marks of one event inside its sentence, shifted to indices into ``event.sentence``."""
    lo, hi = event.sentence_span
    return [
        Mark(m.start - lo, m.end - lo, m.role, m.label, m.title)
        for m in _event_marks(event, None)
        if lo <= m.start and m.end <= hi
    ]


# ---------------------------------------------------------------------------------------------
# Overlap resolution
# ---------------------------------------------------------------------------------------------


def merge_marks(marks: Iterable[Mark]) -> list[Mark]:
    """Merge the marks of one span into one: the highest-priority role (source before target
    before trigger before date before place), every distinct label and tooltip."""
    by_span: dict[Span, list[Mark]] = {}
    for mark in marks:
        by_span.setdefault((mark.start, mark.end), []).append(mark)
    merged: list[Mark] = []
    for (start, end), group in by_span.items():
        group.sort(key=lambda m: _ROLE_PRIORITY[m.role])
        label = " / ".join(_unique(m.label for m in group))
        title = "\n\n".join(_unique(m.title for m in group))
        merged.append(Mark(start, end, group[0].role, label, title))
    return merged


def resolve_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Keep marks that nest properly, sorted by start then longer first.

    Empty marks and marks outside ``[0, length]`` are dropped; a mark contained in an earlier
    one is kept (it nests inside it); a mark that crosses the end of an earlier kept one is
    dropped. The result can be rendered as properly nested elements.
    """
    valid = [m for m in merge_marks(marks) if 0 <= m.start < m.end <= length]
    valid.sort(key=lambda m: (m.start, -m.end, _ROLE_PRIORITY[m.role]))
    kept: list[Mark] = []
    open_ends: list[int] = []  # the ends of the kept marks enclosing the current position
    for mark in valid:
        while open_ends and open_ends[-1] <= mark.start:
            open_ends.pop()
        if open_ends and mark.end > open_ends[-1]:
            continue  # crosses an enclosing mark
        kept.append(mark)
        open_ends.append(mark.end)
    return kept


# ---------------------------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------------------------


def _open_tag(mark: Mark) -> str:
    attrs = f'class="ec-mark ec-{mark.role}"'
    if mark.label:
        attrs += f' data-label="{_esc(mark.label)}"'
    if mark.title:
        attrs += f' title="{_esc(mark.title)}"'
    return f"<mark {attrs}>"


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """``text``, escaped, with the resolved ``marks`` (see :func:`resolve_marks`) as nested
    ``<mark>`` elements. Stripping the tags and unescaping gives back ``text``."""
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(_esc(text[pos:end]) + "</mark>")
            pos = end

    for mark in marks:
        close_until(mark.start)
        out.append(_esc(text[pos : mark.start]) + _open_tag(mark))
        pos = mark.start
        open_ends.append(mark.end)
    close_until(len(text))
    out.append(_esc(text[pos:]))
    return "".join(out)


def _text_box(text: str, marks: Iterable[Mark]) -> str:
    body = highlight(text, resolve_marks(marks, len(text)))
    return f'<div class="ec-text">{body}</div>'


# ---------------------------------------------------------------------------------------------
# Event table
# ---------------------------------------------------------------------------------------------

_COLUMNS: Final = (
    "#",
    "date",
    "source",
    "CAMEO",
    "PLOVER",
    "target",
    "location",
    "conf.",
    "trigger",
)


def _cell(main: str, sub: str = "", title: str = "", cls: str = "") -> str:
    """A table cell: ``main`` text, an optional smaller ``sub`` line and a tooltip."""
    attrs = f' class="{cls}"' if cls else ""
    if title:
        attrs += f' title="{_esc(title)}"'
    body = _esc(main)
    if sub:
        body += f'<span class="ec-sub">{_esc(sub)}</span>'
    return f"<td{attrs}>{body}</td>"


def _actor_cell(actor: Actor | None) -> str:
    if actor is None:
        return _cell(_NONE, cls="ec-missing")
    return _cell(actor.code or "?", actor.name or actor.text, _actor_title_short(actor), "ec-code")


def _actor_title_short(actor: Actor) -> str:
    title = f"\u201c{actor.text}\u201d"
    if actor.inferred:
        title += " (state inferred)"
    return title


def _cameo_cell(event: Event) -> str:
    cameo = event.cameo
    label = cameo.label + (" (negated)" if event.negated else "")
    quad = QUAD_CLASSES.get(cameo.quad_class, ("quad class ?", ""))[0]
    title = f"quad class {cameo.quad_class}: {quad}\nGoldstein {cameo.goldstein:+.1f}"
    return _cell(cameo.code, label, title, "ec-code")


def _plover_cell(event: Event) -> str:
    plover = event.plover
    if plover.type is None:
        return _cell(_NONE, plover.mode or "", cls="ec-missing")
    title = "contexts: " + ", ".join(plover.contexts) if plover.contexts else ""
    return _cell(plover.type, plover.mode or "", title, "ec-code")


def _location_cell(location: Location | None) -> str:
    if location is None:
        return _cell(_NONE, cls="ec-missing")
    sub = location.country or ""
    return _cell(location.name, sub, f"\u201c{location.text}\u201d from the {location.source}")


def _trigger_cell(event: Event) -> str:
    more = event.mentions - 1
    sub = f"+{more} more mention{'s' if more > 1 else ''}" if more > 0 else ""
    title = f"sentence {event.sentence_index}\nrule: {event.rule}"
    return _cell(f"\u201c{event.trigger}\u201d", sub, title, "ec-trigger")


def event_row(event: Event, number: int | None, with_article: bool = False) -> str:
    """One table row of an event; ``number`` is its index in ``doc.events``. With
    ``with_article``, the article id is written under the number."""
    quad = event.cameo.quad_class
    cells = [
        _cell(
            str(number) if number is not None else _NONE,
            (event.article_id or "") if with_article else "",
            cls="ec-num",
        ),
        _cell(_fmt_date(event.date), event.date_source, "date from the " + event.date_source),
        _actor_cell(event.source),
        _cameo_cell(event),
        _plover_cell(event),
        _actor_cell(event.target),
        _location_cell(event.location),
        _cell(f"{event.confidence:.2f}", cls="ec-num"),
        _trigger_cell(event),
    ]
    return f'<tr class="ec-q{quad}">{"".join(cells)}</tr>'


def event_table(
    events: Sequence[Event], numbers: Sequence[int | None], with_article: bool = False
) -> str:
    """The table of ``events`` (numbered by ``numbers``), with its quad-class legend."""
    head = "".join(f"<th>{_esc(c)}</th>" for c in _COLUMNS)
    rows = "".join(
        event_row(e, n, with_article) for e, n in zip(events, numbers, strict=True)
    )
    return (
        f'<table class="ec-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{_quad_legend()}"
    )


def _quad_legend() -> str:
    items = "".join(
        f'<span class="ec-key ec-q{q}">{q} {_esc(label)}</span>'
        for q, (label, _) in QUAD_CLASSES.items()
    )
    return f'<div class="ec-legend ec-quads">rows by quad class: {items}</div>'


def _role_legend(roles: Iterable[str] = ROLE_NAMES) -> str:
    items = "".join(f'<span class="ec-key ec-{r}">{_esc(ROLE_NAMES[r])}</span>' for r in roles)
    return f'<div class="ec-legend">{items}</div>'


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------


def _style() -> str:
    roles = "".join(f".ec-view .ec-{r}{{background:{c}}}" for r, c in ROLE_COLORS.items())
    quads = "".join(
        f".ec-view .ec-key.ec-q{q},.ec-view table.ec-table tr.ec-q{q}>td{{background:{c}}}"
        for q, (_, c) in QUAD_CLASSES.items()
    )
    return f"<style>{_CSS}{roles}{quads}</style>"


_SANS: Final = (
    '-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,'
    '"Noto Sans","Liberation Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji",'
    '"Noto Color Emoji"'
)
_MONO: Final = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace'

_CSS: Final = (
    f".ec-view{{display:block;background:#ffffff;color:#1f2328;font-family:{_SANS};"
    "font-size:14px;line-height:1.45;text-align:left;border:1px solid #d0d7de;"
    "border-radius:6px;padding:10px 14px;margin:4px 0;max-width:100%;overflow-x:auto}"
    ".ec-view *{box-sizing:border-box}"
    ".ec-view .ec-head{font-size:12.5px;color:#57606a;margin:0 0 4px}"
    ".ec-view .ec-head b{color:#1f2328;font-weight:600}"
    ".ec-view .ec-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px;"
    "line-height:2.2;color:#1f2328;background:#ffffff;margin:0 0 8px;padding:0;"
    "font-family:inherit}"
    '.ec-view .ec-text:empty::before{content:"(empty text)";color:#8c959f;font-style:italic}'
    ".ec-view mark.ec-mark{color:#111111;padding:0.2em 0.3em;margin:0 0.08em;"
    "border-radius:0.3em;line-height:1;-webkit-box-decoration-break:clone;"
    "box-decoration-break:clone}"
    ".ec-view mark.ec-mark[data-label]::after{content:attr(data-label);"
    f"font-family:{_MONO};font-size:0.62em;font-weight:700;color:#3d3d3d;"
    "margin-left:0.45em;vertical-align:middle;white-space:nowrap}"
    ".ec-view .ec-legend{font-size:11.5px;color:#57606a;margin:2px 0 6px}"
    ".ec-view .ec-key{display:inline-block;padding:0 6px;margin:0 4px 2px 0;"
    "border-radius:3px;color:#1f2328;line-height:1.6}"
    ".ec-view .ec-note{font-size:12px;color:#9a6700;margin:2px 0 8px}"
    ".ec-view .ec-none{font-size:13px;font-style:italic;color:#57606a;margin:4px 0}"
    ".ec-view table.ec-table{border-collapse:collapse;table-layout:auto;width:auto;"
    "margin:0 0 4px;font-size:12.5px;color:#1f2328;background:#ffffff;border:none}"
    ".ec-view table.ec-table th{background:#eef1f4;color:#1f2328;font-weight:600;"
    "text-align:left;padding:4px 8px;border:none;border-bottom:1px solid #c9d1d9;"
    "white-space:nowrap;vertical-align:bottom}"
    ".ec-view table.ec-table td{padding:3px 8px;text-align:left;vertical-align:top;"
    "color:#1f2328;border:none;border-bottom:1px solid #ffffff;line-height:1.3;"
    "white-space:normal;max-width:22em}"
    f".ec-view table.ec-table td.ec-code{{font-family:{_MONO};font-weight:600}}"
    ".ec-view table.ec-table td.ec-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".ec-view table.ec-table td.ec-missing{color:#8c959f}"
    f".ec-view .ec-sub{{display:block;font-family:{_SANS};font-weight:400;font-size:0.88em;"
    "color:#57606a}"
)


def _header(title: str, facts: Iterable[str]) -> str:
    items = "".join(f" \u00b7 {_esc(f)}" for f in facts if f)
    return f'<div class="ec-head"><b>{_esc(title)}</b>{items}</div>'


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _document_header(doc: Document, n_events: int) -> str:
    dateline = doc.dateline
    return _header(
        "Document",
        [
            f"id {doc.id}" if doc.id else "",
            f"published {_fmt_date(doc.published)}" if doc.published else "undated",
            f"reported by {doc.reported_by}" if doc.reported_by else "",
            f"dateline {dateline.place}" if dateline is not None else "",
            _plural(len(doc.sentences), "sentence"),
            _plural(n_events, "event"),
            _plural(len(doc.dates), "date"),
        ],
    )


def _wrap(*parts: str) -> str:
    return f'<div class="ec-view">{_style()}{"".join(parts)}</div>'


def _note(message: str) -> str:
    return f'<div class="ec-note">{_esc(message)}</div>'


def _events_section(events: Sequence[Event], max_rows: int, with_article: bool = False) -> str:
    """The event table of at most ``max_rows`` events, numbered, or a "no events" line."""
    if not events:
        return '<div class="ec-none">no events coded</div>'
    shown = events[:max_rows]
    table = event_table(shown, list(range(len(shown))), with_article)
    if len(events) > max_rows:
        table += _note(f"table truncated: showing {max_rows:,} of {len(events):,} events")
    return table


def render_document(
    doc: Document, *, max_chars: int = MAX_TEXT_CHARS, max_rows: int = MAX_TABLE_ROWS
) -> str:
    """The HTML view of a document: a header, the highlighted text and the event table."""
    text = doc.text
    events = doc.events
    parts = [_document_header(doc, len(events)), _role_legend()]
    parts.append(_text_box(text[:max_chars], document_marks(doc)))
    if len(text) > max_chars:
        parts.append(
            _note(f"text truncated: showing the first {max_chars:,} of {len(text):,} characters")
        )
    parts.append(_events_section(events, max_rows))
    return _wrap(*parts)


def render_event(event: Event) -> str:
    """The HTML view of one event: its sentence, highlighted, and its table row."""
    header = _header(
        "Event",
        [
            f"article {event.article_id}" if event.article_id else "",
            f"sentence {event.sentence_index}",
            f"reported by {event.reported_by}" if event.reported_by else "",
        ],
    )
    sentence = _text_box(event.sentence, event_marks(event))
    legend = _role_legend(("source", "target", "trigger", "place"))
    return _wrap(header, legend, sentence, event_table([event], [None]))


def render_results(results: Results, *, max_rows: int = MAX_TABLE_ROWS) -> str:
    """The HTML view of ``code_many`` results: counts and one table of every event (the
    article id under each number)."""
    events = results.events
    errors = results.errors
    header = _header(
        "Results",
        [
            _plural(len(results), "document"),
            _plural(len(events), "event"),
            _plural(len(errors), "skipped input") if errors else "",
        ],
    )
    parts = [header, _events_section(events, max_rows, with_article=True)]
    for e in errors[:20]:
        parts.append(_note(f"skipped input {e.index} ({e.id}): {e.message}"))
    return _wrap(*parts)
