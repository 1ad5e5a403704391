"""The words one edit from a word (a letter added, dropped, changed, or two swapped), found
with a symmetric-delete index: two such words share their deletion keys' forms."""

from __future__ import annotations

from collections.abc import Iterable


def deletion_keys(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words one edit apart share
    one of these."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def deletion_index(words: Iterable[str]) -> dict[str, set[str]]:
    """Every word under itself and under each one-deletion form, so that the words one edit
    from a word are found with len(word) + 1 look-ups."""
    index: dict[str, set[str]] = {}
    for word in words:
        index.setdefault(word, set()).add(word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return index


def neighbours(word: str, index: dict[str, set[str]]) -> set[str]:
    """The indexed words that share a one-deletion form with `word`, but not `word`."""
    found: set[str] = set()
    for i in range(len(word)):
        found |= index.get(word[:i] + word[i + 1 :], set())
    return found - {word}
