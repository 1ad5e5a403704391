"""The seed defects the rules issue names: each found by the named rule at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.document.parse import parse_source
from awesomelint.document.source import read
from awesomelint.engine import check_documents
from awesomelint.selection import resolve_rules

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

EXPECTED = [
    ("seed-000.md", 18, "DUP001", "two Tutorial entries share one URL"),
    ("seed-001.md", 3, "TYP001", "Interpretibility in the front matter title"),
    ("seed-001.md", 6, "TYP001", "interpretibility in the front matter tags"),
    ("seed-001.md", 7, "TYP001", "interpretibility in the front matter categories"),
    ("seed-001.md", 24, "TYP001", "Transformers Interpretibility"),
    ("seed-001.md", 46, "TYP001", "Interpretibility Dreams"),
    ("seed-001.md", 53, "TYP001", "why we need interpretibility research"),
    ("seed-001.md", 57, "TYP001", "Transfomer Lens"),
    ("seed-001.md", 17, "ENT001", "empty item"),
    ("seed-001.md", 21, "ENT001", "empty item"),
    ("seed-001.md", 26, "ENT001", "empty item"),
    ("seed-002.md", 96, "TYP001", "Visulization heading"),
    ("seed-002.md", 62, "TXT001", "mojibake star"),
    ("seed-002.md", 136, "TXT001", "mojibake star"),
    ("seed-002.md", 184, "TXT001", "mojibake star"),
    ("seed-002.md", 77, "ARX002", "[[arxiv 2303]] on 2302.12461"),
    ("seed-002.md", 80, "VEN001", "[NIPS 2023]"),
    ("seed-000.md", 72, "VEN002", "arxiv2503 beside arxiv 2503"),
    ("seed-000.md", 88, "URL001", "abs//2309.15025"),
    ("seed-002.md", 28, "URL001", "abs//2309.15025"),
    ("seed-002.md", 77, "URL001", "http arXiv link"),
    ("seed-002.md", 102, "URL001", "http arXiv link"),
    ("seed-002.md", 159, "DUP001", "In-context learning and induction heads, one copy unlinked"),
    ("seed-002.md", 180, "DUP001", "Progress measures for grokking, repeated"),
    ("seed-002.md", 98, "ENT002", "nested DOI link in a link destination"),
]


@pytest.fixture(scope="module")
def found() -> set[tuple[str, int, str]]:
    documents = [parse_source(read(path)) for path in sorted(SEEDS.glob("*.md"))]
    rules = [rule for rule in resolve_rules(None) if not rule.needs_network]
    return {(f.path.name, f.line, f.code) for f in check_documents(documents, rules)}


@pytest.mark.parametrize(
    ("name", "line", "code", "what"), EXPECTED, ids=[f"{e[0]}:{e[1]}:{e[2]}" for e in EXPECTED]
)
def test_named_seed_defect_is_found(
    found: set[tuple[str, int, str]], name: str, line: int, code: str, what: str
) -> None:
    assert (name, line, code) in found, what


def test_all_seven_mojibake_stars_are_found(found: set[tuple[str, int, str]]) -> None:
    assert sum(1 for name, _, code in found if (name, code) == ("seed-002.md", "TXT001")) == 7
