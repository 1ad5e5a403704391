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
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import LinkKind, Span
from awesomelint.knowledge import spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules import _spelling_memory as memory
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._prose import Word, Words, visible_prose
from awesomelint.rules._spelling_checker import Checker
from awesomelint.rules._spelling_memory import PlaceKey

TRUSTED_IN_TITLES = frozenset({"own", "codespell"})


@dc.dataclass(frozen=True, slots=True)
class Options:
    allowed_words: tuple[str, ...] = ()


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
    options = contexts[0].options
    allowed = frozenset(w.lower() for w in options.allowed_words)
    texts = tuple(words.text for _, words in per_doc)
    recalled = memory.recall(options, texts)
    checker = Checker(counts, allowed, [words for _, words in per_doc], recalled)
    # Most words cannot be misspelt whatever their place: look each spelling up once.
    candidates = {
        lower: found
        for lower in counts
        if (found := checker.candidate(lower)) is not None and found[1].candidates
    }
    places: dict[PlaceKey, bool] = {}
    for ctx, words in per_doc:
        heads = {head for head in set(words.tokens) if head.lower() in candidates}
        for start in words.places(heads):
            lower = words.head_at(start).lower()
            source, fix = candidates[lower]
            key = words.place_key(start)
            verdict = recalled.place(key, lower) if recalled else None
            if verdict is None:
                line, i = words.word_at(start)
                verdict = checker.correction(words, line, i, source, fix)
            places[key] = verdict
            if verdict:
                line, i = words.word_at(start)
                yield _finding(ctx, words, line[i], source, fix)
    memory.remember(checker.run(options, texts, places))


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
