"""Writing a fixed file back: atomically, and only if that respects the file.

The new text goes to a temporary file in the same folder, named `.awesomelint-NAME.PID.HEX.tmp`,
which is synced, given the file's mode, owner and group, and renamed over the file, so a crash
leaves the old file or the new one. A run killed in between leaves its temporary file behind;
the next `fix` removes such files when their process is gone or they are over an hour old.

A file is not written (`WriteError`, one line naming it) when

- it changed on disk since it was read (its bytes are compared just before the rename): a
  human edit made while `fix` runs is not overwritten;
- it has other hard links: a rename would split it from them. `allow_hard_links` writes it
  in place instead, through the shared inode; that write is not atomic;
- it is reached through a symbolic link that leads out of the checked tree (the working
  directory, the project root, the paths named on the command line, the link's own folder),
  unless `allow_outside_symlinks`;
- its owner or group cannot be kept (a replacement would belong to whoever runs `fix`).
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from awesomelint.document.model import FileStamp
from awesomelint.errors import WriteError

TEMP_PREFIX = ".awesomelint-"
TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 3600.0
"""A temporary file this old is stale even if a process with its pid is running (pids are
reused); one whose process is gone is stale at once."""
_TEMP_NAME = re.compile(
    re.escape(TEMP_PREFIX) + r".*\.(?P<pid>[0-9]+)\.[0-9a-f]{8,}" + re.escape(TEMP_SUFFIX)
)
_NAME_KEPT = 100
"""Characters of the file's name kept in its temporary file's name (names are limited)."""


@dc.dataclass(frozen=True, slots=True)
class WritePolicy:
    roots: tuple[Path, ...] = ()
    """Where a symbolic link may lead, besides the link's own folder (and below)."""
    allow_hard_links: bool = False
    allow_outside_symlinks: bool = False


def temporary_name(path: Path) -> str:
    token = os.urandom(4).hex()  # what secrets.token_hex(4) returns, without its imports
    return f"{TEMP_PREFIX}{path.name[:_NAME_KEPT]}.{os.getpid()}.{token}{TEMP_SUFFIX}"


def _process_gone(pid: int) -> bool:
    if os.name == "nt" or pid == os.getpid():
        return False  # os.kill would end the process there; and our own files are not stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's) or cannot be told
    return False


def remove_stale_temporaries(files: Iterable[Path], now: float | None = None) -> list[Path]:
    """Remove the temporary files that killed runs left beside `files` (in the folders that
    hold their real paths, where they are written); return what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    for folder in dict.fromkeys(Path(os.path.realpath(f)).parent for f in files):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            match = _TEMP_NAME.fullmatch(entry.name)
            if match is None:
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
                if old or _process_gone(int(match["pid"])):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    return any(path.is_relative_to(Path(os.path.realpath(root))) for root in roots)


def _check_symlink(path: Path, target: Path, policy: WritePolicy) -> None:
    named = Path(os.path.abspath(path))
    if named == target or policy.allow_outside_symlinks:
        return
    if not _inside(target, (*policy.roots, named.parent)):
        raise WriteError(
            f"{path}: a symbolic link to {target}, outside the checked tree; not written "
            "(--allow-outside-symlinks writes through it)"
        )


def _check_unchanged(path: Path, target: Path, stamp: FileStamp | None, data: bytes) -> bool:
    """Raise unless the file still holds the bytes it held when it was read, or already holds
    `data` (another name of it was just written: then True, nothing is left to write)."""
    if stamp is None:
        return False
    try:
        with open(target, "rb") as handle:
            current = handle.read(max(stamp.size, len(data)) + 1)
    except OSError as err:
        raise WriteError(
            f"{path}: cannot read it again ({err.strerror or err}); not written"
        ) from None
    if len(current) == stamp.size and hashlib.sha256(current).digest() == stamp.digest:
        return False
    if current == data:
        return True
    raise WriteError(f"{path}: changed on disk since it was read; not written (run fix again)")


def _keep_owner(path: Path, temporary: str, st: os.stat_result) -> None:
    if not hasattr(os, "chown"):
        return
    if (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temporary, st.st_uid, st.st_gid)
    except PermissionError:
        raise WriteError(
            f"{path}: owned by uid {st.st_uid} and gid {st.st_gid}, which a rewritten file "
            f"cannot keep when written by uid {os.geteuid()}; not written"
        ) from None


def _write_in_place(path: Path, target: Path, data: bytes, stamp: FileStamp | None) -> None:
    fd = os.open(target, os.O_WRONLY)
    try:
        if _check_unchanged(path, target, stamp, data):
            return
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(
    path: Path, data: bytes, *, stamp: FileStamp | None = None, policy: WritePolicy | None = None
) -> None:
    """Replace the file at `path` by `data` (see the module docs); `stamp` is the file as it
    was read. A symbolic link is followed: the file it points to is replaced, the link stays.
    Raises WriteError when the file is not written on purpose, OSError when writing fails."""
    policy = policy or WritePolicy()
    target = Path(os.path.realpath(path))
    _check_symlink(path, target, policy)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path}: no longer a regular file; not written")
    if st is not None and st.st_nlink > 1:
        if not policy.allow_hard_links:
            raise WriteError(
                f"{path}: has {st.st_nlink} hard links, which replacing it would break; not "
                "written (--allow-hard-links rewrites it in place, not atomically)"
            )
        _write_in_place(path, target, data, stamp)
        return
    temporary = str(target.parent / temporary_name(target))
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if st is not None:
            _keep_owner(path, temporary, st)
        os.chmod(temporary, stat.S_IMODE(st.st_mode) if st is not None else 0o644)
        if _check_unchanged(path, target, stamp, data):
            os.unlink(temporary)
            return
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` so that a crash leaves either the old or the new file."""
    write_file(path, data)
