"""Plots of coded events with matplotlib: a timeline of events per day by CAMEO quad class, and
the most frequent dyads. ::

    import eventcoder as ec
    from eventcoder.plot import timeline, top_dyads

    results = ec.Coder().code_many(articles)      # or a list of events, a Document, a DataFrame
    timeline(results)                             # events per day, stacked by quad class
    top_dyads(results.to_pandas(), n=10)          # the 10 most frequent source → target pairs

Each function takes events as :meth:`Coder.code_many`, :func:`eventcoder.code` and
:func:`eventcoder.to_pandas` give them (a :class:`Results`, a :class:`Document`, any iterable of
:class:`Event`, or a ``pandas.DataFrame`` with the columns of ``eventcoder.COLUMNS``), draws
into ``ax`` (a new figure when ``None``) and returns the matplotlib ``Axes``.

matplotlib is optional: ``pip install matplotlib`` (or the package's ``plot`` extra). It is
imported when a function is called, not with this module.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, Union, cast

from eventcoder._eventcoder import Document, Event, Results
from eventcoder._html import QUAD_CLASSES as _QUAD_ROWS

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

__all__ = ["QUAD_CLASSES", "QUAD_COLORS", "timeline", "top_dyads"]

Plottable = Union[Iterable[Event], Document, Results, "pandas.DataFrame"]
"""What the plots take: events, a document, ``code_many``'s results or their DataFrame."""

QUAD_CLASSES: dict[int, str] = {quad: label for quad, (label, _) in _QUAD_ROWS.items()}
"""CAMEO quad class -> its name: 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict."""

QUAD_COLORS: dict[int, str] = {1: "#6cc26b", 2: "#2a9d8f", 3: "#f4a261", 4: "#d62828"}
"""The colour of each quad class in the plots (the hues of the notebook view's rows)."""


class _Row(NamedTuple):
    date: datetime.date | None
    quad_class: int
    source: str | None
    target: str | None


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError(
            "eventcoder.plot needs matplotlib: pip install matplotlib "
            "(or install eventcoder with its plot extra)"
        ) from e
    return plt


def _is_frame(events: object) -> bool:
    pandas = sys.modules.get("pandas")  # a DataFrame means pandas is imported already
    return pandas is not None and isinstance(events, pandas.DataFrame)


def _rows(events: Plottable, columns: tuple[str, ...]) -> list[_Row]:
    """(date, quad class, source code, target code) of each event."""
    if _is_frame(events):
        frame: Any = events
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(
                f"the DataFrame lacks the column(s) {', '.join(missing)} "
                "(eventcoder.to_pandas gives them)"
            )

        isna = sys.modules["pandas"].isna

        def value(row: Any, name: str) -> Any:
            v = getattr(row, name) if name in frame.columns else None
            return None if v is None or isna(v) else v

        rows = []
        for row in frame.itertuples(index=False):
            day = value(row, "date")  # a pandas Timestamp (a datetime) or a date
            rows.append(_Row(
                date=day.date() if isinstance(day, datetime.datetime) else day,
                quad_class=int(value(row, "quad_class") or 0),
                source=value(row, "source_code"),
                target=value(row, "target_code"),
            ))
        return rows
    if isinstance(events, (Document, Results)):
        seq: Iterable[Event] = events.events
    elif isinstance(events, Event):
        seq = [events]
    else:
        seq = cast("Iterable[Event]", events)
    return [
        _Row(
            date=e.date,
            quad_class=e.cameo.quad_class,
            source=e.source.code if e.source is not None else None,
            target=e.target.code if e.target is not None else None,
        )
        for e in seq
    ]


def timeline(events: Plottable, ax: Axes | None = None, *, stacked: bool = True) -> Axes:
    """Events per day by quad class: stacked bars, or with ``stacked=False`` one line per quad
    class. Every day from the first to the last dated event is on the axis (a day without events
    counts 0); undated events are left out, and the title says how many.

    Each quad class is one bar container (``ax.containers``) or line (``ax.get_lines()``)
    labelled with its name, in quad-class order, so the counts can be read back.
    """
    plt = _pyplot()
    rows = _rows(events, ("date", "quad_class"))
    ax = ax if ax is not None else plt.subplots(figsize=(8, 3.5))[1]
    dated = [r for r in rows if r.date is not None]
    undated = len(rows) - len(dated)
    title = "Events per day by quad class"
    if undated:
        title += f" ({undated} undated left out)"
    ax.set_title(title)
    ax.set_ylabel("events")
    if not dated:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        return ax
    first = min(r.date for r in dated if r.date is not None)
    last = max(r.date for r in dated if r.date is not None)
    days = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    counts = Counter((r.date, r.quad_class) for r in dated)
    # matplotlib.dates is untyped: Any, rather than an ignore that a typed release would flag.
    mdates: Any = importlib.import_module("matplotlib.dates")
    x = mdates.date2num(days)
    bottom = [0] * len(days)
    for quad, label in QUAD_CLASSES.items():
        heights = [counts[(day, quad)] for day in days]
        if stacked:
            ax.bar(x, heights, width=0.8, bottom=bottom, label=label, color=QUAD_COLORS[quad])
            bottom = [b + h for b, h in zip(bottom, heights)]
        else:
            ax.plot(x, heights, marker="o", label=label, color=QUAD_COLORS[quad])
    from matplotlib.ticker import MaxNLocator

    ax.xaxis_date()
    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def top_dyads(events: Plottable, n: int = 10, ax: Axes | None = None) -> Axes:
    """The ``n`` most frequent dyads, source code -> target code, as horizontal bars with their
    counts, the most frequent on top (ties in code order). Undated events count. Events without
    a target, or with an actor no dictionary resolves (code ``None``), are not dyads and are left
    out.

    The bars are ``ax.containers[0]``; the y tick labels read ``"RUS → UKR"``.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive integer, not {n!r}")
    plt = _pyplot()
    rows = _rows(events, ("source_code", "target_code"))
    pairs = Counter((r.source, r.target) for r in rows if r.source and r.target)
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    ax = ax if ax is not None else plt.subplots(figsize=(6, 0.6 + 0.35 * max(len(top), 1)))[1]
    ax.set_title(f"Top {len(top)} dyads" if top else "Top dyads")
    ax.set_xlabel("events")
    if not top:
        ax.text(0.5, 0.5, "no dyads", ha="center", va="center", transform=ax.transAxes)
        return ax
    labels = [f"{s} → {t}" for (s, t), _ in reversed(top)]
    values = [count for _, count in reversed(top)]
    bars = ax.barh(labels, values, color="#4c78a8")
    ax.bar_label(bars, padding=2, fontsize="small")
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.1)
    return ax
