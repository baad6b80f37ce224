"""Clean on Dask (``pip install 'reportclean[dask]'``): bags of documents and dataframe columns.

Each worker builds the pipeline once per :class:`~reportclean.Config` and cleans
its partitions in order; nothing else is shared. The results equal those of
:func:`reportclean.clean` on the same inputs.

:func:`clean_pandas` (also ``reportclean.clean_pandas``) is the function applied
to each partition; it needs only pandas, so Spark (``mapInPandas``) and Ray (``map_batches``) can use it too (see
``docs/batch.md``). No doctest here: pandas and dask are optional (see
``tests/test_dask.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._batch import BatchError, Source, clean_many
from ._config import Config
from ._model import CleanResult
from ._pandas import COLUMNS, _config, clean_pandas, warnings_table
from ._records import optional_module

__all__ = ["COLUMNS", "clean_bag", "clean_dataframe", "clean_pandas", "warnings_table"]


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
