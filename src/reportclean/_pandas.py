"""pandas: clean a text column (:func:`clean_pandas`) and make a long table of the
warnings (:func:`warnings_table`). Needs pandas (``pip install 'reportclean[dask]'``),
imported only when called.

Nulls (``None``, ``NaN``, ``pd.NA``) stay null and are no error; a value that is not
``str`` or ``bytes`` (a number, a list) cannot stand in a string column: its text is
null and ``reportclean_error`` says what it was. The text and the added columns are
pandas string columns, so ``to_parquet`` writes them as strings.
"""

from __future__ import annotations

import json
from typing import Any

from ._batch import BatchError, clean_many
from ._config import Config
from ._records import optional_module

__all__ = ["COLUMNS", "WARNING_COLUMNS", "clean_pandas", "warnings_table"]

#: Columns :func:`clean_pandas` adds beside the cleaned one.
COLUMNS = ("reportclean_encoding", "reportclean_warnings", "reportclean_error")
#: The columns of :func:`warnings_table`, after the row label.
WARNING_COLUMNS = ("code", "severity", "message", "start", "end", "original_start", "original_end", "step")


def clean_pandas(df: Any, column: str, config: Config | None = None) -> Any:
    """Clean ``column`` of a pandas DataFrame; returns a new DataFrame.

    ``column`` (``str`` or ``bytes`` values) becomes the clean text; nulls stay
    null. Added: ``reportclean_encoding`` (the codec for bytes, else null),
    ``reportclean_warnings`` (the warnings as a JSON array; see
    :func:`warnings_table`) and ``reportclean_error`` (why a value could not be
    cleaned, else null). All four are pandas string columns.
    """
    pd = optional_module("pandas", "dask")
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"clean_pandas() takes a pandas DataFrame, got {type(df).__name__}; for a Series s use s.to_frame('text')"
        )
    if column not in df.columns:
        raise KeyError(f"no column {column!r} in the dataframe; its columns are {list(df.columns)}")
    cfg = _config(config)
    values = list(df[column])
    n = len(values)
    texts: list[Any] = [None] * n
    encodings: list[Any] = [None] * n
    warnings: list[Any] = [None] * n
    errors: list[Any] = [None] * n
    todo = []
    for i, v in enumerate(values):
        if isinstance(v, (str, bytes)):
            todo.append(i)
        elif not _is_null(pd, v):
            shown = repr(v)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            errors[i] = f"TypeError: not text: {type(v).__name__} {shown}; the column must hold str or bytes"
    for i, r in zip(todo, clean_many((values[i] for i in todo), cfg), strict=True):
        if isinstance(r, BatchError):
            texts[i] = values[i] if isinstance(values[i], str) else None
            errors[i] = r.message
        else:
            texts[i], encodings[i] = r.text, r.encoding
            warnings[i] = json.dumps([w.to_dict() for w in r.warnings], ensure_ascii=False)
    out = df.copy()
    for name, data in ((column, texts), *zip(COLUMNS, (encodings, warnings, errors), strict=True)):
        out[name] = pd.Series(data, index=df.index, dtype="string")
    return out


def _is_null(pd: Any, value: Any) -> bool:
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def warnings_table(df: Any, column: str = "reportclean_warnings") -> Any:
    """One row per warning of a :func:`clean_pandas` result: the row's label (column
    ``row``), then :data:`WARNING_COLUMNS` (spans as ``start``/``end``).

    ``df.merge(warnings_table(df), left_index=True, right_on="row")`` puts each warning
    beside its document; ``warnings_table(df).code.value_counts()`` counts them.
    """
    pd = optional_module("pandas", "dask")
    if column not in df.columns:
        raise KeyError(f"no column {column!r}: pass the DataFrame clean_pandas() or clean_dataframe() gave back")
    rows = []
    for label, value in zip(df.index, df[column], strict=True):
        if not isinstance(value, str):
            continue
        for w in json.loads(value):
            rows.append((label, w["code"], w["severity"], w["message"], *w["span"], *w["original_span"], w["step"]))
    table = pd.DataFrame(rows, columns=["row", *WARNING_COLUMNS])
    for name in ("code", "severity", "message", "step"):
        table[name] = table[name].astype("string")
    for name in ("start", "end", "original_start", "original_end"):
        table[name] = table[name].astype("int64")
    return table


def _config(config: Config | None) -> Config:
    if config is None:
        return Config()
    if not isinstance(config, Config):
        raise TypeError(
            f"config must be a reportclean.Config, got {type(config).__name__}; build one with reportclean.Config(...)"
        )
    return config
