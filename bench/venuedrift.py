"""Venue drift recall on real lists: inject drifts into real venue mentions, count the finds.

    python bench/venuedrift.py [--per-kind N] [--seed S] [--show-misses]

Reads the real lists in ../shared/corpus/*.md and the seeds in ../shared/seeds/ (in memory,
never copied), picks venue mentions the offline check does not already flag, and rewrites
one at a time the way a contributor drifts from the list's style (bench/venuemutations.py:
NIPS for NeurIPS, a lower-case name, a short year with an apostrophe, a curly one or none, a qualifier recased,
moved or put in parentheses, a year glued or hyphenated to its venue, arXiv in another case).
Each mutated list is checked in-process with VEN001 and VEN002; a drift is found when one of
them reports at the mutated line. Prints recall per kind and per list, then every VEN finding
on the unmutated lists, for review by hand. Deterministic for a given seed. The exit status
is 0 unless the bench itself breaks: tests/test_venue_drift.py holds the pass/fail check.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TYPE_CHECKING

from projectenv import REPO, ensure_project_python

if TYPE_CHECKING:
    from venuemutations import Trial

SHARED = REPO.parent / "shared"


def main(argv: list[str]) -> int:
    ensure_project_python(__file__, "venuedrift")
    from venuemutations import RULES, corpus_texts, trials
    from venueraw import raw_trials

    from awesomelint.document.parse import parse_text
    from awesomelint.engine import check_documents

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=25, help="mutations per kind per list")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    texts = corpus_texts(SHARED / "corpus", SHARED / "seeds")
    if not texts:
        print(f"no lists under {SHARED}", file=sys.stderr)
        return 1
    done: list[Trial] = []
    for name, text in texts:
        done.extend(trials(name, text, args.per_kind, args.seed))
    _table("kind", Counter(t.kind for t in done), Counter(t.kind for t in done if t.found))
    print()
    _table("list", Counter(t.file for t in done), Counter(t.file for t in done if t.found))
    total, hits = len(done), sum(t.found for t in done)
    print(f"\nall: {hits}/{total} found ({hits / max(total, 1):.1%})")
    _misses(done, args.show_misses)
    raw: list[Trial] = []
    for name, text in texts:
        raw.extend(raw_trials(name, text, args.per_kind, args.seed))
    print(
        "\nVenues picked by a plain pattern instead of awesomelint's reader (bench/venueraw.py):\n"
    )
    _table("kind", Counter(t.kind for t in raw), Counter(t.kind for t in raw if t.found))
    total, hits = len(raw), sum(t.found for t in raw)
    print(f"\nall: {hits}/{total} found ({hits / max(total, 1):.1%})")
    _misses(raw, args.show_misses)
    print("\nVEN findings on the unmutated lists:")
    for name, text in texts:
        for f in check_documents([parse_text(text, name)], RULES):
            print(f"  {name}:{f.line}:{f.column} {f.code} {f.message}")
    return 0


def _misses(done: list[Trial], show: bool) -> None:
    if show:
        print("\nmissed:")
        for t in done:
            if not t.found:
                print(f"  {t.file}:{t.line} [{t.kind}] {t.before!r} -> {t.after!r}")


def _table(what: str, total: Counter[str], found: Counter[str]) -> None:
    print(f"| {what} | mutations | found | recall |")
    print("| --- | ---: | ---: | ---: |")
    for key in sorted(total):
        print(f"| {key} | {total[key]} | {found[key]} | {found[key] / total[key]:.1%} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
