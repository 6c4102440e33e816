"""Every shell and Python snippet of the documentation runs: README.md, CONTRIBUTING.md and the
user guide in docs/.

Each fenced ``sh``/``bash``/``shell``/``console`` and ``python``/``py`` block runs in a fresh
temporary directory holding the sample inputs the snippets name (``article.txt``,
``articles.jsonl``, ``archive/``, ``mine.tsv``, ...; see :func:`prepare`), with the ``eventcoder``
command of this environment first on PATH and a timeout. A failure names the document and the
line of the block; a Python traceback or a shell error names the line in the document.

A shell block with ``$ `` prompts is a transcript: each command runs and its standard output
must equal the lines shown after it (trailing spaces aside); a line that is only ``...`` stands
for any number of lines. Without prompts, a shell block runs as one ``bash -e -o pipefail``
script and a Python block as one script: they must succeed.

HTML comments right above a fence direct the run:

- ``<!-- no-run: REASON -->``: not run (a server, a cluster, an install, a benchmark); the
  block is reported as skipped with its reason, and :data:`MAX_NO_RUN` caps how many there are.
- ``<!-- run-in: repo -->``: runs in the repository (for snippets about its own files, such as
  ``tests/fixtures/events.tsv``) instead of the temporary directory.
- ``<!-- needs: python:MODULE cmd:COMMAND path:PATH -->``: skipped when a module, a command or a
  path (relative to the repository) is missing, except under ``EVENTCODER_REQUIRE_ALL=1``
  (scripts/test-all), where that fails, as the other optional tests do. A need ending in ``?``
  (``cmd:/usr/bin/time?``) is optional even there: a tool that is no prerequisite.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _deps import REQUIRE_ALL

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]
SHELL = {"sh", "bash", "shell", "console"}
PYTHON = {"python", "py"}
TIMEOUT = 120
# Keep the set of blocks that are not run small: each needs a reason that holds.
MAX_NO_RUN = 6

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)")
DIRECTIVE = re.compile(r"^\s*<!--\s*(no-run|run-in|needs)\s*:\s*(.*?)\s*-->\s*$")


@dataclass
class Block:
    """One fenced block of a document."""

    doc: Path
    line: int  # 1-based line of the opening fence
    lang: str
    code: str
    directives: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The document, relative to the repository where it is in it."""
        return str(self.doc.relative_to(REPO) if self.doc.is_relative_to(REPO) else self.doc)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def is_no_run(self) -> bool:
        return "no-run" in self.directives

    @property
    def kind(self) -> str | None:
        return "sh" if self.lang in SHELL else "python" if self.lang in PYTHON else None


def blocks_of(doc: Path) -> list[Block]:
    """The fenced blocks of a Markdown document, with the directives written right above each."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3).lower()
        directives: dict[str, str] = {}
        j = i - 1
        while j >= 0 and (d := DIRECTIVE.match(lines[j])):
            directives.setdefault(d.group(1), d.group(2))
            j -= 1
        body: list[str] = []
        k = i + 1
        while k < len(lines) and not lines[k].strip().startswith(fence[0] * len(fence)):
            line = lines[k]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            k += 1
        out.append(Block(doc, i + 1, lang, "\n".join(body) + "\n", directives))
        i = k + 1
    return out


def all_blocks() -> list[Block]:
    return [b for doc in DOCS if doc.is_file() for b in blocks_of(doc)]


def snippets() -> list[Block]:
    return [b for b in all_blocks() if b.kind]


# Sample inputs, in our own words (wire-style, invented details).
ARTICLE = (
    "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov met his Turkish counterpart Hakan "
    "Fidan in Moscow on Tuesday to discuss grain exports across the Black Sea.\n"
    "Lavrov later accused Western governments of blocking the deal, the ministry said.\n"
    "Ukraine's foreign ministry condemned the talks.\n"
)
RECORDS = [
    {
        "id": "k1",
        "text": "Japan condemned North Korea on Friday for firing a ballistic missile.",
        "published": "2024-01-13",
    },
    {
        "id": "k2",
        "text": "Chinese President Xi Jinping hosted French President Emmanuel Macron in Beijing "
        "on Thursday.",
        "published": "2024-04-06",
    },
    {
        "id": "k3",
        "text": "The water minister of Kenya gave a dressing-down to Uganda over the shared lake.",
        "published": "2024-05-02",
    },
]
# A user dictionary of one kind (event patterns): CAMEO 111, criticize or denounce.
MINE_TSV = "code\tpattern\n111\tgive * dressing-down to {t}\n"
ROLES_TSV = "phrases\tcameo\tsector\tflags\nwater minister;water ministers\tGOV\tGOV\ttitle\n"
# An institution (a real Kenyan state agency) the built-ins do not know.
KWS_TSV = "iso3\tsector\tphrases\nKEN\tGOV\tKenya Wildlife Service;=KWS\n"
LAKE = "The Kenyan water minister gave a dressing-down to Uganda on Tuesday.\n"
PAGE_HTML = (
    "<html><head><title>World | Example News</title>"
    "<script>var s = 'Russia attacked Ukraine';</script></head><body>"
    "<h1>Ministry summons envoy</h1>"
    "<p>Russia&#8217;s foreign ministry summoned the British ambassador on Monday.</p>"
    "</body></html>\n"
)


def prepare(tmp: Path) -> None:
    """The sample inputs the snippets name, written into ``tmp``."""
    (tmp / "article.txt").write_text(ARTICLE, encoding="utf-8")
    jsonl = "".join(json.dumps(r) + "\n" for r in RECORDS)
    (tmp / "articles.jsonl").write_text(jsonl, encoding="utf-8")
    (tmp / "mine.tsv").write_text(MINE_TSV, encoding="utf-8")
    (tmp / "my_roles.tsv").write_text(ROLES_TSV, encoding="utf-8")
    (tmp / "kws.tsv").write_text(KWS_TSV, encoding="utf-8")
    (tmp / "lake.txt").write_text(LAKE, encoding="utf-8")
    (tmp / "page.html").write_text(PAGE_HTML, encoding="utf-8")
    page = {"id": "p1", "text": PAGE_HTML, "published": "2024-03-05"}
    (tmp / "pages.jsonl").write_text(json.dumps(page) + "\n", encoding="utf-8")
    # A news archive: text, JSON lines (one gzipped) and CSV, in subfolders.
    archive = tmp / "archive"
    (archive / "2024" / "03").mkdir(parents=True)
    (archive / "2024" / "03" / "lavrov.txt").write_text(
        "date 2024-03-06\n" + ARTICLE, encoding="utf-8"
    )
    with gzip.open(archive / "2024" / "wires.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps({**r, "id": f"w{i}"}) + "\n" for i, r in enumerate(RECORDS))
    (archive / "desk.csv").write_text(
        "id,published,text\n"
        'd1,2024-01-13,"Japan condemned North Korea on Friday, the foreign ministry said."\n',
        encoding="utf-8",
    )
    (tmp / "export.csv").write_text(
        "url,body\n"
        'https://example.invalid/1,"Egypt urged Israel on Sunday to allow aid into Gaza."\n',
        encoding="utf-8",
    )
    # The same articles as Parquet, for the Spark and Dask examples (when pandas is here).
    if importlib.util.find_spec("pandas") and importlib.util.find_spec("pyarrow"):
        import pandas as pd

        frame = pd.DataFrame(RECORDS)
        frame.to_parquet(tmp / "articles.parquet")
        (tmp / "articles").mkdir()
        for i, part in enumerate((frame.iloc[:2], frame.iloc[2:])):
            part.to_parquet(tmp / "articles" / f"part-{i}.parquet")


def environment() -> dict[str, str]:
    env = dict(os.environ)
    # This interpreter's scripts (the eventcoder command, python, pytest) come first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    env.pop("EVENTCODER_REQUIRE_ALL", None)
    return env


def missing_needs(block: Block) -> tuple[list[str], list[str]]:
    """The needs of ``block`` that are missing: required ones, then optional ones."""
    missing: tuple[list[str], list[str]] = ([], [])
    for need in block.directives.get("needs", "").split():
        what, _, name = need.removesuffix("?").partition(":")
        if what == "python":
            ok = importlib.util.find_spec(name) is not None
        elif what == "cmd":
            ok = shutil.which(name) is not None
        elif what == "path":
            ok = (REPO / name).exists()
        else:
            raise ValueError(f"{block.where}: unknown need {need!r} (python:, cmd:, path:)")
        if not ok:
            missing[need.endswith("?")].append(need)
    return missing


def transcript(code: str) -> list[tuple[str, list[str]]]:
    """``$ `` commands (continued while bash finds the command incomplete) and their output."""
    steps: list[tuple[str, list[str]]] = []
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            if steps:
                steps[-1][1].append(lines[i])
            elif lines[i].strip():
                raise ValueError(f"output before the first $ command: {lines[i]!r}")
            i += 1
            continue
        command = lines[i][2:]
        i += 1
        while i < len(lines) and (command.endswith("\\") or incomplete(command)):
            command += "\n" + lines[i]
            i += 1
        steps.append((command, []))
    return steps


def incomplete(command: str) -> bool:
    check = subprocess.run(["bash", "-n"], input=command, capture_output=True, text=True)
    return "unexpected end of file" in check.stderr or "unexpected EOF" in check.stderr


def output_matches(expected: list[str], actual: str) -> bool:
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line.strip() == "..." else re.escape(line.rstrip()) + r"\n"
        for line in expected
    )
    normal = "".join(line.rstrip() + "\n" for line in actual.splitlines())
    return re.fullmatch(pattern, normal) is not None


def run_block(block: Block, cwd: Path, scratch: Path) -> str | None:
    """Runs one block in ``cwd`` (its script written in ``scratch``); ``None`` when it
    succeeded, else what went wrong."""
    env = environment()
    name = block.doc.name
    # Padding puts each line of the block at its line in the document, so that a traceback
    # or a shell error points at the document's line.
    pad = "\n" * block.line
    try:
        if block.kind == "python":
            script = scratch / f".{name}.py"
            script.write_text(pad + block.code, encoding="utf-8")
            run = subprocess.run(
                [sys.executable, str(script)], cwd=cwd, env=env, capture_output=True,
                text=True, timeout=TIMEOUT,
            )
            if run.returncode != 0:
                out = f"exit {run.returncode}\n{run.stdout}{run.stderr}"
                return out.replace(f'"{script}"', f'"{block.path}"')
            return None
        if any(line.startswith("$ ") for line in block.code.splitlines()):
            for command, expected in transcript(block.code):
                run = subprocess.run(
                    ["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                    capture_output=True, text=True, timeout=TIMEOUT,
                )
                if run.returncode != 0:
                    return f"$ {command}\nexit {run.returncode}\n{run.stdout}{run.stderr}"
                if not output_matches(expected, run.stdout):
                    return (
                        f"$ {command}\nthe output differs from the document's.\n"
                        "--- document\n" + "\n".join(expected) + "\n--- actual\n" + run.stdout
                    )
            return None
        script = scratch / f".{name}.sh"
        trap = "trap 'echo \"line $LINENO: exit $?: $BASH_COMMAND\" >&2' ERR"
        script.write_text(trap + pad + block.code, encoding="utf-8")
        run = subprocess.run(
            ["bash", "-e", "-o", "pipefail", str(script)], cwd=cwd, env=env,
            capture_output=True, text=True, timeout=TIMEOUT,
        )
        if run.returncode != 0:
            out = f"exit {run.returncode}\n{run.stdout}{run.stderr}"
            return out.replace(str(script), block.path)
        return None
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT} s"


def check(block: Block, tmp: Path) -> None:
    """Runs ``block`` as the documentation test does, failing or skipping with its place."""
    if block.is_no_run:
        pytest.skip(f"no-run ({block.where}): {block.directives['no-run']}")
    required, optional = missing_needs(block)
    if required or optional:
        why = f"{block.where} needs {', '.join(required + optional)}"
        if REQUIRE_ALL and required:
            pytest.fail(f"{why} (required: EVENTCODER_REQUIRE_ALL=1)", pytrace=False)
        pytest.skip(why)
    if block.directives.get("run-in", "repo") != "repo":
        raise ValueError(f"{block.where}: run-in is 'repo' or absent")
    cwd = REPO if "run-in" in block.directives else tmp
    if cwd == tmp:
        prepare(tmp)
    problem = run_block(block, cwd, tmp)
    if problem is not None:
        pytest.fail(f"{block.where}: the {block.kind} block fails:\n{problem}", pytrace=False)


@pytest.mark.parametrize("block", snippets(), ids=lambda b: b.where)
def test_snippet(block: Block, tmp_path: Path) -> None:
    check(block, tmp_path)


def test_the_documents_have_snippets() -> None:
    found = {b.doc.name for b in snippets()}
    assert {"README.md", "CONTRIBUTING.md"} <= found
    guide = sorted((REPO / "docs").glob("*.md"))
    assert len(guide) >= 7, "the user guide's pages"
    assert len(snippets()) >= 30


def test_directives_are_well_formed() -> None:
    problems = []
    for b in all_blocks():
        if b.directives and not b.kind:
            problems.append(f"{b.where}: a directive above a {b.lang or 'plain'} block")
        if b.is_no_run and len(b.directives["no-run"]) < 10:
            problems.append(f"{b.where}: no-run needs a reason")
        try:
            missing_needs(b)
        except ValueError as e:
            problems.append(str(e))
    assert not problems, "\n".join(problems)


def test_no_run_blocks_are_few() -> None:
    no_run = [f"{b.where}: {b.directives['no-run']}" for b in snippets() if b.is_no_run]
    assert len(no_run) <= MAX_NO_RUN, "blocks not run:\n" + "\n".join(no_run)


def test_no_commands_hide_in_text_blocks() -> None:
    """A shell session written in a ``text`` (or unlabelled) block would escape this test."""
    hidden = [
        b.where
        for b in all_blocks()
        if not b.kind and any(line.startswith("$ ") for line in b.code.splitlines())
    ]
    assert not hidden, f"$ commands outside sh blocks (label them sh): {hidden}"


FAILING = """# A page

Text.

```sh
echo fine
false
echo never
```

```python
x = 1
raise ValueError("broken " + str(x))
```

```sh
$ echo one; echo two
one
three
```

```sh
$ printf 'a\\nb\\nc\\nd\\n'
a
...
d
```
"""


def test_a_failing_block_is_reported_with_its_place(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(FAILING, encoding="utf-8")
    shell, python, wrong, ellipsis = blocks_of(page)
    assert (shell.line, python.line, wrong.line, ellipsis.line) == (5, 11, 16, 22)
    problem = run_block(shell, tmp_path, tmp_path)
    assert problem is not None and "line 7: exit 1: false" in problem
    problem = run_block(python, tmp_path, tmp_path)
    assert problem is not None and "broken 1" in problem and "page.md\", line 13" in problem
    problem = run_block(wrong, tmp_path, tmp_path)
    assert problem is not None and "differs" in problem
    assert run_block(ellipsis, tmp_path, tmp_path) is None
    with pytest.raises(pytest.fail.Exception, match=r"page\.md:5: the sh block fails"):
        check(shell, tmp_path)


def test_continued_commands_in_a_transcript() -> None:
    steps = transcript("$ echo 'a\nb' \\\n  | cat\na\nb\n$ true\n")
    assert steps == [("echo 'a\nb' \\\n  | cat", ["a", "b"]), ("true", [])]


def _tsv(name: str) -> list[list[str]]:
    path = REPO / "crates" / "eventcoder" / "data" / name
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r[0] and not r[0].startswith("#")][1:]


def _table(page: str, first: str) -> list[list[str]]:
    """The rows of the Markdown table in ``docs/PAGE`` whose first cell matches ``first``."""
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|")]
    return [r for r in rows if re.fullmatch(first, r[0])]


def test_the_guides_code_tables_are_the_data() -> None:
    """docs/output.md's CAMEO roots and PLOVER types are those of cameo.tsv and plover.tsv."""
    roots = [
        [r[0], r[1], r[2], r[3], r[4] or "(none)"] for r in _tsv("cameo.tsv") if len(r[0]) == 2
    ]
    assert _table("output.md", r"\d\d") == roots
    types = [[r[1], r[3]] for r in _tsv("plover.tsv") if r[0] == "type"]
    assert _table("output.md", r"[A-Z]{3,}") == types


def test_needs_are_required_unless_marked_optional(tmp_path: Path) -> None:
    needs = "python:json cmd:no-such-tool-0 cmd:no-such-tool-1? path:python/pyproject.toml"
    block = Block(tmp_path / "page.md", 1, "sh", "true\n", {"needs": needs})
    assert missing_needs(block) == (["cmd:no-such-tool-0"], ["cmd:no-such-tool-1?"])
