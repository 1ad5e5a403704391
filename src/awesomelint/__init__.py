"""awesomelint: lint and fix Markdown awesome lists of research papers.

The stable library interface is what this module exports (`__all__`): `check_text`,
`check_paths`, `fix_text`, `parse`, the document model and the finding types. Everything else
is internal and may change between releases. Names are imported on first use, so that
`import awesomelint` (and the command line's start-up) stays cheap.
"""

from __future__ import annotations

import importlib

from awesomelint.version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: `--version` is quick
if TYPE_CHECKING:
    from typing import Any

    from awesomelint.api import FixResult, check_paths, check_text, fix_text, parse
    from awesomelint.diagnostics import (
        Applicability,
        Edit,
        FileError,
        Finding,
        Fix,
        Severity,
    )
    from awesomelint.document.model import (
        Document,
        Entry,
        EntryKind,
        Link,
        LinkKind,
        Section,
        Span,
        Tag,
        TagKind,
    )
    from awesomelint.errors import AwesomelintError, FixError, InputError
    from awesomelint.report import RunResult
    from awesomelint.rules import Rule

_EXPORTS: dict[str, str] = {
    "check_text": "awesomelint.api",
    "check_paths": "awesomelint.api",
    "fix_text": "awesomelint.api",
    "parse": "awesomelint.api",
    "FixResult": "awesomelint.api",
    "RunResult": "awesomelint.report",
    "Rule": "awesomelint.rules",
    "Applicability": "awesomelint.diagnostics",
    "Edit": "awesomelint.diagnostics",
    "FileError": "awesomelint.diagnostics",
    "Finding": "awesomelint.diagnostics",
    "Fix": "awesomelint.diagnostics",
    "Severity": "awesomelint.diagnostics",
    "Document": "awesomelint.document.model",
    "Entry": "awesomelint.document.model",
    "EntryKind": "awesomelint.document.model",
    "Link": "awesomelint.document.model",
    "LinkKind": "awesomelint.document.model",
    "Section": "awesomelint.document.model",
    "Span": "awesomelint.document.model",
    "Tag": "awesomelint.document.model",
    "TagKind": "awesomelint.document.model",
    "AwesomelintError": "awesomelint.errors",
    "FixError": "awesomelint.errors",
    "InputError": "awesomelint.errors",
}

__all__ = [
    "Applicability",
    "AwesomelintError",
    "Document",
    "Edit",
    "Entry",
    "EntryKind",
    "FileError",
    "Finding",
    "Fix",
    "FixError",
    "FixResult",
    "InputError",
    "Link",
    "LinkKind",
    "Rule",
    "RunResult",
    "Section",
    "Severity",
    "Span",
    "Tag",
    "TagKind",
    "__version__",
    "check_paths",
    "check_text",
    "fix_text",
    "parse",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'awesomelint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
