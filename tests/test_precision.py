"""Precision: the offline rules report nothing on the clean corpus in tests/fixtures/corpus/.

The corpus is realistic, defect-free lists (bold-title bullets with [[tag]](url) labels,
`- [Title](url) [Venue] - summary` items, a numbered Jekyll post with front matter, GFM
tables, author names, model names, acronyms, many venues, arXiv tags that match their links).
Every finding on it is a false positive of a rule. `python bench/precision.py` prints the
same findings together with the per-1,000-entries rates for the seeds and lists/.

False positives that are known and not fixed yet are listed in KNOWN_FALSE_POSITIVES, so the
test documents them instead of failing; when a rule is fixed, the test fails until its entry
is removed from the set.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from awesomelint.diagnostics import Finding
from awesomelint.document.parse import parse_source
from awesomelint.document.source import read
from awesomelint.engine import check_documents
from awesomelint.rules import ALL_RULES

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
FILES = sorted(CORPUS.glob("*.md"))
OFFLINE_RULES = tuple(r for r in ALL_RULES if r.enabled_by_default and not r.needs_network)

Key = tuple[str, int, str, str]
"""(file name, line, rule code, message)"""

KNOWN_FALSE_POSITIVES: frozenset[Key] = frozenset()
"""None now. The last seven (TYP001: "Mor Geva", "Adam Roberts", "Farrugia-Roberts",
"Mixtral", "Fine-grained", "LEACE") are no-op cases in tests/fixtures/rules/TYP001.md and
tests/test_spelling.py."""

EXPECTED_CROSS_FILE: frozenset[Key] = frozenset()
"""Deliberate repeats across corpus files (DUP001 info): none; every paper is listed once."""


def _check(paths: Sequence[Path]) -> list[Finding]:
    return check_documents([parse_source(read(p)) for p in paths], OFFLINE_RULES)


def _key(finding: Finding) -> Key:
    return (finding.path.name, finding.line, finding.code, finding.message)


def _describe(findings: Sequence[Finding]) -> str:
    return "\n".join(
        f"  {f.path.name}:{f.line}:{f.column} {f.code} [{f.rule}] {f.message}" for f in findings
    )


def test_corpus_is_big_enough() -> None:
    assert len(FILES) >= 4
    entries = sum(1 for p in FILES for _ in parse_source(read(p)).document.entries())
    assert entries >= 400, entries


def test_no_findings_on_the_clean_corpus() -> None:
    """All corpus files as one run, as `awesomelint check --offline tests/fixtures/corpus`."""
    allowed = KNOWN_FALSE_POSITIVES | EXPECTED_CROSS_FILE
    findings = _check(FILES)
    unexpected = [f for f in findings if _key(f) not in allowed]
    assert not unexpected, (
        "findings on the clean corpus (each is a false positive of a rule, or a mistake in "
        f"tests/fixtures/corpus/):\n{_describe(unexpected)}"
    )
    gone = allowed - {_key(f) for f in findings}
    assert not gone, (
        "these known false positives no longer occur; remove them from "
        f"KNOWN_FALSE_POSITIVES / EXPECTED_CROSS_FILE: {sorted(gone)}"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_findings_on_each_corpus_file(path: Path) -> None:
    """Each file alone: what the rules see changes with the set of files (word counts)."""
    findings = _check([path])
    unexpected = [f for f in findings if _key(f) not in KNOWN_FALSE_POSITIVES]
    assert not unexpected, f"findings on {path.name}:\n{_describe(unexpected)}"
