"""Which lists of the real corpus entry-order (ENT003) reads as ordered, and by what.

    python bench/orders.py [FILE_OR_FOLDER ...]    (default: ../shared/corpus)

Prints, per file, the runs of five or more sibling entries, how many of them keep an order
(newest first, oldest first, A to Z; by which key), how many are ambiguous, and the findings.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from projectenv import REPO, ensure_project_python

ensure_project_python(__file__, "orders")

from awesomelint.document.parse import parse_text
from awesomelint.rules import entry_order

DEFAULT = REPO.parent / "shared" / "corpus"


def _files(args: list[str]) -> list[Path]:
    roots = [Path(arg) for arg in args] or [DEFAULT]
    files: list[Path] = []
    for root in roots:
        files.extend(sorted(root.glob("*.md")) if root.is_dir() else [root])
    return [f for f in files if f.name != "README.md" or f.parent != DEFAULT]


def main() -> int:
    total: Counter[str] = Counter()
    print("| file | runs of 5+ | ordered | by | ambiguous | entries out of place |")
    print("| --- | --: | --: | --- | --: | --: |")
    for path in _files(sys.argv[1:]):
        doc = parse_text(path.read_text(encoding="utf-8"), path).document
        runs = [run for run in entry_order._sibling_runs(doc) if len(run) >= entry_order.MIN_KEYED]
        kinds: Counter[str] = Counter()
        ambiguous = misplaced = 0
        for run in runs:
            orders = entry_order._orders(doc, run)
            if not orders:
                continue
            out = [
                {i for i, key in enumerate(order.keys) if key is not None}
                - entry_order._in_order(order)
                for order in orders
            ]
            if any(m != out[0] for m in out[1:]):
                ambiguous += 1
                continue
            kinds[orders[0].description] += 1
            misplaced += len(out[0])
        by = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "-"
        print(
            f"| {path.name} | {len(runs)} | {sum(kinds.values())} | {by} | {ambiguous} "
            f"| {misplaced} |"
        )
        total.update(kinds)
    print()
    for kind, n in total.most_common():
        print(f"{n:5d} runs {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
