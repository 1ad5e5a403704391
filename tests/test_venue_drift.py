"""Venue drifts injected into the real lists are found by VEN001 or VEN002 at their line.

A small, seeded sample of bench/venuemutations.py and bench/venueraw.py (the generators
behind `python bench/venuedrift.py`) over ../shared/corpus and ../shared/seeds; skipped when
they are absent. The largest list is left out to keep the run short: the bench covers it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAX_CHARS = 400_000

sys.path.insert(0, str(ROOT / "bench"))
venuemutations = pytest.importorskip("venuemutations")
venueraw = pytest.importorskip("venueraw")


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is absent")
    found = venuemutations.corpus_texts(SHARED / "corpus", SHARED / "seeds")
    return [(name, text) for name, text in found if len(text) <= MAX_CHARS]


def test_injected_venue_drifts_are_found(texts: list[tuple[str, str]]) -> None:
    trials = [t for name, text in texts for t in venuemutations.trials(name, text, 1, seed=3)]
    kinds = {t.kind for t in trials}
    assert len(trials) >= 30 and len(kinds) >= 8, (len(trials), kinds)
    missed = [t for t in trials if not t.found]
    recall = 1 - len(missed) / len(trials)
    assert recall >= 0.95, "\n".join(
        f"{t.file}:{t.line} {t.before!r} -> {t.after!r}" for t in missed
    )


def test_drifts_at_venues_picked_by_a_plain_pattern_are_found(
    texts: list[tuple[str, str]],
) -> None:
    trials = [t for name, text in texts for t in venueraw.raw_trials(name, text, 2, seed=3)]
    assert len(trials) >= 30, len(trials)
    missed = [t for t in trials if not t.found]
    recall = 1 - len(missed) / len(trials)
    assert recall >= 0.95, "\n".join(
        f"{t.file}:{t.line} {t.before!r} -> {t.after!r}" for t in missed
    )


def test_a_drift_on_a_clean_line_is_what_gets_reported() -> None:
    text = (
        "- **Paper A** [[ICLR 2024]](https://openreview.net/forum?id=a)\n"
        "- **Paper B** [[ICLR 2023]](https://openreview.net/forum?id=b)\n"
    )
    trials = list(venuemutations.trials("list.md", text, 5, seed=1))
    assert trials and all(t.found for t in trials)
    assert {t.line for t in trials} <= {1, 2}
