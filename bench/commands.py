"""Running commands for the bench: quiet runs, output tails, tools found or pip-installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def run_quiet(cmd: Sequence[str], timeout: float = 60, cwd: Path | None = None) -> str | None:
    """The stripped stdout of `cmd`, or None when it fails or cannot run."""
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def tail(text: str, limit: int = 160) -> str:
    """The last non-blank line of `text`, cut to `limit` characters."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "")[:limit]


def find_tool(name: str) -> Path | None:
    """The command `name` beside this interpreter (the venv's bin/), else on the PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    return Path(found) if found else None


def pip_install_tool(name: str, requirement: str) -> tuple[Path | None, str]:
    """pip-install `requirement` into this venv for the command `name`; (path, why not)."""
    print(f"bench: pip install {requirement} ...", file=sys.stderr)
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", requirement]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, f"pip install {name} failed: {type(err).__name__}"
    beside = Path(sys.executable).parent / name
    if proc.returncode != 0 or not beside.exists():
        return None, f"pip install {name} failed: {tail(proc.stderr)}"
    return beside, ""
