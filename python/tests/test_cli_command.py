"""The ``eventcoder`` command of the pip package: the Rust command line linked into the
extension, installed as a console script; it behaves as the Rust binary does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from _deps import need

REPO = Path(__file__).resolve().parents[2]


def command() -> list[str]:
    """The installed console script (beside this interpreter), else the module."""
    script = Path(sys.executable).parent / "eventcoder"
    if script.is_file():
        return [str(script)]
    found = shutil.which("eventcoder")
    need(found is not None, "the eventcoder console script is not installed (pip install ./python)")
    assert found is not None
    return [found]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command(), *args], input=stdin, capture_output=True, text=True,
                          check=False, timeout=120)


def test_console_script_runs_the_demo() -> None:
    demo = run("demo")
    assert demo.returncode == 0, demo.stderr
    assert "KAZGOV" in demo.stdout and "RUSGOV" in demo.stdout


def test_module_entry_point_codes_and_sets_exit_codes() -> None:
    text = "Japan condemned North Korea on Friday."
    coded = subprocess.run([sys.executable, "-m", "eventcoder._cli", "code", "--quiet",
                            "--published", "2021-06-14", "-"], input=text,
                           capture_output=True, text=True, check=False, timeout=120)
    assert coded.returncode == 0, coded.stderr
    events = [json.loads(line) for line in coded.stdout.splitlines()]
    assert any(e["cameo"]["code"] == "111" for e in events)
    usage = run("no-such-command")
    assert usage.returncode == 2
    assert "usage" in usage.stderr.lower()
    bad_date = run("code", "--published", "2021-02-30", "-", stdin=text)
    assert bad_date.returncode == 1
    assert "2021-02-30" in bad_date.stderr


def test_same_output_as_the_rust_binary() -> None:
    binaries = [p for p in (REPO / "target/debug/eventcoder", REPO / "target/release/eventcoder")
                if p.is_file()]
    need(bool(binaries), "no Rust eventcoder binary in target/ to compare with")
    text = "MOSCOW (Reuters) - Russia condemned the new sanctions on Tuesday."
    args = ["code", "--quiet", "--published", "2022-03-01", "-"]
    ours = run(*args, stdin=text)
    rust = subprocess.run([str(binaries[0]), *args], input=text, capture_output=True,
                          text=True, check=False, timeout=120)
    assert ours.returncode == rust.returncode == 0
    assert ours.stdout == rust.stdout and ours.stdout
