"""The step declarations (``reportclean._edits.Step``) are the one source of what a step is:
the pipeline order, Config's switches, CODES and the lexicon kinds come from them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from reportclean import STEP_NAMES, Config, LexiconError, load_lexicon
from reportclean._edits import Step, noop
from reportclean._lexicon import Schema, kinds
from reportclean._pipeline import CODES, KINDS, REGISTRY, _merged


def test_the_registry_the_switches_and_the_order_are_one_list() -> None:
    assert tuple(REGISTRY) == STEP_NAMES
    assert all(key == step.name for key, step in REGISTRY.items())
    switches = [f.name for f in dataclasses.fields(Config)]
    assert switches[: len(STEP_NAMES)] == list(STEP_NAMES) and switches[len(STEP_NAMES)] == "strict"
    assert list(REGISTRY) == ["mojibake", "nfc", "controls", "newlines", "boilerplate", "width", "numerals",
                              "spacing", "layout", "script", "whitespace", "quantities", "placeholders", "checks"]
    off = Config(**{name: False for name in STEP_NAMES})  # type: ignore[arg-type]
    assert off.steps() == ()


def test_a_switch_that_names_the_wrong_step_is_refused_at_import() -> None:
    from reportclean._pipeline import _declared

    assert _declared("width", "_width.WIDTH") is REGISTRY["width"]
    with pytest.raises(RuntimeError, match=r"Config.width names _basic.NFC, which must be the Step named 'width'"):
        _declared("width", "_basic.NFC")
    with pytest.raises(RuntimeError, match="must be the Step"):
        _declared("width", "_width.run")


def test_codes_and_kinds_are_the_union_of_the_declarations() -> None:
    for step in REGISTRY.values():
        assert all(CODES[code] == sev for code, sev in step.codes.items()), step.name
        assert all(KINDS[kind] == schema for kind, schema in step.lexicons.items()), step.name
    assert set(KINDS) == {kind for step in REGISTRY.values() for kind in step.lexicons}
    assert kinds() is KINDS


def test_two_steps_declaring_one_kind_or_code_differently_is_refused() -> None:
    a = Step("a", lambda config: noop, codes={"x": "info"}, lexicons={"k": Schema((("word",),))})
    b = dataclasses.replace(a, name="b", codes={"x": "warning"}, lexicons={"k": Schema((("word", "role"),))})
    with pytest.raises(RuntimeError, match="steps 'a' and 'b' declare the warning code 'x' differently"):
        _merged(((s.name, c, v) for s in (a, b) for c, v in s.codes.items()), "warning code")
    with pytest.raises(RuntimeError, match="steps 'a' and 'b' declare the lexicon kind 'k' differently"):
        _merged(((s.name, k, v) for s in (a, b) for k, v in s.lexicons.items()), "lexicon kind")
    assert _merged(((s.name, k, v) for s in (a, a) for k, v in s.lexicons.items()), "lexicon kind") == a.lexicons


def test_a_value_the_schema_does_not_allow_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# kind: boilerplate\n# format: phrase\tfamily\tweight\n# source: me\n本站整理\twatermark\tstrong\n"
        "请勿转载\twatermark\tweka\n",
        encoding="utf-8",
    )
    want = rf"^{re.escape(str(path))}, line 5: bad weight 'weka'; write strong or weak \(a 'boilerplate' lexicon\)"
    with pytest.raises(LexiconError, match=want):
        load_lexicon(path)
    path.write_text("# kind: layout\n# format: pattern\ttype\n# source: me\n^第.章\tchapter\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 4: bad type 'chapter'; write heading or runin"):
        load_lexicon(path)


def test_an_empty_optional_field_takes_the_default(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    head = "# kind: boilerplate\n# format: phrase\tfamily?\tweight?\n# source: me\n"
    path.write_text(head + "本站整理\n", encoding="utf-8")
    assert load_lexicon(path).rows == (("本站整理", "", ""),)


@pytest.mark.parametrize("name", STEP_NAMES)
def test_a_declared_kind_is_one_a_user_lexicon_may_have(name: str, tmp_path: Path) -> None:
    for kind, schema in REGISTRY[name].lexicons.items():
        columns = schema.forms[0]
        row = [schema.values.get(c, ("x",))[0] for c in columns]
        row[0] = "甲"
        row = ["1" if c in ("factor", "rank") else v for c, v in zip(columns, row, strict=True)]
        path = tmp_path / f"{kind}.tsv"
        path.write_text(f"# kind: {kind}\n# format: {chr(9).join(columns)}\n# source: me\n{chr(9).join(row)}\n",
                        encoding="utf-8")
        assert load_lexicon(path).kind == kind


def test_every_switch_is_described_in_the_config_docstring() -> None:
    doc = Config.__doc__ or ""
    assert [name for name in STEP_NAMES if f"- ``{name}``:" not in doc] == []


def test_a_real_step_missing_one_rule_id_from_its_declaration_fails_in_strict_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportclean import Cleaner, _pipeline

    width = REGISTRY["width"]
    assert Cleaner(Config(strict=True)).clean("共１２３人").text == "共123人"
    short = dataclasses.replace(width, rules=tuple(r for r in width.rules if r != "fullwidth-ascii"))
    monkeypatch.setitem(_pipeline.REGISTRY, "width", short)
    want = r"step 'width' made edits with rule ids it does not declare: \['fullwidth-ascii'\]"
    with pytest.raises(ValueError, match=want):
        Cleaner(Config(strict=True)).clean("共１２３人")
    assert Cleaner(Config(strict=False)).clean("共１２３人").text == "共123人"  # the default stays forgiving


def test_a_step_reads_only_optional_context_that_exists() -> None:
    from dataclasses import fields

    from reportclean._edits import Context

    optional = {f.name for f in fields(Context)} - {"quantities", "from_bytes"}
    declared = {r for step in REGISTRY.values() for r in step.reads}
    assert declared <= optional
    assert {n: s.reads for n, s in REGISTRY.items() if s.reads} == {"layout": ("page_breaks",), "script": ("warnings",)}
