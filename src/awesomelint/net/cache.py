"""The answers cache: SQLite in WAL mode, shared safely by several awesomelint processes.

Each row is one answer (a link status, an arXiv record, a GitHub record) as JSON, with the
time it was stored and, for GitHub, the ETag for a conditional request once it has expired.
How long an answer stays good is decided when it is read, from the settings of that run.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import json
import sqlite3
import time
from collections.abc import Callable
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
FILE_NAME = "answers-v1.sqlite3"


@dc.dataclass(frozen=True, slots=True)
class Cached:
    value: dict[str, Any]
    etag: str | None
    age: float
    """Seconds since the answer was stored; how old is too old depends on the answer."""


class Cache:
    """Best effort: a cache that cannot be read or written behaves as an empty one."""

    def __init__(self, directory: Path, *, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._db: sqlite3.Connection | None = None
        self.problem: str | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(directory / FILE_NAME, timeout=10.0, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            self._db = db
        except (OSError, sqlite3.Error) as err:
            self.problem = f"cache disabled: {directory}: {err}"

    def get(self, kind: str, key: str) -> Cached | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value, etag, checked_at FROM answers WHERE kind = ? AND key = ?",
                (kind, key),
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            return None
        return Cached(value, row[1], age=self._now() - row[2])

    def put(self, kind: str, key: str, value: dict[str, Any], *, etag: str | None = None) -> None:
        if self._db is None:
            return
        now = self._now()
        with contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (kind, key, json.dumps(value, sort_keys=True), etag, now),
            )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
