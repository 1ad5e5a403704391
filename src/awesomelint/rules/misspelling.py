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

import bisect
import dataclasses as dc
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Link, LinkKind, Span
from awesomelint.knowledge import spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules._base import Context, Rule

PROSE_KEYS = frozenset({"title", "description", "tags", "categories", "summary", "excerpt"})
MIN_VOCABULARY_LENGTH = 6
"""The vocabulary check ignores shorter words: short words have too many neighbours."""
MIN_FILE_WORD_LENGTH = 8
"""...and words shorter than this when the suggestion is only common in the files (not a field
word): short English words one edit apart from another word are too many to list."""
COMMON = 3
RARE = 2

# What is never prose, as alternatives of one pattern, each with a string that any match of
# it contains: an alternative whose string is not in the text is left out of the pattern.
_HIDDEN_PARTS = (
    ("<!--", r"<!--.*?-->"),
    ("<", r"</?[A-Za-z][^<>]*>"),
    ("://", r"\b(?:https?|ftp)://\S+"),
    ("www.", r"\bwww\.\S+"),
    # Text with an "@" in it, to the end of its run of non-space: an e-mail address or handle.
    # (As `\S+@\S+`, but checking once for the "@" instead of backtracking for it.)
    ("@", r"\S(?=[^\s@]*+@\S)\S*"),
    ("]:", r"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[^\n]*"),  # a link reference definition
)
# Paths, domains and file names ("owner/repo", "nnsight.net") once the URLs are gone: each
# whole run of non-space with a word character, a "/", "." or "\" and a word character in it.
# The "/", "." or "\" between two word characters (matched first: it is rarer than a word).
_PATH_MARK = re.compile(r"[/.\\](?<=\w[/.\\])(?=\w)")
_RUN = re.compile(r"\S+")
_TOKEN = re.compile("(\\w+)(?:['\u2019]\\w+)*")
"""A word; the group is the part before any apostrophe ("don" of "don't")."""
_WORD_CHAR = re.compile(r"\w")
_BOUNDARY = frozenset(".!?:;-\u2013\u2014|([>#")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")
_SKIPPED = frozenset(" \t*_~\"'\u201c\u2018")


@dc.dataclass(frozen=True, slots=True)
class Options:
    allowed_words: tuple[str, ...] = ()


@dc.dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    at_start: bool
    """First word of a sentence, heading, title or list item."""
    link: Link | None
    """The link whose text the word is in."""


def _hidden_spans(doc: Document) -> list[tuple[int, int]]:
    """What is never prose: front matter other than its prose values, code, link targets."""
    spans: list[tuple[int, int]] = []
    front = doc.front_matter
    if front is not None:
        start = front.span.start
        values = sorted(
            (field.value_span.start, field.value_span.end)
            for field in front.fields
            if field.key.lower() in PROSE_KEYS
        )
        for value_start, value_end in values:
            spans.append((start, max(start, value_start)))
            start = max(start, value_end)
        spans.append((start, front.span.end))
    spans.extend((span.start, span.end) for span in doc.code_spans)
    spans.extend((link.url_span.start, link.url_span.end) for link in doc.links)
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by as many spaces."""
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        if start < end:
            pieces += (text[done:start], " " * (end - start))
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


@functools.lru_cache(maxsize=64)  # 2 ** len(_HIDDEN_PARTS): every choice of parts
def _hidden_pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.DOTALL | re.MULTILINE)


def _path_spans(text: str) -> list[tuple[int, int]]:
    """The runs of non-space that look like a path, a domain or a file name."""
    spans: list[tuple[int, int]] = []
    done = 0
    for mark in _PATH_MARK.finditer(text):
        at = mark.start()
        if at < done:
            continue
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        for run in _RUN.finditer(text, line_start, line_end):
            if run.end() > at:
                spans.append(run.span())
                done = run.end()
                break
    return spans


def _visible(doc: Document) -> str:
    """doc.text with everything that is not prose replaced by spaces (offsets kept)."""
    text = _blank_spans(doc.text, _hidden_spans(doc))
    parts = tuple(part for literal, part in _HIDDEN_PARTS if literal in text)
    if parts:
        hidden = _hidden_pattern(parts)
        text = _blank_spans(text, [m.span() for m in hidden.finditer(text)])
    return _blank_spans(text, _path_spans(text))


def _at_start(text: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and text[pos] in _SKIPPED:
        pos -= 1
    return pos < 0 or text[pos] == "\n" or text[pos] in _BOUNDARY


class _Words:
    """The words of a document's prose. Only their text is listed up front; the place of a
    word is looked for when it may be misspelt, and its neighbours on its line with it."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.tokens: list[str] = _TOKEN.findall(text)
        """Each word's part before any apostrophe, in order."""

    @functools.cached_property
    def link_starts(self) -> list[int]:
        return [link.text_span.start for link in self.doc.links]

    def _is_word_start(self, start: int, end: int) -> bool:
        """Whether text[start:end], all word characters, is a whole token's first part."""
        text = self.text
        if _WORD_CHAR.match(text, end):
            return False
        if start == 0 or _WORD_CHAR.match(text, start - 1):
            return start == 0
        return not (
            text[start - 1] in "'\u2019" and start >= 2 and _WORD_CHAR.match(text, start - 2)
        )

    def has(self, head: str) -> bool:
        """Whether a word whose text is `head` (in that case) is in the prose."""
        at = self.text.find(head)
        while at != -1:
            if self._is_word_start(at, at + len(head)):
                return True
            at = self.text.find(head, at + 1)
        return False

    def places(self, heads: Iterable[str]) -> list[int]:
        """Where the words whose text is one of `heads` start, in order."""
        found = []
        for head in heads:
            at = self.text.find(head)
            while at != -1:
                if self._is_word_start(at, at + len(head)):
                    found.append(at)
                at = self.text.find(head, at + 1)
        return sorted(found)

    def line(self, start: int) -> list[_Word]:
        """The words of the line that has offset `start`."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end == -1 else line_end
        return [
            self._word(m[1], m.start()) for m in _TOKEN.finditer(self.text, line_start, line_end)
        ]

    def _word(self, head: str, start: int) -> _Word:
        index = bisect.bisect_right(self.link_starts, start) - 1
        link = self.doc.links[index] if index >= 0 else None
        if link is not None and not link.text_span.contains(start):
            link = None
        return _Word(head, start, _at_start(self.text, start), link)


def _checkable(word: str) -> bool:
    """Plain words only: ASCII letters, lower case, Capitalised or UPPER (not CircuitsVis)."""
    if not (word.isascii() and word.isalpha() and len(word) >= 3):
        return False
    return word.islower() or word.isupper() or word[1:].islower()


class _Checker:
    def __init__(self, counts: Counter[str], options: Options, docs: Sequence[_Words]) -> None:
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

    def name_like(self, words: Sequence[_Word], i: int, text: str) -> bool:
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
        if lower in self.allowed or not (lower.isascii() and lower.isalpha() and len(lower) >= 3):
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
        self, words: Sequence[_Word], i: int, text: str, source: str, fix: Correction
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
            and spelling.edit_distance(lower, c) == 1
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


def _mid_sentence_name(word: _Word) -> bool:
    """A short capitalised word inside a sentence: a name such as "Mor" more than a typo."""
    return word.text[:1].isupper() and not word.at_start


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    """Whether two words of a line are next to each other: spaces or one hyphen between."""
    between = text[left.start + len(left.text) : right.start]
    return between == "-" or (between.strip(" ") == "" and "\n" not in between)


def _finding(ctx: Context[Options], doc: Document, word: _Word, fix: Correction) -> Finding:
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
    per_doc = [(ctx, _Words(ctx.document, _visible(ctx.document))) for ctx in contexts]
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
            line = words.line(start)
            i = next(k for k, word in enumerate(line) if word.start == start)
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
