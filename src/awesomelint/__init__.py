"""awesomelint: lint and fix Markdown awesome lists of research papers."""

from __future__ import annotations

__version__ = "0.1.0"
