"""Hypothesis profiles, strict mode, and one probe case per noise kind.

Profiles (choose with ``HYPOTHESIS_PROFILE=<name>``; ``ci`` is the default):

- ``ci``: derandomised (a fixed seed per test), no example database, sized so
  that the whole property suite runs in well under 2 minutes;
- ``dev``: random, 5 times the examples of ``ci``, with the example database;
- ``long``: random, 20 times the examples of ``ci``, for a local soak
  (``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py``).

Tests that set ``max_examples`` scale it with :func:`examples` so that the
longer profiles run longer.

The suite runs in strict mode (``REPORTCLEAN_STRICT=1``, see ``Config.strict``).

The ``fuzz`` marker selects the 10,000-example runs, skipped unless asked for
with ``-m fuzz``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

# The suite runs strict: a step that raises fails its test instead of becoming a
# ``step-failed`` warning (and so do the CLI's subprocesses, which inherit this).
# Set before reportclean is imported, so that its default Cleaner is strict too.
os.environ["REPORTCLEAN_STRICT"] = "1"

import reportclean

_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, max_examples=100, suppress_health_check=_RELAXED
)
settings.register_profile("dev", deadline=None, max_examples=500, suppress_health_check=_RELAXED)
settings.register_profile("long", deadline=None, max_examples=2000, suppress_health_check=_RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: long fuzzing runs (10,000 inputs); run with -m fuzz")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "fuzz" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a long fuzzing run: select it with -m fuzz")
    for item in items:
        if "fuzz" in item.keywords:
            item.add_marker(skip)


# -- one typical case per noise kind -----------------------------------------------
# Each probe is one cheap, typical case of the behaviour a noise kind's step must have.
# They are plain tests (tests/test_properties.py::test_noise_kind_probe): a step that
# regresses fails them, it never skips anything.


def _codes(data: str | bytes) -> set[str]:
    return {w.code for w in reportclean.clean(data).warnings}


def _text(data: str | bytes) -> str:
    return reportclean.clean(data).text

_SENTENCE = "街道全面落实各项政策措施，群众满意度持续提升。"
_MOJIBAKE = "东湖街道工作总结".encode().decode("gbk")  # 涓滄箹琛楅亾宸ヤ綔鎬荤粨

PROBES: dict[str, Callable[[], bool]] = {
    "encoding": lambda: _text(_SENTENCE.encode("gb18030")) == _SENTENCE,
    "mixed-encoding": lambda: (
        _text(_SENTENCE.encode() + b"\n" + _SENTENCE[::-1].encode("gb18030")) == _SENTENCE + "\n" + _SENTENCE[::-1]
    ),
    "width": lambda: _text("全年共开展学习２０次。") == "全年共开展学习20次。",
    "punctuation": lambda: _text("稳增长,促发展。") == "稳增长，促发展。",
    "spaces": lambda: _text("全年共走访 144 户。") == "全年共走访144户。",
    "markdown": lambda: "#" not in _text("### **一、坚持党建引领**\n\n" + _SENTENCE),
    "page-break": lambda: (
        "落实各项"
        in _text("街道认真贯彻落实上级决策部署，统筹推进各项工作，全面落实\n\f各项政策措施，群众满意度持续提升。")
    ),
    "page-numbers": lambda: "- 3 -" not in _text(_SENTENCE + "\n\n- 3 -\n\n" + _SENTENCE[::-1]),
    "watermark": lambda: "禁止外传" not in _text("仅供学习 禁止外传 用后删除\n" + _SENTENCE),
    "footer": lambda: "ICP" not in _text(_SENTENCE + "\n鄂ICP备12345678号  鄂公网安备 42010202000001号"),
    "mojibake": lambda: _text(_MOJIBAKE) == "东湖街道工作总结" and "mojibake-repaired" in _codes(_MOJIBAKE),
    "lost-characters": lambda: "lost-characters" in _codes("辖区环锟斤拷貌明显改善。"),
    "traditional": lambda: "traditional-chars" in _codes("统筹推进經济社会发展，" + _SENTENCE),
    "numerals": lambda: _text("投入资金三千五百万元。") == "投入资金3500万元。",
    "units": lambda: _text("新增绿化面积2000㎡。") == "新增绿化面积2000m²。",
    "placeholder": lambda: "placeholder" in _codes("累计开展X次督查。"),
    "missing-number": lambda: "missing-number" in _codes("共开展党委中心组学习 次。"),
    "doubled-character": lambda: (
        "doubled-character" in _codes("街道认真听取群众意见建议，切实解决群众反映的问题\n\f题，确保工作落到实处。")
    ),
    "duplicate": lambda: "duplicate-paragraph" in _codes(_SENTENCE + "\n\n" + _SENTENCE),
    "truncated": lambda: "truncated" in _codes(_SENTENCE + "\n\n坚持以习近平新时代中国特色社会主义思想为指导，确保"),
    "typo": lambda: "suspect-typo" in _codes("相关问题线索己立案查处。"),
    "sum-mismatch": lambda: "sum-mismatch" in _codes("全年共受理群众信访20件，其中来信15件、来访10件。"),
    "rate-mismatch": lambda: "rate-mismatch" in _codes("排查矛盾纠纷287条，化解285条，化解率80%。"),
    "impossible-value": lambda: "impossible-value" in _codes("辖区垃圾分类覆盖率达到150%。"),
}


def examples(n: int) -> int:
    """``n`` examples under the ``ci`` profile, scaled up by the longer profiles."""
    return max(1, n * settings.default.max_examples // 100)


# -- meta-tests: the suite must notice a broken step ----------------------------------
# ``REPORTCLEAN_BREAK_STEP=<step>`` turns that step into a no-op for this run (see
# tests/test_meta.py, which runs the suite so and expects it to fail).
_BROKEN = os.environ.get("REPORTCLEAN_BREAK_STEP")
if _BROKEN:
    from reportclean import _pipeline
    from reportclean._edits import Step, noop

    _step = _pipeline.REGISTRY[_BROKEN]
    _pipeline.REGISTRY[_BROKEN] = Step(_BROKEN, lambda config: noop, _step.codes)  # type: ignore[index]
    _pipeline._DEFAULT = _pipeline.Cleaner()
