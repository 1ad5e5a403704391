"""Word lists read from installed packages, compiled once into the user cache folder.

Splitting a dictionary of a megabyte costs tens of milliseconds on every run; its compiled
form (marshal) loads in a few. A compiled file is named after the package's version and the
source file's size and time, so an upgrade of the package compiles it again; a cache folder
that cannot be written is no error (the source is read each time instead).
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "AWESOMELINT_WORDS_CACHE"
"""A folder to keep compiled word lists in instead of the user cache folder; "" for none."""

T = TypeVar("T")


def package_folder(package: str) -> Path | None:
    """Where a package is installed, found without running its code."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def package_version(package: str, folder: Path) -> str:
    """The installed version, from the name of the package's dist-info folder (reading
    importlib.metadata would cost more than the word list itself)."""
    prefix = package + "-"
    try:
        names = os.listdir(folder.parent)
    except OSError:
        return "unknown"
    for name in names:
        if name.startswith(prefix) and name.endswith(".dist-info"):
            return name[len(prefix) : -len(".dist-info")]
    return "unknown"


def cache_folder() -> Path | None:
    """$AWESOMELINT_WORDS_CACHE, else the per-user cache folder of awesomelint (where the
    link cache is kept by default), folder "words"."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "awesomelint" / "words"


def load(name: str, package: str, source: Path, kind: type[T], build: Callable[[], T]) -> T:
    """The compiled form of `source` (a data file of `package`): read from the cache folder
    when it is there and of the right `kind`, else built and stored there."""
    stat = source.stat()
    folder = package_folder(package)
    version = package_version(package, folder) if folder is not None else "unknown"
    cache = cache_folder()
    path = None
    if cache is not None:
        path = cache / f"{name}-{version}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
        try:
            value = marshal.loads(path.read_bytes())
            if isinstance(value, kind):
                return value
        except (OSError, EOFError, ValueError, TypeError):
            pass
    built = build()
    if path is not None:
        _store(path, marshal.dumps(built))  # type: ignore[arg-type]
    return built


def _store(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".compiling-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
