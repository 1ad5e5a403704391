"""The per-user cache folder, where the link cache, the compiled word lists, the rule tables
and the console script's code cache are kept."""

from __future__ import annotations

import os
import sys


def user_cache_dir() -> str:
    """The platform's per-user cache folder for awesomelint: `$XDG_CACHE_HOME/awesomelint`
    (else `~/.cache/awesomelint`), `~/Library/Caches/awesomelint` on macOS and
    `%LOCALAPPDATA%\\awesomelint` on Windows. A string: the console script starts without
    pathlib."""
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "awesomelint")
