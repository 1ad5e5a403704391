"""The answers cache: SQLite in WAL mode, shared safely by several awesomelint processes.

Each row is one answer (a link status, an arXiv record, a GitHub record) as JSON, with the
time it was stored and, for GitHub, the ETag for a conditional request once it has expired.
How long an answer stays good is decided when it is read, from the settings of that run.

Rows are data, never trusted: anything but a JSON object with the expected fields and types
(`fields`) is a miss. A file that is not a database, or is damaged, is moved aside and a new
one started, once per run.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import json
import math
import sqlite3
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    etag TEXT,
    checked_at REAL NOT NULL,
    PRIMARY KEY (kind, key)
)
"""
_COLUMNS = ["kind", "key", "value", "etag", "checked_at"]
FILE_NAME = "answers-v1.sqlite3"
# SQLite's primary result codes for "damaged" and "not a database at all".
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


@dc.dataclass(frozen=True, slots=True)
class Cached:
    value: dict[str, Any]
    etag: str | None
    age: float
    """Seconds since the answer was stored; how old is too old depends on the answer."""


Kinds = tuple[type, ...]
TEXT: Kinds = (str,)
OPTIONAL_TEXT: Kinds = (str, type(None))
NUMBER: Kinds = (int, float)
WHOLE: Kinds = (int,)
OPTIONAL_WHOLE: Kinds = (int, type(None))
FLAG: Kinds = (bool,)


def fields(value: Mapping[str, Any], spec: Mapping[str, Kinds]) -> bool:
    """Whether `value` has every field of `spec`, each of one of its types.

    bool is never taken for a number, nor a number for a bool: JSON keeps them apart.
    """
    for name, kinds in spec.items():
        if name not in value:
            return False
        item = value[name]
        if isinstance(item, bool) and bool not in kinds:
            return False
        if not isinstance(item, kinds):
            return False
        if isinstance(item, float) and not math.isfinite(item):
            return False
    return True


class _Damaged(Exception):
    pass


class Cache:
    """Best effort: a cache that cannot be read or written behaves as an empty one."""

    def __init__(self, directory: Path, *, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._directory = directory
        self._db: sqlite3.Connection | None = None
        self._recovered = False
        self.problem: str | None = None
        """One line for the run's summary, when the cache was disabled or started afresh."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except _Damaged:
            self._recover()
        except (OSError, sqlite3.Error) as err:
            self.problem = f"cache disabled: {directory}: {err}"

    @property
    def path(self) -> Path:
        return self._directory / FILE_NAME

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            columns = [row[1] for row in db.execute("PRAGMA table_info(answers)")]
        except sqlite3.Error as err:
            db.close()
            if _is_damage(err):
                raise _Damaged from err
            raise
        if columns != _COLUMNS:
            db.close()
            raise _Damaged
        return db

    def _recover(self) -> None:
        """Move the damaged file aside (kept for a post-mortem) and start a new one."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._recovered:
            return
        self._recovered = True
        aside = self.path.with_name(f"{FILE_NAME}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            with contextlib.suppress(FileNotFoundError):  # another process got there first
                self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    self.path.with_name(FILE_NAME + suffix).unlink()
            self._db = self._open()
        except (OSError, sqlite3.Error, _Damaged) as err:
            self.problem = (
                f"cache disabled: {self.path} is damaged and could not be replaced: {err}"
            )
            return
        self.problem = f"cache file was damaged: moved to {aside.name}, started a new one"

    def get(self, kind: str, key: str) -> Cached | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value, etag, checked_at FROM answers WHERE kind = ? AND key = ?",
                (kind, key),
            ).fetchone()
        except sqlite3.Error as err:
            if _is_damage(err):
                self._recover()
            return None
        if row is None:
            return None
        raw, etag, checked_at = row
        if not isinstance(raw, str | bytes) or not isinstance(etag, str | None):
            return None
        if isinstance(checked_at, bool) or not isinstance(checked_at, int | float):
            return None
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(value, dict):
            return None
        return Cached(value, etag, age=self._now() - checked_at)

    def put(self, kind: str, key: str, value: dict[str, Any], *, etag: str | None = None) -> None:
        if self._db is None:
            return
        now = self._now()
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (kind, key, json.dumps(value, sort_keys=True), etag, now),
            )
        except sqlite3.Error as err:
            if _is_damage(err):
                self._recover()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _is_damage(err: sqlite3.Error) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _DAMAGED
