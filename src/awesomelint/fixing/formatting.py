"""Optional whole-file canonical form through mdformat, with the front matter kept as it is."""

from __future__ import annotations

from awesomelint.document.frontmatter import find_front_matter


def format_markdown(text: str) -> str:
    """mdformat with GFM tables; front matter is split off first so it is never re-rendered."""
    import mdformat  # imported here: an offline check must not pay for it

    front_matter = find_front_matter(text)
    head, body = "", text
    if front_matter is not None:
        head, body = text[: front_matter.span.end], text[front_matter.span.end :]
        if not head.endswith("\n"):
            head += "\n"
    formatted: str = (
        mdformat.text(body, extensions={"gfm"}, options={"number": True}) if body.strip() else body
    )
    if head and formatted and not formatted.startswith("\n"):
        formatted = "\n" + formatted
    return head + formatted
