"""Every built-in lexicon parses, is NFC, has unique and sorted keys."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reportclean import LexiconError, load_lexicon
from reportclean._lexicon import package_lexicon

DATA = sorted(p.name for p in resources.files("reportclean").joinpath("data").iterdir() if p.name.endswith(".tsv"))


@pytest.mark.parametrize("name", DATA)
def test_builtin_lexicon_is_well_formed(name: str) -> None:
    lx = package_lexicon(name)  # raises LexiconError on duplicates, bad NFC, bad columns
    assert lx.rows, f"{name} is empty"
    assert lx.source
    keys = [row[0] for row in lx.rows]
    assert keys == sorted(keys), f"{name}: keep entries sorted by their first column"


def test_malformed_user_lexicon_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("# kind: boilerplate\n# format: phrase\treason?\n# source: me\n甲\t1\t2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.tsv, line 4: 3 tab-separated"):
        load_lexicon(f)
    f.write_text("甲\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 1: entry before the header"):
        load_lexicon(f)
    f.write_bytes("# kind: x\n".encode("gbk") + "甲".encode("gbk"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(f)


def test_user_lexicon_loads(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("# kind: boilerplate\n# format: phrase\n# source: me\n本站整理\n", encoding="utf-8")
    lx = load_lexicon(f)
    assert lx.kind == "boilerplate" and lx.column("phrase") == ("本站整理",)
