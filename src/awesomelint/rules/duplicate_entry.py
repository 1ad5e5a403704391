"""DUP001 duplicate-entry: the same paper or resource is listed twice.

Why: a list that names a paper twice in one section was merged carelessly, and readers cannot
tell which copy is kept up to date. Listing a paper under two topics is often deliberate, so
repeats in other sections, or in other files of the same run, are only reported as info. A
thematic break (`---`) between two groups of one section parts them as a heading would.

An entry is identified by its paper links (arXiv in any URL form, OpenReview, ACL Anthology,
NeurIPS proceedings, DOI, LessWrong/Alignment Forum posts) when it has any; otherwise by its
primary link (a GitHub repository or any other URL, normalised). Extra links such as a
`[[github]]` code link next to a paper link do not identify it, so two papers that share a
toolkit are not duplicates. Badges (star and venue badges, and links wrapping them) never
identify an entry. Entries without any link are compared by their normalised title when it
has at least three words. Anchor links, table-of-contents sections and news feeds (a "News",
"Updates" or "Changelog" section, a list item that opens with a full date such as
`[2024/06/07]`) are ignored: a news line names a paper that is listed elsewhere on purpose.

Entries that share a link are one entry only when their titles agree (one contains the other,
or most of their words are the same), one of them has no title, or the link is one particular
page deep in a site (`https://blog.example/posts/getting-started`). Rows that name two datasets
of one paper and link that paper, or two models that share a project homepage, an
organisation page or the list's own repository, are different entries; when two papers carry
one paper link, one link is wrong, and inconsistent-duplicate (DUP002) reports it.

Bad:
    ## Tutorial
    * **Concrete Steps to Get Started** [[blog]](https://www.neelnanda.io/getting-started)
    * **Concrete Steps to Get Started in MI** [[blog]](https://www.neelnanda.io/getting-started)

Good:
    ## Tutorial
    * **Concrete Steps to Get Started** [[blog]](https://www.neelnanda.io/getting-started)

Fix: unsafe, only for an exact copy (the same text after whitespace is squeezed) in the same
section that uses no reference links (`[text][label]`): the later copy is deleted with its
nested items. Other repeats are reported only.

Options: `same-section` (default "error"), `other-section` (default "info") and `other-file`
(default "info") set the severity of each kind of repeat: "error", "warning", "info" or "off".
A severity set for the whole rule (`[severity] duplicate-entry = "warning"`) applies to every
kind of repeat that is not "off".
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.model import Document, Entry, LinkKind
from awesomelint.errors import ConfigError
from awesomelint.knowledge.paper_identity import (
    RELATIONS,
    Occurrence,
    earlier_matches,
    relation,
    same_entry,
)
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._deletion import deletion_fix

_LEVELS = ("error", "warning", "info", "off")
_SPACES = re.compile(r"\s+")
_BREAK = re.compile(r"^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$", re.MULTILINE)


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    same_section: str = "error"
    other_section: str = "info"
    other_file: str = "info"

    def __post_init__(self) -> None:
        for field in dc.fields(self):
            value = getattr(self, field.name)
            if value not in _LEVELS:
                name = field.name.replace("_", "-")
                raise ConfigError(
                    f"duplicate-entry: {name} must be one of {_LEVELS}, not {value!r}"
                )


_WHERE = {
    "same_section": "in this section",
    "other_section": "in another section",
    "other_file": "",
}


def _kind(occ: Occurrence, first: Occurrence) -> str:
    """How two copies relate; a thematic break (`---`) between two copies in one section
    parts two groups, as a heading would (a paper in "Surveys" and in "Benchmarks")."""
    kind = relation(occ, first)
    if kind == "same_section":
        between = occ.doc.text[first.entry.span.end : occ.entry.span.start]
        if _BREAK.search(between):
            return "other_section"
    return kind


def _choose(
    occ: Occurrence, earlier: Sequence[Occurrence], options: Options
) -> tuple[Occurrence, str] | None:
    """The earlier occurrence to report against: the closest kind of repeat that is not off."""
    for kind in RELATIONS:
        if getattr(options, kind) == "off":
            continue
        for first in earlier:
            if _kind(occ, first) == kind and same_entry(occ, first):
                return first, kind
    return None


def _squeezed(doc: Document, entry: Entry) -> str:
    return _SPACES.sub(" ", doc.text[entry.content_span.start : entry.span.end]).strip()


def _uses_references(entry: Entry) -> bool:
    # A reference link's destination lives in a definition other fixes may rewrite.
    return any(link.kind is LinkKind.REFERENCE for item in entry.walk() for link in item.links)


def _finding(ctx: Context[Options], occ: Occurrence, first: Occurrence, kind: str) -> Finding:
    exact = kind == "same_section" and _squeezed(occ.doc, occ.entry) == _squeezed(
        first.doc, first.entry
    )
    what = "exact copy" if exact else "duplicate"
    where = f" {_WHERE[kind]}" if _WHERE[kind] else ""
    return ctx.finding(
        occ.entry.span,
        f"{what} of the entry at {first.where}{where}",
        fix=deletion_fix(occ.doc, occ.entry) if exact and not _uses_references(occ.entry) else None,
        severity=ctx.configured_severity or Severity(getattr(ctx.options, kind)),
        document=occ.doc,
    )


def check(contexts: Sequence[Context[Options]]) -> Iterator[Finding]:
    if not contexts:
        return
    ctx = contexts[0]
    for occ, earlier in earlier_matches([c.document for c in contexts]):
        chosen = _choose(occ, earlier, ctx.options)
        if chosen is not None:
            yield _finding(ctx, occ, *chosen)


RULE = Rule(
    code="DUP001",
    name="duplicate-entry",
    summary="The same paper or resource is listed more than once",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    options=Options,
    scope="project",
)
