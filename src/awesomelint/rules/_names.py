"""Where a word of prose is part of a name rather than a word: in a run of author names
("Weihao Liu, Ning Wu, Shiping Yang"), glued to markup ("$\\underline{U}$ser"), or
hyphenated with an acronym or a mixed-case name ("LLM-Shearing", "LLaVA-Plus")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from awesomelint.rules._prose import Word

_CHUNK_SPLIT = re.compile(r"[,;]")
_ET_AL = re.compile(r"\s+et al\.?$")
_NAME_MARKS = frozenset("'\u2019.-")
_DECORATION = " \t*_~\"'()[]|"
_GLUE_BEFORE = frozenset("$}{\\^")
_GLUE_AFTER = frozenset("${\\^")
MAX_NAME_PARTS = 4


_MARKUP = re.compile(r" {2,}|[_*|\[\](){}\\]|(?<![A-Z])\.\s+(?=\S{3})")
"""Where a name stops: emphasis, brackets, a table cell, a full stop after a word, or what
was blanked out of the prose (a run of spaces)."""
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
        "zu",
        "i",
        "y",
        "e",
    ]
)


def _name_chunk(chunk: str) -> bool:
    """A chunk of an author list: one to four capitalised parts ("Rao M. Anwer"), particles
    ("Michiel de Jong") not counted."""
    chunk = chunk.strip(_DECORATION)
    chunk = chunk.removeprefix("and ")
    chunk = _ET_AL.sub("", chunk)
    parts = [p for p in chunk.split() if p not in _PARTICLES]
    return 0 < len(parts) <= MAX_NAME_PARTS and all(map(_name_part, parts))


def _name_part(part: str) -> bool:
    """ "Rao", "M.", "Jiménez", "Lee-Thorp": a capital, then letters and marks."""
    return part[0].isupper() and all(c.isalpha() or c in _NAME_MARKS for c in part)


def _last_piece(chunk: str) -> str:
    return _MARKUP.split(chunk)[-1]


def _first_piece(chunk: str) -> str:
    return _MARKUP.split(chunk)[0]


_SINGLE_EMPHASIS = re.compile(r"(?<![*_\w])[*_]([^*_,\n]+)[*_](?![*_\w])")
"""`*Name Surname*` or `_Name Surname_`: a single author in italics (titles are in bold)."""


def _in_emphasised_name(line: str, offset: int) -> bool:
    return any(
        m.start(1) <= offset < m.end(1) and len(m[1].split()) >= 2 and _name_chunk(m[1])
        for m in _SINGLE_EMPHASIS.finditer(line)
    )


def in_author_list(line: str, offset: int, min_full_names: int = 2) -> bool:
    """Whether line[offset] is in a run of comma-separated names, `min_full_names` of which
    have two parts or more: an author list, not a title's list of words ("Learning,
    Reasoning"); or in a name followed by "et al", or in a name alone in italics."""
    cuts = [-1] + [m.start() for m in _CHUNK_SPLIT.finditer(line)] + [len(line)]
    starts = [a + 1 for a in cuts[:-1]]
    here = max(i for i, start in enumerate(starts) if start <= offset)
    chunks = [line[a + 1 : b] for a, b in itertools.pairwise(cuts)]
    # The word's own chunk, cut at the markup around it; a label before the names
    # ("Authors: ...", "_Names_") belongs to no chunk, nor what follows the last name.
    at = offset - starts[here]
    own = chunks[here]
    own = _first_piece(_last_piece(own[:at]) + own[at:]).rsplit(":", 1)[-1]
    if not _name_chunk(own):
        return False
    if " et al" in chunks[here][at:] or _in_emphasised_name(line, offset):
        return True  # "*Ziheng Huang (University of ...) et al.*", "*Ada Lovelace*"
    run = [own]
    low = here - 1
    while low >= 0 and _name_chunk(piece := _last_piece(chunks[low]).rsplit(":", 1)[-1]):
        run.append(piece)
        if piece != chunks[low]:
            break  # the run starts after markup
        low -= 1
    high = here + 1
    while high < len(chunks) and _name_chunk(piece := _first_piece(chunks[high])):
        run.append(piece)
        if piece != chunks[high]:
            break  # the run ends at markup
        high += 1
    return len(run) >= 2 and sum(len(c.split()) >= 2 for c in run) >= min_full_names


def glued(text: str, word: Word) -> bool:
    """A word that markup runs into: a piece of a longer word ("$\\underline{U}$ser")."""
    start = word.start
    end = start + len(word.text) + len(word.tail)
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in _GLUE_BEFORE or after in _GLUE_AFTER


def names_a_work(text: str, word: Word) -> bool:
    """The lead word of "Imagic: Text-Based Real Image Editing": the name of the method."""
    end = word.start + len(word.text) + len(word.tail)
    return word.at_start and text[end : end + 1] == ":"


def is_acronym_or_mixed(token: str) -> bool:
    """ "LLM", "LLaVA", "MoE", "GPT4": not a plain word."""
    return any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token)


def in_compound_name(text: str, words: Sequence[Word], i: int) -> bool:
    """A word hyphenated with an acronym or a mixed-case word: "LLM-Shearing", "LLaVA-Plus"."""
    word = words[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words):
            continue
        other = words[j]
        left, right = (other, word) if j < i else (word, other)
        between = text[left.start + len(left.text) + len(left.tail) : right.start]
        if between == "-" and is_acronym_or_mixed(other.text):
            return True
    return False
