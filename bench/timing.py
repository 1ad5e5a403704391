"""Timing: best-of and interleaved in-process runs, subprocess wall times, times as text."""

from __future__ import annotations

import dataclasses as dc
import gc
import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


@dc.dataclass(slots=True)
class Timing:
    samples: list[float]

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def label(self) -> str:
        return f"best of {len(self.samples)}" if len(self.samples) > 1 else "1 run"

    def as_json(self) -> dict[str, Any]:
        return {"best": self.best, "median": self.median, "samples": self.samples}


def best_of(
    fn: Callable[[], object], repeat: int, warmup: int = 1, budget: float | None = None
) -> Timing:
    """Up to `repeat` timed runs after `warmup` untimed ones; fewer when `budget` seconds
    have been spent (the slow fix measurements on a busy 2-core machine)."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
        if budget is not None and sum(samples) >= budget:
            break
    return Timing(samples)


def interleaved(
    fns: Sequence[Callable[[], object]],
    repeat: int,
    warmup: int = 1,
    budget: float | None = None,
) -> list[Timing]:
    """`best_of` for several functions run in turns (A B A B ...), so that a change in the
    machine's load during the measurement hits all of them alike and their ratio holds."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, own in zip(fns, samples, strict=True):
            gc.collect()
            start = time.perf_counter()
            fn()
            own.append(time.perf_counter() - start)
        if budget is not None and sum(map(sum, samples)) >= budget:
            break
    return [Timing(own) for own in samples]


@dc.dataclass(slots=True)
class Wall:
    timing: Timing | None
    returncode: int | None
    stdout: str
    stderr: str
    error: str | None = None


def wall_time(
    cmd: Sequence[str],
    *,
    runs: int,
    cwd: Path | None = None,
    warmup: int = 1,
    timeout: float = 300,
) -> Wall:
    """Median-ready wall times of a subprocess, interpreter or Node start-up included."""
    samples: list[float] = []
    proc: subprocess.CompletedProcess[str] | None = None
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    try:
        for index in range(warmup + runs):
            start = time.perf_counter()
            proc = subprocess.run(
                cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False
            )
            elapsed = time.perf_counter() - start
            if index >= warmup:
                samples.append(elapsed)
    except (OSError, subprocess.TimeoutExpired) as err:
        return Wall(None, None, "", "", f"{type(err).__name__}: {err}")
    assert proc is not None
    return Wall(Timing(samples), proc.returncode, proc.stdout, proc.stderr)


def fmt_s(seconds: float) -> str:
    """`464 ms` below a second, `2.62 s` above."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
