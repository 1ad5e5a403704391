"""Spelling data and helpers: misspelling dictionaries, word lists, edit distance, case.

codespell's dictionary (CC BY-SA 3.0) is read at run time from the installed `codespell`
package and never copied into this repository; our own lists live in awesomelint/data/.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import importlib.resources
import importlib.util
import string
from pathlib import Path


@dc.dataclass(frozen=True, slots=True)
class Correction:
    candidates: tuple[str, ...]
    """Suggested spellings, lower case, best first."""
    sure: bool
    """False when the source marks the entry as not safe to apply (several candidates, a
    reason, or a trailing comma in codespell's format)."""


def parse_corrections(text: str) -> dict[str, Correction]:
    """Lines in codespell's format: `wrong->right`, `wrong->a, b,` or `wrong->right, reason`."""
    table: dict[str, Correction] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "->" not in line:
            continue
        wrong, data = line.split("->", 1)
        comma = data.rfind(",")
        if comma == -1:
            table[wrong.strip().lower()] = Correction((data.strip().lower(),), sure=True)
            continue
        if comma != len(data) - 1:
            data = data[:comma]  # codespell: what follows the last comma is a reason
        words = tuple(w.strip().lower() for w in data.split(",") if w.strip())
        table[wrong.strip().lower()] = Correction(words, sure=False)
    return table


@functools.cache
def codespell_corrections() -> dict[str, Correction]:
    """codespell's main dictionary, or {} when the package or its data file is missing."""
    # find_spec locates the package without running its (GPL) code.
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"
    try:
        return parse_corrections(path.read_text(encoding="utf-8"))
    except OSError:
        return {}


@functools.cache
def own_corrections() -> dict[str, Correction]:
    """Field-specific misspellings, written for awesomelint (data/typos.txt)."""
    return parse_corrections(_data("typos.txt"))


@functools.cache
def vocabulary() -> frozenset[str]:
    """Field words (ML, interpretability, model names) that are spelled right."""
    words = (line.strip().lower() for line in _data("vocabulary.txt").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@functools.cache
def known_words() -> frozenset[str]:
    """Words known to be right: the field vocabulary and every correction's target."""
    targets = {
        word
        for table in (codespell_corrections(), own_corrections())
        for correction in table.values()
        for word in correction.candidates
        if word.isalpha()
    }
    return vocabulary() | targets


def _data(name: str) -> str:
    return (importlib.resources.files("awesomelint") / "data" / name).read_text(encoding="utf-8")


def match_case(word: str, fix: str) -> str:
    """`fix` written the way `word` is: UPPER, Capitalised or as the fix itself."""
    if word.isupper() and len(word) > 1:
        return fix.upper()
    if word[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment: adjacent swaps count 1)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def one_edit_away(word: str) -> set[str]:
    """Every lower-case string one deletion, swap, substitution or insertion from `word`."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | replaces | inserts) - {word}


def is_variant(word: str, other: str) -> bool:
    """Whether two words one edit apart are forms of one word rather than a typo of it:
    an ending (model/models, use/used), a doubled consonant (modeling/modelling) or
    British and American s/z (visualisation/visualization)."""
    short, long = sorted((word, other), key=len)
    if len(long) == len(short) + 1:
        return long.startswith(short) or any(
            long[i - 1] == long[i] and long[:i] + long[i + 1 :] == short
            for i in range(1, len(long))
        )
    if len(word) == len(other):
        diffs = [(a, b) for a, b in zip(word, other, strict=True) if a != b]
        return len(diffs) == 1 and set(diffs[0]) == {"s", "z"}
    return False
