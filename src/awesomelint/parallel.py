"""Reading, parsing and running the document rules of many files in a pool of processes.

One process per core, this one included: each reads and parses its files, runs the
document-scope rules on them and finds their entries' identities (the per-file pass of the
duplicate rules); the workers send back the parsed document with its findings and
identities, pickled with a reduction per record class (its constructor and field values: a
third of the time of the default reduction of slotted frozen dataclasses). The calling
process keeps the files' order, then runs the project rules, suppressions and reports as a
serial run would, so the output is the same; with much text, a forked process shares the
project rules with it (`aside.py`). Used for `check` with more than one
file on a machine with more than one core, when no network facts are gathered (they need
every document before any rule runs).
"""

from __future__ import annotations

import copyreg
import dataclasses as dc
import io
import operator
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from awesomelint.aside import IDENTITY_RULES
from awesomelint.diagnostics import Edit, FileError, Finding, Fix
from awesomelint.document import locate, model
from awesomelint.document.parse import ParsedDocument
from awesomelint.engine import Checker, RuleSettings
from awesomelint.knowledge import paper_identity
from awesomelint.rules import Rule
from awesomelint.workspace.load import load_one

Checked = tuple[ParsedDocument | FileError, list[Finding], list[FileError]]
"""One file's outcome: its parse (or why it has none), its document findings and crashes."""

_worker: tuple[Checker, int | None, bool] | None = None

Reduction = Callable[[Any], tuple[type, tuple[Any, ...]]]


def _by_constructor(cls: type) -> Reduction:
    """Pickle an instance of the dataclass `cls` as a call of `cls` on its init fields."""
    names = [field.name for field in dc.fields(cls) if field.init]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (values(obj),))
    return lambda obj: (cls, values(obj))


def _crossing_types() -> list[type]:
    """The dataclasses of a file's outcome: the document model, problems, findings and
    identity occurrences."""
    return [ParsedDocument, Edit, Fix, Finding, FileError] + [
        value
        for module in (model, locate, paper_identity)
        for value in vars(module).values()
        if isinstance(value, type)
        and dc.is_dataclass(value)
        and value.__module__ == module.__name__
    ]


REDUCTIONS: dict[type, Reduction] = {cls: _by_constructor(cls) for cls in _crossing_types()}
"""Every field a dataclass does not take in its constructor is one its `__post_init__` derives
(`Document`'s section index), so the call rebuilds the whole object."""


def dumps(outcome: object) -> bytes:
    """`outcome` (a file's, or findings) pickled for the calling process (`pickle.loads` reads
    it back)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **REDUCTIONS}
    pickler.dump(outcome)
    return buffer.getvalue()


def usable_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def allowed_processes() -> int:
    """The usable cores, at most AWESOMELINT_JOBS when set."""
    cores = usable_cores()
    jobs = os.environ.get("AWESOMELINT_JOBS", "").strip()
    if jobs.isdigit() and int(jobs) > 0:
        cores = min(cores, int(jobs))
    return cores


def worth_a_pool(files: int) -> int:
    """How many worker processes `files` files get (at most AWESOMELINT_JOBS when set): 0 when
    a serial run is the better choice."""
    workers = min(allowed_processes(), files)
    return workers if workers > 1 else 0


def _start(rules: Sequence[Rule], settings: RuleSettings, max_file_size: int | None) -> None:
    global _worker
    identities = any(rule.code in IDENTITY_RULES for rule in rules)
    _worker = (Checker(rules, None, settings), max_file_size, identities)


def _check_one(path: Path) -> Checked:
    assert _worker is not None
    checker, max_file_size, identities = _worker
    loaded = load_one(path, max_file_size)
    if isinstance(loaded, FileError):
        return loaded, [], []
    findings, errors = checker.document_findings(loaded)
    if identities:
        paper_identity.document_occurrences(loaded.document)
    return loaded, findings, errors


def _check_one_pickled(path: Path) -> bytes:
    assert _worker is not None
    outcome = _check_one(path)
    parsed = outcome[0]
    found = None
    if _worker[2] and not isinstance(parsed, FileError):
        found = paper_identity.document_occurrences(parsed.document)
    return dumps((outcome, found))


def _read(pickled: bytes) -> Checked:
    """A worker's outcome, its document's occurrences handed to `paper_identity`."""
    outcome, found = pickle.loads(pickled)
    if found is not None:
        paper_identity.adopt_occurrences(outcome[0].document, found)
    return outcome  # type: ignore[no-any-return]


def check_files(
    files: Sequence[Path],
    rules: Sequence[Rule],
    settings: RuleSettings,
    max_file_size: int | None,
    workers: int,
) -> list[Checked]:
    """Every file's outcome, in the order of `files`, from `workers` processes: this one and a
    pool of the others. The pool takes files from the front; this process takes them from the
    back while the pool has not started them, so its own results need no pickling, and
    between two of its own files it reads the outcomes the pool has finished."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers inherit the imported rules instead of importing them again.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    args = (tuple(rules), settings, max_file_size)
    with ProcessPoolExecutor(
        workers - 1, mp_context=context, initializer=_start, initargs=args
    ) as pool:
        futures = [pool.submit(_check_one_pickled, path) for path in files]
        _start(*args)
        done: dict[int, Checked] = {}
        front = 0
        for index in reversed(range(len(files))):
            if not futures[index].cancel():
                break
            done[index] = _check_one(files[index])
            while front < index and futures[front].done():
                done[front] = _read(futures[front].result())
                front += 1
        return [done[i] if i in done else _read(futures[i].result()) for i in range(len(files))]
