"""The compiled-code cache of the console script: what a later run builds of cached code is
what Python builds of the source, and a missing, damaged or foreign cache file is no error."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

from awesomelint import codecache

# Builds record types and regular expressions, with the cache installed or not, and prints
# what they are and do.
PROBE = r"""
import json, re, sys
from awesomelint import codecache
if sys.argv[1] == "cached":
    codecache.install(sys.argv[2])
import dataclasses as dc

@dc.dataclass(frozen=True, slots=True, order=True)
class Point:
    x: int
    y: str = "a"
    z: tuple[int, ...] = ()

patterns = [
    (r"(?P<id>\d{4}\.\d{4,5})(v\d+)?", 0, "see 2101.00001v2 and 1234.5678"),
    (r"^\s*#+\s+(.*?)\s*$", re.MULTILINE, "# One\n  ## Two  \ntext"),
    (r"straße|STRASSE", re.IGNORECASE, "Strasse STRASSE straße"),
    (rb"[\x80-\xff]+", 0, "caf\u00e9 na\u00efve".encode()),
    (r"(a)|(?P<b>b)", re.VERBOSE | re.DOTALL, "ab\nba"),
]
out = {"point": [repr(Point(1)), Point(1) < Point(2), hash(Point(3)) == hash(Point(3))]}
for i, (pattern, flags, text) in enumerate(patterns):
    rx = re.compile(pattern, flags)
    found = [(m.span(), m.groups()) for m in rx.finditer(text)]
    out[str(i)] = [rx.flags, rx.groups, dict(rx.groupindex), repr(found)]
def made_of(text):
    return re.compile(re.escape(text) + "+").findall(text + text[-1])
out["runtime"] = made_of(sys.argv[3] if len(sys.argv) > 3 else "x")
try:
    Point(1).x = 2
except dc.FrozenInstanceError:
    out["frozen"] = True
print(json.dumps(out, sort_keys=True))
"""


def _probe(how: str, folder: Path, *more: str) -> str:
    env = {**os.environ}
    env.pop(codecache.CACHE_ENV, None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, how, str(folder), *more],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_cached_code_builds_what_the_source_builds(tmp_path: Path) -> None:
    expected = _probe("plain", tmp_path)
    assert json.loads(expected)["frozen"] is True
    assert _probe("cached", tmp_path) == expected  # compiles and stores
    (stored,) = tmp_path.glob("code-*.marshal")
    assert stored == Path(codecache.cache_file(str(tmp_path)))
    size = stored.stat().st_size
    assert _probe("cached", tmp_path) == expected  # served from the file
    assert stored.stat().st_size == size  # nothing new to add
    # Patterns a function makes at run time (of the text it reads) are not kept.
    assert _probe("cached", tmp_path, "other text") == _probe("plain", tmp_path, "other text")
    assert stored.stat().st_size == size


def test_a_damaged_or_foreign_cache_file_is_compiled_again(tmp_path: Path) -> None:
    expected = _probe("plain", tmp_path)
    stored = Path(codecache.cache_file(str(tmp_path)))
    key = (r"(a)|(?P<b>b)", int(re.VERBOSE | re.DOTALL))
    programs = {
        key: marshal.dumps((0, [1, 2], 0, {}, ())),
        (r"^\s*#+\s+(.*?)\s*$", 8): marshal.dumps((0, [1])),
        (r"straße|STRASSE", 2): b"not marshal",
    }
    foreign = {"format": codecache.FORMAT, "code": {}, "re": programs}
    for damage in (b"not marshal", marshal.dumps([1, 2]), marshal.dumps(foreign)):
        stored.write_bytes(damage)
        assert _probe("cached", tmp_path) == expected
    assert _probe("cached", tmp_path) == expected


def test_the_check_prints_the_same_with_a_warm_cache(tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        "# Papers\n\n- **A Study of Langauge Models** [[arxiv]](http://arxiv.org/abs/2101.00001)\n",
        encoding="utf-8",
    )
    env = {**os.environ, codecache.CACHE_ENV: str(tmp_path / "code")}
    command = [sys.executable, "-m", "awesomelint", "check", "--offline", str(listing)]
    runs = [
        subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        for _ in range(3)
    ]
    assert list(tmp_path.glob("code/code-*.marshal"))
    assert {(run.returncode, run.stdout, run.stderr) for run in runs} == {
        (runs[0].returncode, runs[0].stdout, runs[0].stderr)
    }
    assert "TYP001" in runs[0].stdout and "URL001" in runs[0].stdout


def _saved(path: Path) -> dict[str, object]:
    stored: dict[str, object] = marshal.loads(path.read_bytes())
    return stored


def test_an_entry_no_recent_run_used_is_dropped(tmp_path: Path) -> None:
    """A pattern whose text differs on every run (one made from a set, in the set's order)
    must not pile up: the file would grow by an entry a run, and be read at every start."""
    path = tmp_path / "code.marshal"
    stable = ("[ab]", 0)
    for run in range(3 * codecache.KEEP_RUNS):
        store = codecache._Store(str(path), _saved(path) if path.exists() else None)
        once = (f"[{run}]", 0)
        store.programs.update({stable: b"s", once: b"o"})
        store.used_programs = {stable, once}
        store.new = True
        store.save()
    programs = _saved(path)["re"]
    assert isinstance(programs, dict)
    assert stable in programs
    assert len(programs) == codecache.KEEP_RUNS + 1


def test_damaged_use_records_are_no_error(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    key = ("[ab]", 0)
    damaged = {"format": codecache.FORMAT, "code": {}, "re": {key: b"s"}, "saves": 3}
    for last_used in ({"re": {key: "three"}}, {"re": [1]}, "no"):
        store = codecache._Store(str(path), {**damaged, "last_used": last_used})
        store.new = True
        store.save()
        assert key in _saved(path)["re"]  # type: ignore[operator]
