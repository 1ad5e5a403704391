"""Venue drifts at venues found without awesomelint's own venue reader (seeded).

`venuemutations` picks the mentions that `knowledge/venue_mentions.py` finds, so it cannot
measure what that reader misses. Here a plain pattern picks them instead: a conference or
journal's canonical name, as its own word, outside code, links' addresses, HTML and headings,
with or without a four-digit year or a short year after it (`ACL.`, `ICML 2019.`,
`EMNLP'23`). The drift is written into that place, and found when VEN001 or VEN002 reports at
its line.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator

from venuemutations import RULES, Trial

from awesomelint.document.model import Document
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.knowledge.venues import default_table

_HTML = re.compile(r"<[^>\n]*>")


def _pattern() -> re.Pattern[str]:
    names = sorted(
        (v.canonical for v in default_table().venues if v.kind in ("conference", "journal")),
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<![\w/.#@&'\-])(?P<name>{alternatives})(?P<year> (?:19|20)\d{{2}}|'\d{{2}})?"
        rf"(?![\w\-/@&])"
    )


def _blocked(doc: Document) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in doc.code_spans]
    spans += [(link.url_span.start, link.url_span.end) for link in doc.links]
    spans += [m.span() for m in _HTML.finditer(doc.text)]
    spans += [
        (s.heading_span.start, s.heading_span.end)
        for s in doc.walk_sections()
        if s.heading_span is not None
    ]
    return spans


def _places(doc: Document) -> list[re.Match[str]]:
    blocked = _blocked(doc)
    return [
        match
        for match in _pattern().finditer(doc.text)
        if not any(a <= match.start() < b for a, b in blocked)
    ]


def _mutations(match: re.Match[str], full_years: bool) -> Iterator[tuple[str, str]]:
    name, year = match.group("name"), match.group("year") or ""
    if name == "NeurIPS":
        yield "historical name (NIPS)", "NIPS" + year
    if name.lower() != name:
        yield "lower-case name", name.lower() + year
    if year.startswith(" ") and full_years:
        yield "short year '", f"{name}'{year[-2:]}"
        yield "short year glued", f"{name}{year[-2:]}"


def raw_trials(name: str, text: str, per_kind: int, seed: int) -> Iterator[Trial]:
    parsed = parse_text(text, name)
    doc = parsed.document
    text = doc.text
    flagged = {f.line for f in check_documents([parsed], RULES)}
    places = [m for m in _places(doc) if doc.position(m.start())[0] not in flagged]
    years = Counter(
        "full" if m.group("year").startswith(" ") else "short" for m in places if m.group("year")
    )
    full_years = years["full"] >= years["short"]
    by_kind: dict[str, list[tuple[re.Match[str], str]]] = {}
    for match in places:
        for kind, new in _mutations(match, full_years):
            by_kind.setdefault(kind, []).append((match, new))
    rng = random.Random(f"raw:{seed}:{name}")
    for kind in sorted(by_kind):
        candidates = by_kind[kind]
        for match, new in rng.sample(candidates, min(per_kind, len(candidates))):
            mutated = text[: match.start()] + new + text[match.end() :]
            again = parse_text(mutated, name)
            line = again.document.position(match.start())[0]
            lines = {f.line for f in check_documents([again], RULES)}
            yield Trial(name, kind, line, match.group(), new, line in lines)
