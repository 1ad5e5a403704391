"""Word lists read from installed packages, compiled once into the user cache folder.

Splitting a dictionary of a megabyte costs tens of milliseconds on every run; its compiled
form (marshal) loads in a few. A compiled file is named after the package's version and the
source file's size and time, so an upgrade of the package compiles it again; a cache folder
that cannot be written is no error (the source is read each time instead).
"""

from __future__ import annotations

import bisect
import importlib.util
import marshal
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

DATA = Path(__file__).parent / "data"
"""Our own data files (importlib.resources would cost more than reading them)."""
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
    from awesomelint.cachedir import user_cache_dir

    return Path(user_cache_dir()) / "words"


class SortedText:
    """Distinct strings (none holding a line break) in sorted order, kept as one text, each
    string on a line of its own, and the first string of every block of lines: it loads as a
    few copies, where a set of 80,000 words is 80,000 objects built and hashed on every run
    that looks up a word. A look-up bisects the block heads, then searches one block."""

    __slots__ = ("_blocks", "_count", "_heads", "_text")
    _FORMAT = "sorted-text-2"
    _BLOCK = 32
    _OFFSETS = "I" if array("I").itemsize == 4 else "L"

    def __init__(self, items: Iterable[str]) -> None:
        ordered = sorted(set(items))
        self._count = len(ordered)
        self._heads = ordered[:: self._BLOCK]
        self._blocks = array(self._OFFSETS)
        pieces = ["\n"]
        at = 1
        for index, item in enumerate(ordered):
            if index % self._BLOCK == 0:
                self._blocks.append(at)
            pieces.append(item + "\n")
            at += len(item) + 1
        self._blocks.append(at)
        self._text = "".join(pieces)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self._text[1:-1].split("\n") if self._count else ())

    def _block(self, item: str) -> int:
        """The block that holds `item` if any string does (the first when none can)."""
        return max(bisect.bisect_right(self._heads, item) - 1, 0)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str) or not self._count or "\n" in item:
            return False
        block = self._block(item)
        start, end = self._blocks[block], self._blocks[block + 1]
        return self._text.find(f"\n{item}\n", start - 1, end) != -1

    def starting(self, prefix: str) -> list[str]:
        """Every string that starts with `prefix`, in order."""
        if not self._count or "\n" in prefix:
            return []
        text, blocks = self._text, self._blocks
        block = self._block(prefix)
        # The first string at or after `prefix` is in its block or heads the next one.
        end = blocks[min(block + 2, len(blocks) - 1)]
        at = text.find("\n" + prefix, blocks[block] - 1, end)
        found = []
        while at != -1 and at + 1 < len(text) and text.startswith(prefix, at + 1):
            line_end = text.index("\n", at + 1)
            found.append(text[at + 1 : line_end])
            at = line_end
        return found

    def dump(self) -> tuple[str, int, str, list[str], bytes]:
        """A value marshal stores, that `undump` makes this again of."""
        return (self._FORMAT, self._count, self._text, self._heads, self._blocks.tobytes())

    @classmethod
    def undump(cls, value: object) -> SortedText | None:
        """What `dump` made, or None for anything else (another version's format)."""
        if not (isinstance(value, tuple) and len(value) == 5 and value[0] == cls._FORMAT):
            return None
        _, count, text, heads, offsets = value
        if not (
            isinstance(count, int)
            and isinstance(text, str)
            and isinstance(heads, list)
            and isinstance(offsets, bytes)
        ):
            return None
        blocks = array(cls._OFFSETS)
        try:
            blocks.frombytes(offsets)
        except ValueError:
            return None
        if len(blocks) != len(heads) + 1 or not text.startswith("\n") or blocks[-1] != len(text):
            return None
        made = cls.__new__(cls)
        made._count, made._text, made._heads, made._blocks = count, text, heads, blocks
        return made


def load_sorted(
    name: str, package: str, source: Path, build: Callable[[], Iterable[str]]
) -> SortedText:
    """`load` for a `SortedText` of what `build` gives."""
    return load_as(
        name, package, source, SortedText.undump, lambda: SortedText(build()), SortedText.dump
    )


def load(name: str, package: str, source: Path, kind: type[T], build: Callable[[], T]) -> T:
    """The compiled form of `source` (a data file of `package`): read from the cache folder
    when it is there and of the right `kind`, else built and stored there."""
    return load_as(
        name,
        package,
        source,
        lambda value: value if isinstance(value, kind) else None,
        build,
        lambda value: value,
    )


def load_as(
    name: str,
    package: str,
    source: Path,
    decode: Callable[[object], T | None],
    build: Callable[[], T],
    encode: Callable[[T], object],
) -> T:
    """`load` for a value stored as `encode` makes it: what `decode` makes of the stored
    value, else (None: the file is of another format) built again and stored."""
    stat = source.stat()
    folder = package_folder(package)
    version = package_version(package, folder) if folder is not None else "unknown"
    cache = cache_folder()
    path = None
    if cache is not None:
        path = cache / f"{name}-{version}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
        try:
            value = decode(marshal.loads(path.read_bytes()))
            if value is not None:
                return value
        except (OSError, EOFError, ValueError, TypeError):
            pass
    built = build()
    if path is not None:
        try:
            data = marshal.dumps(encode(built))  # type: ignore[arg-type]
        except ValueError:
            return built  # a value marshal cannot store: built again next time
        _store(path, data)
        _prune(path, name)
    return built


KEPT_PER_NAME = 4
"""Compiled files kept of one word list: one per install in use (each venv's copy of a
package has its own modification time, so its own file), the most recently written first."""
STALE_SECONDS = 30 * 24 * 3600
"""A compiled file of any name older than this is deleted when another is written."""


def _prune(written: Path, name: str) -> None:
    """Keep the cache folder bounded: at most KEPT_PER_NAME files of `name`, and none older
    than STALE_SECONDS (the files of versions long gone)."""
    import contextlib
    import re
    import time

    mine = re.compile(rf"{re.escape(name)}-[^-]+-\d+-\d+\.marshal")
    try:
        found = [(entry.stat().st_mtime, entry) for entry in written.parent.iterdir()]
    except OSError:
        return
    found.sort(reverse=True)
    now, kept = time.time(), 0
    for mtime, entry in found:
        if entry == written or not entry.name.endswith(".marshal"):
            continue
        if mine.fullmatch(entry.name):
            kept += 1
            if kept < KEPT_PER_NAME and now - mtime < STALE_SECONDS:
                continue
        elif now - mtime < STALE_SECONDS:
            continue
        with contextlib.suppress(OSError):
            entry.unlink()


def _store(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename."""
    import tempfile  # only a first run writes: its import is no cost of the others

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
