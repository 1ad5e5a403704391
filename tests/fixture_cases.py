"""Reading rule fixture files: title, input, expected findings, expected fixed output."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path

RULE_FIXTURES = Path(__file__).parent / "fixtures" / "rules"
_SPACE_MARK = "\u2420"  # a visible stand-in for a trailing space


@dc.dataclass(frozen=True)
class Case:
    file: Path
    title: str
    line: int
    flags: frozenset[str]
    source: str
    findings: tuple[str, ...]
    """`line:col CODE` strings, in order."""
    fixed: str | None
    """The expected text after `fix`; None when the case says `=` (unchanged)."""

    @property
    def id(self) -> str:
        return f"{self.file.stem}:{self.line}:{self.title}"


def _block(lines: list[str], pos: int, file: Path) -> tuple[list[str], int]:
    body: list[str] = []
    while pos < len(lines) and lines[pos] != ".":
        body.append(lines[pos].replace(_SPACE_MARK, " "))
        pos += 1
    if pos >= len(lines):
        raise ValueError(f"{file}: unterminated block starting near line {pos}")
    return body, pos + 1


def read_cases(file: Path) -> list[Case]:
    lines = file.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    pos = 0
    while pos < len(lines):
        if not lines[pos].strip():
            pos += 1
            continue
        start = pos
        title = lines[pos].strip()
        pos += 1
        flags: set[str] = set()
        while pos < len(lines) and lines[pos].startswith("# "):
            flags.add(lines[pos][2:].strip())
            pos += 1
        if pos >= len(lines) or lines[pos] != ".":
            raise ValueError(f"{file}:{pos + 1}: expected '.' after the case title {title!r}")
        source, pos = _block(lines, pos + 1, file)
        findings, pos = _block(lines, pos, file)
        fixed, pos = _block(lines, pos, file)
        cases.append(
            Case(
                file=file,
                title=title,
                line=start + 1,
                flags=frozenset(flags),
                source="\n".join(source) + "\n",
                findings=tuple(f.strip() for f in findings if f.strip()),
                fixed=None if fixed == ["="] else "\n".join(fixed) + "\n",
            )
        )
    return cases


def all_cases() -> list[Case]:
    return [case for file in sorted(RULE_FIXTURES.glob("*.md")) for case in read_cases(file)]
