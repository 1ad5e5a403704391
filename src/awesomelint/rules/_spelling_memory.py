"""What misspelling's last run judged, kept for a run over nearly the same prose: `fix` runs
every rule again after each pass, over text that its fixes changed on a few lines.

Every judgement of the rule reads the prose line by line: a spelling's verdict reads how often
it and the words one edit from it are used and where; a place's verdict reads its line and
those facts about the words on it. So a judgement still holds when none of the words it read
stands on a line that changed. Lines are compared as a multiset, so that a line moved whole
changes nothing. A word is *dirty* when a line that was added or removed holds it in any case;
a spelling is judged anew when it is dirty or, if its verdict came from the words one edit
from it, when one of those is dirty (they share a deletion key: `_near_words.py`).

Only the last run is kept, keyed by the options that change verdicts.
"""

from __future__ import annotations

import dataclasses as dc
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

from awesomelint.knowledge.spelling import Correction
from awesomelint.rules._near_words import deletion_keys
from awesomelint.rules._prose import TOKEN

PlaceKey = tuple[str, int, bool, "str | None"]
"""A place's line of prose, the word's offset in it, whether it is in a title, and the URL of
the link whose text holds it."""

MOST_LINES = 0.5
"""Prose that changed on more than this share of its lines is judged anew: working out what
still holds would cost more than it saves."""

Candidate = tuple[str, Correction] | None
"""A spelling's candidate correction and its source, if it has one."""


@dc.dataclass(slots=True)
class Run:
    """One run's prose and judgements."""

    options: Hashable
    """The rule's options, which every verdict depends on."""
    texts: tuple[str, ...]
    candidates: dict[str, Candidate]
    """Every spelling's candidate correction (or None), by its lower case."""
    searched: set[str]
    """The spellings whose verdict read the words one edit from them."""
    in_lower_case: dict[str, bool]
    in_author_lists: dict[str, bool]
    places: dict[PlaceKey, bool]
    used: frozenset[str] | None = None
    index: dict[str, set[str]] | None = None


_last: Run | None = None


def _lines(texts: Iterable[str]) -> Counter[str]:
    lines: Counter[str] = Counter()
    for text in texts:
        lines.update(text.split("\n"))
    return lines


class Recall:
    """The last run's judgements that still hold for this run's prose."""

    def __init__(self, last: Run, changed: Iterable[str]) -> None:
        """`changed`: the lines of prose added or removed since `last`."""
        self.last = last
        self.dirty = frozenset(t.lower() for line in changed for t in TOKEN.findall(line))
        self._dirty_keys: set[str] = set()
        for word in self.dirty:
            self._dirty_keys |= deletion_keys(word)
        self._clean_lines: dict[str, bool] = {}
        self._holds: dict[str, bool] = {}

    def still_holds(self, lower: str) -> bool:
        """Whether the verdict of `lower`, and the facts it read, are the last run's."""
        holds = self._holds.get(lower)
        if holds is None:
            last = self.last
            holds = lower not in self.dirty and lower in last.candidates
            if holds and lower in last.searched:
                holds = self._dirty_keys.isdisjoint(deletion_keys(lower))
            self._holds[lower] = holds
        return holds

    def facts(self, last_facts: dict[str, bool]) -> dict[str, bool]:
        """The facts about words (in lower case) that no changed line touches."""
        return {word: fact for word, fact in last_facts.items() if word not in self.dirty}

    def place(self, key: PlaceKey, lower: str) -> bool | None:
        """The last verdict on a place whose line, and every word on it, are as they were."""
        found = self.last.places.get(key)
        if found is None or not self._clean(key[0]) or not self.still_holds(lower):
            return None
        return found

    def _clean(self, line: str) -> bool:
        clean = self._clean_lines.get(line)
        if clean is None:
            dirty = self.dirty
            clean = self._clean_lines[line] = not any(
                t.lower() in dirty for t in TOKEN.findall(line)
            )
        return clean

    def index(self, used: frozenset[str]) -> dict[str, set[str]] | None:
        """The last run's index of words one edit apart, when built from the same words."""
        return self.last.index if self.last.used == used else None


def recall(options: Hashable, texts: Sequence[str]) -> Recall | None:
    """What still holds of the last run, if it ran with the same options over prose of which
    most lines are still there."""
    last = _last
    if last is None or last.options != options:
        return None
    old, new = _lines(last.texts), _lines(texts)
    changed = (old - new) + (new - old)
    if changed.total() > MOST_LINES * new.total():
        return None
    return Recall(last, changed)


def remember(run: Run) -> None:
    global _last
    _last = run


def forget() -> None:
    global _last
    _last = None
