"""Clean on Dask (``pip install 'reportclean[dask]'``): bags of documents and dataframe columns.

Each worker builds the pipeline once per :class:`~reportclean.Config` and cleans
its partitions in order; nothing else is shared. The results equal those of
:func:`reportclean.clean` on the same inputs.

:func:`clean_pandas` is the function applied to each partition; it needs only
pandas, so Spark (``mapInPandas``) and Ray (``map_batches``) can use it too (see
``docs/batch.md``). No doctest here: pandas and dask are optional (see
``tests/test_dask.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ._batch import BatchError, Source, clean_many
from ._config import Config
from ._model import CleanResult
from ._records import optional_module

__all__ = ["COLUMNS", "clean_bag", "clean_dataframe", "clean_pandas"]

#: Columns :func:`clean_pandas` and :func:`clean_dataframe` add beside the cleaned one.
COLUMNS = ("reportclean_encoding", "reportclean_warnings", "reportclean_error")


def clean_bag(bag: Any, config: Config | None = None) -> Any:
    """Clean every element of a ``dask.bag.Bag`` (``str``, ``bytes`` or paths).

    Gives a bag of :class:`~reportclean.CleanResult`, in the same order; an element
    that cannot be cleaned becomes a :class:`~reportclean.BatchError` (its ``index``
    counts within its partition).
    """
    db = optional_module("dask.bag", "dask")
    if not isinstance(bag, db.Bag):
        raise TypeError(
            f"clean_bag() takes a dask.bag.Bag, got {type(bag).__name__}; make one with dask.bag.from_sequence"
        )
    return bag.map_partitions(_clean_partition, _config(config))


def _clean_partition(items: Iterable[Source], config: Config) -> list[CleanResult | BatchError]:
    return list(clean_many(items, config, jobs=1))


def clean_dataframe(ddf: Any, column: str, config: Config | None = None) -> Any:
    """Clean the text in ``column`` of a ``dask.dataframe.DataFrame``.

    Gives a dataframe with ``column`` replaced by the clean text and the columns of
    :data:`COLUMNS` added (see :func:`clean_pandas`).
    """
    dd = optional_module("dask.dataframe", "dask")
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"clean_dataframe() takes a dask.dataframe.DataFrame, got {type(ddf).__name__}")
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r} in the dataframe; its columns are {list(ddf.columns)}")
    cfg = _config(config)
    meta = clean_pandas(ddf._meta, column, cfg)
    return ddf.map_partitions(clean_pandas, column, cfg, meta=meta)


def clean_pandas(df: Any, column: str, config: Config | None = None) -> Any:
    """Clean ``column`` of a pandas DataFrame; returns a new DataFrame.

    ``column`` (``str`` or ``bytes`` values) becomes the clean text; nulls stay
    null. Added: ``reportclean_encoding`` (the codec for bytes, else null),
    ``reportclean_warnings`` (the warnings as a JSON array) and
    ``reportclean_error`` (why a value could not be cleaned, else null).
    """
    pd = optional_module("pandas", "dask")
    if column not in df.columns:
        raise KeyError(f"no column {column!r} in the dataframe; its columns are {list(df.columns)}")
    values = list(df[column])
    todo = [i for i, v in enumerate(values) if isinstance(v, (str, bytes))]
    texts: list[Any] = [None] * len(values)
    encodings: list[Any] = [None] * len(values)
    warnings: list[Any] = [None] * len(values)
    errors: list[Any] = [None] * len(values)
    for i, r in zip(todo, clean_many((values[i] for i in todo), _config(config)), strict=True):
        if isinstance(r, BatchError):
            texts[i], errors[i] = values[i], r.message
        else:
            texts[i], encodings[i] = r.text, r.encoding
            warnings[i] = json.dumps([w.to_dict() for w in r.warnings], ensure_ascii=False)
    out = df.copy()
    for name, data in ((column, texts), *zip(COLUMNS, (encodings, warnings, errors), strict=True)):
        out[name] = pd.Series(data, index=df.index, dtype=object)
    return out


def _config(config: Config | None) -> Config:
    if config is None:
        return Config()
    if not isinstance(config, Config):
        raise TypeError(
            f"config must be a reportclean.Config, got {type(config).__name__}; build one with reportclean.Config(...)"
        )
    return config
