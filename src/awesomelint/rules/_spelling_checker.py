"""How misspelling (TYP001) judges a spelling, and a place where it is written: the sources of
corrections, the support the files give a suggestion, and the signs of a name. The rule's
documentation (misspelling.py) says what these judgements are and why.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Hashable, Sequence

from awesomelint.knowledge import english, spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules import _spelling_memory as memory
from awesomelint.rules._names import glued, in_author_list, in_compound_name, names_a_work
from awesomelint.rules._near_words import deletion_index, neighbours
from awesomelint.rules._prose import Word, Words, line_around
from awesomelint.rules._spelling_memory import Candidate, PlaceKey, Recall

MIN_TYPO_LENGTH = 5
"""Shorter words are not checked against the files: short words have too many neighbours."""
MIN_PAIR_LENGTH = 6
"""...and the word or its suggestion must have this many letters."""
MIN_VOCABULARY_LENGTH = 6
"""A word one edit from a field word that the files do not use needs this many letters."""
RARE = 2
"""A word used more often than this is the list's own spelling, not a typo."""
MIN_SUPPORT = 2
SUPPORT_RATIO = 2
"""The suggestion must be used at least MIN_SUPPORT times, and SUPPORT_RATIO times as often
as the word."""
NAME_RATIO = 3
"""A Capitalised word one edit from a name: the name must be used this many times as often."""
SURE_SUPPORT = 10
SURE_RATIO = 10
SURE_LENGTH = 7
"""A fix from the files is safe when the suggestion is used SURE_SUPPORT times and SURE_RATIO
times as often as the word, which has SURE_LENGTH letters or more."""
MAX_WORD_LENGTH = 40
"""A longer run of letters is not a word (codespell's longest has 34 letters): it is never
looked up, and its neighbours, a number of strings of its length each, are never built."""

_POSSESSIVE = frozenset({"'s", "\u2019s"})


def checkable(word: str) -> bool:
    """Plain words only: ASCII letters, lower case, Capitalised or UPPER (not CircuitsVis),
    or Capitalised with the capital typed twice ("SSurvey")."""
    if not (word.isascii() and word.isalpha() and 3 <= len(word) <= MAX_WORD_LENGTH):
        return False
    if word.islower() or word.isupper() or word[1:].islower():
        return True
    return word[0] == word[1] and word[2:].islower()


class Checker:
    """One run's judgements over the prose of every file; `recalled` is what still holds of
    the last run (see _spelling_memory.py)."""

    def __init__(
        self,
        counts: Counter[str],
        allowed: frozenset[str],
        docs: Sequence[Words],
        recalled: Recall | None,
    ) -> None:
        self.counts = counts
        # Uses written as words (lower case, Capitalised or UPPER), not as mixed-case names:
        # "KVCache" is no use of a word "kvcache" that "Kcache" could be a typo of.
        self.plain: Counter[str] = Counter()
        for words in docs:
            for t, n in Counter(words.tokens).items():  # each spelling judged once
                if t.islower() or t.isupper() or t[1:].islower():
                    self.plain[t.lower()] += n
        self.allowed = allowed
        self.own = spelling.own_corrections()
        self.docs = docs
        self.recalled = recalled
        self.verdicts: dict[str, Candidate] = {}
        self.searched: set[str] = set()
        """The spellings whose verdict read the words one edit from them."""
        self.used: frozenset[str] | None = None
        self._in_lower_case = recalled.facts(recalled.last.in_lower_case) if recalled else {}
        self._in_author_lists = recalled.facts(recalled.last.in_author_lists) if recalled else {}

    @functools.cached_property
    def index(self) -> dict[str, set[str]]:
        self.used = frozenset(
            w
            for w, n in self.plain.items()
            if n >= MIN_SUPPORT and len(w) >= MIN_TYPO_LENGTH and checkable(w)
        )
        kept = self.recalled.index(self.used) if self.recalled else None
        return kept if kept is not None else deletion_index(spelling.vocabulary() | self.used)

    def run(
        self, options: Hashable, texts: tuple[str, ...], places: dict[PlaceKey, bool]
    ) -> memory.Run:
        """This run's judgements, for the next (see _spelling_memory.py)."""
        used, index = self.used, self.__dict__.get("index")
        if index is None and self.recalled:  # not needed this run: the last run's still pair
            used, index = self.recalled.last.used, self.recalled.last.index
        facts = (self._in_lower_case, self._in_author_lists)
        return memory.Run(options, texts, self.verdicts, self.searched, *facts, places, used, index)

    def in_lower_case(self, lower: str) -> bool:
        """Whether the files have the word written in lower case somewhere: names never are."""
        found = self._in_lower_case.get(lower)
        if found is None:
            found = self._in_lower_case[lower] = any(doc.has(lower) for doc in self.docs)
        return found

    def is_word(self, lower: str) -> bool:
        """Whether a word is known and not a name: in a dictionary, or common in the files and
        written in lower case there."""
        if _is_dictionary_word(lower):
            return True
        return self.counts[lower] > RARE and self.in_lower_case(lower)

    def is_name(self, lower: str) -> bool:
        """Whether a word the files' check suggests is a name: a name in the field vocabulary
        ("Mistral"), or a word of the files that is not English and never written in lower
        case there ("RoBERTa")."""
        if lower in spelling.vocabulary():
            return lower in spelling.names()
        if english.is_word(lower) or self.in_lower_case(lower):
            return False
        # Written only with a capital: a name when it is in an author list somewhere, else a
        # term of a list that capitalises its titles ("Softmax").
        return self.in_author_lists(lower)

    def in_author_lists(self, lower: str) -> bool:
        found = self._in_author_lists.get(lower)
        if found is None:
            found = self._in_author_lists[lower] = any(
                in_author_list(*doc.line_around(start))
                for doc in self.docs
                for start in doc.places(doc.spellings(lower))
            )
        return found

    def name_like(self, words: Sequence[Word], i: int, text: str, source: str) -> bool:
        """A capitalised word next to (or hyphenated with) a capitalised word that is not known
        as a word (see `is_word`): likely part of a name ("Mor Geva", "Farrugia-Roberts").
        Being common in the files is not enough: names are repeated too. Acronyms and
        mixed-case names next to it ("Efficient LLMs") do not make it a name. For a typo of
        the files' own words, the neighbour must be known as a name (see `is_name`): titles
        are full of capitalised terms that no dictionary has ("Blockwise Parallel")."""
        word = words[i]
        if not word.text[:1].isupper() or word.text.isupper():
            return False
        for j in (i - 1, i + 1):
            if not 0 <= j < len(words):
                continue
            other = words[j]
            left, right = (other, word) if j < i else (word, other)
            if (
                _adjacent(text, left, right)
                and other.text[:1].isupper()
                and other.text[1:].islower()
                and not self.is_word(other.text.lower())
                and (source != "files" or self.is_name(other.text.lower()))
            ):
                return True
        return False

    def candidate(self, lower: str) -> tuple[str, Correction] | None:
        """The correction, and its source, that a word spelt `lower` in some case gets when its
        place in the text does not rule it out (see `correction`)."""
        recalled = self.recalled
        if recalled is not None and recalled.still_holds(lower):
            found = recalled.last.candidates[lower]
            if lower in recalled.last.searched:
                self.searched.add(lower)
        else:
            found = self._candidate(lower)
        self.verdicts[lower] = found
        return found

    def _candidate(self, lower: str) -> tuple[str, Correction] | None:
        if lower in self.allowed or not checkable(lower):
            return None
        if lower in self.own:
            return "own", self.own[lower]
        found = spelling.codespell_correction(lower)
        if found is not None:
            return None if english.is_word(lower) else ("codespell", found)
        found = self._from_files(lower)
        return None if found is None else ("files", found)

    def correction(
        self, words_of: Words, words: Sequence[Word], i: int, source: str, fix: Correction
    ) -> bool:
        """Whether the place of words[i] (words: its line in `words_of`) lets the candidate
        correction from `source` stand; words on other lines are never next to it."""
        text = words_of.text
        word = words[i]
        lower = word.text.lower()
        if not checkable(word.text) or (word.tail and word.tail.lower() not in _POSSESSIVE):
            return False  # a contraction: "wasn't" is not "wasn"
        if glued(text, word) or (word.link is not None and lower in word.link.url.lower()):
            return False
        if source == "own":
            return True
        if word.text.isupper():
            return False  # an acronym ("LEACE"): only our own list knows those
        if self.name_like(words, i, text, source) or (len(lower) < 5 and _mid_sentence_name(word)):
            return False
        # Outside titles, a run of two names is enough ("_Pranjal Aggarwal, Sean Welleck_").
        full_names = 2 if words_of.in_title(word.start) else 1
        in_authors = in_author_list(*line_around(text, word.start), full_names)
        if in_authors or in_compound_name(text, words, i):
            return False
        if names_a_work(text, word):
            return False
        if source == "codespell":
            return True
        if word.text.islower():  # a name is never written so: "sunlin-ai" is a handle
            return not any(self.is_name(c) for c in fix.candidates)
        return all(self._name_allows(lower, c) for c in fix.candidates)

    def _name_allows(self, lower: str, suggestion: str) -> bool:
        """A Capitalised word one edit from a name is a name too ("Mixtral", "Yifei" and
        "Yinfei"), unless it is the kind of slip names do not differ by (two letters swapped,
        a letter doubled), the name starts alike and is far more common."""
        if not self.is_name(suggestion):
            return True
        return (
            suggestion[0] == lower[0]
            and self.plain[suggestion] >= NAME_RATIO * max(1, self.counts[lower])
            and spelling.edit_kind(lower, suggestion) in ("swap", "double")
        )

    def _from_files(self, lower: str) -> Correction | None:
        uses = self.counts[lower]
        if uses > RARE or len(lower) < MIN_TYPO_LENGTH or lower in spelling.vocabulary():
            return None
        if english.is_word(lower):  # a known word in any case, and cheap to tell (see below)
            return None
        self.searched.add(lower)
        near = self.index.get(lower, set()) | neighbours(lower, self.index)
        found = [
            c
            for c in near
            if c != lower
            and max(len(c), len(lower)) >= MIN_PAIR_LENGTH
            and self._supported(lower, c)
            and not _letter_at_an_end(lower, c)
            and spelling.one_edit_apart(lower, c)
            and not spelling.is_variant(lower, c)
        ]
        # Known words are looked up last: the codespell part of them is slow to look up.
        if not found or _is_dictionary_word(lower):
            return None
        found.sort(key=lambda c: (-self.plain[c], c))
        return Correction(tuple(found), sure=len(found) == 1 and self._sure(lower, found[0]))

    def _supported(self, lower: str, suggestion: str) -> bool:
        support = self.plain[suggestion]
        if support == 0:  # a field word the files do not use
            return len(lower) >= MIN_VOCABULARY_LENGTH and suggestion[0] == lower[0]
        return support >= MIN_SUPPORT and support >= SUPPORT_RATIO * self.counts[lower]

    def _sure(self, lower: str, suggestion: str) -> bool:
        """Overwhelming evidence: a long word, and a field word (not a name) that the files do
        not use, or a suggestion used very much more often and known as a word (English, or
        written in lower case in the files)."""
        support = self.plain[suggestion]
        if len(lower) >= SURE_LENGTH and not support and suggestion in spelling.vocabulary():
            return suggestion not in spelling.names()  # a field word, not a name
        return (
            len(lower) >= SURE_LENGTH
            and support >= SURE_SUPPORT
            and support >= SURE_RATIO * self.counts[lower]
            and (english.is_word(suggestion) or self.in_lower_case(suggestion))
        )


def _letter_at_an_end(lower: str, suggestion: str) -> bool:
    """A name made of a word and a letter before or after it: "Kcache" and "cache",
    "Imagic" and "magic", "badgen" and "badge" (a letter typed twice is a typo)."""
    if lower[1:] == suggestion:
        return lower[0] != suggestion[0]
    return lower[:-1] == suggestion and lower[-1] != suggestion[-1]


def _is_dictionary_word(lower: str) -> bool:
    """Whether the English list (with regular endings), the field vocabulary or a
    correction's target knows the word."""
    return english.is_english(lower) or spelling.is_known_word(lower)


def _mid_sentence_name(word: Word) -> bool:
    """A short capitalised word inside a sentence: a name such as "Mor" more than a typo."""
    return word.text[:1].isupper() and not word.at_start


def _adjacent(text: str, left: Word, right: Word) -> bool:
    """Whether two words of a line are next to each other: spaces or one hyphen between."""
    between = text[left.start + len(left.text) + len(left.tail) : right.start]
    return between == "-" or (between.strip(" ") == "" and "\n" not in between)
