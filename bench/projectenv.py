"""The project's folders, and running a bench script under the project's virtual environment."""

from __future__ import annotations

import os
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
"""Generated lists, results and the peers' node_modules; git-ignored."""


def ensure_project_python(script: str, name: str) -> None:
    """Re-run `script` under the project's venv when this interpreter cannot import awesomelint.

    Looks in `$VIRTUAL_ENV`, then `.venv/` and `venv/` in the repository.
    """
    try:
        import awesomelint  # noqa: F401
    except ImportError:
        pass
    else:
        return
    flag = f"AWESOMELINT_{name.upper()}_REEXEC"
    candidates = [
        Path(os.environ["VIRTUAL_ENV"]) / "bin" / "python" if "VIRTUAL_ENV" in os.environ else None,
        REPO / ".venv" / "bin" / "python",
        REPO / "venv" / "bin" / "python",
    ]
    for candidate in candidates:
        if candidate is not None and candidate.exists() and not os.environ.get(flag):
            print(f"{name}: re-running under {candidate}", file=sys.stderr)
            os.environ[flag] = "1"
            os.execv(candidate, [str(candidate), str(Path(script).resolve()), *sys.argv[1:]])
    sys.exit(
        f"{name}: awesomelint is not importable from this Python; install it in this "
        "environment (`python -m pip install -e .`) or set VIRTUAL_ENV"
    )
