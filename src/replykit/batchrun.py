"""Run a batch: records in, entries out, in input order, on one or more processes.

With ``jobs > 1`` the records are cut into ordered chunks that worker
processes answer; ``imap`` hands the chunks back in order, so the output is
identical to a one-process run.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from replykit.batch import BatchOptions, process
from replykit.batchio import Record

CHUNK = 256  # records per task: large enough to amortise pickling, small enough to stream
IN_FLIGHT = 3  # chunks queued per worker: keeps workers busy, memory flat

_worker_run: BatchOptions | None = None


def run_records(records: Iterable[Record], run: BatchOptions, jobs: int = 1) -> Iterator[dict[str, Any]]:
    """Entries for ``records`` in order; ``jobs`` 0 means one per CPU."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        return (process(record, run) for record in records)
    return _parallel(records, run, jobs)


def _parallel(records: Iterable[Record], run: BatchOptions, jobs: int) -> Iterator[dict[str, Any]]:
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunks = _chunks(records)
    with context.Pool(jobs, initializer=_init_worker, initargs=(run,)) as pool:
        # A bounded window of chunks in flight, handed back in order: Pool.imap
        # would read the whole input ahead and hold it in memory.
        pending = deque(pool.apply_async(_process_chunk, (chunk,)) for chunk in islice(chunks, IN_FLIGHT * jobs))
        while pending:
            entries = pending.popleft().get()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.apply_async(_process_chunk, (following,)))
            yield from entries


def _init_worker(run: BatchOptions) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    global _worker_run
    _worker_run = run


def _process_chunk(chunk: list[Record]) -> list[dict[str, Any]]:
    assert _worker_run is not None
    return [process(record, _worker_run) for record in chunk]


def _chunks(records: Iterable[Record]) -> Iterator[list[Record]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
