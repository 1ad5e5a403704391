"""What the bench runs on: CPU, load, Python, Node, awesomelint's version and commit."""

from __future__ import annotations

import os
import platform
import re
import shutil
from pathlib import Path
from typing import Any

from commands import run_quiet
from projectenv import REPO


def node_major() -> int | None:
    """Node's major version, or None when there is no `node`."""
    if shutil.which("node") is None:
        return None
    version = run_quiet(["node", "--version"]) or ""
    match = re.match(r"v(\d+)", version)
    return int(match.group(1)) if match else None


def machine() -> dict[str, Any]:
    import markdown_it

    import awesomelint

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = run_quiet(["node", "--version"]) if shutil.which("node") else None
    head = (
        run_quiet(["git", "rev-parse", "--short", "HEAD"], cwd=REPO)
        if shutil.which("git")
        else None
    )
    dirty = run_quiet(["git", "status", "--porcelain", "--", "src"], cwd=REPO) if head else None
    return {
        "commit": f"{head}{' + uncommitted changes in src/' if dirty else ''}" if head else None,
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "node": node,
        "awesomelint": awesomelint.__version__,
        "markdown_it_py": getattr(markdown_it, "__version__", "?"),
    }
