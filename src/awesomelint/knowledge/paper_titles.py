"""Comparing the titles of two copies of an entry: do they name one work?"""

from __future__ import annotations

import enum
import functools
import re

from awesomelint.document.entry_text import plain

MIN_TITLE_WORDS = 3
"""A title with fewer words does not identify an entry on its own."""
SHORT_NAME_WORDS = 3
"""A title of at most this many words (`AS-1B`, `LAMM Benchmark`) is a short name."""
SIMILAR_WORDS = 0.5
"""Share of words (of both titles' words together) at which two titles name one work."""
_NON_WORD = re.compile(r"[\W_]+")


class TitleRelation(enum.Enum):
    ABSENT = "absent"
    """One copy has no title: nothing to compare."""
    SAME = "same"
    """The same words, or one title contains the other whole (`ROME: Locating ...`)."""
    SIMILAR = "similar"
    """Most words agree (`SIMILAR_WORDS`), and not both are short names: one work, one copy's
    title edited or stale."""
    DIFFERENT = "different"
    """Different works that share a link."""


@functools.lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """A comparison form of a title: plain text, casefolded, punctuation and spaces squeezed."""
    return _NON_WORD.sub(" ", plain(title).casefold()).strip()


@functools.lru_cache(maxsize=65536)
def title_key(title: str) -> str | None:
    """The title as an identity key, or None when it is too short to identify anything."""
    normal = normalize_title(title)
    return normal if len(normal.split()) >= MIN_TITLE_WORDS else None


def _words(title: str) -> list[str]:
    return normalize_title(title).split()


def is_short_name(title: str) -> bool:
    """A name such as `AS-1B` or `LAMM-Benchmark` rather than a paper's full title."""
    return 0 < len(_words(title)) <= SHORT_NAME_WORDS


@functools.lru_cache(maxsize=65536)
def title_relation(one: str, other: str) -> TitleRelation:
    """How two copies' titles relate; see `TitleRelation`."""
    here, there = normalize_title(one), normalize_title(other)
    if not here or not there:
        return TitleRelation.ABSENT
    if f" {here} " in f" {there} " or f" {there} " in f" {here} ":
        return TitleRelation.SAME
    if is_short_name(one) and is_short_name(other):
        return TitleRelation.DIFFERENT  # `Inst-IT Bench` and `Inst-IT Dataset` are two things
    words, others = set(here.split()), set(there.split())
    if len(words & others) >= SIMILAR_WORDS * len(words | others):
        return TitleRelation.SIMILAR
    return TitleRelation.DIFFERENT
