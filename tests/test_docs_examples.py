"""Every shell and Python block of README.md and docs/*.md runs as written, so the docs
cannot drift from the code again (issue 15).

The blocks of one page run in order, in one folder holding the files the examples
name (``report.txt``, ``corpus/``, ``dump.jsonl`` …, made by :func:`world`), Python
blocks in one namespace per page, shell blocks under ``bash -e`` (as typed: no pipefail) with
``reportclean`` on the PATH. A block that is output, data or a file format says so with
its language (``text``, ``toml``, ``tsv``, ``json``); a block that cannot run here says
why in a comment on the line before it: ``<!-- not run: REASON -->``. Package installs
(``pip install …``) are left out of the shell blocks: the README's test command is
checked against ``.ci/run``, which runs it on a fresh machine.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN = ("python", "sh")
OUTPUT = ("text", "toml", "tsv", "json")
NOT_RUN = re.compile(r"<!-- not run: (?P<why>[^>]+?) -->\s*$")
INSTALL = re.compile(r"^\s*(?:python3? -m )?pip install [^&\n]*(?:&&\s*|$)", re.M)


def blocks(page: Path) -> list[tuple[int, str, str, str | None]]:
    """(line, language, body, why not run) of each fenced block."""
    text = page.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", text, re.M | re.S):
        line = text.count("\n", 0, m.start()) + 1
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        why = NOT_RUN.search(before)
        out.append((line, m.group(1).strip(), m.group(2), why.group("why") if why else None))
    return out


def world(root: Path) -> None:
    """The files the examples name, made from the fixtures."""
    seeds = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in seeds]
    (root / "fixtures").symlink_to(ROOT / "fixtures", target_is_directory=True)
    (root / "report.txt").write_bytes(texts[0].encode("gb18030"))
    for i, t in enumerate(texts):
        (root / "corpus" / f"part{i % 2}").mkdir(parents=True, exist_ok=True)
        (root / "corpus" / f"part{i % 2}" / f"{i}.txt").write_bytes(t.encode(("utf-8", "gb18030")[i % 2]))
    (root / "my_site_footers.tsv").write_text(
        "# kind: boilerplate\n# format: phrase\tfamily\tweight\n# source: our own site\n"
        "本文来源于某某街道网站\tline\tstrong\n",
        encoding="utf-8",
    )
    with open(root / "dump.jsonl", "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": t[:2000]}, ensure_ascii=False) + "\n")
    (root / "dumps" / "2024").mkdir(parents=True)
    with open(root / "dumps" / "2024" / "a.jsonl", "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "content": t[:2000]}, ensure_ascii=False) + "\n")
    with open(root / "table.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], *([i, t[:2000]] for i, t in enumerate(texts))])
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": list(range(len(texts))), "text": [t[:3000] for t in texts]})
    pq.write_table(table, root / "table.parquet")
    pq.write_table(table, root / "reports.parquet")
    bin_dir = root / ".bin"
    bin_dir.mkdir()
    for name, cmd in (("reportclean", f'"{sys.executable}" -m reportclean'), ("python", f'"{sys.executable}"'),
                      ("python3", f'"{sys.executable}"')):  # fmt: skip
        shim = bin_dir / name
        shim.write_text(f'#!/bin/sh\nexec {cmd} "$@"\n', encoding="utf-8")
        shim.chmod(shim.stat().st_mode | stat.S_IXUSR)


def test_every_block_is_run_or_marked() -> None:
    unmarked = [
        f"{page.relative_to(ROOT)}:{line}: ```{lang}"
        for page in PAGES
        for line, lang, _body, why in blocks(page)
        if lang not in RUN + OUTPUT and why is None
    ]
    assert not unmarked, (
        "give each block a language: python or sh (run by this test), or text/toml/tsv/json "
        f"(output or data), or a '<!-- not run: why -->' line before it: {unmarked}"
    )


def test_the_readme_test_command_is_what_ci_runs() -> None:
    readme = [b for _l, lang, b, _w in blocks(ROOT / "README.md") if lang == "sh" and "pytest" in b]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(readme) == 1 and readme[0].strip() in ci.splitlines()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_blocks_of_a_page_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    todo = [(line, lang, body) for line, lang, body, why in blocks(page) if lang in (*RUN, "toml") and why is None]
    todo = [(line, lang, body) for line, lang, body in todo if not _is_test_command(body)]
    if not todo:
        pytest.skip("no block to run")
    world(tmp_path)
    monkeypatch.chdir(tmp_path)
    path = f"{tmp_path / '.bin'}{os.pathsep}{os.environ['PATH']}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PATH": path}
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, lang, body in todo:
        where = f"{page.relative_to(ROOT)}:{line}"
        if lang == "toml":
            _check_toml(body, where, tmp_path / "pyproject.toml")
            continue
        if lang == "python":
            try:
                exec(compile(body, where, "exec"), namespace)
            except Exception as exc:
                raise AssertionError(f"{where}: the Python block raised {type(exc).__name__}: {exc}") from exc
            continue
        script = INSTALL.sub("", body)
        p = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600)  # fmt: skip
        assert p.returncode == 0, f"{where}: the shell block exited {p.returncode}\n{p.stdout[-2000:]}{p.stderr}"


def _is_test_command(body: str) -> bool:
    """The README's install-and-test command: checked against .ci/run, not run inside the tests."""
    return "python3 -m pytest" in body


def _check_toml(body: str, where: str, path: Path) -> None:
    """A configuration example reads as the command line reads it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from reportclean._settings import settings_from

    table = tomllib.loads(body)
    settings = settings_from(table.get("tool", {}).get("reportclean", table), path)
    assert settings, f"{where}: the example sets nothing"


def test_peers_md_is_current() -> None:
    """docs/peers.md is generated; its reportclean column is what clean() gives today and its
    totals are its own columns' (it once claimed 19/20 while its columns gave 16/20)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import peers_table
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    import reportclean

    fix = "regenerate it: python benchmarks/peers_table.py > docs/peers.md"
    page = (ROOT / "docs" / "peers.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == len(peers_table.CASES), fix
    oks = {"ftfy": 0, "jionlp": 0, "reportclean": 0}
    for row, (text, _wanted, _why) in zip(rows, peers_table.CASES, strict=True):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        got = peers_table._show(reportclean.clean(text).text)
        assert cells[5].removesuffix(" **ok**") == f"`{got}`", f"row {cells[0]} is stale; {fix}"
        for name, cell in zip(("ftfy", "jionlp", "reportclean"), cells[3:6], strict=True):
            oks[name] += cell.endswith("**ok**")
    stated = re.search(r"Strings handled as wanted: (.*)\.", page)
    assert stated, fix
    assert stated.group(1) == ", ".join(f"{k} {v}/{len(rows)}" for k, v in oks.items()), fix
