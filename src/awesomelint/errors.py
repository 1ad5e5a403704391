"""The exceptions awesomelint raises; the CLI turns each into one line and exit status 2."""

from __future__ import annotations


class AwesomelintError(Exception):
    """Base class: anything that should end as a one-line message, not a traceback."""


class InputError(AwesomelintError):
    """A file could not be read or decoded."""


class ConfigError(AwesomelintError):
    """The configuration or the command line asked for something that does not exist."""


class ParseCrashed(AwesomelintError):
    """Parsing raised unexpectedly: a bug in awesomelint; `line` is where, when known."""

    def __init__(self, line: int | None, cause: Exception) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.line = line


class RuleCrashed(AwesomelintError):
    """A rule raised: a bug in awesomelint, reported with the rule and file named."""


class FixError(AwesomelintError):
    """Fixing a file failed a safety check or did not converge; nothing was written."""


class WriteError(AwesomelintError):
    """A fixed file was not written back on purpose: it changed on disk since it was read, or
    replacing it would break a hard link, lose its owner or follow a link out of the tree."""
