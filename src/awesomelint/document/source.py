"""Reading list files: bytes to text with the newline style and byte-order mark recorded."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path

from awesomelint.errors import InputError

_BOM = "\ufeff"
_BINARY_SNIFF = 8192


@dc.dataclass(frozen=True, slots=True)
class Source:
    path: Path
    text: str
    """Decoded text with "\\n" newlines and no byte-order mark."""
    newline: str
    bom: bool

    def restore(self, text: str) -> str:
        """Turn normalised text back into the file's own newline style and BOM."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return _BOM + text if self.bom else text


def decode(data: bytes, path: Path) -> Source:
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{path}: binary file (it contains NUL bytes), not Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"{path}:{line}: invalid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
        ) from None
    bom = text.startswith(_BOM)
    if bom:
        text = text[1:]
    first_lf = text.find("\n")
    newline = "\r\n" if first_lf > 0 and text[first_lf - 1] == "\r" else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=path, text=text, newline=newline, bom=bom)


def read(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    return decode(data, path)
