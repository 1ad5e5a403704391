"""TYP001 misspelling: a misspelt word in a title, description, heading, tag or paragraph.

Why: a typo in a title makes the paper hard to find by search, and a typo in a heading is
the first thing a reader sees. Lists in this field keep misspelling the same few words
(`Interpretibility`, `Visulization`, `Transfomer`), and each list misspells its own words
(`Reasonning` in a list that writes `Reasoning` forty times).

Bad:
    ## Visulization
    - [Transfomer Lens](https://github.com/TransformerLensOrg/TransformerLens)

Good:
    ## Visualization
    - [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens)

Three sources are used: awesomelint's own list of field misspellings (data/typos.txt),
codespell's dictionary (read from the installed codespell package) and the checked files
themselves: a rare word one edit (a letter added, dropped, changed, or two swapped) from a
word that the files use at least twice as often, and at least twice, or from a word of
awesomelint's field vocabulary, is reported with that word as the suggestion.

A correct English word is never reported by codespell's dictionary or the files: an English
word list (US and British spellings and their inflections, from the symspellpy package)
guards both, and the files' check also accepts a regular ending on an English word
("sharding", "tokenized"). Only prose is checked: never URLs, code, HTML attributes or front
matter keys other than title, description, tags, categories, summary and excerpt. Words with
digits, mixed-case names (CircuitsVis), a word that the link around it has in its URL,
contractions ("wasn't"), pieces of a word glued to markup ("$x$ser") and a word hyphenated
with an acronym or a mixed-case name ("LLM-Shearing") are left alone.

Names are not in any dictionary, and a false "fix" of an author's name is worse than a missed
typo. So only our own list, which always applies ("Transfomer Lens"), is trusted everywhere;
the other two sources skip

- ALL-CAPS words of any length (acronyms such as "LEACE", not codespell's "leave");
- names: Capitalised words next to, or hyphenated with, a Capitalised word that is not known
  as a word ("Mor Geva", "Farrugia-Roberts"), words in a run of comma-separated names (an
  author list), and short (< 5 letters) Capitalised words inside a sentence;

and the files' check also skips a Capitalised word whose suggestion is a name (a name in the
field vocabulary, or a word of the files that is neither English nor ever written in lower
case: "Mixtral" is not "Mistral") unless the two share their first letter and the name is
used three times as often, and word forms of one stem ("sparsify", "sparsity").

Fix: safe when there is exactly one suggestion and, in an entry's title, only when it comes
from codespell's dictionary or our own list; a suggestion from the files is safe only outside
titles and when the evidence is overwhelming (used 10 times or more, and 10 times as often as
the word, which has 7 letters or more). The word's case is kept (Interpretibility ->
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
from awesomelint.document.model import LinkKind, Span
from awesomelint.knowledge import english, spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._names import glued, in_author_list, in_compound_name, names_a_work
from awesomelint.rules._prose import Word, Words, line_around, visible_prose

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
TRUSTED_IN_TITLES = frozenset({"own", "codespell"})

_POSSESSIVE = frozenset({"'s", "\u2019s"})


@dc.dataclass(frozen=True, slots=True)
class Options:
    allowed_words: tuple[str, ...] = ()


def _checkable(word: str) -> bool:
    """Plain words only: ASCII letters, lower case, Capitalised or UPPER (not CircuitsVis),
    or Capitalised with the capital typed twice ("SSurvey")."""
    if not (word.isascii() and word.isalpha() and 3 <= len(word) <= MAX_WORD_LENGTH):
        return False
    if word.islower() or word.isupper() or word[1:].islower():
        return True
    return word[0] == word[1] and word[2:].islower()


class _Checker:
    def __init__(self, counts: Counter[str], options: Options, docs: Sequence[Words]) -> None:
        self.counts = counts
        # Uses written as words (lower case, Capitalised or UPPER), not as mixed-case names:
        # "KVCache" is no use of a word "kvcache" that "Kcache" could be a typo of.
        self.plain: Counter[str] = Counter()
        for words in docs:
            for t, n in Counter(words.tokens).items():  # each spelling judged once
                if t.islower() or t.isupper() or t[1:].islower():
                    self.plain[t.lower()] += n
        self.allowed = frozenset(w.lower() for w in options.allowed_words)
        self.own = spelling.own_corrections()
        self.docs = docs
        self._in_lower_case: dict[str, bool] = {}
        self._in_author_lists: dict[str, bool] = {}

    @functools.cached_property
    def index(self) -> dict[str, set[str]]:
        used = {
            w
            for w, n in self.plain.items()
            if n >= MIN_SUPPORT and len(w) >= MIN_TYPO_LENGTH and _checkable(w)
        }
        return _deletion_index(spelling.vocabulary() | used)

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
        if lower in self.allowed or not _checkable(lower):
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
        if not _checkable(word.text) or (word.tail and word.tail.lower() not in _POSSESSIVE):
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
        near = self.index.get(lower, set()) | _neighbours(lower, self.index)
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


def _deletion_index(words: frozenset[str] | set[str]) -> dict[str, set[str]]:
    """Symmetric-delete index: every word under itself and under each one-deletion form, so
    that the words one edit from a word are found with len(word) + 1 look-ups."""
    index: dict[str, set[str]] = {}
    for word in words:
        index.setdefault(word, set()).add(word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return index


def _letter_at_an_end(lower: str, suggestion: str) -> bool:
    """A name made of a word and a letter before or after it: "Kcache" and "cache",
    "Imagic" and "magic", "badgen" and "badge" (a letter typed twice is a typo)."""
    if lower[1:] == suggestion:
        return lower[0] != suggestion[0]
    return lower[:-1] == suggestion and lower[-1] != suggestion[-1]


def _neighbours(word: str, index: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    for i in range(len(word)):
        found |= index.get(word[:i] + word[i + 1 :], set())
    return found - {word}


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


def _finding(
    ctx: Context[Options], words: Words, word: Word, source: str, fix: Correction
) -> Finding:
    doc = ctx.document
    suggestions = [spelling.match_case(word.text, c) for c in fix.candidates]
    end = word.start + len(word.text)
    where = Span(word.start, end)
    # A reference link's text may be its label too: changing it would unlink it.
    in_reference = word.link is not None and word.link.kind is LinkKind.REFERENCE
    # "state-ofthe-art" is not mended by "of the".
    hyphened = "-" in (words.text[word.start - 1 : word.start], words.text[end : end + 1])
    safe = (
        fix.sure
        and len(suggestions) == 1
        and not in_reference
        and not (hyphened and " " in suggestions[0])
        and (source in TRUSTED_IN_TITLES or not words.in_title(word.start))
    )
    if safe:
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
            if checker.correction(words, line, i, source, fix):
                yield _finding(ctx, words, line[i], source, fix)


RULE = Rule(
    code="TYP001",
    name="misspelling",
    summary="A word in prose is misspelt (codespell, field typos, the list's own words)",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    options=Options,
    scope="project",
)
