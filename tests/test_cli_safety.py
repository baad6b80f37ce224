"""The command line loses nothing and never writes outside its output (issue 15, "Loss and security").

Each test here failed before the fix it covers."""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportclean import clean
from reportclean._batch import output_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))
DOC = "街道\u200b２０２３年工作总结  \r\n"


def run(*args: str, cwd: Path | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "reportclean", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=300, **kw,  # type: ignore[call-overload]
    )  # fmt: skip


def test_an_output_folder_holding_the_inputs_cleans_them(tmp_path: Path) -> None:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "data" / "raw" / "a.txt").write_text(DOC, encoding="utf-8")
    p = run("clean", "data/raw", "-o", "data", "--json", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["documents"] == 1
    assert (tmp_path / "data" / "a.txt").read_bytes() == output_bytes(clean(DOC))
    # and an output folder inside the input folder is still not read as input
    p = run("clean", "data", "-o", "data/clean", "--json", cwd=tmp_path)
    assert p.returncode == 0 and json.loads(p.stdout)["documents"] == 2, p.stderr


def test_a_glob_never_writes_outside_the_output_folder(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "a1").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me  \n", encoding="utf-8")
    p = run("clean", "a*/../../victim.txt", "-o", "out", cwd=work)
    assert p.returncode == 2 and "outside" in p.stderr, p.stderr
    assert victim.read_text(encoding="utf-8") == "keep me  \n"
    assert {p.name for p in tmp_path.rglob("*") if p.is_file()} == {"victim.txt"}
    # a glob applies the suffix filter, like a directory
    (work / "in").mkdir()
    (work / "in" / "a.txt").write_text(DOC, encoding="utf-8")
    (work / "in" / "b.bin").write_bytes(b"\x00\x01binary")
    p = run("clean", "in/*", "-o", "out", "--json", cwd=work)
    assert p.returncode == 0 and json.loads(p.stdout)["documents"] == 1, p.stderr
    assert sorted(x.name for x in (work / "out").iterdir()) == ["a.txt"]


def test_symlinks_are_not_followed_out_of_the_tree(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret  \n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("other  \n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(DOC, encoding="utf-8")
    (tree / "link.txt").symlink_to(secret)
    (tree / "dir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    p = run("clean", str(tree), "-o", str(tmp_path / "out"))
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in (tmp_path / "out").rglob("*")) == ["a.txt"]
    assert "skipped symlink" in p.stderr and "link.txt" in p.stderr
    p = run("clean", str(tree), "--in-place")
    assert p.returncode == 0, p.stderr
    assert secret.read_text(encoding="utf-8") == "secret  \n"
    assert (tmp_path / "elsewhere" / "b.txt").read_text(encoding="utf-8") == "other  \n"
    assert (tree / "link.txt").is_symlink()
    p = run("clean", str(tree / "link.txt"), "--in-place")
    assert p.returncode == 2 and "symlink" in p.stderr
    assert secret.read_text(encoding="utf-8") == "secret  \n"


def test_outputs_keep_the_mode_and_in_place_keeps_hard_links(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    a = tmp_path / "in" / "a.txt"
    a.write_text(DOC, encoding="utf-8")
    old = os.umask(0o022)
    try:
        p = run("clean", str(a), "-o", str(tmp_path / "out"), "--report", str(tmp_path / "r.jsonl"))
    finally:
        os.umask(old)
    assert p.returncode == 0, p.stderr
    assert stat.S_IMODE((tmp_path / "out" / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "r.jsonl").stat().st_mode) == 0o644
    a.chmod(0o640)
    twin = tmp_path / "twin.txt"
    os.link(a, twin)
    inode = a.stat().st_ino
    p = run("clean", str(a), "--in-place")
    assert p.returncode == 0, p.stderr
    assert stat.S_IMODE(a.stat().st_mode) == 0o640
    assert a.stat().st_ino == inode and twin.read_bytes() == output_bytes(clean(DOC))
    assert not list(a.parent.glob(".*.tmp"))


def test_one_bad_row_or_file_costs_only_itself(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text('{"text": "\\ud800abc"}\n{"text": "工作\\u200b总结"}\n', encoding="utf-8")
    pq.write_table(pa.table({"text": [1, 2]}), src / "b.parquet")
    long_text = "全年完成固定资产投资12.4亿元，同比增长5%。" * 7000  # about 170,000 characters
    with open(src / "c.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], ["1", long_text]])
    (src / "d.txt").write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    p = run("clean", str(src), "-o", str(out), "--json")
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and "internal error" not in p.stderr
    assert p.stderr.strip().splitlines() == [
        "reportclean: error: b.parquet: column 'text' holds int64, not text (string or binary); "
        "name the text column with --field"
    ]
    rows = [json.loads(x) for x in (out / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[1] == {"text": "工作总结"} and rows[0]["text"] == clean("\ud800abc").text
    csv.field_size_limit(1 << 24)
    with open(out / "c.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh))[1] == ["1", clean(long_text).text]
    assert (out / "d.txt").exists() and not (out / "b.parquet").exists()
    assert json.loads(p.stdout)["failed"] == 1


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids |= {int(x) for x in (task / "children").read_text().split()}
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(
    not Path(f"/proc/self/task/{os.getpid()}/children").exists(), reason="reads children from /proc (Linux)"
)
def test_pool_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    whole = "".join(s.read_text(encoding="utf-8") for s in SEEDS)
    for i in range(400):
        (src / f"{i:03d}.txt").write_text(whole, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "reportclean", "clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool did not start"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "pool workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(os.getpid()) & workers if workers else ():
            os.kill(w, signal.SIGKILL)


def test_check_goes_on_past_a_missing_or_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("共有XX人参加。\n", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()
    p = run("check", str(tmp_path / "missing.txt"), str(tmp_path / "dir.txt"), str(bad))
    assert p.returncode == 2, p.stdout + p.stderr
    assert "bad.txt:1:3: " in p.stdout, p.stdout
    assert p.stderr.count("reportclean: error:") == 2 and "Traceback" not in p.stderr


def test_an_unwritable_output_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    p = run("clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "file" / "out"))
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert "file/out" in p.stderr


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_report_on_a_full_disk_exits_2_naming_the_report(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(40):
        (tmp_path / "in" / f"{i}.txt").write_text("共有XX人参加，完成XX项。\n" * 3, encoding="utf-8")
    report = tmp_path / "report.jsonl"
    p = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--report", str(report),
            preexec_fn=_small_files)  # fmt: skip
    assert p.returncode == 2, p.stderr
    assert p.stderr.strip().splitlines() == [
        f"reportclean: error: {report}: cannot write the report (File too large)"
    ]
    assert not report.exists() and not list(tmp_path.glob(".report.jsonl.*.tmp"))


def test_a_document_that_kills_its_worker_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportclean._cli as cli
    from reportclean._pipeline import Cleaner

    parent, real_clean = os.getpid(), Cleaner.clean

    def clean_or_die(self: Cleaner, data: object) -> object:
        if os.getpid() != parent and b"KILLME" in (data if isinstance(data, bytes) else b""):
            os._exit(1)  # as a crash in C code would; the forked pool workers inherit this patch
        return real_clean(self, data)  # type: ignore[arg-type]

    monkeypatch.setattr(Cleaner, "clean", clean_or_die)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"{i:02d}.txt").write_text(f"第{i}次会议KILLME\n" if i == 5 else f"第{i}次会议\n", encoding="utf-8")
    rc = cli.main(["clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "2", "--report", str(tmp_path / "r")])
    assert rc == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{i:02d}.txt" for i in range(40) if i != 5]
    failed = [json.loads(x) for x in (tmp_path / "r").read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["code"]) for r in failed if r["code"] == "document-failed"] == [("05.txt", "document-failed")]
