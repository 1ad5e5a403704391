"""TYP001 misspelling: a misspelt word in a title, description, heading, tag or paragraph.

Why: a typo in a title makes the paper hard to find by search, and a typo in a heading is
the first thing a reader sees. Lists in this field keep misspelling the same few words
(`Interpretibility`, `Visulization`, `Transfomer`).

Bad:
    ## Visulization
    - [Transfomer Lens](https://github.com/TransformerLensOrg/TransformerLens)

Good:
    ## Visualization
    - [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens)

Three sources are used: awesomelint's own list of field misspellings (data/typos.txt),
codespell's dictionary (read from the installed codespell package) and the checked files
themselves: a rare word one edit away from a word in awesomelint's field vocabulary, or from
a word common in the files (3 or more uses), is reported with that word as the suggestion.
Only prose is checked: never URLs, code, HTML attributes or front matter keys other than
title, description, tags, categories, summary and excerpt. Words with digits, mixed-case
names (CircuitsVis) and a word that the link around it has in its URL are left alone.

Precision comes before recall: names, model names and acronyms are not in any dictionary,
and a false "fix" of an author's name is worse than a missed typo. So only our own list,
which always applies ("Transfomer Lens"), is trusted everywhere; the other two sources skip

- ALL-CAPS words of any length (acronyms such as "LEACE", not codespell's "leave");
- Capitalised words next to, or hyphenated with, a Capitalised word that is not known as a
  word ("Mor Geva", "Farrugia-Roberts"), and short (< 5 letters) Capitalised words inside a
  sentence. Known means in a dictionary, or common in the files *and* written in lower case
  there: names are repeated as often as words, but never in lower case;

and the check against the files and the field vocabulary also skips

- a Capitalised word whose suggestion is a name: a name in the field vocabulary (written
  with capitals in data/vocabulary.txt) or a word of the files never written in lower case
  ("Mixtral" is not "Mistral", "Roberts" not "RoBERTa");
- a suggestion with another first letter (typos seldom change it, English words often differ
  only there: "grained", "trained"), and one common in the files but not a field word when
  the word is under 8 letters: there is no English word list to tell "grained" from a typo.

The cost: a typo in an author's name, an acronym, or a short word that differs from a
common word in its first letter is not reported unless data/typos.txt has it.

Fix: safe when there is exactly one suggestion; the word's case is kept (Interpretibility ->
Interpretability, VISULIZATION -> VISUALIZATION). Otherwise the finding only suggests.

Options: allowed_words: words never reported (case-insensitive).
"""

from __future__ import annotations

import dataclasses as dc
import functools
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, LinkKind, Span
from awesomelint.knowledge import spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._prose import Word, Words, visible_prose

MIN_VOCABULARY_LENGTH = 6
"""The vocabulary check ignores shorter words: short words have too many neighbours."""
MIN_FILE_WORD_LENGTH = 8
"""...and words shorter than this when the suggestion is only common in the files (not a field
word): short English words one edit apart from another word are too many to list."""
COMMON = 3
RARE = 2
MAX_WORD_LENGTH = 40
"""A longer run of letters is not a word (codespell's longest has 34 letters): it is never
looked up, and its neighbours, a number of strings of its length each, are never built."""

_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")


@dc.dataclass(frozen=True, slots=True)
class Options:
    allowed_words: tuple[str, ...] = ()


def _checkable(word: str) -> bool:
    """Plain words only: ASCII letters, lower case, Capitalised or UPPER (not CircuitsVis)."""
    if not (word.isascii() and word.isalpha() and 3 <= len(word) <= MAX_WORD_LENGTH):
        return False
    return word.islower() or word.isupper() or word[1:].islower()


class _Checker:
    def __init__(self, counts: Counter[str], options: Options, docs: Sequence[Words]) -> None:
        self.counts = counts
        self.allowed = frozenset(w.lower() for w in options.allowed_words)
        self.own = spelling.own_corrections()
        self.docs = docs
        self._in_lower_case: dict[str, bool] = {}

    @functools.cached_property
    def index(self) -> dict[str, set[str]]:
        common = {w for w, n in self.counts.items() if n >= COMMON}
        targets = spelling.vocabulary() | {w for w in common if _checkable(w)}
        return _deletion_index(targets)

    def is_known(self, lower: str) -> bool:
        return self.counts[lower] >= COMMON or _is_dictionary_word(lower)

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
        return self.counts[lower] >= COMMON and self.in_lower_case(lower)

    def is_name(self, lower: str) -> bool:
        """Whether a word the vocabulary check suggests is a name: a name in the field
        vocabulary ("Mistral"), or a word of the files never written in lower case there
        ("RoBERTa")."""
        if lower in spelling.vocabulary():
            return lower in spelling.names()
        return not self.in_lower_case(lower)

    def name_like(self, words: Sequence[Word], i: int, text: str) -> bool:
        """A capitalised word next to (or hyphenated with) a capitalised word that is not known
        as a word (see `is_word`): likely part of a name ("Mor Geva", "Farrugia-Roberts").
        Being common in the files is not enough: names are repeated too."""
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
                and not self.is_word(other.text.lower())
            ):
                return True
        return False

    def candidate(self, lower: str) -> tuple[str, Correction] | None:
        """The correction, and its source, that a word spelt `lower` in some case gets when its
        place in the text does not rule it out (see `correction`)."""
        if lower in self.allowed or not _checkable(lower):
            return None
        if lower in self.own:
            return "own", self.own[lower]
        found = spelling.codespell_correction(lower)
        if found is not None:
            return "codespell", found
        if len(lower) < MIN_VOCABULARY_LENGTH:
            return None
        found = self._from_vocabulary(lower)
        return None if found is None else ("vocabulary", found)

    def correction(
        self, words: Sequence[Word], i: int, text: str, source: str, fix: Correction
    ) -> bool:
        """Whether the place of words[i] (words: its line) lets the candidate correction from
        `source` stand; words on other lines are never next to it (see `_adjacent`)."""
        word = words[i]
        lower = word.text.lower()
        if not _checkable(word.text):
            return False
        if word.link is not None and lower in word.link.url.lower():
            return False
        if source == "own":
            return True
        if word.text.isupper():
            return False  # an acronym ("LEACE"): only our own list knows those
        if self.name_like(words, i, text) or (len(lower) < 5 and _mid_sentence_name(word)):
            return False
        if source == "codespell":
            return True
        # The vocabulary check: a Capitalised word one edit from a name is a name ("Mixtral").
        return word.text.islower() or not any(self.is_name(c) for c in fix.candidates)

    def _from_vocabulary(self, lower: str) -> Correction | None:
        if self.counts[lower] > RARE:
            return None
        near = self.index.get(lower, set()) | _neighbours(lower, self.index)
        vocabulary = spelling.vocabulary()
        found = [
            c
            for c in near
            # A typo seldom changes the first letter; English words often differ there only
            # ("grained", "trained").
            if c[0] == lower[0]
            and (c in vocabulary or len(lower) >= MIN_FILE_WORD_LENGTH)
            and spelling.one_edit_apart(lower, c)
            and not spelling.is_variant(lower, c)
        ]
        # Known words are looked up last: the codespell part of them is slow to look up.
        if not found or self.is_known(lower):
            return None
        found.sort(key=lambda c: (-self.counts[c], c))
        return Correction(tuple(found), sure=len(found) == 1)


def _deletion_index(words: frozenset[str]) -> dict[str, set[str]]:
    """Symmetric-delete index: every word under itself and under each one-deletion form."""
    index: dict[str, set[str]] = {}
    for word in words:
        index.setdefault(word, set()).add(word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return index


def _neighbours(word: str, index: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    for i in range(len(word)):
        found |= index.get(word[:i] + word[i + 1 :], set())
    return found - {word}


def _is_dictionary_word(lower: str) -> bool:
    """Whether a dictionary knows the word, or the word less a common ending."""
    if spelling.is_known_word(lower):
        return True
    return any(
        lower.endswith(suffix) and spelling.is_known_word(lower[: -len(suffix)])
        for suffix in _SUFFIXES
    )


def _mid_sentence_name(word: Word) -> bool:
    """A short capitalised word inside a sentence: a name such as "Mor" more than a typo."""
    return word.text[:1].isupper() and not word.at_start


def _adjacent(text: str, left: Word, right: Word) -> bool:
    """Whether two words of a line are next to each other: spaces or one hyphen between."""
    between = text[left.start + len(left.text) : right.start]
    return between == "-" or (between.strip(" ") == "" and "\n" not in between)


def _finding(ctx: Context[Options], doc: Document, word: Word, fix: Correction) -> Finding:
    suggestions = [spelling.match_case(word.text, c) for c in fix.candidates]
    end = word.start + len(word.text)
    where = Span(word.start, end)
    # A reference link's text may be its label too: changing it would unlink it.
    in_reference = word.link is not None and word.link.kind is LinkKind.REFERENCE
    if fix.sure and len(suggestions) == 1 and not in_reference:
        return ctx.finding(
            where,
            f"{word.text!r} is misspelt: {suggestions[0]!r}",
            fix=Fix((Edit(word.start, end, suggestions[0]),)),
            document=doc,
        )
    shown = " or ".join(repr(s) for s in suggestions[:3])
    return ctx.finding(where, f"{word.text!r} may be misspelt: {shown}?", document=doc)


def check(contexts: Sequence[Context[Options]]) -> Iterator[Finding]:
    if not contexts:
        return
    per_doc = [(ctx, Words(ctx.document, visible_prose(ctx.document))) for ctx in contexts]
    counts = Counter(map(str.lower, itertools.chain.from_iterable(w.tokens for _, w in per_doc)))
    checker = _Checker(counts, contexts[0].options, [words for _, words in per_doc])
    # Most words cannot be misspelt whatever their place: look each spelling up once.
    candidates = {
        lower: found for lower in counts if (found := checker.candidate(lower)) is not None
    }
    candidates = {lower: found for lower, found in candidates.items() if found[1].candidates}
    for ctx, words in per_doc:
        heads = {head for head in set(words.tokens) if head.lower() in candidates}
        for start in words.places(heads):
            line, i = words.word_at(start)
            source, fix = candidates[line[i].text.lower()]
            if checker.correction(line, i, words.text, source, fix):
                yield _finding(ctx, ctx.document, line[i], fix)


RULE = Rule(
    code="TYP001",
    name="misspelling",
    summary="A word in prose is misspelt (codespell, field typos, rare near-duplicates)",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    options=Options,
    scope="project",
)
