"""TXT001 mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere.

Why: a list copied through a tool with the wrong encoding shows `ðŸŒŸ` instead of 🌟 and
`cafÃ©` instead of café. Readers see garbage, and search for the real words fails.

Bad:
    - ðŸŒŸ**A mathematical framework for transformer circuits** - cafÃ© talk

Good:
    - 🌟**A mathematical framework for transformer circuits** - café talk

Fix: safe when the repair (ftfy's encoding repair only: no quote, width or HTML changes)
round-trips, i.e. encoding the repaired text the wrong way again gives back the original
characters exactly. Otherwise the finding says that bytes were lost and offers no fix.
Code spans and URLs are never looked at.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix
from awesomelint.document.model import Document, Span
from awesomelint.rules._base import Context, NoOptions, Rule

# What the UTF-8 continuation bytes 0x80-0xBF turn into when decoded as Latin-1 or as
# Windows-1252 (which leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: Latin-1 covers them).
_CONTINUATION = re.escape(
    "".join(
        sorted(
            {chr(byte) for byte in range(0x80, 0xC0)}
            | set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))
        )
    )
)
# A lead byte 0xC2-0xF4 decoded the same way, followed by continuation bytes. Correct text
# almost never has such pairs, so this cheap filter decides whether ftfy is needed at all.
_RUN = re.compile(f"(?:[\u00c2-\u00f4][{_CONTINUATION}]+)+")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)


class _Excluded:
    """Code spans, link destinations and URLs, for "does this run touch any of them" in O(log n)."""

    def __init__(self, doc: Document) -> None:
        spans = [
            *doc.code_spans,
            *(link.url_span for link in doc.links),
            *(definition.url_span for definition in doc.definitions),
        ]
        spans.extend(Span(*m.span()) for m in _BARE_URL.finditer(doc.text))
        spans.sort(key=lambda span: span.start)
        self._starts = [span.start for span in spans]
        self._max_ends = list(itertools.accumulate((span.end for span in spans), max))

    def touches(self, start: int, end: int) -> bool:
        last = bisect.bisect_left(self._starts, end) - 1
        return last >= 0 and self._max_ends[last] > start


def _undo(text: str, steps: Sequence[tuple[str, str]]) -> str | None:
    """Apply the steps of a repair backwards; None when a step cannot be undone."""
    data: str | bytes = text
    for action, codec in reversed(steps):
        try:
            if action == "decode" and isinstance(data, str):
                data = data.encode(codec)
            elif action == "encode" and isinstance(data, bytes):
                data = data.decode(codec)
            else:
                return None
        except UnicodeError:
            return None
    return data if isinstance(data, str) else None


def _finding(doc: Document, ctx: Context[NoOptions], start: int, run: str) -> Finding | None:
    import ftfy  # ~70 ms to import: only paid when a candidate run was found
    from ftfy.badness import is_bad

    repaired = ftfy.fix_encoding_and_explain(run)
    span = Span(start, start + len(run))
    if repaired.text == run:
        if not is_bad(run):
            return None
        return ctx.finding(span, f"mojibake {run!r}: bytes were lost, it cannot be repaired")
    steps = [(action, codec) for action, codec in repaired.explanation or ()]
    if _undo(repaired.text, steps) != run:
        return ctx.finding(
            span, f"mojibake {run!r}, probably {repaired.text!r}, but bytes were lost"
        )
    return ctx.finding(
        span,
        f"mojibake {run!r} should be {repaired.text!r}",
        fix=Fix((Edit(span.start, span.end, repaired.text),)),
    )


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    runs = list(_RUN.finditer(doc.text))
    if not runs:
        return
    excluded = _Excluded(doc)
    for match in runs:
        if excluded.touches(match.start(), match.end()):
            continue
        finding = _finding(doc, ctx, match.start(), match.group())
        if finding is not None:
            yield finding


RULE = Rule(
    code="TXT001",
    name="mojibake",
    summary="Text was decoded with the wrong encoding (UTF-8 read as Windows-1252)",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
