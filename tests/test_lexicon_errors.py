"""User lexicons: every error names the file and line; no lexicon can make cleaning
super-linear or crash it (issue 15)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import reportclean
from reportclean import Config, LexiconError, load_lexicon
from reportclean._lexicon import package_lexicon
from reportclean._pipeline import KINDS

ROOT = Path(__file__).resolve().parent.parent
HEAD = "# kind: boilerplate\n# format: pattern\tanchors\tfamily\tweight\n# source: test\n"


def write(tmp_path: Path, text: str, name: str = "my.tsv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_bom_is_read_as_utf_8(tmp_path: Path) -> None:
    path = write(tmp_path, "# kind: protected\n# format: expression\n# source: me\n十三五\n", encoding="utf-8-sig")
    lx = load_lexicon(path)
    assert lx.kind == "protected" and lx.rows == (("十三五",),)


def test_a_misspelt_kind_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, "# kind: boilerplat\n# format: phrase\n# source: me\n本站\n")
    want = rf"^{re.escape(str(path))}, line 1: unknown kind 'boilerplat'.*did you mean 'boilerplate'"
    with pytest.raises(LexiconError, match=want):
        load_lexicon(path)


def test_wrong_columns_name_the_format_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# source: me\n# kind: units\n# format: written\tunit\n公顷\tm2\n")
    want = rf"^{re.escape(str(path))}, line 3: a 'units' lexicon needs the columns written, unit, factor, dimension"
    with pytest.raises(LexiconError, match=want):
        load_lexicon(path)


def test_a_bad_number_names_the_line(tmp_path: Path) -> None:
    text = (
        "# kind: units\n# format: written\tunit\tfactor\tdimension\n# source: me\n"
        "亩\tm2\t666.7\tarea\n顷\tm2\tlots\tarea\n"
    )
    path = write(tmp_path, text)
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(path))}, line 5: bad factor 'lots', not a number"):
        load_lexicon(path)


def test_a_bad_regex_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "本文(由\t本文\twatermark\tstrong\n")
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(path))}, line 4: bad regular expression"):
        load_lexicon(path)


@pytest.mark.parametrize("pattern", ["本文(a+)+$", "本文(?:x*y?)*z", "本文(a|aa){2,}b", "本文((a+))*"])
def test_an_unbounded_repeat_of_a_repeat_is_refused(tmp_path: Path, pattern: str) -> None:
    path = write(tmp_path, HEAD + f"{pattern}\t本文\twatermark\tstrong\n")
    with pytest.raises(LexiconError, match=r"line 4: regular expression .* repeats a repetition without bound"):
        load_lexicon(path)


def test_bounded_patterns_load_and_the_built_in_ones_pass_the_same_check(tmp_path: Path) -> None:
    rows = "本文由[^。\\n]{1,15}整理\t本文由\twatermark\tstrong\n(?:第\\d{1,3}页){1,3}\t第\tfooter\tweak\n"
    path = write(tmp_path, HEAD + rows)
    assert len(load_lexicon(path).rows) == 2
    for f in sorted((ROOT / "src" / "reportclean" / "data").glob("*.tsv")):
        lx = package_lexicon(f.name)
        assert lx.kind in KINDS, f"{f.name}: declare its kind on the step that reads it (Step.lexicons)"
        # the same checks as a user lexicon gets
        reportclean._lexicon.parse_lexicon(f.read_text(encoding="utf-8"), f.name, check_kind=True)


def test_a_long_phrase_does_not_overflow_the_stack() -> None:
    phrase = "".join(chr(0x4E00 + (i * 37) % 2000) for i in range(2000))
    lx = reportclean._lexicon.parse_lexicon(
        f"# kind: boilerplate\n# format: phrase\tfamily\tweight\n# source: t\n{phrase}\tuser\tstrong\n", "long.tsv"
    )
    start = time.perf_counter()
    r = reportclean.clean(f"第一段。\n{phrase}\n第二段。\n", Config(lexicons=(lx,)))
    assert "第一段。" in r.text and "第二段。" in r.text
    assert time.perf_counter() - start < 10


def test_not_utf_8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# kind: protected\n# format: expression\n# source: me\n十三五\n", encoding="gb18030")
    with pytest.raises(LexiconError, match=rf"^{re.escape(str(path))}, line 4: not UTF-8"):
        load_lexicon(path)


def test_a_lexicon_saves_and_loads_back(tmp_path: Path) -> None:
    lx = reportclean.learn_boilerplate(
        [f"标题{i}\n正文第{i}段。\n本站文章仅供参考 网站地图\n" for i in range(4)]
    )
    lx.save(tmp_path / "learned.tsv")
    back = load_lexicon(tmp_path / "learned.tsv")
    assert (back.kind, back.columns, back.rows) == (lx.kind, lx.columns, lx.rows)
