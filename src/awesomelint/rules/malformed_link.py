"""ENT002 malformed-link: link syntax that did not parse as the author meant.

Why: a link written as `[x]([y](url))`, with a bracket or parenthesis left open, or with an
empty destination, renders as broken text or as a link to nowhere. Markdown renderers do not
complain; the reader finds out by clicking.

Bad:
    - **Paper** [[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))
    - [Paper](https://arxiv.org/abs/2305.13417
    - [Paper]()

Good:
    - **Paper** [[arxiv 2305]](http://arxiv.org/abs/2305.13417)

Not reported: an image in a deliberately empty link, `[![Publish](https://img.shields.io/badge/
Conference-ICLR'24-blue)]()`. Lists use it to show a badge (a venue, a type) that points
nowhere; it renders as the image alone, and readers do not expect to click it.

Not reported either: a placeholder that says it has no address yet, `[Coming soon]()`,
`[TBD]()`, `[Not released yet]()`: a list's way of saying the code is not out.

Fix: a link nested in a destination is unwrapped to the inner URL (safe: the inner URL is the
only address in it, and the inner text is kept when it is not just that URL's DOI). Other
cases are reported only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.diagnostics import Edit, Finding, Fix
from awesomelint.document.link_roles import is_image_only
from awesomelint.document.model import Document, Span
from awesomelint.rules._base import Context, NoOptions, Rule

# A link that says it has no address yet: `[Coming soon]()`, `[TBD]()`.
_PLACEHOLDER = re.compile(
    r"\b(?:soon|coming|tb[ad]|todo|upcoming|pending|wip|unreleased|n/?a|none|"
    r"not (?:yet )?(?:released|available|public)|to be (?:released|announced|updated|added))\b",
    re.IGNORECASE,
)
_PLACEHOLDER_WORDS = 4
_NESTED = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]*)\)")


def _is_placeholder(text: str) -> bool:
    return len(text.split()) <= _PLACEHOLDER_WORDS and bool(_PLACEHOLDER.search(text))


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for link in doc.links:
        if link.image or link.kind.value != "inline":
            continue
        if not link.url.strip():
            if not is_image_only(link) and not _is_placeholder(link.text):
                yield ctx.finding(link.span, "link has an empty destination")
            continue
        nested = _NESTED.fullmatch(link.url)
        if nested is not None:
            inner = nested.group("url")
            fix = Fix(
                (Edit(link.url_span.start, link.url_span.end, inner),),
                link_changes=((link.url, inner),),
            )
            yield ctx.finding(
                link.span,
                f"link destination is itself a link; use the inner URL {inner}",
                fix=fix if inner.startswith(("http://", "https://")) else None,
            )
        elif "](" in link.url:
            yield ctx.finding(link.span, "link destination contains another link")
    for problem in ctx.parsed.problems:
        yield ctx.finding(Span(problem.start, problem.end), f"malformed link: {problem.reason}")


RULE = Rule(
    code="ENT002",
    name="malformed-link",
    summary="Link syntax is broken: nested, unclosed, or with an empty destination",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
