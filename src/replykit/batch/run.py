"""Run a batch: records in, encoded output out, in input order, on one or more processes.

With ``jobs > 1`` the records are cut into ordered chunks that worker
processes answer and encode (JSON lines or CSV), so what crosses back to
the parent is bytes and a small summary view of each entry, not the whole
entry. A bounded window of chunks is in flight and handed back in order, so
the output is identical to a one-process run and memory stays flat.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from itertools import islice
from typing import Any

from replykit.batch.claims import Claims
from replykit.batch.core import BatchOptions, chosen_in, crc, distinct, process
from replykit.batch.read import LineParser, Reader, Record
from replykit.formats.batchout import Encoder, make_encoder

CHUNK = 256  # records per task: large enough to amortise pickling, small enough to stream
IN_FLIGHT = 3  # chunks queued per worker: keeps workers busy, memory flat
_HEAVY = ("text", "fields", "public_reply", "private_script", "reminders", "heard")

Result = tuple[bytes, dict[str, Any]]  # (encoded output, the entry or its summary view)
EncoderSpec = tuple[str, list[str], bool, str]  # (format, input columns, csv_raw, excel separator) -> make_encoder

_worker: tuple[BatchOptions, Encoder | None, LineParser | None, Claims] | None = None


def run_encoded(reader: Reader, run: BatchOptions, spec: EncoderSpec, jobs: int = 1) -> Generator[Result, None, None]:
    """Results for the reader's records in order; ``jobs`` 0 means one per CPU.

    With an encoder (jsonl, csv) each result is the output bytes and a summary
    view of the entry; without one (the table) it is ``b""`` and the entry.
    With several jobs, JSON lines and text are sent to the workers as raw
    lines, so parsing happens there too, not in the parent.
    """
    jobs = jobs or os.cpu_count() or 1
    seen = Claims()  # no public text given twice to different comments (see core.distinct)
    if jobs == 1:
        encoder = make_encoder(*spec)
        return (answer(record, run, encoder, seen) for record in reader.records)
    if reader.lines is not None and reader.parser is not None:
        return _parallel(reader.lines, reader.parser, run, spec, jobs, seen)
    return _parallel(reader.records, None, run, spec, jobs, seen)


def answer(record: Record, run: BatchOptions, encoder: Encoder | None, seen: Claims | None = None) -> Result:
    entry = process(record, run) if seen is None else distinct(record, run, seen)
    if encoder is None:
        return b"", entry
    return encoder.encode(entry), summary_view(entry)


def _settle(
    item: Any,
    result: Result,
    parse: LineParser | None,
    run: BatchOptions,
    spec: EncoderSpec,
    seen: Claims,
    encoder: list[Encoder | None],
) -> Result:
    """A worker's result, kept when the phrasing it guessed is the one a one-process run keeps at this
    point of the run; else answered again here, in input order, exactly as a one-process run would."""
    view = result[1]
    tried, guess, text = view.pop("_tried", None), view.pop("_chosen", None), view.pop("_text", None)
    if tried is None:  # no reply (an error, a triage): nothing to keep apart
        return result
    if chosen_in(tried, text, seen) == guess:
        if guess < len(tried) and tried[guess] is not None:
            seen.setdefault(tried[guess], text)
        return result
    if not encoder:
        encoder.append(make_encoder(*spec))
    record = parse.parse(item) if parse is not None else item
    return answer(record, run, encoder[0], seen)


def summary_view(entry: dict[str, Any]) -> dict[str, Any]:
    """What the summary and the error report need of an entry, cheap to send between processes."""
    view = {key: value for key, value in entry.items() if key not in _HEAVY}
    if "path" in view:
        view["path"] = [step for step in view["path"] if step["result"]]
    return view


def _parallel(
    items: Iterable[Any],
    parse: LineParser | None,
    run: BatchOptions,
    spec: EncoderSpec,
    jobs: int,
    seen: Claims,
) -> Generator[Result, None, None]:
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunks = _chunks(items)
    with context.Pool(jobs, initializer=_init_worker, initargs=(run, spec, parse)) as pool:
        # Pool.imap would read the whole input ahead and hold it in memory.
        pending = deque(
            (chunk, pool.apply_async(_answer_chunk, (chunk,))) for chunk in islice(chunks, IN_FLIGHT * jobs)
        )
        encoder: list[Encoder | None] = []
        try:
            while pending:
                chunk, waiting = pending[0]
                results = waiting.get()
                pending.popleft()  # only once answered: a Ctrl-C in get() leaves it to the wait below
                following = next(chunks, None)
                if following is not None:
                    pending.append((following, pool.apply_async(_answer_chunk, (following,))))
                for item, result in zip(chunk, results, strict=True):
                    yield _settle(item, result, parse, run, spec, seen, encoder)
        finally:
            # Ended early (a reader gone, --fail-fast, Ctrl-C): let the chunks in flight be answered
            # before the `with` terminates the pool. Pool.terminate() kills the workers (SIGTERM); one
            # killed half-way through sending back a chunk's answers (about 1 MiB, far more than a
            # pipe holds) hung the run for good: the pool's result thread waited for the rest of that
            # message, or its task thread for the queue lock the dead worker held, and terminate()
            # joins both threads (CPython gh-78178, gh-96995). Workers idle, nothing is cut off.
            # The cost: at most IN_FLIGHT chunks per worker, answered and dropped.
            for _, waiting in pending:
                waiting.wait()


def _init_worker(run: BatchOptions, spec: EncoderSpec, parse: LineParser | None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    global _worker
    _worker = (run, make_encoder(*spec), parse, Claims())


def _answer_chunk(chunk: list[Any]) -> list[Result]:
    assert _worker is not None
    run, encoder, parse, guessed = _worker
    records = map(parse.parse, chunk) if parse is not None else chunk
    return [_marked(record, run, encoder, guessed) for record in records]


def _marked(record: Record, run: BatchOptions, encoder: Encoder | None, guessed: Claims) -> Result:
    """A worker's answer, its phrasing chosen against what this worker gave (``guessed``), with the
    CRCs the parent needs to check that choice against the whole run (``_settle``)."""
    entry = distinct(record, run, guessed, note_tried=True)
    tried, chosen = entry.pop("_tried", None), entry.pop("_chosen", None)
    data, view = (b"", entry) if encoder is None else (encoder.encode(entry), summary_view(entry))
    if tried is not None:
        view = {**view, "_tried": tried, "_chosen": chosen, "_text": crc(record.text)}
    return data, view


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
