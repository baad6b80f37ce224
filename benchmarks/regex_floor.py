"""The regex floor of the pipeline: the regex engine's own time for the calls the steps make.

    python benchmarks/regex_floor.py --mb 2 --repeats 3      # prints JSON

Every pattern the package compiles is wrapped (``re.compile`` is replaced *before*
``reportclean`` is imported, so run this in a process of its own: ``benchmarks/run.py``
starts one) in a proxy that records each call made while a step runs: the method, the
text and the positions. The recorded calls are then replayed on the real patterns with
nothing around them: a bare loop over ``finditer`` for every scan (``finditer``,
``findall``, ``sub``, ``subn``, ``split``: their replacements and callbacks left out),
and ``search``, ``match`` and ``fullmatch`` as they were called. Their time, per step, is
the least a pipeline built on the same regex work could take; what a step spends beyond
it is Python work (per match, per edit) and applying its proposal.

The gates that run before a step (``Step.gate``) are not recorded: they are no step's work.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_END = sys.maxsize

# (step, method, pattern, text index, pos, endpos), recorded while a step runs
_CALLS: list[tuple[str, str, re.Pattern[str], int, int, int]] = []
_TEXTS: dict[int, tuple[int, str]] = {}  # id(text) -> (index, text): each step input kept once
_STEP: list[str] = []
_compile = re.compile


def _record(method: str, pattern: re.Pattern[str], text: Any, pos: int = 0, endpos: int = _END) -> None:
    if _STEP and isinstance(text, str):
        entry = _TEXTS.get(id(text))
        if entry is None or entry[1] is not text:
            entry = _TEXTS[id(text)] = (len(_TEXTS), text)
        _CALLS.append((_STEP[-1], method, pattern, entry[0], pos, endpos))


class _Watched:
    """A compiled pattern that records the calls made on it (and otherwise is the pattern)."""

    __slots__ = ("_p",)

    def __init__(self, p: re.Pattern[str]) -> None:
        self._p = p

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def __eq__(self, other: object) -> bool:
        return self._p == (other._p if isinstance(other, _Watched) else other)

    def __hash__(self) -> int:
        return hash(self._p)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        _record("finditer", self._p, string, pos, endpos)
        return self._p.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        _record("finditer", self._p, string, pos, endpos)
        return self._p.findall(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        _record("search", self._p, string, pos, endpos)
        return self._p.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        _record("match", self._p, string, pos, endpos)
        return self._p.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        _record("fullmatch", self._p, string, pos, endpos)
        return self._p.fullmatch(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        _record("finditer", self._p, string)
        return self._p.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        _record("finditer", self._p, string)
        return self._p.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        _record("finditer", self._p, string)
        return self._p.split(string, maxsplit)


def _watching_compile(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, _Watched):
        return pattern
    p = _compile(pattern, flags)
    return _Watched(p) if isinstance(p.pattern, str) else p


def corpus(mb: float) -> list[str]:
    """The fixtures repeated to ``mb`` MB of UTF-8, as ``benchmarks/run.py`` builds its corpus."""
    files = sorted(p for p in (ROOT / "fixtures").rglob("*.txt") if "expected" not in p.parts)
    seeds = [p.read_text(encoding="utf-8") for p in files]
    texts: list[str] = []
    size = 0
    while size < mb * 1e6:
        for s in seeds:
            texts.append(s)
            size += len(s.encode("utf-8"))
    return texts


def _replay(calls: list[tuple[str, str, re.Pattern[str], int, int, int]], texts: list[str]) -> dict[str, float]:
    """CPU seconds of the recorded calls, replayed bare, per step."""
    out: dict[str, float] = {}
    clock: Callable[[], float] = time.process_time
    step = calls[0][0] if calls else ""
    t = clock()
    for name, method, p, i, pos, endpos in calls:
        if name != step:
            now = clock()
            out[step] = out.get(step, 0.0) + now - t
            step, t = name, now
        text = texts[i]
        if method == "finditer":
            for _m in p.finditer(text, pos, endpos):
                pass
        elif method == "search":
            p.search(text, pos, endpos)
        elif method == "match":
            p.match(text, pos, endpos)
        else:
            p.fullmatch(text, pos, endpos)
    if calls:
        out[step] = out.get(step, 0.0) + clock() - t
    return out


def _per_pattern(
    calls: list[tuple[str, str, re.Pattern[str], int, int, int]], texts: list[str], engine: Callable[[str, int], Any]
) -> dict[tuple[str, str], float]:
    """CPU seconds of the recorded calls of each (step, pattern), replayed with ``engine``'s compiled pattern."""
    by: dict[tuple[str, str], list[tuple[str, Any, int, int, int]]] = {}
    compiled: dict[tuple[str, int], Any] = {}
    for name, method, p, i, pos, endpos in calls:
        key = (p.pattern, p.flags)
        q = compiled.get(key)
        if q is None:
            q = compiled[key] = engine(p.pattern, p.flags)
        by.setdefault((name, p.pattern), []).append((method, q, i, pos, endpos))
    out: dict[tuple[str, str], float] = {}
    for key, group in by.items():
        t = time.process_time()
        for method, q, i, pos, endpos in group:
            text = texts[i]
            if method == "finditer":
                for _m in q.finditer(text, pos, endpos):
                    pass
            else:
                getattr(q, method)(text, pos, endpos)
        out[key] = time.process_time() - t
    return out


def compare_engines(mb: float, repeats: int) -> list[tuple[str, str, float, float]]:
    """Per (step, pattern): the replayed time with ``re`` and with the ``regex`` module (best of ``repeats``).

    The ``regex`` module is no dependency of reportclean: ``pip install regex`` to run this.
    """
    import regex

    texts, calls = _record_pipeline(mb)
    names = ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII")

    def with_regex(pattern: str, f: int) -> Any:
        return regex.compile(pattern, sum(getattr(regex, n) for n in names if f & getattr(re, n)) | regex.VERSION0)

    best: dict[str, dict[tuple[str, str], float]] = {"re": {}, "regex": {}}
    for _ in range(repeats):
        for name, engine in (("re", _compile), ("regex", with_regex)):
            for k, v in _per_pattern(calls, texts, engine).items():
                best[name][k] = min(best[name].get(k, v), v)
    size = sum(len(t.encode("utf-8")) for t in corpus(mb)) / 1e6
    return sorted(
        ((step, pattern, best["re"][(step, pattern)] / size, best["regex"][(step, pattern)] / size)
         for step, pattern in best["re"]),
        key=lambda x: x[3] - x[2],
    )  # fmt: skip


def _record_pipeline(mb: float) -> tuple[list[str], list[tuple[str, str, re.Pattern[str], int, int, int]]]:
    """Clean ``mb`` MB of the corpus with every regex call recorded: (the step inputs, the calls)."""
    re.compile = _watching_compile  # type: ignore[assignment]
    sys.path.insert(0, str(ROOT / "src"))
    from reportclean import Cleaner, _pipeline

    run = _pipeline._run

    def watched(doc: Any, step: Any, fn: Any, *args: Any) -> None:
        _STEP.append(step.name)
        try:
            run(doc, step, fn, *args)
        finally:
            _STEP.pop()

    texts = corpus(mb)
    cleaner = Cleaner()
    cleaner.clean(texts[0])  # compile every rule first
    _CALLS.clear()
    _TEXTS.clear()
    _pipeline._run = watched  # type: ignore[assignment]
    try:
        for t in texts:
            cleaner.clean(t)
    finally:
        _pipeline._run = run
    return [t for _, t in sorted(_TEXTS.values(), key=lambda x: x[0])], list(_CALLS)


def measure(mb: float, repeats: int) -> dict[str, Any]:
    """Record the pipeline's regex calls on ``mb`` MB of the corpus, replay them ``repeats`` times."""
    inputs, calls = _record_pipeline(mb)
    size = sum(len(t.encode("utf-8")) for t in corpus(mb)) / 1e6
    best: dict[str, float] = {}
    for _ in range(repeats):
        gc.collect()
        for step, seconds in _replay(calls, inputs).items():
            best[step] = min(best.get(step, seconds), seconds)
    kinds: dict[str, int] = {}
    for c in calls:
        kinds[c[1]] = kinds.get(c[1], 0) + 1
    return {"mb": size, "seconds": best, "calls": kinds}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    p.add_argument("--repeats", type=int, default=3, help="best of N replays (default 3)")
    p.add_argument("--engines", action="store_true",
                   help="compare re with the regex module, pattern by pattern (pip install regex)")  # fmt: skip
    args = p.parse_args(argv)
    if args.engines:
        rows = compare_engines(args.mb, args.repeats)
        print("| step | pattern | re ms/MB | regex ms/MB |\n|---|---|---:|---:|")
        for step, pattern, a, b in [*rows[:8], ("...", "", 0.0, 0.0), *rows[-8:]]:
            shown = pattern if len(pattern) <= 60 else pattern[:57] + "..."
            print(f"| {step} | `{shown}` | {a * 1000:.2f} | {b * 1000:.2f} |")
        print(f"| **all** | | {sum(r[2] for r in rows) * 1000:.1f} | {sum(r[3] for r in rows) * 1000:.1f} |")
        best = sum(min(r[2], r[3]) for r in rows)
        print(f"each pattern on the faster engine: {best * 1000:.1f} ms/MB")
        return 0
    print(json.dumps(measure(args.mb, args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
