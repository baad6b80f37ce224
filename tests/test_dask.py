"""The Dask path gives the same results as the local path, on a real distributed.LocalCluster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportclean import BatchError, CleanResult, Config, clean
from reportclean.dask import COLUMNS, clean_bag, clean_dataframe, clean_pandas

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))


def corpus() -> list[bytes]:
    return [s.read_text(encoding="utf-8").encode(enc) for enc in ("utf-8", "gb18030", "utf-16") for s in SEEDS]


def test_clean_pandas_cleans_the_column_and_keeps_the_rest() -> None:
    docs = corpus()
    df = pd.DataFrame({"id": range(len(docs) + 2), "text": [*docs, None, "工作\u200b总结"]})
    out = clean_pandas(df, "text")
    assert list(out.columns) == ["id", "text", *COLUMNS]
    assert list(out["id"]) == list(range(len(docs) + 2))
    assert list(out["text"][: len(docs)]) == [clean(d).text for d in docs]
    assert pd.isna(out["text"].iloc[-2]) and pd.isna(out["reportclean_warnings"].iloc[-2])
    assert out["text"].iloc[-1] == "工作总结" and pd.isna(out["reportclean_encoding"].iloc[-1])
    assert json.loads(out["reportclean_warnings"].iloc[0]) == [w.to_dict() for w in clean(docs[0]).warnings]
    assert out["reportclean_error"].isna().all()
    assert list(df["text"][: len(docs)]) == docs, "the input frame was changed"
    with pytest.raises(KeyError, match="columns are"):
        clean_pandas(df, "body")


distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=None
    ) as c:
        yield c


@pytest.fixture()
def client(cluster: Any) -> Iterator[Any]:
    with distributed.Client(cluster) as cl:
        yield cl


def test_clean_bag_equals_the_local_path(client: Any) -> None:
    docs = [*corpus() * 2, 42]
    results = clean_bag(db.from_sequence(docs, npartitions=4)).compute()
    assert [r.to_dict() for r in results[:-1]] == [clean(d).to_dict() for d in docs[:-1]]
    assert isinstance(results[-1], BatchError) and "str or bytes" in results[-1].message
    config = Config(controls=False)
    [kept] = clean_bag(db.from_sequence(["十三五\u200b"]), config).compute()
    assert isinstance(kept, CleanResult) and kept.text == "十三五\u200b"
    with pytest.raises(TypeError, match=r"dask\.bag\.Bag"):
        clean_bag(docs)


def test_clean_dataframe_equals_clean_pandas(client: Any) -> None:
    docs = [d.decode("utf-8") for d in corpus()[:5]] * 4
    df = pd.DataFrame({"id": range(len(docs)), "text": docs})
    out = clean_dataframe(dd.from_pandas(df, npartitions=3), "text").compute()
    local = clean_pandas(df, "text")
    assert out.equals(local) or out.astype(object).equals(local.astype(object))
    with pytest.raises(KeyError):
        clean_dataframe(dd.from_pandas(df, npartitions=1), "body")


def test_cli_scheduler_writes_the_same_outputs_as_the_local_run(cluster: Any, tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i, data in enumerate(corpus()):
        (src / f"d{i % 3}").mkdir(parents=True, exist_ok=True)
        (src / f"d{i % 3}" / f"{i}.txt").write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "reportclean", "clean", str(src), *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)

    local = cli("-o", str(tmp_path / "local"), "--json")
    remote = cli("-o", str(tmp_path / "dask"), "--json", "--scheduler", cluster.scheduler_address)
    assert local.returncode == 0 and remote.returncode == 0, remote.stderr
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.txt"))
    assert len(files) == 15
    assert files == sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*.txt"))
    for rel in files:
        assert (tmp_path / "dask" / rel).read_bytes() == (tmp_path / "local" / rel).read_bytes()
    a, b = json.loads(local.stdout), json.loads(remote.stdout)
    for key in ("documents", "encodings", "warnings", "removals"):
        assert a[key] == b[key]


def test_the_dask_example_of_batch_md_runs_on_a_local_cluster_to_parquet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_docs_examples import blocks, world

    [(_line, _lang, code, _why)] = [b for b in blocks(ROOT / "docs" / "batch.md") if "LocalCluster(" in b[2]]
    world(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/batch.md", "exec"), {"__name__": "__docs__"})
    got = pd.read_parquet(tmp_path / "clean.parquet")
    want = clean_pandas(pd.read_parquet(tmp_path / "reports.parquet"), "text")
    assert got["text"].tolist() == want["text"].tolist()
    assert str(got["text"].dtype) in ("string", "str") and list(got.columns) == ["id", "text", *COLUMNS]


def test_a_document_that_kills_its_worker_costs_only_itself(tmp_path: Path) -> None:
    import dask

    parent = os.getpid()
    good = tmp_path / "good.txt"
    good.write_text("第1次会议\u200b\n", encoding="utf-8")

    class Killer(os.PathLike):  # type: ignore[type-arg]
        """Reading it ends the process it is read in (as a crash in C code would), except here."""

        def __fspath__(self) -> str:
            if os.getpid() != parent:
                os._exit(1)
            return "/killer"

    items = [*(f"第{i}次会议" for i in range(6)), Killer(), good, *(f"第{i}次会议" for i in range(6, 12))]
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as cl:
        bag = db.from_sequence(items, npartitions=3)
        with pytest.raises(Exception, match=r"KilledWorker|died"):
            clean_bag(bag).compute()  # the whole compute is lost
        from reportclean.dask import clean_bag_isolated

        out = clean_bag_isolated(bag, client=cl)
    assert len(out) == len(items)
    assert isinstance(out[6], BatchError) and out[6].index == 6 and out[6].source == "/killer"
    assert "KilledWorker" in out[6].message
    texts = [r.text for r in out if isinstance(r, CleanResult)]
    assert texts == [*(f"第{i}次会议" for i in range(6)), "第1次会议", *(f"第{i}次会议" for i in range(6, 12))]


def test_cli_on_a_cluster_a_document_that_kills_its_worker_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask

    hook = tmp_path / "hook"  # loaded by the cluster's worker processes only (sitecustomize)
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\n"
        "import reportclean._pipeline as p\n"
        "real = p.Cleaner.clean\n"
        "def clean(self, data):\n"
        "    if isinstance(data, bytes) and b'KILLME' in data:\n"
        "        os._exit(1)  # as a crash in C code would\n"
        "    return real(self, data)\n"
        "p.Cleaner.clean = clean\n",
        encoding="utf-8",
    )
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"{i:02d}.txt").write_text(f"第{i}次会议{'KILLME' if i == 4 else ''}\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hook), str(ROOT / "src")]))
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        cmd = [sys.executable, "-m", "reportclean", "clean", str(src), "-o", str(tmp_path / "out"),
               "--scheduler", cluster.scheduler_address, "--json"]  # fmt: skip
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 1, p.stderr
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == [f"{i:02d}.txt" for i in range(12) if i != 4]
    assert [line for line in p.stderr.splitlines() if "error" in line] == [
        line for line in p.stderr.splitlines() if line.startswith("reportclean: error: 04.txt: ")
    ]
    assert json.loads(p.stdout)["failed"] == 1
