"""NET003 arxiv-title-mismatch: an entry's title is far from the title of the paper it links.

Why: a copy-paste slip links the wrong paper: the entry says one thing, the arXiv id is
another paper's. The comparison is forgiving: case, punctuation, accents, LaTeX markup and
subtitles ("BERT" for "BERT: Pre-training of Deep Bidirectional Transformers ...") do not
count, and short titles (model names, "Paper") are not compared at all.

Bad:
    - [Attention Is All You Need](https://arxiv.org/abs/1810.04805)

Good:
    - [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)
    - [BERT](https://arxiv.org/abs/1810.04805)

Fix: none; either the title or the link is wrong, and only a person can tell which.

Options:
    min-words: titles with fewer words than this are not compared (default 4).
    threshold: similarity (0 to 1) under which titles count as far apart (default 0.5).
"""

from __future__ import annotations

import dataclasses as dc
import re
import unicodedata
from collections.abc import Iterator

from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.model import Document, Entry
from awesomelint.knowledge.urls import arxiv_from_url
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._net import net_facts

_MATH = re.compile(r"\$([^$]*)\$")
_COMMAND = re.compile(r"\\(?:[A-Za-z]+\*?|[^A-Za-z\s])")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Where a subtitle starts: "Title: subtitle", "Title - subtitle", "Title? Subtitle".
_SUBTITLE = re.compile(r"\s*(?::|\?|!|\s[-\u2013\u2014]\s)\s*")
_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "via",
    }
)


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    min_words: int = 4
    threshold: float = 0.5


def normalise_title(title: str) -> str:
    """Lower-case words only: LaTeX commands, braces, accents and punctuation removed."""
    text = _MATH.sub(r" \1 ", title)
    text = _COMMAND.sub("", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def _heads(title: str) -> set[str]:
    """The title and its part before each subtitle separator, normalised."""
    heads = {normalise_title(title)}
    for m in _SUBTITLE.finditer(title):
        heads.add(normalise_title(title[: m.start()]))
    return {head for head in heads if head}


def _similar(a: str, b: str, threshold: float) -> bool:
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    words_a = set(a.split()) - _STOP_WORDS
    words_b = set(b.split()) - _STOP_WORDS
    if words_a and words_b:
        overlap = len(words_a & words_b) / min(len(words_a), len(words_b))
        if overlap >= threshold:
            return True
    import difflib  # only a run with arXiv titles to compare needs it

    return difflib.SequenceMatcher(None, a, b).ratio() >= threshold


def titles_match(ours: str, theirs: str, options: Options) -> bool:
    """Whether an entry's title can be the paper's title; short titles always can."""
    if len(normalise_title(ours).split()) < options.min_words:
        return True
    return any(_similar(a, b, options.threshold) for a in _heads(ours) for b in _heads(theirs))


def _arxiv_id(entry: Entry) -> str | None:
    ids = {arxiv.id for link in entry.links if (arxiv := arxiv_from_url(link.url.strip()))}
    return ids.pop() if len(ids) == 1 else None


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    for _, entry in doc.entries():
        arxiv_id = _arxiv_id(entry)
        record = facts.arxiv.get(arxiv_id) if arxiv_id else None
        if record is None or not record.found or not record.title or entry.title_span is None:
            continue
        if not titles_match(entry.title, record.title, ctx.options):
            yield ctx.finding(
                entry.title_span, f"title differs from the linked paper's: {record.title!r}"
            )


RULE = Rule(
    code="NET003",
    name="arxiv-title-mismatch",
    summary="An entry's title is far from the title of the arXiv paper it links",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    options=Options,
    needs_network=True,
)
