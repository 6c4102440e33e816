"""The distributions: the wheel (``maturin build --release``) installs into a fresh virtualenv
with no Rust on PATH and works there, and the sdist (``maturin sdist``) holds what a build
needs.

scripts/test-all builds both once and names them in ``EVENTCODER_WHEEL`` and
``EVENTCODER_SDIST``; without them these tests skip (and fail under
``EVENTCODER_REQUIRE_ALL=1``). By hand::

    (cd python && maturin build --release --out dist && maturin sdist --out dist)
    EVENTCODER_WHEEL=$(ls python/dist/*.whl) EVENTCODER_SDIST=$(ls python/dist/*.tar.gz) \\
        .venv/bin/python -m pytest python/tests/test_dist.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from _deps import need

REPO = Path(__file__).resolve().parents[2]
# The folders whose files a build compiles in (include_str! included): every tracked file in
# them must be in the sdist.
BUILD_INPUTS = [
    "crates/eventcoder/src",
    "crates/eventcoder/data",
    "crates/eventcoder-cli/src",
    "crates/eventcoder-cli/assets",
    "crates/eventcoder-python/src",
    "python/eventcoder",
]


def _artifact(var: str, what: str) -> Path:
    value = os.environ.get(var, "")
    need(bool(value), f"{var} is not set: build the {what} first (see this module's docstring)")
    path = Path(value).resolve()
    need(path.is_file(), f"{var}={value}: no such file")
    return path


@pytest.fixture(scope="module")
def wheel() -> Path:
    return _artifact("EVENTCODER_WHEEL", "wheel")


@pytest.fixture(scope="module")
def sdist() -> Path:
    return _artifact("EVENTCODER_SDIST", "sdist")


def test_wheel_is_one_abi3_wheel_with_stubs_licences_and_the_command(wheel: Path) -> None:
    # name-version-python-abi-platform: one wheel for CPython 3.11 and every later version.
    _, _, python_tag, abi_tag, platform = wheel.stem.split("-")
    assert (python_tag, abi_tag) == ("cp311", "abi3"), wheel.name
    assert platform.endswith("x86_64") or platform.endswith("aarch64"), platform
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ["eventcoder/__init__.py", "eventcoder/_cli.py", "eventcoder/_eventcoder.pyi",
                 "eventcoder/py.typed", "eventcoder/plot.py"]:
        assert name in names, name
    assert any(n.startswith("eventcoder/_eventcoder.") and n.endswith(".so") for n in names)
    dist_info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert {f"{dist_info}/licenses/LICENSE-MIT", f"{dist_info}/licenses/LICENSE-APACHE"} <= names
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert "Provides-Extra: plot" in metadata
    assert "Requires-Dist: matplotlib>=3.7 ; extra == 'plot'" in metadata
    assert "Requires-Dist: matplotlib>=3.7 ; extra == 'all'" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert requires and all("; extra == " in r for r in requires), requires  # nothing required
    entry_points = zipfile.ZipFile(wheel).read(f"{dist_info}/entry_points.txt").decode()
    assert "eventcoder=eventcoder._cli:main" in entry_points.replace(" ", "")


def _without_rust_path() -> str:
    """/usr/local/bin:/usr/bin:/bin without any folder that holds cargo or rustc."""
    dirs = ["/usr/local/bin", "/usr/bin", "/bin"]
    return os.pathsep.join(
        d for d in dirs if not any((Path(d) / tool).exists() for tool in ("cargo", "rustc")))


def test_wheel_installs_and_runs_in_a_fresh_venv_without_rust(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / "bin"
    # Nothing of this environment: no VIRTUAL_ENV, no PYTHONPATH, no cargo or rustc on PATH.
    env = {"PATH": os.pathsep.join([str(bin_dir), _without_rust_path()]),
           "HOME": str(tmp_path), "LANG": "C.UTF-8", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), env=env, cwd=tmp_path, capture_output=True, text=True,
                              check=False, timeout=300)

    for tool in ("cargo", "rustc"):
        assert run("sh", "-c", f"command -v {tool}").returncode != 0, f"{tool} is on PATH"
    # Only the wheel, from no index: it needs no build and no other package.
    installed = run(str(bin_dir / "python"), "-m", "pip", "install", "--no-index",
                    "--progress-bar", "off", str(wheel))
    assert installed.returncode == 0, installed.stdout + installed.stderr

    script = (
        "import importlib.metadata as md, json, eventcoder as ec\n"
        "events = ec.code(ec.EXAMPLE_ARTICLE)\n"
        "print(json.dumps({'file': ec.__file__, 'version': ec.__version__,\n"
        "    'dists': sorted(d.metadata['Name'].lower() for d in md.distributions()),\n"
        "    'events': [[e.source.code if e.source else None, e.cameo.code,\n"
        "                e.target.code if e.target else None] for e in events]}))\n"
    )
    coded = run(str(bin_dir / "python"), "-c", script)
    assert coded.returncode == 0, coded.stderr
    got = json.loads(coded.stdout)
    assert Path(got["file"]).is_relative_to(venv), got["file"]
    assert set(got["dists"]) - {"pip", "setuptools"} == {"eventcoder"}, got["dists"]
    assert len(got["events"]) >= 10
    assert ["KAZGOV", "044", "RUSGOV"] in got["events"]
    assert ["KGZ", "057", "TJK"] in got["events"]

    demo = run("eventcoder", "demo")
    assert demo.returncode == 0, demo.stderr
    assert "eventcoder demo: the embedded example article" in demo.stdout
    assert "KAZGOV (Kassym-Jomart Tokayev) -> RUSGOV (Vladimir Putin): CAMEO 044" in demo.stdout
    assert "13 events" in demo.stdout
    assert run("eventcoder", "no-such-command").returncode == 2


def _tracked(folder: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", "--", folder], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout
    return out.split()


def test_sdist_holds_the_workspace_data_and_licences(sdist: Path) -> None:
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for name in ["pyproject.toml", "PKG-INFO", "README.md", "LICENSE-MIT", "LICENSE-APACHE",
                 "Cargo.toml", "Cargo.lock", "crates/eventcoder/Cargo.toml",
                 "crates/eventcoder-cli/Cargo.toml", "crates/eventcoder-python/Cargo.toml",
                 "eventcoder/py.typed", "eventcoder/_eventcoder.pyi"]:
        assert name in names, name
    missing = []
    for folder in BUILD_INPUTS:
        files = _tracked(folder)
        assert files, folder
        for f in files:
            # The Python package sits at the sdist's root (python-source = ".").
            inside = f.removeprefix("python/")
            if inside not in names:
                missing.append(f)
    assert not missing, missing
    assert not [n for n in names if n.startswith(("target/", ".venv/")) or "/target/" in n]


def test_sdist_compiles_with_the_pinned_versions(sdist: Path) -> None:
    """Unpacked, the sdist's workspace resolves offline to the versions Cargo.lock pins (maturin
    leaves out the workspace members a build does not need, so the lock only loses their
    entries) and `cargo check`s. A full wheel build from it would take minutes more."""
    need(shutil.which("cargo") is not None, "needs cargo")
    # A fixed folder, so that a second run finds its build in the target directory.
    work = REPO / "target" / "sdist-check"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        tar.extractall(work, filter="data")
    (root,) = work.iterdir()
    # The sdist's files carry a fixed old timestamp (maturin's reproducible archives): cargo,
    # finding the build of an earlier run newer than them, would call it fresh and check stale
    # code. Unpacked files are dated now, so every run checks what this sdist holds.
    for f in root.rglob("*"):
        os.utime(f)
    pinned = (root / "Cargo.lock").read_text(encoding="utf-8")
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(REPO / "target"))
    check = subprocess.run(
        ["cargo", "check", "--offline", "--quiet", "-p", "eventcoder-python"],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=1200)
    assert check.returncode == 0, check.stderr

    def packages(lock: str) -> set[tuple[str, ...]]:
        """(name, version, source) of each locked package."""
        out = set()
        for block in lock.split("[[package]]")[1:]:
            fields = dict(line.split(" = ", 1) for line in block.strip().splitlines()
                          if " = " in line and not line.startswith(" "))
            out.add((fields["name"], fields["version"], fields.get("source", "")))
        return out

    after = packages((root / "Cargo.lock").read_text(encoding="utf-8"))
    assert after <= packages(pinned), sorted(after - packages(pinned))[:3]
