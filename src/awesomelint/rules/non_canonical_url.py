"""URL001 non-canonical-url: a link that has a shorter, stable canonical spelling.

Why: the same paper or repository is linked in many spellings (`http://`, `abs//`, `/pdf/`,
`export.arxiv.org`, a pinned `v2`, `.git`, a trailing slash, `utm_*` tracking parameters).
The variants hide duplicates, go stale (an old version, a PDF download instead of the
abstract page) and carry tracking noise. One spelling per target keeps the list clean.

Bad:
    - [Paper](http://arxiv.org/abs/2302.12461)
    - [Paper](https://arxiv.org/abs//2309.15025)
    - [Paper](https://arxiv.org/pdf/2302.12461v2.pdf)
    - [Code](https://github.com/owner/repo.git)
    - [Blog](https://example.org/post?utm_source=twitter)

Good:
    - [Paper](https://arxiv.org/abs/2302.12461)
    - [Paper](https://arxiv.org/abs/2309.15025)
    - [Code](https://github.com/owner/repo)
    - [Blog](https://example.org/post)

Fix: safe; the destination is replaced by the canonical URL (a reference link's definition is
rewritten once for all its uses). Links in raw HTML are reported only.

Options:
    keep_arxiv_version: keep an explicit `vN` on arXiv links (default false).
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterator

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Link, LinkKind, Span
from awesomelint.knowledge import urls
from awesomelint.rules._base import Context, Rule


@dc.dataclass(frozen=True, slots=True)
class Options:
    keep_arxiv_version: bool = False
    """Keep an explicit version (`2302.12461v2`) instead of linking the latest version."""


def _destinations(doc: Document) -> Iterator[tuple[Span, list[Link]]]:
    """Each distinct destination span with the links that use it (several for a reference)."""
    users: dict[Span, list[Link]] = {}
    for link in doc.links:
        if not link.image:
            users.setdefault(link.url_span, []).append(link)
    yield from users.items()


def _fix(doc: Document, span: Span, links: list[Link], canonical: str) -> Fix | None:
    old = links[0].url
    if links[0].kind is LinkKind.HTML or doc.text[span.start : span.end] != old:
        return None
    # A definition's destination counts as a link of its own, besides its uses.
    count = len(links) + (links[0].kind is LinkKind.REFERENCE)
    return Fix((Edit(span.start, span.end, canonical),), link_changes=((old, canonical),) * count)


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    keep = ctx.options.keep_arxiv_version
    for span, links in _destinations(doc):
        canonical = urls.canonical_url(links[0].url, keep_arxiv_version=keep)
        if canonical is None:
            continue
        yield ctx.finding(
            span,
            f"non-canonical URL; use {canonical}",
            fix=_fix(doc, span, links, canonical),
        )


RULE = Rule(
    code="URL001",
    name="non-canonical-url",
    summary="A link is not in its canonical form (https, arXiv abs page, GitHub repo, no tracking)",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    options=Options,
)
