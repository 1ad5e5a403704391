"""Leaving the console script without freeing its objects one by one.

At exit Python frees every object still alive, one at a time: a parse's tokens and entries, the
word lists, the modules. That is a sixth of a typical list's check and a tenth of a large
list's, spent on memory the operating system takes back at once. So the console script, once
its work is done, runs the exit handlers, flushes the standard streams and ends the process
with `os._exit` (as mypy does). Whatever it cannot vouch for exits the ordinary way: another
thread still running, a stream that does not flush, an exit code that is a message.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading

TYPE_CHECKING = False  # as in awesomelint/__init__.py: no typing module at start-up
if TYPE_CHECKING:
    from typing import NoReturn


def leave(code: object = None) -> NoReturn:
    """End the process as `sys.exit(code)` would, without the teardown."""
    if code is None:
        code = 0
    if not isinstance(code, int) or not 0 <= code <= 255 or threading.active_count() > 1:
        raise SystemExit(code)
    if not _flushed():
        raise SystemExit(code)
    atexit._run_exitfuncs()
    if not _flushed():
        raise SystemExit(code)
    os._exit(code)


def _flushed() -> bool:
    """Whether both standard streams took everything written to them."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True
