"""Spelling data and helpers: misspelling dictionaries, word lists, edit distance, case.

codespell's dictionary (CC BY-SA 3.0) is read at run time from the installed `codespell`
package and never copied into this repository (what a run needs of it is compiled into the
user cache folder, see `compiled`); our own lists live in awesomelint/data/.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import itertools
import operator
import string
from pathlib import Path

from awesomelint.knowledge import compiled


@dc.dataclass(frozen=True, slots=True)
class Correction:
    """What a misspelling should read."""

    candidates: tuple[str, ...]
    """Suggested spellings, lower case, best first."""
    sure: bool
    """False when the source marks the entry as not safe to apply (several candidates, a
    reason, or a trailing comma in codespell's format)."""


# Every character but "\n", " " and "\t" that str.strip() and str.splitlines() treat as
# space or a line break, and the capital sigma (its lower case depends on the letters around).
_AWKWARD = (
    "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u03a3"
)
# Text that, in a file free of the characters above, may need a line by line reading.
_IRREGULAR = ("#", "\n ", "\n\t", " ->", "\t->")


def _is_plain(text: str) -> bool:
    """No comments, no space around lines and arrows, no awkward characters: such a text may
    be lower-cased as a whole and split at "\n" and at the first "->" of each line."""
    if text.startswith((" ", "\t")) or any(part in text for part in _IRREGULAR):
        return False
    return not any(char in text for char in _AWKWARD)


def _entries(text: str) -> dict[str, str]:
    """Each `wrong` word (stripped, lower case) and the rest of its line (lower case), for
    lines in codespell's format; a later line for the same word wins."""
    if _is_plain(text):
        return dict(line.split("->", 1) for line in text.lower().split("\n") if "->" in line)
    entries: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "->" not in line:
            continue
        wrong, data = line.split("->", 1)
        entries[wrong.strip().lower()] = data.lower()
    return entries


def _correction(data: str) -> Correction:
    """The right-hand side of a line: `right`, `a, b,` or `right, reason`."""
    data = data.strip()
    comma = data.rfind(",")
    if comma == -1:
        return Correction((data.lower(),), sure=True)
    if comma != len(data) - 1:
        data = data[:comma]  # codespell: what follows the last comma is a reason
    words = tuple(w.strip().lower() for w in data.split(",") if w.strip())
    return Correction(words, sure=False)


def parse_corrections(text: str) -> dict[str, Correction]:
    """Lines in codespell's format: `wrong->right`, `wrong->a, b,` or `wrong->right, reason`."""
    return {wrong: _correction(data) for wrong, data in _entries(text).items()}


def _codespell_path() -> Path | None:
    """codespell's main dictionary file, found without running the package's (GPL) code."""
    folder = compiled.package_folder("codespell_lib")
    return None if folder is None else folder / "data" / "dictionary.txt"


@functools.cache
def _codespell_text() -> str:
    """codespell's main dictionary file, or "" when the package or the file is missing."""
    path = _codespell_path()
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


@functools.cache
def _codespell_entries() -> dict[str, str]:
    """codespell's main dictionary, unparsed: `_correction` makes an entry when it is used."""
    return _entries(_codespell_text())


class _CodespellIndex:
    """What a run needs of codespell's dictionary, kept compiled between runs: its lines in
    lower case when they are plain and sorted (codespell keeps them so; a word is then found
    by bisection), else None; and every word it suggests."""

    __slots__ = ("lines", "targets")

    def __init__(self, lines: compiled.SortedText | None, targets: compiled.SortedText) -> None:
        self.lines = lines
        self.targets = targets

    def dump(self) -> dict[str, object]:
        return {
            "lines": None if self.lines is None else self.lines.dump(),
            "targets": self.targets.dump(),
        }

    @classmethod
    def undump(cls, value: object) -> _CodespellIndex | None:
        if not isinstance(value, dict) or set(value) != {"lines", "targets"}:
            return None
        targets = compiled.SortedText.undump(value["targets"])
        lines = None if value["lines"] is None else compiled.SortedText.undump(value["lines"])
        if targets is None or (lines is None and value["lines"] is not None):
            return None
        return cls(lines, targets)


def _compile_codespell() -> _CodespellIndex:
    text = _codespell_text()
    lines: list[str] | None = None
    if _is_plain(text):
        lines = text.lower().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not all(map(operator.le, lines, itertools.islice(lines, 1, None))):
            lines = None
    entries = (
        _codespell_entries().values()
        if lines is None
        else {wrong: data for wrong, _, data in (line.partition("->") for line in lines)}.values()
    )
    targets = {data.strip() for data in entries if "," not in data}
    for data in entries:
        if "," in data:
            targets.update(_correction(data).candidates)
    return _CodespellIndex(
        None if lines is None else compiled.SortedText(lines), compiled.SortedText(targets)
    )


@functools.cache
def _codespell_compiled() -> _CodespellIndex:
    """`_compile_codespell()`, kept compiled in the user cache folder between runs."""
    path = _codespell_path()
    if path is None or not path.is_file():
        return _CodespellIndex(None, compiled.SortedText(()))
    try:
        return compiled.load_as(
            "codespell-sorted",
            "codespell",
            path,
            _CodespellIndex.undump,
            _compile_codespell,
            _CodespellIndex.dump,
        )
    except OSError:
        return _compile_codespell()


def codespell_corrections() -> dict[str, Correction]:
    """codespell's main dictionary, or {} when the package or its data file is missing."""
    return {wrong: _correction(data) for wrong, data in _codespell_entries().items()}


def _codespell_data(word: str) -> str | None:
    """The right-hand side of the line for `word` (lower case, no "->" in it), if any."""
    lines = _codespell_compiled().lines
    if lines is None:
        return _codespell_entries().get(word)
    prefix = word + "->"
    found = lines.starting(prefix)
    return found[-1][len(prefix) :] if found else None  # the last line for a word wins


def codespell_correction(word: str) -> Correction | None:
    """codespell's correction of `word` (lower case, no "->" in it), if it has one."""
    data = _codespell_data(word)
    return None if data is None else _correction(data)


def _codespell_targets() -> compiled.SortedText:
    """Every word that codespell suggests, as written in its dictionary."""
    return _codespell_compiled().targets


def _is_codespell_target(word: str) -> bool:
    return word in _codespell_targets()


@functools.cache
def own_corrections() -> dict[str, Correction]:
    """Field-specific misspellings, written for awesomelint (data/typos.txt)."""
    return parse_corrections(_data("typos.txt"))


@functools.cache
def _vocabulary_lines() -> tuple[str, ...]:
    lines = (line.strip() for line in _data("vocabulary.txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def vocabulary() -> frozenset[str]:
    """Field words (ML, interpretability, model names) that are spelled right, lower case."""
    return frozenset(line.lower() for line in _vocabulary_lines())


@functools.cache
def names() -> frozenset[str]:
    """The field words that are names (models, companies, sites), lower case: those written
    with a capital letter in data/vocabulary.txt ("Mistral", "RoBERTa")."""
    return frozenset(line.lower() for line in _vocabulary_lines() if not line.islower())


@functools.cache
def known_words() -> frozenset[str]:
    """Words known to be right: the field vocabulary and every correction's target."""
    own = {word for correction in own_corrections().values() for word in correction.candidates}
    targets = {*_codespell_targets(), *own}
    return vocabulary() | {word for word in targets if word.isalpha()}


@functools.cache
def _own_targets() -> frozenset[str]:
    return frozenset(word for fix in own_corrections().values() for word in fix.candidates)


@functools.lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """`word in known_words()`, without reading all of codespell's dictionary."""
    if word in vocabulary():
        return True
    return word.isalpha() and (word in _own_targets() or _is_codespell_target(word))


def _data(name: str) -> str:
    return (compiled.DATA / name).read_text(encoding="utf-8")


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


def one_edit_apart(a: str, b: str) -> bool:
    """`edit_distance(a, b) == 1`, in one pass instead of a table of len(a) * len(b)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) != len(b):  # one insertion at the first difference
        return a[first:] == b[first + 1 :]
    if first == len(a):
        return False  # the same word
    if a[first + 1 :] == b[first + 1 :]:
        return True  # one substitution
    return (  # two neighbours swapped
        first + 1 < len(a)
        and a[first] == b[first + 1]
        and a[first + 1] == b[first]
        and a[first + 2 :] == b[first + 2 :]
    )


def edit_kind(typo: str, word: str) -> str:
    """How `typo` is one edit from `word`: "swap" (two neighbours), "double" (a letter
    doubled, or one of a pair dropped), "insert", "drop" or "change"."""
    if len(typo) == len(word):
        first = next(i for i, (x, y) in enumerate(zip(typo, word, strict=True)) if x != y)
        swapped = first + 1 < len(word) and typo[first + 1] == word[first]
        return "swap" if swapped and typo[first] == word[first + 1] else "change"
    longer, shorter = (typo, word) if len(typo) > len(word) else (word, typo)
    at = next(
        (i for i, (x, y) in enumerate(zip(shorter, longer, strict=False)) if x != y), len(shorter)
    )
    extra = longer[at]
    if (at and longer[at - 1] == extra) or (at + 1 < len(longer) and longer[at + 1] == extra):
        return "double"
    return "insert" if longer is typo else "drop"


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
    an ending (model/models, use/used), an "l" doubled before an ending
    (modeling/modelling), British
    and American s/z (visualisation/visualization) or another ending (sparsity/sparsify)."""
    short, long = sorted((word, other), key=len)
    if len(long) == len(short) + 1:
        if long.startswith(short):  # an ending: model/models, use/used, use/user
            return long[-1] in "sdr" and long[-1] != long[-2]  # not "captionss", "prunedd"
        return any(
            long[i - 1] == long[i] == "l"
            and long[i + 1 :] in _DOUBLING_ENDINGS
            and long[:i] + long[i + 1 :] == short
            for i in range(1, len(long))
        )
    if len(word) == len(other):
        diffs = [(a, b) for a, b in zip(word, other, strict=True) if a != b]
        if len(diffs) == 1 and set(diffs[0]) == {"s", "z"}:
            return True
        return any(
            len(word) > size + 3
            and word[:-size] == other[:-size]
            and {word[-size:], other[-size:]} <= _ALTERNATE_ENDINGS
            for size in (2, 3)
        )
    return False


_DOUBLING_ENDINGS = frozenset({"ing", "ings", "ed", "er", "ers", "ation", "ations"})
"""Endings before which British and American spelling differ by a doubled "l" ("modelling",
"labelled"); a letter doubled elsewhere is a typo ("Reasoniing", "Reasonning")."""
_ALTERNATE_ENDINGS = frozenset({"ed", "er", "es", "en", "ity", "ify", "ies", "ied", "ier"})
"""Endings that make two forms of one stem a letter apart: "tokenized" and "tokenizer",
"sparsity" and "sparsify"."""
