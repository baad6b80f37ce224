"""pandas and the library's batch entry points as a pandas user expects them (issue 15)."""

from __future__ import annotations

import glob
import json
import math
import os
import sys
from pathlib import Path

import pytest

import reportclean
from reportclean import BatchError, CleanResult, clean, clean_many

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

DOCS = ["工作\u200b总结\r\n", "共有XX人参加。".encode("gb18030")]


def test_clean_pandas_is_exported_and_keeps_nulls_as_nulls() -> None:
    df = pd.DataFrame({"text": [DOCS[0], None, math.nan, pd.NA, DOCS[1]]})
    out = reportclean.clean_pandas(df, "text")
    assert out["text"].isna().tolist() == [False, True, True, True, False]
    assert out["reportclean_error"].isna().all()
    assert out["text"].iloc[0] == clean(DOCS[0]).text and out["text"].iloc[4] == clean(DOCS[1]).text


def test_a_value_that_is_not_text_is_an_error_not_a_blank() -> None:
    df = pd.DataFrame({"text": [DOCS[0], 42, ["a", "list"]]})
    out = reportclean.clean_pandas(df, "text")
    assert out["reportclean_error"].iloc[0] is pd.NA
    assert out["reportclean_error"].iloc[1] == (
        "TypeError: not text: int 42; the column must hold str or bytes"
    )
    assert out["reportclean_error"].iloc[2].startswith("TypeError: not text: list ['a', 'list']")


def test_the_text_columns_are_strings_and_write_to_parquet(tmp_path: Path) -> None:
    df = pd.DataFrame({"id": [1, 2], "text": DOCS})
    out = reportclean.clean_pandas(df, "text")
    for name in ("text", *reportclean._pandas.COLUMNS):
        assert pd.api.types.is_string_dtype(out[name].dtype) and out[name].dtype != object, name
    out.to_parquet(tmp_path / "clean.parquet")
    back = pd.read_parquet(tmp_path / "clean.parquet")
    assert back["text"].tolist() == [clean(d).text for d in DOCS]


def test_warnings_table_is_one_row_per_warning() -> None:
    df = pd.DataFrame({"text": [DOCS[1], None, "共XX项，XX人。"]}, index=["a", "b", "c"])
    out = reportclean.clean_pandas(df, "text")
    table = reportclean.warnings_table(out)
    expected = [(label, w.code, w.span[0]) for label, doc in (("a", DOCS[1]), ("c", "共XX项，XX人。"))
                for w in clean(doc).warnings]  # fmt: skip
    assert list(zip(table["row"], table["code"], table["start"], strict=True)) == expected
    assert list(table.columns) == ["row", *reportclean._pandas.WARNING_COLUMNS]
    merged = out.merge(table, left_index=True, right_on="row")
    assert len(merged) == len(expected)
    assert json.loads(out["reportclean_warnings"].iloc[0])[0]["code"] == table["code"].iloc[0]


def test_clean_many_refuses_file_names_given_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("工作总结\n", encoding="utf-8")
    [r] = clean_many(glob.glob("*.txt"))
    assert isinstance(r, BatchError) and "pathlib.Path('a.txt')" in r.message
    [r] = clean_many(map(Path, glob.glob("*.txt")))
    assert isinstance(r, CleanResult) and r.text == "工作总结"
    [r] = clean_many(["b.txt"])  # no such file: the text is cleaned as text
    assert isinstance(r, CleanResult) and r.text == "b.txt"


def test_the_dask_extra_brings_what_batch_md_imports() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    root = Path(__file__).resolve().parent.parent
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = " ".join(extras["dask"])
    for need in ("dask[dataframe,distributed]", "pandas", "pyarrow"):
        assert need.split("[")[0] in names and (need in names or "[" not in need), (need, names)
    assert os.path.exists(root / "docs" / "batch.md")


def test_clean_on_nan_says_what_to_do_instead() -> None:
    s = pd.Series(["工作总结", math.nan])
    with pytest.raises(TypeError, match=r"got NaN .*clean_pandas"):
        s.apply(reportclean.clean)
    assert s.dropna().apply(lambda t: reportclean.clean(t).text).tolist() == ["工作总结"]
