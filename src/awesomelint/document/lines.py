"""Line and column lookup for character offsets in a text."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps character offsets to 1-based (line, column) and back."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 0-based line `line` (or the text's end)."""
        if line >= len(self._starts):
            return self._length
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the newline ending 0-based line `line` (or the text's end)."""
        if line + 1 >= len(self._starts):
            return self._length
        return self._starts[line + 1] - 1
