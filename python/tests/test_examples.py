"""The shipped examples work: the notebook executes (nbclient), the scripts run, and the
examples, the package and its stubs type-check (mypy --strict, stubtest)."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
from pathlib import Path

import pytest
from _deps import need_module

PYTHON = Path(__file__).resolve().parents[1]
EXAMPLES = PYTHON / "examples"


def test_quickstart_notebook_executes() -> None:
    nbformat = need_module("nbformat")
    nbclient = need_module("nbclient")
    need_module("matplotlib")
    need_module("ipykernel")
    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(PYTHON)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("ec-view" in h and "<mark" in h for h in html), "the highlighted view rendered"
    assert any("<table" in h and "cameo_code" in h for h in html), "the DataFrame rendered"
    # Both plots of eventcoder.plot render, each as a PNG that is not blank.
    for call in ("timeline(", "top_dyads("):
        cells = [c for c in nb.cells if c.cell_type == "code" and call in c.source]
        assert len(cells) == 1, call
        pngs = [o["data"]["image/png"] for o in cells[0].outputs
                if "image/png" in o.get("data", {})]
        assert len(pngs) == 1, f"the {call}) cell shows one figure"
        _assert_drawn(pngs[0], call)


def _assert_drawn(png_base64: str, what: str) -> None:
    """The PNG decodes to a real image with a drawing on it: bars or lines in colour, not one
    flat colour."""
    image_module = need_module("PIL.Image")
    image = image_module.open(io.BytesIO(base64.b64decode(png_base64))).convert("RGB")
    width, height = image.size
    assert width >= 200 and height >= 150, (what, image.size)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 10, (what, colours and len(colours))
    # Some pixels are saturated colour (the quad-class or dyad bars), not only grey text.
    assert any(max(rgb) - min(rgb) > 60 for _, rgb in colours), what


def test_quickstart_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert "RUS -> GBRGOV: 161" in out and "quad_class" in out


def test_dask_example_runs() -> None:
    need_module("dask.dataframe")
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "dask_example.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        cwd=EXAMPLES,
    ).stdout
    assert "CONSULT" in out


def test_mypy_strict_on_examples_benchmarks_and_package() -> None:
    need_module("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "examples", "benchmarks", "eventcoder"],
        capture_output=True,
        text=True,
        cwd=PYTHON,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_stubs_match_the_extension() -> None:
    need_module("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "--mypy-config-file", "pyproject.toml",
         "eventcoder._eventcoder"],
        capture_output=True,
        text=True,
        cwd=PYTHON,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_readme_python_example_runs() -> None:
    need_module("pandas")
    need_module("pyarrow")
    readme = (PYTHON.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python\n") :]
    start = section.index("```python\n") + len("```python\n")
    block = section[start : section.index("```", start)]
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md (Python)", "exec"), namespace)
    assert len(namespace["df"]) == len(namespace["results"].events)  # type: ignore[attr-defined,arg-type]
