"""The speed a user feels, each figure a ratio of two whole processes timed in turns.

Every measurement runs two commands (ours and its reference) one after the other, several
rounds, after one untimed round; the ratio is of the two fastest runs (the runs least slowed
by other work on the machine). Medians are kept in results.json. The subprocesses run with
PYTHONDONTWRITEBYTECODE unset, so that the project's modules are read from their compiled
`.pyc` files as in an installed copy.
"""

from __future__ import annotations

import dataclasses as dc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from commands import find_tool, tail
from projectenv import OUT_DIR

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
"""Real lists kept beside the repository; the corpus rows are left out when it is absent."""
CORPUS_LIST = "hee9joon__Awesome-Diffusion-Models.md"
"""The largest corpus list (729 KB)."""
MANY_FILES = 50
MANY_ENTRIES = 500
"""About 100 KB per generated list."""

PARSE = (
    "import sys; from markdown_it import MarkdownIt; "
    "MarkdownIt('commonmark').enable('table').parse(open(sys.argv[1], encoding='utf-8').read())"
)


@dc.dataclass(slots=True)
class Ratio:
    name: str
    ours: str
    reference: str
    target: float
    ratio: float | None = None
    ours_s: list[float] = dc.field(default_factory=list)
    reference_s: list[float] = dc.field(default_factory=list)
    note: str = ""

    @property
    def met(self) -> str:
        if self.ratio is None:
            return "not run"
        return "yes" if self.ratio <= self.target else "no"

    def as_json(self) -> dict[str, Any]:
        medians = {
            "ours_median": statistics.median(self.ours_s) if self.ours_s else None,
            "reference_median": statistics.median(self.reference_s) if self.reference_s else None,
        }
        return {**dc.asdict(self), **medians, "met": self.met}


@dc.dataclass(slots=True)
class Run:
    seconds: float
    cpu: float
    """User and system time of the process and its children."""
    returncode: int
    stdout: str
    stderr: str


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env=env or _env(), timeout=900, check=False
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, cpu, proc.returncode, proc.stdout, proc.stderr)


Step = Callable[[], Run]


def in_turns(
    ratio: Ratio, ours: Step, reference: Step, rounds: int, ok: Sequence[int] = (0, 1)
) -> tuple[Run, Run]:
    """Time `ours` and `reference` in turns; fills `ratio`; the last run of each."""
    last = (ours(), reference())  # warm-up: page cache, .pyc files, the rules cache
    for _ in range(rounds):
        last = (ours(), reference())
        for got, into in zip(last, (ratio.ours_s, ratio.reference_s), strict=True):
            if got.returncode not in ok:
                ratio.note = f"exit {got.returncode}: {tail(got.stderr or got.stdout)}"
                return last
            into.append(got.seconds)
    ratio.ratio = min(ratio.ours_s) / min(ratio.reference_s)
    return last


def _script(name: str) -> str:
    found = find_tool(name)
    if found is None:
        raise RuntimeError(f"{name} not found beside {sys.executable} or on the PATH")
    return str(found)


def start_up(rounds: int) -> list[Ratio]:
    """`awesomelint --version` and `awesomelint rules` against `python -c pass`."""
    tool = _script("awesomelint")
    bare = [sys.executable, "-c", "pass"]
    found = []
    for args in (["--version"], ["rules"]):
        shown = " ".join(args)
        ratio = Ratio(f"`awesomelint {shown}` / `python -c pass`", shown, "python -c pass", 3.0)
        in_turns(ratio, lambda args=args: run([tool, *args]), lambda: run(bare), rounds)
        found.append(ratio)
    return found


def typical_check(typical: Path, rounds: int) -> Ratio:
    """`check --offline` against codespell on the same 50 KB list."""
    ratio = Ratio(
        "`check --offline` typical 50 KB list / `codespell` on it",
        f"awesomelint check --offline {typical.name}",
        f"codespell {typical.name}",
        1.5,
    )
    ours, _ = in_turns(
        ratio,
        lambda: run([_script("awesomelint"), "check", "--offline", str(typical)]),
        lambda: run([_script("codespell"), str(typical)]),
        rounds,
        ok=(0, 1, 65),
    )
    ratio.note = ratio.note or tail(ours.stdout)
    return ratio


def huge_check(huge: Path, rounds: int) -> Ratio:
    """`check --offline` against markdown-it-py's parse alone, whole processes both."""
    ratio = Ratio(
        "`check --offline` 10,000-entry list / markdown-it-py parse of it",
        f"awesomelint check --offline {huge.name}",
        'python -c \'MarkdownIt("commonmark").enable("table").parse(text)\'',
        1.2,
    )
    ours, _ = in_turns(
        ratio,
        lambda: run([_script("awesomelint"), "check", "--offline", str(huge)]),
        lambda: run([sys.executable, "-c", PARSE, str(huge)]),
        rounds,
    )
    ratio.note = ratio.note or tail(ours.stdout)
    return ratio


def fix_against_check(source: Path, label: str, rounds: int) -> list[Ratio]:
    """`fix --offline` against `check --offline`, each run on a fresh copy of `source`; then
    both on the fixed copy, where fix has nothing left to do."""
    tool = _script("awesomelint")
    work = OUT_DIR / "fixcopy"
    work.mkdir(parents=True, exist_ok=True)
    copy = work / source.name

    def fresh_fix() -> Run:
        shutil.copyfile(source, copy)
        return run([tool, "fix", "--offline", str(copy)])

    def fresh_check() -> Run:
        shutil.copyfile(source, copy)
        return run([tool, "check", "--offline", str(copy)])

    fixing = Ratio(f"`fix` / `check`, {label}", "fix --offline", "check --offline", 1.5)
    fixed, _ = in_turns(fixing, fresh_fix, fresh_check, rounds)
    fixing.note = fixing.note or tail(fixed.stdout)
    shutil.copyfile(source, copy)
    run([tool, "fix", "--offline", str(copy)])
    idle = Ratio(
        f"`fix` with nothing to fix / `check`, {label} once fixed",
        "fix --offline",
        "check --offline",
        1.0,
    )
    done, _ = in_turns(
        idle,
        lambda: run([tool, "fix", "--offline", str(copy)]),
        lambda: run([tool, "check", "--offline", str(copy)]),
        rounds,
    )
    idle.note = idle.note or tail(done.stdout)
    return [fixing, idle]


def corpus_fix(rounds: int) -> list[Ratio]:
    path = CORPUS / CORPUS_LIST
    if not path.exists():
        return []
    return fix_against_check(path, f"real 729 KB list ({CORPUS_LIST})", rounds)


def many_files(rounds: int) -> Ratio:
    """`check --offline` of 50 lists of 100 KB with the process pool, against one process."""
    from generate import generate

    folder = OUT_DIR / "many"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(MANY_FILES):
        path = folder / f"list{index:02d}.md"
        if not path.exists():
            path.write_text(generate(MANY_ENTRIES, 1000 + index), encoding="utf-8")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ratio = Ratio(
        f"`check --offline` of {MANY_FILES} lists of 100 KB, {cores} cores / one process",
        "awesomelint check --offline many/",
        "AWESOMELINT_JOBS=1 awesomelint check --offline many/",
        0.75 if (cores or 1) > 1 else 1.0,
    )
    cmd = [_script("awesomelint"), "check", "--offline", str(folder)]
    pooled, serial = in_turns(
        ratio, lambda: run(cmd), lambda: run(cmd, {**_env(), "AWESOMELINT_JOBS": "1"}), rounds
    )
    same = "same output" if pooled.stdout == serial.stdout else "OUTPUT DIFFERS"
    main, others = cpu_split(["check", "--offline", str(folder)], _env(), rounds)
    alone, _ = cpu_split(
        ["check", "--offline", str(folder)], {**_env(), "AWESOMELINT_JOBS": "1"}, 1
    )
    ratio.note = ratio.note or (
        f"{same}; CPU time / wall time {pooled.cpu / pooled.seconds:.2f} (pool) and "
        f"{serial.cpu / serial.seconds:.2f} (one process); CPU s: pool {main:.2f} main + "
        f"{others:.2f} others, one process {alone:.2f}; on free cores "
        f">= {max(main, (main + others) / 2) / alone:.2f}"
    )
    return ratio


CPU_SPLIT = """import atexit, os, sys, time
def said():
    t = os.times()
    print(f"cpu-split {time.process_time()} {t.children_user + t.children_system}", file=sys.stderr)
atexit.register(said)
sys.argv = ["awesomelint", *sys.argv[1:]]
from awesomelint.launch import main
main()
"""
"""The CLI in a process that says, as it exits, its own CPU time and its children's."""


def cpu_split(args: Sequence[str], env: dict[str, str], rounds: int) -> tuple[float, float]:
    """The least CPU time of the main process over `rounds` runs, and its children's then.

    The main process parses its share of the files while the pool parses the rest, then runs
    the project rules, the later half of them in a process beside it. On free cores the wall
    time is at least its CPU time and at least half of all the CPU time, whatever other work
    slows the measured runs; about the larger of the two when the process beside it finishes
    first (on the generated lists: the duplicate rules here take longer than misspelling)."""
    splits = []
    for _ in range(rounds):
        got = run([sys.executable, "-c", CPU_SPLIT, *args], env)
        said = [line for line in got.stderr.splitlines() if line.startswith("cpu-split ")]
        if said:
            main, children = said[-1].split()[1:]
            splits.append((float(main), float(children)))
    return min(splits) if splits else (float("nan"), float("nan"))
