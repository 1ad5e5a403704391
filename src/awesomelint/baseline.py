"""A baseline: the findings a list had when it adopted awesomelint, so only new ones fail.

Each finding is recorded by file, rule and the text of its line (stripped), with a count, not
by line number: an edit elsewhere in the file moves lines but leaves the record matching.
Entries that match no finding any more (the finding was fixed, or its line edited) are stale
and reported, for files and rules the run checked.
"""

from __future__ import annotations

import dataclasses as dc
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from awesomelint.diagnostics import Finding
from awesomelint.errors import ConfigError
from awesomelint.report import RunResult

FORMAT_KEY = "awesomelint-baseline"
VERSION = 1
Key = tuple[str, str, str]
"""(path relative to the baseline's folder, rule code, stripped line text)."""


def _line_text(finding: Finding, sources: Mapping[Path, str]) -> str:
    text = sources.get(finding.path, "")
    lines = text.split("\n")
    return lines[finding.line - 1].strip() if 1 <= finding.line <= len(lines) else ""


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()


def _key(finding: Finding, sources: Mapping[Path, str], folder: Path) -> Key:
    return (_relative(finding.path, folder), finding.code, _line_text(finding, sources))


def write_baseline(result: RunResult, path: Path) -> int:
    """Record every finding of `result` in `path` (atomically); returns how many."""
    folder = path.absolute().parent
    counts = Counter(_key(f, result.sources, folder) for f in result.findings)
    rows = [
        {"path": file, "code": code, "line": text, "count": count}
        for (file, code, text), count in sorted(counts.items())
    ]
    data = json.dumps({FORMAT_KEY: VERSION, "findings": rows}, indent=2, ensure_ascii=False)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(data + "\n")
        os.replace(temporary, path)
    except OSError as err:
        raise ConfigError(f"{path}: cannot write the baseline ({err.strerror or err})") from None
    return len(result.findings)


@dc.dataclass(frozen=True, slots=True)
class Baseline:
    path: Path
    counts: Mapping[Key, int]

    @property
    def folder(self) -> Path:
        return self.path.absolute().parent


def read_baseline(path: Path) -> Baseline:
    """The baseline in `path`; ConfigError naming the file when it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such baseline file (write one with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: not a baseline file ({err})") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != VERSION:
        raise ConfigError(f"{path}: not an awesomelint baseline (version {VERSION})")
    counts: Counter[Key] = Counter()
    rows = data.get("findings", [])
    for number, row in enumerate(rows if isinstance(rows, list) else [None], 1):
        if not isinstance(row, dict):
            raise ConfigError(f"{path}: finding {number}: expected path, code, line and count")
        fields = (row.get("path"), row.get("code"), row.get("line"), row.get("count"))
        if not all(isinstance(v, str) for v in fields[:3]):
            raise ConfigError(f"{path}: finding {number}: expected path, code, line and count")
        count = fields[3]
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ConfigError(f"{path}: finding {number}: count must be a whole number >= 1")
        counts[(str(fields[0]), str(fields[1]), str(fields[2]))] += count
    return Baseline(path, counts)


def apply_baseline(
    result: RunResult, baseline: Baseline, codes: Iterable[str], *, stale_notes: bool = True
) -> RunResult:
    """`result` without the findings the baseline records, with notes saying how many were
    left out and which entries are stale (for the checked files and the rules that ran; not
    when the run reported only some lines, as with `--since`)."""
    left = Counter(baseline.counts)
    kept: list[Finding] = []
    for finding in result.findings:
        key = _key(finding, result.sources, baseline.folder)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(finding)
    known = len(result.findings) - len(kept)
    checked = {_relative(path, baseline.folder) for path in result.sources}
    ran = set(codes)
    stale = sorted(
        (key, count)
        for key, count in left.items()
        if count > 0 and key[0] in checked and key[1] in ran
    )
    notes = list(result.notes)
    if known:
        notes.append(f"{known} finding{'s' if known > 1 else ''} in the baseline not shown.")
    if stale and stale_notes:
        total = sum(count for _, count in stale)
        shown = "; ".join(f"{file} {code} {text[:60]!r}" for (file, code, text), _ in stale[:5])
        more = f"; and {len(stale) - 5} more" if len(stale) > 5 else ""
        notes.append(
            f"{total} stale baseline entr{'ies' if total > 1 else 'y'} in {baseline.path} match "
            f"no finding (fixed or edited; --write-baseline refreshes it): {shown}{more}."
        )
    return dc.replace(result, findings=tuple(kept), notes=tuple(notes))
