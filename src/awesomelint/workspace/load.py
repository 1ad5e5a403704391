"""Reading and parsing the files a run names, keeping going past the ones that cannot be read."""

from __future__ import annotations

import contextlib
import dataclasses as dc
import fnmatch
from collections.abc import Sequence
from pathlib import Path

from awesomelint.diagnostics import FileError
from awesomelint.document import source
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.errors import InputError, ParseCrashed
from awesomelint.workspace.discover import discover

DEFAULT_PATHS = (Path("lists"),)


@dc.dataclass(frozen=True, slots=True)
class Loaded:
    """The parsed documents of a run, and the files that could not be read."""

    documents: tuple[ParsedDocument, ...]
    errors: tuple[FileError, ...]


def _excluded(path: Path, patterns: Sequence[str], root: Path | None) -> bool:
    if not patterns:
        return False
    names = {path.as_posix()}
    if root is not None:
        with contextlib.suppress(ValueError):
            names.add(path.resolve().relative_to(root.resolve()).as_posix())
    return any(fnmatch.fnmatch(name, pattern) for name in names for pattern in patterns)


def load(
    paths: Sequence[Path],
    exclude: Sequence[str] = (),
    root: Path | None = None,
    max_file_size: int | None = source.DEFAULT_MAX_FILE_SIZE,
) -> Loaded:
    """Read and parse every Markdown file under `paths`, keeping going past bad files
    (special files, files over `max_file_size` bytes: None for no limit)."""
    files, errors = targets(paths, exclude, root)
    documents = []
    for path in files:
        loaded = load_one(path, max_file_size)
        if isinstance(loaded, FileError):
            errors.append(loaded)
        else:
            documents.append(loaded)
    return Loaded(tuple(documents), tuple(errors))


def targets(
    paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None
) -> tuple[list[Path], list[FileError]]:
    """The Markdown files under `paths` that are not excluded, and the paths not found."""
    files, missing = discover(paths or DEFAULT_PATHS)
    errors = [FileError(Path(str(err).split(":", 1)[0]), str(err)) for err in missing]
    return [path for path in files if not _excluded(path, exclude, root)], errors


def load_one(path: Path, max_file_size: int | None) -> ParsedDocument | FileError:
    """One file read and parsed, or the one-line error saying why it could not be."""
    try:
        return parse_source(source.read(path, max_file_size))
    except InputError as err:
        return FileError(path, str(err))
    except Exception as err:  # noqa: BLE001 - a parser bug costs this file only
        return parse_failure(path, err)


def parse_failure(path: Path, err: Exception) -> FileError:
    """The one-line error for a file whose parsing raised, with the line when known."""
    if isinstance(err, ParseCrashed):
        where = f"{path}:{err.line}" if err.line is not None else str(path)
        what = str(err)
    else:
        where, what = str(path), f"{type(err).__name__}: {err}"
    return FileError(
        path, f"{where}: internal error while parsing: {what}; please report this as a bug"
    )
