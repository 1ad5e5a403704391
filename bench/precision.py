"""Precision of the offline rules: findings per 1,000 entries on three sets of lists.

    python bench/precision.py

Runs every rule that is on by default and needs no network over

- the seeds (tests/fixtures/seeds/*.md): real lists with real defects;
- the maintained lists (lists/*.md);
- the clean corpus (tests/fixtures/corpus/*.md): realistic lists written to have no defects,
  so every finding there is a false positive of some rule.

Each set is checked as one run (as `awesomelint check --offline DIR` would), so repeats across
the files of a set are reported too. Prints one Markdown table per set, then the corpus
findings one per line. Entries are counted as the model counts them: every list item, nested
ones and table-of-contents items included, and every table row. The exit status is 0 unless
the bench itself breaks: the pass/fail check of the corpus is tests/test_precision.py.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from projectenv import ensure_project_python

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
SETS: tuple[tuple[str, Path], ...] = (
    ("seeds", REPO / "tests" / "fixtures" / "seeds"),
    ("lists", REPO / "lists"),
    ("corpus", REPO / "tests" / "fixtures" / "corpus"),
)


def offline_rules() -> tuple:  # type: ignore[type-arg]
    """The rules `awesomelint check --offline` runs with no configuration."""
    from awesomelint.rules import ALL_RULES

    return tuple(r for r in ALL_RULES if r.enabled_by_default and not r.needs_network)


def check_set(paths: Sequence[Path]) -> tuple[int, list]:  # type: ignore[type-arg]
    """The number of entries in `paths` and the offline findings over them, as one run."""
    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import read
    from awesomelint.engine import check_documents

    documents = [parse_source(read(path)) for path in paths]
    entries = sum(1 for parsed in documents for _ in parsed.document.entries())
    return entries, check_documents(documents, offline_rules())


def per_thousand(count: int, entries: int) -> str:
    return f"{1000 * count / entries:.1f}" if entries else "-"


def table(name: str, files: Sequence[Path], entries: int, findings: Sequence) -> str:  # type: ignore[type-arg]
    by_code: Counter[str] = Counter(f.code for f in findings)
    by_severity: Counter[str] = Counter(f.severity.value for f in findings)
    lines = [
        f"### {name}: {len(files)} files, {entries} entries",
        "",
        "| Rule | Findings | Per 1,000 entries |",
        "| --- | ---: | ---: |",
    ]
    names = {r.code: r.name for r in offline_rules()}
    for code in sorted(names):
        count = by_code.get(code, 0)
        lines.append(f"| {code} `{names[code]}` | {count} | {per_thousand(count, entries)} |")
    lines.append(f"| **all** | **{len(findings)}** | **{per_thousand(len(findings), entries)}** |")
    if findings:
        sev = ", ".join(f"{n} {s}" for s, n in sorted(by_severity.items()))
        lines += ["", f"By severity: {sev}."]
    return "\n".join(lines)


def main() -> int:
    ensure_project_python(__file__, "precision")
    print("## Precision of the offline rules\n")
    print("Rules: " + ", ".join(r.code for r in offline_rules()) + "\n")
    corpus_findings: list = []  # type: ignore[type-arg]
    for name, folder in SETS:
        files = sorted(folder.glob("*.md"))
        entries, findings = check_set(files)
        print(table(name, files, entries, findings))
        print()
        if name == "corpus":
            corpus_findings = findings
    print(f"Findings on the clean corpus (each one a false positive): {len(corpus_findings)}")
    for f in corpus_findings:
        rel = f.path.resolve().relative_to(REPO) if f.path.is_absolute() else f.path
        print(f"- {rel}:{f.line}:{f.column} {f.code} {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
