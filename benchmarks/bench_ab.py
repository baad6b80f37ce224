"""In-process A/B timing of two source trees of reportclean on the fixture corpus.

Both trees are imported into one process under different package names (``a`` and
``b``), and their ``Cleaner.clean`` are timed in turn on the same corpus, so that
load on the shared machine falls on both alike. Reports the best of ``--runs``
(CPU time of this process, ms per MB of UTF-8 input) for ``str`` and UTF-8
``bytes`` input, and B's time as a ratio of A's.

    python benchmarks/bench_ab.py /work/main/src src
    python benchmarks/bench_ab.py /work/main/src src --runs 5 --repeat 20
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load(src: Path, alias: str) -> ModuleType:
    """The package ``reportclean`` under ``src``, imported as ``alias``."""
    pkg = src / "reportclean"
    spec = importlib.util.spec_from_file_location(alias, pkg / "__init__.py", submodule_search_locations=[str(pkg)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def corpus(repeat: int) -> list[str]:
    """The fixture documents (every ``fixtures/**/*.txt`` that is UTF-8), ``repeat`` times."""
    docs = []
    for p in sorted((ROOT / "fixtures").rglob("*.txt")):
        try:
            docs.append(p.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return docs * repeat


def timed(cleaner: Any, docs: list[Any]) -> float:
    gc.collect()
    t0 = time.process_time()
    for d in docs:
        cleaner.clean(d)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path, help="the src folder of version A (the baseline)")
    parser.add_argument("b", type=Path, help="the src folder of version B")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=10, help="the corpus this many times per run")
    args = parser.parse_args(argv)
    a, b = load(args.a.resolve(), "rc_a"), load(args.b.resolve(), "rc_b")
    texts = corpus(args.repeat)
    data = [t.encode("utf-8") for t in texts]
    mb = sum(map(len, data)) / 2**20
    ca, cb = a.Cleaner(), b.Cleaner()
    for c in (ca, cb):  # warm: compiled rules, lazily read lexicons
        for d in data[:20]:
            c.clean(d)
    print(f"corpus: {len(texts)} documents, {mb:.2f} MB UTF-8; best of {args.runs}, runs interleaved")
    for kind, docs in (("str", texts), ("bytes", data)):
        best = {"a": float("inf"), "b": float("inf")}
        for _ in range(args.runs):
            best["a"] = min(best["a"], timed(ca, docs))
            best["b"] = min(best["b"], timed(cb, docs))
        ma, mb_ = best["a"] * 1000 / mb, best["b"] * 1000 / mb
        print(f"{kind:<6} A {ma:7.1f} ms/MB   B {mb_:7.1f} ms/MB   B/A {mb_ / ma:5.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
