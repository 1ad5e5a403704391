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

Three sources are used: codespell's dictionary (read from the installed codespell package),
awesomelint's own list of field misspellings, and the checked files themselves: a rare word
one edit away from a word that is common in the files (3 or more uses) or in awesomelint's
field vocabulary is reported with that word as the suggestion. Only prose is checked: never
URLs, code, HTML attributes or front matter keys other than title, description, tags,
categories, summary and excerpt. Words with digits, acronyms, mixed-case names (CircuitsVis)
and capitalised words next to other unknown capitalised words (author names such as
"Mor Geva") are left alone, and so is a word that the link around it has in its URL.

Fix: safe when there is exactly one suggestion; the word's case is kept (Interpretibility ->
Interpretability, VISULIZATION -> VISUALIZATION). Otherwise the finding only suggests.

Options: allowed_words: words never reported (case-insensitive).
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from awesomelint import spelling
from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.model import Document, Link, LinkKind, Span
from awesomelint.rules._base import Context, Rule
from awesomelint.spelling import Correction

PROSE_KEYS = frozenset({"title", "description", "tags", "categories", "summary", "excerpt"})
MIN_VOCABULARY_LENGTH = 6
"""The vocabulary check ignores shorter words: short words have too many neighbours."""
COMMON = 3
RARE = 2

_HIDDEN = re.compile(
    r"<!--.*?-->|</?[A-Za-z][^<>]*>|\b(?:https?|ftp)://\S+|\bwww\.\S+|\S+@\S+"
    r"|^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[^\n]*",  # a link reference definition, label included
    re.DOTALL | re.MULTILINE,
)
# Paths, domains and file names ("owner/repo", "nnsight.net") once the URLs are gone.
_PATHLIKE = re.compile(r"\S*\w[/.\\]\w\S*")
_TOKEN = re.compile("\\w+(?:['\u2019]\\w+)*")
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


def _visible(doc: Document) -> str:
    """doc.text with everything that is not prose replaced by spaces (offsets kept)."""
    chars = list(doc.text)

    def hide(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    front = doc.front_matter
    if front is not None:
        hide(front.span.start, front.span.end)
        for field in front.fields:
            if field.key.lower() in PROSE_KEYS:
                span = field.value_span
                chars[span.start : span.end] = doc.text[span.start : span.end]
    for span in doc.code_spans:
        hide(span.start, span.end)
    for link in doc.links:
        hide(link.url_span.start, link.url_span.end)
    text = "".join(chars)
    for pattern in (_HIDDEN, _PATHLIKE):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _at_start(text: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and text[pos] in _SKIPPED:
        pos -= 1
    return pos < 0 or text[pos] == "\n" or text[pos] in _BOUNDARY


def _words(doc: Document, text: str) -> list[_Word]:
    link_starts = [link.text_span.start for link in doc.links]
    words = []
    for match in _TOKEN.finditer(text):
        token = re.split("['\u2019]", match.group(), maxsplit=1)[0]
        start = match.start()
        index = bisect.bisect_right(link_starts, start) - 1
        link = doc.links[index] if index >= 0 else None
        if link is not None and not link.text_span.contains(start):
            link = None
        words.append(_Word(token, start, _at_start(text, start), link))
    return words


def _checkable(word: str) -> bool:
    """Plain words only: ASCII letters, lower case, Capitalised or UPPER (not CircuitsVis)."""
    if not (word.isascii() and word.isalpha() and len(word) >= 3):
        return False
    return word.islower() or word.isupper() or word[1:].islower()


class _Checker:
    def __init__(self, counts: Counter[str], options: Options) -> None:
        self.counts = counts
        self.allowed = frozenset(w.lower() for w in options.allowed_words)
        self.own = spelling.own_corrections()
        self.codespell = spelling.codespell_corrections()
        self.known = spelling.known_words()
        common = {w for w, n in counts.items() if n >= COMMON}
        self.targets = spelling.vocabulary() | {w for w in common if _checkable(w)}
        self.index = _deletion_index(self.targets)

    def is_known(self, lower: str) -> bool:
        if lower in self.known or self.counts[lower] >= COMMON:
            return True
        return any(
            lower.endswith(suffix) and lower[: -len(suffix)] in self.known for suffix in _SUFFIXES
        )

    def name_like(self, words: Sequence[_Word], i: int, text: str) -> bool:
        """A capitalised word next to an unknown capitalised word: likely part of a name."""
        if not words[i].text[:1].isupper() or words[i].text.isupper():
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and _adjacent(text, words[min(i, j)], words[max(i, j)]):
                other = words[j].text
                if other[:1].isupper() and not self.is_known(other.lower()):
                    return True
        return False

    def correction(self, word: _Word, name_like: bool) -> Correction | None:
        lower = word.text.lower()
        if lower in self.allowed or not _checkable(word.text):
            return None
        if word.link is not None and lower in word.link.url.lower():
            return None
        if lower in self.own:
            return self.own[lower]
        if name_like or (len(lower) < 5 and (word.text.isupper() or _mid_sentence_name(word))):
            return None
        if lower in self.codespell:
            return self.codespell[lower]
        if word.text.isupper() or len(lower) < MIN_VOCABULARY_LENGTH:
            return None
        return self._from_vocabulary(lower)

    def _from_vocabulary(self, lower: str) -> Correction | None:
        if self.is_known(lower) or self.counts[lower] > RARE:
            return None
        near = self.index.get(lower, set()) | _neighbours(lower, self.index)
        found = [
            c
            for c in near
            if spelling.edit_distance(lower, c) == 1 and not spelling.is_variant(lower, c)
        ]
        if not found:
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


def _mid_sentence_name(word: _Word) -> bool:
    """A short capitalised word inside a sentence: a name such as "Mor" more than a typo."""
    return word.text[:1].isupper() and not word.at_start


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    between = text[left.start + len(left.text) : right.start]
    return between.strip(" ") == "" and "\n" not in between


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
    per_doc = []
    for ctx in contexts:
        text = _visible(ctx.document)
        per_doc.append((ctx, text, _words(ctx.document, text)))
    counts = Counter(word.text.lower() for _ctx, _text, words in per_doc for word in words)
    checker = _Checker(counts, contexts[0].options)
    for ctx, text, words in per_doc:
        for i, word in enumerate(words):
            fix = checker.correction(word, checker.name_like(words, i, text))
            if fix is not None and fix.candidates:
                yield _finding(ctx, ctx.document, word, fix)


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
