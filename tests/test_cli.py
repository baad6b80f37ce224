"""The command line, run in a subprocess as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "reportclean", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_clean_writes_one_output_per_fixture_and_a_report(tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "warnings.jsonl"
    p = run("clean", *map(str, SEEDS), "-o", str(out), "--report", str(report))
    assert p.returncode == 0, p.stderr
    assert sorted(f.name for f in out.iterdir()) == [s.name for s in SEEDS]
    for seed in SEEDS:
        text = (out / seed.name).read_text(encoding="utf-8")
        assert text.endswith("\n") and "\r" not in text
    assert report.exists()
    for line in report.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["file"] in {s.name for s in SEEDS} and rec["code"]
    assert "cleaned 5 file(s)" in p.stdout
    assert not list(out.glob(".*.tmp")), "temporary files left behind"


def test_clean_json_summary_and_directory_input(tmp_path: Path) -> None:
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_bytes("街道２０２３年工作总结\r\n".encode("gb18030"))
    p = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--json")
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert summary["files"] == 1 and summary["encodings"] == {"gb18030": 1}
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8").startswith("街道")


def test_clean_never_overwrites_input_without_in_place(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("标题  \n", encoding="utf-8")
    p = run("clean", str(f), "-o", str(tmp_path))
    assert p.returncode == 2 and "overwrite" in p.stderr
    assert f.read_text(encoding="utf-8") == "标题  \n"
    p = run("clean", str(f), "--in-place")
    assert p.returncode == 0, p.stderr
    assert f.read_text(encoding="utf-8") == "标题\n"


def test_bad_paths_and_options_give_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (
        ("clean", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")),
        ("clean", str(empty), "-o", str(tmp_path / "o")),
        ("check", str(tmp_path / "missing.txt")),
        ("clean", str(SEEDS[0])),
    ):
        p = run(*args)
        assert p.returncode == 2, args
        assert "Traceback" not in p.stderr
        assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    p = run("check", str(SEEDS[0]), "--fail-on", "loud")
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_check_exits_1_on_a_file_with_a_known_warning(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("共开展学习".encode() + b"\xff\xfe\x80" + "次".encode())
    p = run("check", str(bad))
    assert p.returncode == 1, p.stdout + p.stderr
    assert "undecodable-bytes" in p.stdout
    p = run("check", str(bad), "--fail-on", "error", "--json")
    assert p.returncode == 1
    assert json.loads(p.stdout.splitlines()[0])["code"] == "undecodable-bytes"


def test_check_exits_0_on_a_clean_report(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("一、经济运行\n\n全年完成固定资产投资12.4亿元，同比增长5%。\n", encoding="utf-8")
    p = run("check", str(good))
    assert p.returncode == 0, p.stdout
    assert "ok" in p.stdout
