"""The command line behaves as users of ruff, jq and csvkit expect (issue 15, "Conventions").

Each test here failed before the change it covers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import reportclean
from reportclean import clean, load_lexicon
from reportclean._batch import output_bytes

ROOT = Path(__file__).resolve().parent.parent
DOC = "街道\u200b２０２３年工作总结  \r\n"
PLACEHOLDERS = "共有XX人参加，完成XX项。\n"


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reportclean", *args], input=stdin, capture_output=True, env=env(), cwd=cwd, timeout=300
    )


def test_stdin_and_stdout_with_a_dash(tmp_path: Path) -> None:
    data = DOC.encode("gb18030")
    p = run("clean", "-", stdin=data, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout == output_bytes(clean(data)) and p.stderr == b""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLACEHOLDERS, encoding="utf-8")
    p = run("clean", "a.txt", "b.txt", "-o", "-", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout == output_bytes(clean(DOC)) + output_bytes(clean(PLACEHOLDERS))
    assert not (tmp_path / "-").exists(), "-o - made a folder named -"
    p = run("check", "-", stdin=PLACEHOLDERS.encode(), cwd=tmp_path)
    assert p.returncode == 1 and p.stdout.startswith(b"-:1:3: "), p.stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    (tmp_path / "many.txt").write_text(PLACEHOLDERS * 4000, encoding="utf-8")
    cmd = f"{sys.executable} -m reportclean check many.txt | head -n 1; exit ${{PIPESTATUS[0]}}"
    p = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=env(), cwd=tmp_path, timeout=300)
    assert p.stderr == "", p.stderr
    assert p.returncode == 141
    assert p.stdout.startswith("many.txt:1:3: ")


def test_check_positions_are_in_the_input_file(tmp_path: Path) -> None:
    text = "\r\n\r\n\u200b\u200b标题\r\n共有XX人参加。\r\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8", newline="")
    p = run("check", "a.txt", cwd=tmp_path)
    lines = text.split("\r\n")
    want = f"a.txt:4:{lines[3].index('XX') + 1}: "
    assert want.encode() in p.stdout, p.stdout.decode()
    p = run("check", "a.txt", "--json", cwd=tmp_path)
    rec = json.loads(p.stdout.splitlines()[0])
    assert (rec["line"], rec["column"]) == (4, 3)


def test_version() -> None:
    p = run("--version")
    assert p.returncode == 0 and p.stdout.decode().strip() == f"reportclean {reportclean.__version__}"


def test_configuration_file_and_flags(tmp_path: Path) -> None:
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "footer.tsv").write_text(
        "# kind: boilerplate\n# format: phrase\tfamily\tweight\n# source: me\n本页由某某文库整理\tline\tstrong\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reportclean]\ndisable = ["controls"]\nlexicons = ["lex/footer.tsv"]\n',
        encoding="utf-8",
    )
    doc = "第一段\u200b正文。\n本页由某某文库整理\n第二段正文。\n"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(doc, encoding="utf-8")
    lexicon = load_lexicon(tmp_path / "lex" / "footer.tsv")
    configured = clean(doc, reportclean.Config(controls=False, lexicons=(lexicon,))).text
    assert configured != clean(doc).text
    p = run("clean", "a.txt", "-o", "-", cwd=tmp_path / "sub")  # found from a subfolder upwards
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == configured + "\n"
    p = run("clean", "a.txt", "-o", "-", "--isolated", cwd=tmp_path / "sub")
    assert p.stdout.decode() == clean(doc).text + "\n"
    p = run("clean", "a.txt", "-o", "-", "--enable", "controls", cwd=tmp_path / "sub")
    assert "\u200b" not in p.stdout.decode()
    p = run("clean", "sub/a.txt", "-o", "-", "--isolated", "--disable", "controls", "--lexicon", "lex/footer.tsv",
            cwd=tmp_path)  # fmt: skip
    assert p.stdout.decode() == configured + "\n"
    (tmp_path / "bad.toml").write_text("numeral = false\n", encoding="utf-8")
    p = run("clean", "a.txt", "-o", "-", "--config", "../bad.toml", cwd=tmp_path / "sub")
    assert p.returncode == 2 and p.stderr.decode().strip().splitlines() == [
        "reportclean: error: ../bad.toml: unknown key 'numeral'; did you mean 'numerals'?"
    ]
    p = run("check", "a.txt", "--disable", "numeral", cwd=tmp_path / "sub")
    assert p.returncode == 2 and b"did you mean 'numerals'" in p.stderr


def test_learn_writes_a_boilerplate_lexicon(tmp_path: Path) -> None:
    src = tmp_path / "site"
    src.mkdir()
    for i in range(5):
        doc = f"第{i}号报告\n今年完成{i + 3}项工作。\n本文由某某文库整理 仅供参考\n"
        (src / f"{i}.txt").write_text(doc, encoding="gb18030")
    p = run("learn", str(src), "-o", str(tmp_path / "learned.tsv"))
    assert p.returncode == 0, p.stderr
    lx = load_lexicon(tmp_path / "learned.tsv")
    assert lx.kind == "boilerplate" and [r[0] for r in lx.rows] == ["本文由某某文库整理 仅供参考"]
    assert b"learned 1 boilerplate line(s) from 5 document(s)" in p.stderr


def test_report_can_include_removals_changes_and_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DOC.encode("gb18030"))
    p = run("clean", "a.txt", "-o", "out", "--report", "r.jsonl", "--report-include", "removals,changes,documents",
            cwd=tmp_path)  # fmt: skip
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    r = clean(DOC.encode("gb18030"))
    assert [x for x in lines if x["kind"] == "removal"] == [{"file": "a.txt", "kind": "removal", **m.to_dict()}
                                                             for m in r.removed]  # fmt: skip
    assert [x for x in lines if x["kind"] == "change"] == [{"file": "a.txt", "kind": "change", **c.to_dict()}
                                                           for c in r.changes]  # fmt: skip
    [doc] = [x for x in lines if x["kind"] == "document"]
    assert doc["encoding"] == "gb18030" and doc["changes"] == len(r.changes) > 0
    assert len([x for x in lines if x["kind"] == "warning"]) == len(r.warnings)
    p = run("clean", "a.txt", "-o", "out2", "--report", "r.jsonl", "--report-include", "everything", cwd=tmp_path)
    assert p.returncode == 2 and b"choose from removals, changes, documents" in p.stderr


def test_an_unrelated_pyproject_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nbroken = ", encoding="utf-8")  # not ours, and broken
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    p = run("clean", "a.txt", "-o", "-", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout == output_bytes(clean(DOC)), p.stderr
