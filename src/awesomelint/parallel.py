"""Reading, parsing and running the document rules of many files in a pool of processes.

One process per core, this one included: each reads and parses its files and runs the
document-scope rules on them; the workers send back the parsed document with its findings. The calling process keeps the
files' order, then runs the project rules, suppressions and reports as a serial run would, so
the output is the same. Used for `check` with more than one file on a machine with more than
one core, when no network facts are gathered (they need every document before any rule runs).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from awesomelint.diagnostics import FileError, Finding
from awesomelint.document.parse import ParsedDocument
from awesomelint.engine import Checker, RuleSettings
from awesomelint.rules import Rule
from awesomelint.workspace.load import load_one

Checked = tuple[ParsedDocument | FileError, list[Finding], list[FileError]]
"""One file's outcome: its parse (or why it has none), its document findings and crashes."""

_worker: tuple[Checker, int | None] | None = None


def usable_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worth_a_pool(files: int) -> int:
    """How many worker processes `files` files get (at most AWESOMELINT_JOBS when set): 0 when
    a serial run is the better choice."""
    cores = usable_cores()
    jobs = os.environ.get("AWESOMELINT_JOBS", "").strip()
    if jobs.isdigit() and int(jobs) > 0:
        cores = min(cores, int(jobs))
    workers = min(cores, files)
    return workers if workers > 1 else 0


def _start(rules: Sequence[Rule], settings: RuleSettings, max_file_size: int | None) -> None:
    global _worker
    _worker = (Checker(rules, None, settings), max_file_size)


def _check_one(path: Path) -> Checked:
    assert _worker is not None
    checker, max_file_size = _worker
    loaded = load_one(path, max_file_size)
    if isinstance(loaded, FileError):
        return loaded, [], []
    findings, errors = checker.document_findings(loaded)
    return loaded, findings, errors


def check_files(
    files: Sequence[Path],
    rules: Sequence[Rule],
    settings: RuleSettings,
    max_file_size: int | None,
    workers: int,
) -> list[Checked]:
    """Every file's outcome, in the order of `files`, from `workers` processes: this one and a
    pool of the others. The pool takes files from the front; this process takes them from the
    back while the pool has not started them, so its own results need no pickling."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers inherit the imported rules instead of importing them again.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    args = (tuple(rules), settings, max_file_size)
    with ProcessPoolExecutor(
        workers - 1, mp_context=context, initializer=_start, initargs=args
    ) as pool:
        futures = [pool.submit(_check_one, path) for path in files]
        _start(*args)
        done: dict[int, Checked] = {}
        for index in reversed(range(len(files))):
            if not futures[index].cancel():
                break
            done[index] = _check_one(files[index])
        return [done[i] if i in done else futures[i].result() for i in range(len(files))]
