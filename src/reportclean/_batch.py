"""Many documents: :func:`clean_many`, ordered and streaming, in one or many processes.

This is the batch layer: it may read files and start processes; the core does
neither. Results come back in input order, one per source, while the sources
are still being read, with a bounded number of documents in flight. A document
that cannot be cleaned (an unreadable path, a worker that died) becomes a
:class:`BatchError` in its place; the batch goes on.

>>> results = list(clean_many(["工作\\u200b总结\\r\\n", b"\\xe8\\xa1\\x97\\xe9\\x81\\x93", 42]))
>>> [r.text for r in results[:2]]
['工作总结', '街道']
>>> results[2].index, results[2].message
(2, "TypeError: clean() takes str or bytes, got int; pass the file's bytes (open(path, 'rb').read()) or its text")

The machinery (:class:`Runner`, :func:`chunks`) is shared with the command line
and :mod:`reportclean.dask`.
"""

from __future__ import annotations

import gc
import itertools
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, Union

from ._config import Config
from ._model import CleanResult
from ._pipeline import Cleaner
from ._records import AtomicFile

if TYPE_CHECKING:  # concurrent.futures (with logging, 6 ms) is imported where processes are used
    from concurrent.futures import Executor, Future

__all__ = [
    "BatchError",
    "Done",
    "Job",
    "Runner",
    "Source",
    "atomic_write",
    "chunks",
    "clean_many",
    "cleaner_for",
    "one_by_one",
    "output_bytes",
    "output_chunks",
    "work_chunk",
]

#: What :func:`clean_many` accepts per document: text, bytes, or a path to read.
Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"]

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K")

#: A chunk sent to a worker holds at most this many documents ...
CHUNK_ITEMS = 32
#: ... and at most about this many bytes (one larger document travels alone).
CHUNK_BYTES = 256 * 1024
#: Bytes of input in flight at most (beyond one call): bounds memory with large documents.
BYTES_IN_FLIGHT = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BatchError:
    """Stands in the place of a document that could not be cleaned.

    ``index`` is the document's position in the input; ``source`` the path when
    a path was given, else None; ``message`` says what went wrong
    (``"ExceptionType: text"``).
    """

    index: int
    message: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "message": self.message, "source": self.source}


def clean_many(
    sources: Iterable[Source], config: Config | None = None, jobs: int = 1
) -> Iterator[CleanResult | BatchError]:
    """Clean many documents; yield one result per source, in input order.

    ``sources`` may be any iterable (a generator is read lazily) of ``str``,
    ``bytes`` or paths (``pathlib.Path``; read as bytes by the worker, so the
    caller never holds the file). ``jobs`` > 1 cleans in that many worker
    processes; at most ``2 * jobs`` chunks of documents are in flight, so memory
    stays bounded however long the input. A document that fails becomes a
    :class:`BatchError` for that document.

    >>> [type(r).__name__ for r in clean_many(["十三五", "第一季度"], jobs=1)]
    ['CleanResult', 'CleanResult']
    """
    if config is not None and not isinstance(config, Config):
        raise TypeError(
            f"config must be a reportclean.Config, got {type(config).__name__}; "
            "build one with reportclean.Config(...)"
        )
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number >= 1, got {jobs!r}; use jobs=1 to clean in this process")
    if isinstance(sources, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            "clean_many() takes an iterable of documents, got a single "
            f"{type(sources).__name__}; use reportclean.clean() for one document or wrap it in a list"
        )
    cfg = config if config is not None else Config()
    return _clean_many(sources, cfg, jobs)


def _clean_many(sources: Iterable[Source], config: Config, jobs: int) -> Iterator[CleanResult | BatchError]:
    if jobs == 1:
        cleaner = cleaner_for(config)
        for index, source in enumerate(sources):
            yield _clean_one(cleaner, index, source)
        return
    # concurrent.futures.process (multiprocessing, 14 ms) is imported where processes are used
    from concurrent.futures.process import BrokenProcessPool

    with Runner(jobs) as runner:
        calls = ((chunk, (config, chunk), sum(map(_size_of, chunk))) for chunk in chunks(enumerate(sources), _size_of))
        for chunk, outcome in runner.map_ordered(clean_chunk, calls):
            if isinstance(outcome, BrokenProcessPool) and len(chunk) > 1:
                yield from one_by_one(clean_chunk, config, chunk, _failed_item)
            elif isinstance(outcome, BaseException):
                yield from (_error(i, s, outcome) for i, s in chunk)
            else:
                yield from outcome
            del chunk, outcome  # not held while the next chunk is cleaned


def _failed_item(item: tuple[int, Source], exc: BaseException) -> list[CleanResult | BatchError]:
    return [_error(item[0], item[1], exc)]


def one_by_one(
    fn: Callable[[Config, list[T]], list[R]],
    config: Config,
    items: Sequence[T],
    failed: Callable[[T, BaseException], list[R]],
) -> Iterator[R]:
    """``fn(config, [item])`` for each item, each in a process of its own pool: after a
    chunk killed its worker, so that only the item that kills a worker alone is lost
    (``failed(item, exception)`` stands in its place). A pool apart from the run's, so
    the run's calls in flight are not disturbed."""
    with Runner(2, retries=1) as side:
        calls = (([item], (config, [item]), 0) for item in items)
        for [item], outcome in side.map_ordered(fn, calls):
            yield from (failed(item, outcome) if isinstance(outcome, BaseException) else outcome)


def clean_chunk(config: Config, items: Sequence[tuple[int, Source]]) -> list[CleanResult | BatchError]:
    """Clean a chunk of ``(index, source)`` pairs in a worker; never raises on data."""
    cleaner = cleaner_for(config)
    return [_clean_one(cleaner, index, source) for index, source in items]


@lru_cache(maxsize=8)
def cleaner_for(config: Config) -> Cleaner:
    """One :class:`Cleaner` per Config per process: rules compile once per worker."""
    return Cleaner(config)


#: A ``str`` that is one file name with a suffix, no longer than a path can be.
_FILE_NAME = re.compile(r"[^\n\r\t]{1,4096}\.[A-Za-z0-9]{1,8}")


def _clean_one(cleaner: Cleaner, index: int, source: Source) -> CleanResult | BatchError:
    try:
        if isinstance(source, os.PathLike):
            with open(source, "rb") as fh:
                return cleaner.clean(fh.read())
        if isinstance(source, str) and _FILE_NAME.fullmatch(source) and os.path.isfile(source):
            # clean_many(glob.glob("*.txt")) would clean the names: a str is text, a Path a file
            raise TypeError(
                f"got the str {source!r}, which names a file; a str is cleaned as text: pass "
                f"pathlib.Path({source!r}) to clean the file (e.g. map(pathlib.Path, glob.glob(...)))"
            )
        return cleaner.clean(source)  # type: ignore[arg-type]  # wrong types become a BatchError
    except Exception as exc:
        return _error(index, source, exc)


def _error(index: int, source: object, exc: BaseException) -> BatchError:
    path = os.fspath(source) if isinstance(source, os.PathLike) else None
    return BatchError(index, describe(exc), None if path is None else str(path))


def describe(exc: BaseException) -> str:
    """An exception as one line: ``"TypeName: message"``."""
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror if exc.filename is None else f"{exc.strerror}: {exc.filename}"
    else:
        text = str(exc)
    return f"{type(exc).__name__}: {' '.join(text.split())}" if text else type(exc).__name__


# -- the command line's work, done in a worker (this process, a pool process or a Dask worker)


@dataclass(frozen=True, slots=True)
class Job:
    """One document for :func:`work_chunk`.

    ``kind``: ``"file"`` (read ``value``, a path, and write the clean text to ``dst``
    atomically), ``"read"`` (read ``value`` and send the clean text back) or ``"text"``
    (``value`` is the document; the clean text comes back). ``details`` names what
    else to send back: ``"removals"``, ``"changes"``.
    """

    kind: str
    value: Any
    dst: str | None = None
    fsync: bool = False
    keep_links: bool = False
    details: frozenset[str] = frozenset()


@dataclass(slots=True)
class Done:
    """What a worker sends back for one document: small, never the whole result."""

    text: str | None = None
    encoding: str | None = None
    nbytes: int = 0
    chars: int = 0
    warnings: list[dict[str, Any]] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)
    changes: int = 0
    details: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    error: str | None = None
    #: The output could not be written (exit code 2), as opposed to a document that failed.
    unwritable: bool = False


def work_chunk(config: Config, jobs: Sequence[Job]) -> list[Done]:
    """Do a chunk of :class:`Job` s; never raises on data (a failure is a ``Done`` with an error)."""
    cleaner = cleaner_for(config)
    return [_work_one(cleaner, job) for job in jobs]


def _work_one(cleaner: Cleaner, job: Job) -> Done:
    try:
        data = Path(job.value).read_bytes() if job.kind in ("file", "read") else job.value
        nbytes = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        result = cleaner.clean(data)
        del data  # memory: at most the document, its result and the output bytes at once
        changes = result.changes if "changes" in job.details else None
        done = Done(
            text=None if job.kind == "file" else result.text,
            encoding=result.encoding,
            nbytes=nbytes,
            chars=len(result.original),
            warnings=[w.to_dict() for w in result.warnings],
            removals=[r.rule for r in result.removed],
            changes=0 if changes is None else len(changes),
        )
        if "removals" in job.details:
            done.details["removal"] = [r.to_dict() for r in result.removed]
        if changes is not None:
            done.details["change"] = [c.to_dict() for c in changes]
        if "structure" in job.details:
            done.details["structure"] = [{
                "meta": result.meta.to_dict(),
                "outline": [h.to_dict() for h in result.outline],
                "sections": [s.to_dict() for s in result.sections],
            }]  # fmt: skip
    except Exception as exc:
        return Done(error=describe(exc))
    if job.kind == "file":
        try:
            atomic_write(Path(job.dst or ""), output_chunks(result.text), job.fsync, job.keep_links)
        except OSError as exc:
            return Done(error=f"cannot write {job.dst}: {describe(exc)}", unwritable=True)
    return done


def atomic_write(path: Path, data: bytes | Iterable[bytes], fsync: bool = True, keep_links: bool = False) -> None:
    """Write ``data`` (bytes, or chunks of bytes) to ``path`` through a temporary file
    and a rename (see :class:`~reportclean._records.AtomicFile`).

    A killed process never leaves a half file either way; ``fsync`` also makes
    the file survive a power loss, at a few milliseconds a file.
    """
    out = AtomicFile(path, fsync, keep_links)
    try:
        with open(out.tmp, "wb") as fh:
            for chunk in [data] if isinstance(data, bytes) else data:
                fh.write(chunk)
        out.commit()
    except BaseException:
        out.abort()
        raise


def output_bytes(result: CleanResult) -> bytes:
    """The clean text as a file: UTF-8, ending with one newline."""
    return b"".join(output_chunks(result.text))


def output_chunks(text: str, size: int = 1 << 18) -> Iterator[bytes]:
    """:func:`output_bytes` in chunks, encoded a slice at a time (no whole copy)."""
    for i in range(0, len(text), size):
        yield text[i : i + size].encode("utf-8")
    if text and not text.endswith("\n"):
        yield b"\n"


def _size_of(item: tuple[int, Source]) -> int:
    source = item[1]
    if isinstance(source, os.PathLike):
        try:
            return os.stat(source).st_size
        except OSError:
            return 0
    if isinstance(source, str):
        return 3 * len(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    return 0


def chunks(
    items: Iterable[T], size_of: Callable[[T], int], max_items: int = CHUNK_ITEMS, max_bytes: int = CHUNK_BYTES
) -> Iterator[list[T]]:
    """Group ``items`` lazily into lists of at most ``max_items`` and about ``max_bytes``.

    >>> [len(c) for c in chunks(range(10), lambda x: 1, max_items=4)]
    [4, 4, 2]
    >>> [c for c in chunks([5, 1, 9, 1], lambda x: x, max_bytes=6)]
    [[5, 1], [9], [1]]
    """
    chunk: list[T] = []
    size = 0
    for item in items:
        n = size_of(item)
        if chunk and (len(chunk) >= max_items or size + n > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += n
    if chunk:
        yield chunk


# -- running calls in order, in this process, in worker processes or on Dask --------


class _Submit(Protocol):
    def __call__(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


class _DoneFuture(Generic[R]):
    """The result of a call made at once, in this process."""

    __slots__ = ("_error", "_value")

    def __init__(self, fn: Callable[..., R], args: tuple[Any, ...]) -> None:
        self._value: R | None = None
        self._error: BaseException | None = None
        try:
            self._value = fn(*args)
        except Exception as exc:
            self._error = exc

    def result(self) -> R:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


class Runner:
    """Runs calls in input order: in this process (``jobs=1``), in a process pool,
    or on a Dask cluster (``client=distributed.Client(...)``).

    :meth:`map_ordered` keeps at most ``window`` calls and :data:`BYTES_IN_FLIGHT`
    bytes of input in flight (but always one call) and yields ``(key, result)`` in
    the order of the calls; a call that raised, or whose
    worker died, yields the exception instead of a result (a dead process pool
    is replaced and the calls in flight are retried, up to ``retries`` times each).
    """

    def __init__(
        self,
        jobs: int = 1,
        client: Any = None,
        window: int | None = None,
        retries: int = 2,
        max_bytes: int = BYTES_IN_FLIGHT,
    ) -> None:
        self.jobs = jobs
        self.max_bytes = max_bytes
        self.client = client
        self.retries = retries
        self._pool: Executor | None = None
        if client is not None:
            threads = sum(client.nthreads().values()) or 1
            self.window = window or 2 * threads
        else:
            # in this process a call runs when submitted: look no further ahead than one
            self.window = window or (1 if jobs == 1 else 2 * jobs)

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _submit(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        if self.client is not None:
            return self.client.submit(fn, *args, pure=False)
        if self.jobs == 1:
            return _DoneFuture(fn, args)
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
            )
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            future: Future[Any] = self._pool.submit(fn, *args)
        except BrokenProcessPool as exc:
            # a worker died before this call went in: a future that says so when read, so that
            # map_ordered restarts the pool as it does for a call that was running
            future = Future()
            future.set_exception(exc)
        return future

    def map_ordered(
        self, fn: Callable[..., R], calls: Iterable[tuple[K, tuple[Any, ...], int]]
    ) -> Iterator[tuple[K, R | BaseException]]:
        """``fn(*args)`` for each ``(key, args, size)``; yields ``(key, result or exception)`` in order.

        ``size`` is the call's input in bytes, for the in-flight budget.
        """
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[list[Any]] = deque()  # [key, args, future, attempts, size]
        it = iter(calls)
        call: tuple[K, tuple[Any, ...], int] | None = None
        in_flight = 0
        stale = 0  # calls lost with a dead pool, to run again one at a time
        while True:
            while not stale and len(pending) < self.window:
                if call is None:
                    call = next(it, None)
                    if call is None:
                        break
                if pending and in_flight + call[2] > self.max_bytes:
                    break
                pending.append([call[0], call[1], self._submit(fn, call[1]), 1, call[2]])
                in_flight += call[2]
                call = None
            if not pending:
                return
            head = pending[0]
            if head[2] is None:
                head[2] = self._submit(fn, head[1])
                stale -= 1
            key, _args, future, attempts, size = head
            try:
                outcome: R | BaseException = future.result()
            except BrokenProcessPool as exc:
                # A worker died. Run the calls in flight again, one at a time, so that
                # only the call that kills a worker on its own is given up.
                head[3] += 1
                retry = attempts <= self.retries
                stale = self._restart(fn, pending, retry)
                if retry:
                    continue
                outcome = exc
            except Exception as exc:
                outcome = exc
            pending.popleft()
            in_flight -= size
            yield key, outcome
            # drop this result before the next call runs: two big documents at once
            # would double the peak memory
            del outcome, head, future, _args

    def _restart(self, fn: Callable[..., Any], pending: deque[list[Any]], retry_head: bool) -> int:
        """A new pool: the head of ``pending`` submitted again alone (if retried), the rest marked stale."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if retry_head:
            pending[0][2] = self._submit(fn, pending[0][1])
        for entry in itertools.islice(pending, 1, None):
            entry[2] = None
        return len(pending) - 1


def _die_with_parent(parent: int) -> None:
    """Pool worker start-up: end this worker when the parent dies, even by ``kill -9``
    (a pool worker otherwise finishes its queue, still writing outputs); freeze the
    inherited objects for the collector.

    Linux ends it at once (``PR_SET_PDEATHSIG``); elsewhere a thread notices within
    0.2 s that the parent has gone.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    # What the worker inherited (the compiled pipeline, the caller's data) is never
    # collected here: frozen, the collector skips it instead of walking it (and copying
    # its pages) again and again. Measured: workers' CPU 1.35 -> 1.31 s for 10 MB.
    gc.freeze()
    threading.Thread(target=watch, name="reportclean-parent-watch", daemon=True).start()
