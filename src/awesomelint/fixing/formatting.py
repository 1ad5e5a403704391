"""Optional whole-file canonical form through mdformat, with the front matter kept as it is.

mdformat runs with GFM and `fixing/mdformat_keep.py`, which keeps destinations, brackets,
entities, escapes, touching HTML comments and top-level link reference definitions as the
author wrote them. When that result does not render to the same HTML as the source, plain
mdformat's output is used instead (it escapes more, and may move reference definitions); the
fix run's safety net then checks either one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from awesomelint.document.frontmatter import find_front_matter
from awesomelint.document.model import Link, LinkKind
from awesomelint.document.parse import ParsedDocument

KEEP = "awesomelint-keep"
_OPTIONS = {"number": True}


def _register() -> None:
    import mdformat.plugins

    from awesomelint.fixing import mdformat_keep

    extensions: Any = mdformat.plugins.PARSER_EXTENSIONS
    extensions.setdefault(KEEP, mdformat_keep)


def format_body(body: str) -> str:
    """mdformat's canonical form of Markdown (no front matter), keeping what can be kept."""
    import mdformat
    from mdformat._util import is_md_equal

    from awesomelint.fixing.mdformat_keep import SOURCE_KEY

    if not body.strip():
        return body
    _register()
    kept: str = mdformat.text(
        body, extensions=("gfm", KEEP), options={**_OPTIONS, SOURCE_KEY: body}
    )
    if kept == body or is_md_equal(body, kept, extensions=("gfm",)):
        return kept
    plain: str = mdformat.text(body, extensions={"gfm"}, options=_OPTIONS)
    return plain


def format_markdown(text: str) -> str:
    """mdformat with GFM tables; front matter is split off first so it is never re-rendered."""
    front_matter = find_front_matter(text)
    head, body = "", text
    if front_matter is not None:
        head, body = text[: front_matter.span.end], text[front_matter.span.end :]
        if not head.endswith("\n"):
            head += "\n"
    formatted = format_body(body)
    if head and formatted and not formatted.startswith("\n"):
        formatted = "\n" + formatted
    return head + formatted


def lost_construct(before: ParsedDocument, after: ParsedDocument) -> str | None:
    """Where formatting lost a link destination: the first construct of `before` (line and
    kind) whose destination `after` no longer has, or None."""
    old, new = before.document, after.document
    left = Counter(link.url for link in new.links) + Counter(d.url for d in new.definitions)
    places = [(link.span.start, link.url, _kind(link)) for link in old.links] + [
        (d.span.start, d.url, f"the reference definition [{d.label}]") for d in old.definitions
    ]
    wanted = Counter(url for _, url, _ in places)
    for start, url, kind in sorted(places):
        if wanted[url] > left[url]:
            line = old.position(start)[0]
            return f"line {line}: {kind} to {url} would be lost or changed"
    return None


def _kind(link: Link) -> str:
    if link.kind is LinkKind.REFERENCE:
        return "a reference link"
    if link.kind is LinkKind.HTML:
        return "an HTML link"
    return "an image" if link.image else "a link"
