"""The shipped examples work: the notebook executes (nbclient), the scripts run, and the
examples, the package and its stubs type-check (mypy --strict, stubtest)."""

from __future__ import annotations

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
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot rendered"


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
