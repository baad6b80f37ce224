"""The complete test in docs/testing.md runs as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "testing.md"

#: A small corpus for the example: a clean report, as UTF-8 and as GB18030.
REPORT = """东湖街道2023年工作总结

一、坚持党建引领

2023年，东湖街道认真落实“十四五”规划各项任务，全面落实“一岗双责”，群众满意度持续提升。全年共开展专题学习12次，走访慰问困难群众144户，确保各项工作落到实处。

二、持续优化营商环境

全年共新增市场主体86家，完成固定资产投资12.62亿元，同比增长8.5%，营商环境持续优化。
"""


def example() -> str:
    match = re.search(r"```python\n(# test_my_corpus\.py.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert match, "docs/testing.md must hold a ```python block starting with '# test_my_corpus.py'"
    return match.group(1)


def test_the_documented_corpus_test_runs_as_written(tmp_path: Path) -> None:
    code = example()
    (tmp_path / "test_my_corpus.py").write_text(code, encoding="utf-8")
    corpus = tmp_path / "reports"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(REPORT.encode("utf-8"))
    (corpus / "b.txt").write_bytes(REPORT.encode("gb18030"))
    # a fixed seed: CI must not turn red on a draw (the user's own runs stay random)
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:warnings",
            "--hypothesis-seed=0", "test_my_corpus.py"]  # fmt: skip
    env = {**os.environ, "REPORT_CORPUS": str(corpus), "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    passed = int(re.search(r"(\d+) passed", run.stdout).group(1))  # type: ignore[union-attr]
    assert passed == 4 and "skipped" not in run.stdout, run.stdout
