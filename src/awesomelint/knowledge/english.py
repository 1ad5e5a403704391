"""Correct English words, US and UK spellings, inflections included: the guard of every
guessed spelling correction ("Perception" is a word, whatever the list says about
"Perceptron").

The words are those of the frequency dictionary that the `symspellpy` package ships (MIT
licence; 82,765 words, SCOWL's spell-checker word lists intersected with Google Books n-grams,
so US and British forms and their inflections, without the misspellings that raw frequency
lists hold). The file is read, never imported through symspellpy's code, and only when a
word is looked up; the sorted words are compiled into the user cache folder (see `compiled`),
so that later runs load them as one text instead of splitting 1.3 MB of it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from awesomelint.knowledge import compiled

PACKAGE = "symspellpy"
DATA_FILE = "frequency_dictionary_en_82_765.txt"

# Regular endings, each with what its stem may end in (None: anything but "e"): "shard" +
# "ing", "tokenize" + "d", "box" + "es". Irregular ones ("-ly", "-ment", "-ity") are left out:
# they make words of codespell's misspellings ("accidently", "achievment").
_ENDINGS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("s", None),
    ("es", ("s", "x", "z", "ch", "sh")),
    ("ed", None),
    ("d", ("e",)),
    ("ing", None),
    ("er", None),
    ("ers", None),
)
MIN_STEM = 5
"""A shorter stem is not trusted: "lear" + "ing" would make a word of the typo "learing"."""


def _read_words(path: Path) -> list[str]:
    """The first column of the dictionary, lower case: `word count` lines."""
    text = path.read_text(encoding="utf-8").lower()
    return text.split()[0::2]


@functools.cache
def words() -> compiled.SortedText:
    """Every word of the English list, lower case; empty when the package is missing."""
    folder = compiled.package_folder(PACKAGE)
    if folder is None:
        return compiled.SortedText(())
    path = folder / DATA_FILE
    try:
        return compiled.load_sorted("english-sorted", PACKAGE, path, lambda: _read_words(path))
    except (OSError, UnicodeDecodeError):
        return compiled.SortedText(())


def _stems(word: str, ending: str, after: tuple[str, ...] | None) -> tuple[str, ...]:
    """The words that `word` may be `ending` added to."""
    stem = word[: -len(ending)]
    if len(stem) < MIN_STEM:
        return ()
    if after is not None:
        return (stem,) if stem.endswith(after) else ()
    if ending == "s":
        return () if stem.endswith("s") or _consonant_y(stem) else (stem,)  # "accesss"
    if stem.endswith(("iz", "is")):
        return (stem + "e",)  # "tokeniz" + "er" -> "tokenize"
    if stem.endswith("e") or _single_final_consonant(stem):
        # "agreeed"; "admit" + "ed", "begin" + "ing": whether the consonant doubles cannot
        # be told from the letters, and the list has the forms of its own words.
        return ()
    if stem.endswith("i"):
        return (stem[:-1] + "y",)  # "studi" + "ed" -> "study"
    if ending.startswith("er"):
        return (stem,)  # any adjective in -e would take an -r ("multiple" + "r")
    return (stem, stem + "e")


def _consonant_y(stem: str) -> bool:
    return stem.endswith("y") and stem[-2] not in "aeiou"


def _single_final_consonant(stem: str) -> bool:
    """A stem that ends in one consonant after one vowel: whether it doubles before a
    vowel cannot be told from the letters, so a form the list does not hold is not made."""
    vowels = "aeiou"
    last, before, third = stem[-1], stem[-2], stem[-3]
    return last not in vowels + "wxy" and before in vowels and third not in vowels


def is_word(word: str) -> bool:
    """Whether `word` (lower case) is in the English list as it is."""
    return word in words()


@functools.lru_cache(maxsize=65536)
def is_english(word: str) -> bool:
    """Whether `word` (lower case) is an English word, or a regular ending added to one
    ("sharding" from "shard", "tokenized" from "token" + "ize" + "d"). Doubled consonants are
    not undone ("reasonning" is no form of "reason"): the list has the forms that double
    them."""
    known = words()
    if word in known:
        return True
    return any(
        stem in known or _is_derived(stem, known)
        for ending, after in _ENDINGS
        if word.endswith(ending)
        for stem in _stems(word, ending, after)
    )


def _is_derived(stem: str, known: compiled.SortedText) -> bool:
    """A verb in -ize made from a word: "tokenize" from "token", "quantize" from "quant"."""
    for ending in ("ize", "ise"):
        base = stem[: -len(ending)]
        if stem.endswith(ending) and len(base) >= MIN_STEM - 1 and base in known:
            return True
    return False
