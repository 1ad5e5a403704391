"""markdown-it-py's block rules without the cost of their debug logging.

Every block rule of markdown-it-py starts with `LOGGER.debug("entering ...", ...)`, and the
parser tries the rules on every line: 300,000 calls on a 10,000-entry list, each going
through `Logger.debug` and `Logger.isEnabledFor` to log nothing, a tenth of the block parse.
`quiet_debug_logging` gives each rule module a stand-in for its logger whose `debug` does
nothing and which is the logger itself for everything else.

It is guarded so that a change in markdown-it-py costs only the saving: only a module-level
`LOGGER` that is a `logging.Logger` is replaced, only while debug logging is off for it (a
program that asked for markdown-it's debug lines before the first parse keeps them), and
a module without one is left alone.
"""

from __future__ import annotations

import logging
import sys
from typing import Any


class _WithoutDebug:
    """A logger whose debug lines are dropped unread."""

    __slots__ = ("_logger",)

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger

    debug = "".format
    """Takes any arguments and does nothing with them, in C: a Python function doing nothing
    would cost most of what it saves."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger, name)


def quiet_debug_logging(package_name: str = "markdown_it.rules_block") -> int:
    """Give the imported modules of `package_name` loggers that drop debug lines; how many.
    (Importing the parser imports its rules, so they are all there by the first parse.)"""
    prefix = f"{package_name}."
    replaced = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix):
            continue
        logger = getattr(module, "LOGGER", None)
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.DEBUG):
            module.LOGGER = _WithoutDebug(logger)  # type: ignore[attr-defined]
            replaced += 1
    return replaced
