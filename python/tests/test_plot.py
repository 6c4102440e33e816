"""eventcoder.plot: the bars and lines carry the counts of the events given, from events, a
Document, Results or the DataFrame alike (matplotlib's Agg backend, no display)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from _deps import need_module

import eventcoder as ec

matplotlib = need_module("matplotlib")
matplotlib.use("Agg")
pd = need_module("pandas")
plt = need_module("matplotlib.pyplot")
mdates = need_module("matplotlib.dates")

from eventcoder.plot import QUAD_CLASSES, timeline, top_dyads  # noqa: E402

D = datetime.date


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def frame(rows: list[tuple[D | None, int, str | None, str | None]]) -> Any:
    """A hand-built events frame with the columns the plots read (as ec.to_pandas types them)."""
    return pd.DataFrame({
        "date": pd.to_datetime([r[0] for r in rows]),
        "quad_class": pd.array([r[1] for r in rows], dtype="int8"),
        "source_code": pd.array([r[2] for r in rows], dtype="string"),
        "target_code": pd.array([r[3] for r in rows], dtype="string"),
    })


HAND = [
    (D(2024, 3, 1), 1, "RUS", "UKR"),
    (D(2024, 3, 1), 1, "RUS", "UKR"),
    (D(2024, 3, 1), 4, "RUSMIL", "UKR"),
    (D(2024, 3, 3), 3, "UKR", "RUS"),  # 2 March has no events
    (D(2024, 3, 3), 2, "DEU", "UKR"),
    (D(2024, 3, 3), 1, "UKR", None),  # one-sided: no dyad
    (None, 4, "RUS", "UKR"),  # undated: not on the timeline
    (D(2024, 3, 4), 1, None, "UKR"),  # an unresolved source: no dyad
]


def bar_heights(ax: Any) -> dict[str, list[tuple[D, float, float]]]:
    """label -> [(day, bottom, height)] of each bar container."""
    out = {}
    for container in ax.containers:
        out[container.get_label()] = [
            (mdates.num2date(p.get_x() + p.get_width() / 2).date(), p.get_y(), p.get_height())
            for p in container.patches
        ]
    return out


def test_timeline_stacks_the_counts_per_day_and_quad_class() -> None:
    ax = timeline(frame(HAND))
    bars = bar_heights(ax)
    assert list(bars) == list(QUAD_CLASSES.values())
    days = [D(2024, 3, 1), D(2024, 3, 2), D(2024, 3, 3), D(2024, 3, 4)]
    expected = {1: [2, 0, 1, 1], 2: [0, 0, 1, 0], 3: [0, 0, 1, 0], 4: [1, 0, 0, 0]}
    bottoms = [0.0] * 4
    for quad, label in QUAD_CLASSES.items():
        assert [day for day, _, _ in bars[label]] == days
        assert [h for _, _, h in bars[label]] == expected[quad], label
        assert [b for _, b, _ in bars[label]] == bottoms, label
        bottoms = [b + h for b, h in zip(bottoms, expected[quad])]
    assert "1 undated left out" in ax.get_title()
    assert ax.get_ylabel() == "events"


def test_timeline_lines_when_not_stacked() -> None:
    ax = timeline(frame(HAND), stacked=False)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines) == list(QUAD_CLASSES.values())
    verbal_coop = lines[QUAD_CLASSES[1]]
    assert list(verbal_coop.get_ydata()) == [2, 0, 1, 1]
    assert [mdates.num2date(x).date() for x in verbal_coop.get_xdata()] == [
        D(2024, 3, 1), D(2024, 3, 2), D(2024, 3, 3), D(2024, 3, 4)]
    assert not ax.containers


def test_top_dyads_counts_pairs_most_frequent_on_top() -> None:
    rows = HAND + [(D(2024, 3, 5), 3, "UKR", "RUS")] * 3 + [(D(2024, 3, 5), 1, "CHN", "RUS")]
    ax = top_dyads(frame(rows), n=3)
    (bars,) = ax.containers
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in bars.patches]
    # Bottom to top; the undated RUS → UKR counts too; ties (CHN, DEU, RUSMIL with 1) in code
    # order, cut at n.
    assert list(zip(labels, widths)) == [("CHN → RUS", 1), ("RUS → UKR", 3), ("UKR → RUS", 4)]
    assert ax.get_title() == "Top 3 dyads"
    assert [t.get_text() for t in ax.texts] == ["1", "3", "4"]  # the counts at the bar ends


def test_the_same_plots_from_events_document_results_and_frame() -> None:
    articles = [
        ("a", "Russia accused Ukraine of shelling a village on Monday. Ukraine denied it.",
         "2024-03-04"),
        ("b", "Russian troops shelled Kherson on Thursday. Germany sent aid to Ukraine.",
         "2024-03-07"),
        ("c", "China urged Russia and Ukraine to resume talks on Friday.", "2024-03-08"),
    ]
    results = ec.Coder().code_many(articles)
    events = results.events
    assert len(events) >= 5
    counted = Counter((e.date, e.cameo.quad_class) for e in events)
    for given in (results, events, iter(events), results.to_pandas(), ec.to_pandas(events)):
        bars = bar_heights(timeline(given))
        got = {(day, quad): h for quad, label in QUAD_CLASSES.items()
               for day, _, h in bars[label] if h}
        assert got == dict(counted), type(given)
    dyads = Counter(f"{e.source.code} → {e.target.code}" for e in events
                    if e.source and e.target and e.source.code and e.target.code)
    for given in (results, events, results.to_pandas()):
        ax = top_dyads(given, n=50)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert dict(zip(labels, [p.get_width() for p in ax.containers[0].patches])) == dyads
    doc = results[0]
    one = bar_heights(timeline(doc))
    assert sum(h for bars in one.values() for _, _, h in bars) == len(doc.events)


def test_draws_into_the_axes_given() -> None:
    fig, (left, right) = plt.subplots(1, 2)
    assert timeline(frame(HAND), ax=left) is left
    assert top_dyads(frame(HAND), ax=right) is right
    assert left.containers and right.containers
    assert len(fig.axes) == 2


def test_nothing_to_plot_is_an_empty_axes_with_a_note() -> None:
    assert [t.get_text() for t in timeline([]).texts] == ["no dated events"]
    assert [t.get_text() for t in timeline(frame([(None, 1, "RUS", "UKR")])).texts] == [
        "no dated events"]
    assert [t.get_text() for t in top_dyads(frame([(D(2024, 1, 1), 1, "RUS", None)])).texts] == [
        "no dyads"]


def test_bad_arguments() -> None:
    for n in (0, -1, 2.5, True, "3"):
        with pytest.raises(ValueError, match="n must be a positive integer"):
            top_dyads([], n=n)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="quad_class"):
        timeline(pd.DataFrame({"date": []}))


def test_without_matplotlib_the_error_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # import fails
    with pytest.raises(ImportError, match="pip install matplotlib"):
        timeline(frame(HAND))
    with pytest.raises(ImportError, match="pip install matplotlib"):
        top_dyads(frame(HAND))


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = "import sys, eventcoder.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "False"
