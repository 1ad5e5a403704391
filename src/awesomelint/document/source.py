"""Reading list files: bytes to text with the encoding, newline style and byte-order mark
recorded, and a stamp of the file as read, so that a later write can tell whether it changed.

Only regular files are read. A named pipe, a device or a socket is refused from its `stat`,
and the file is opened non-blocking and checked again with `fstat` (it may have been swapped
in between), so that no path can make a run wait forever. Files over the size limit are
refused before they are read.
"""

from __future__ import annotations

import codecs
import dataclasses as dc
import hashlib
import os
import stat
from pathlib import Path

from awesomelint.document.model import FileStamp
from awesomelint.errors import InputError

_BOM = "\ufeff"
_BINARY_SNIFF = 8192
MB = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = 10 * MB
"""A few times the largest real list (730 KB); `max-file-size` in the configuration."""
# UTF-32's little-endian mark starts with UTF-16's: it is looked for first.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


@dc.dataclass(frozen=True, slots=True)
class Source:
    path: Path
    text: str
    """Decoded text with "\\n" newlines and no byte-order mark."""
    newline: str
    bom: bool
    encoding: str = "utf-8"
    """The codec the file is written back with: utf-8, or utf-16/32-le/be (always a BOM)."""
    stamp: FileStamp | None = None
    """The file as it was read; None for text that did not come from a file."""

    def restore(self, text: str) -> str:
        """Turn normalised text back into the file's own newline style and BOM."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return _BOM + text if self.bom else text

    def encode(self, text: str) -> bytes:
        """`text` (normalised) as the file's bytes: its newlines, BOM and encoding."""
        return self.restore(text).encode(self.encoding)


def format_size(size: int) -> str:
    for unit, name in ((MB, "MB"), (1024, "KB")):
        if size >= unit:
            return f"{size // unit} {name}" if size % unit == 0 else f"{size / unit:.1f} {name}"
    return f"{size} bytes"


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 without a BOM: NUL in nearly every other byte, on one side."""
    sample = data[:_BINARY_SNIFF]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(even, odd) >= 0.6 * half and min(even, odd) <= 0.05 * half


def _decode_unicode(data: bytes, path: Path) -> tuple[str, str] | None:
    """Text and codec of a file that starts with a UTF-16 or UTF-32 byte-order mark."""
    for mark, codec, name in _UNICODE_BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec), codec
            except UnicodeDecodeError as err:
                at = err.start + len(mark)
                raise InputError(
                    f"{path}: invalid {name} (at byte {at}); save the file as UTF-8"
                ) from None
    return None


def _nul_error(path: Path, line: int) -> InputError:
    return InputError(f"{path}:{line}: binary file (it contains a NUL byte), not Markdown")


def _decode_utf8(data: bytes, path: Path) -> str:
    # A NUL anywhere makes the file binary, not only in its first kilobytes: where it sits
    # must not decide, or a fix that shortens the text would make its own output unreadable.
    nul = data.find(b"\x00")
    if nul >= 0:
        if _utf16_without_bom(data):
            raise InputError(
                f"{path}: UTF-16 without a byte-order mark; save the file as UTF-8 "
                "(or as UTF-16 with a byte-order mark)"
            )
        raise _nul_error(path, data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"{path}:{line}: invalid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
        ) from None


def decode(data: bytes, path: Path, stamp: FileStamp | None = None) -> Source:
    """The file's bytes as a Source; InputError, naming the file, for bytes that are not text."""
    unicode = _decode_unicode(data, path)
    if unicode is not None:
        (text, encoding), bom = unicode, True
        nul = text.find("\x00")
        if nul >= 0:
            raise _nul_error(path, text.count("\n", 0, nul) + 1)
    else:
        text, encoding = _decode_utf8(data, path), "utf-8"
        bom = text.startswith(_BOM)
        if bom:
            text = text[1:]
    return from_text(text, path, bom=bom, encoding=encoding, stamp=stamp)


def from_text(
    text: str,
    path: Path,
    *,
    bom: bool = False,
    encoding: str = "utf-8",
    stamp: FileStamp | None = None,
) -> Source:
    """Text already decoded (any character allowed) as a Source, its newlines normalised."""
    first_lf = text.find("\n")
    newline = "\r\n" if first_lf > 0 and text[first_lf - 1] == "\r" else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=path, text=text, newline=newline, bom=bom, encoding=encoding, stamp=stamp)


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    what = next((name for test, name in kinds if test(mode)), "a special file")
    return f"not a regular file ({what}); not read"


def _refuse(path: Path, st: os.stat_result, max_size: int | None) -> None:
    problem = _kind(st.st_mode)
    if problem is not None:
        raise InputError(f"{path}: {problem}")
    if max_size is not None and st.st_size > max_size:
        raise InputError(_too_large(path, st.st_size, max_size))


def _too_large(path: Path, size: int, max_size: int) -> str:
    return (
        f"{path}: {format_size(size)}, over the {format_size(max_size)} limit "
        "(max-file-size); not read"
    )


def _os_error(path: Path, err: OSError) -> InputError:
    if isinstance(err, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{path}: is a directory, not a file")
    return InputError(f"{path}: cannot read ({err.strerror or err})")


def read(path: Path, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> Source:
    """Read and decode a regular file of at most `max_size` bytes (None: any size)."""
    data, st = read_regular(path, max_size)
    stamp = FileStamp(
        device=st.st_dev,
        inode=st.st_ino,
        size=len(data),
        mtime_ns=st.st_mtime_ns,
        digest=hashlib.sha256(data).digest(),
    )
    return decode(data, path, stamp)


def read_regular(path: Path, max_size: int | None) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most `max_size` bytes, and its `fstat`; InputError
    for anything else (see the module docs)."""
    try:
        _refuse(path, os.stat(path), max_size)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise _os_error(path, err) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            _refuse(path, st, max_size)
            data = handle.read() if max_size is None else handle.read(max_size + 1)
    except OSError as err:
        raise _os_error(path, err) from None
    if max_size is not None and len(data) > max_size:
        raise InputError(_too_large(path, len(data), max_size))
    return data, st
