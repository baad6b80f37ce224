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

import os
from collections.abc import Iterable
from typing import Any

from ._batch import BatchError, Source, clean_many, describe
from ._config import Config
from ._model import CleanResult
from ._pandas import COLUMNS, _config, clean_pandas, warnings_table
from ._records import optional_module

__all__ = ["COLUMNS", "clean_bag", "clean_bag_isolated", "clean_dataframe", "clean_pandas", "warnings_table"]


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


def clean_bag_isolated(bag: Any, config: Config | None = None, client: Any = None) -> list[CleanResult | BatchError]:
    """``clean_bag(bag).compute()``, except that a document that kills its worker (a crash
    in C code, the nanny's memory limit) costs only itself.

    With :func:`clean_bag`, such a document fails its partition on every worker it is
    retried on, and then the whole compute raises ``KilledWorker``: every result is lost.
    Here each partition is a future of its own; a partition that fails is run again one
    document at a time, and the document that still fails becomes a
    :class:`~reportclean.BatchError` (``index``: its position in the bag). Gives a list,
    in the bag's order (so the results must fit in the client's memory); ``client``
    defaults to the current ``distributed`` client. The inputs of a failed partition are
    made again in this process, so keep the bag's own graph cheap (paths, not texts
    read by an earlier step).
    """
    db = optional_module("dask.bag", "dask")
    distributed = optional_module("distributed", "dask")
    if not isinstance(bag, db.Bag):
        raise TypeError(f"clean_bag_isolated() takes a dask.bag.Bag, got {type(bag).__name__}")
    cfg = _config(config)
    client = client if client is not None else distributed.get_client()
    parts = bag.to_delayed()
    futures = [client.submit(_clean_partition, part, cfg, pure=False) for part in client.compute(parts)]
    out: list[CleanResult | BatchError] = []
    for part, future in zip(parts, futures, strict=True):
        try:
            results = future.result()
        except Exception:  # KilledWorker, or anything else that took the partition down
            # the partition's inputs, made again in this process (the cluster may have
            # marked their task failed with the worker that died holding them)
            items = list(part.compute(scheduler="sync"))
            singles = [client.submit(_clean_partition, [item], cfg, pure=False) for item in items]
            results = []
            for item, single in zip(items, singles, strict=True):
                try:
                    [result] = single.result()
                except Exception:
                    # a worker death also fails what ran beside it: a document fails
                    # only when it fails again alone
                    try:
                        [result] = client.submit(_clean_partition, [item], cfg, pure=False).result()
                    except Exception as exc:
                        result = BatchError(0, describe(exc), _source_name(item))
                results.append(result)
        for result in results:
            if isinstance(result, BatchError):
                result = BatchError(len(out), result.message, result.source)
            out.append(result)
    return out


def _source_name(item: object) -> str | None:
    if not isinstance(item, os.PathLike):
        return None
    try:
        return str(os.fspath(item))
    except Exception:
        return None


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
