"""An mdformat plugin that keeps what a list's author wrote where mdformat would only respell it.

mdformat alone percent-encodes link destinations (`[x]([https://a.example])` becomes
`%5B...%5D`, non-ASCII paths `%E4...`), escapes every bracket it cannot prove harmless
(`[[pdf](url)]` becomes `\\[[pdf](url)\\]`), turns entities into characters (`&nbsp;` into an
invisible no-break space), drops backslash escapes, puts a blank line between a comment and the
heading it annotates (`<!-- omit in toc -->`), and moves link reference definitions to the end
of the file, dropping the unused ones. With this plugin destinations are written as in the
source, brackets are not escaped, entities and escapes stay as written, blocks that touched
stay touching, and top-level definitions stay where they were, byte for byte (those inside
a list item or a quote move to the end, the unused ones too). The caller
checks that the result renders to the same HTML as the source (`formatting.py`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from mdformat.renderer import RenderContext, RenderTreeNode

SOURCE_KEY = "awesomelint_source"
"""mdformat option: the text being formatted, for the definitions kept in place."""
_BRACKET_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\([\[\]])")
_DESTINATION = re.compile(
    r"\]\(\s*(<(?:\\.|[^<>\\\n])*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)"
)
_PUNCTUATION_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LABEL = re.compile(r"^ {0,3}\[((?:\\.|[^\]\\])+)\]:", re.MULTILINE)


def update_mdit(mdit: Any) -> None:
    mdit.normalizeLink = _as_written
    # Entities and backslash escapes stay separate tokens, so they are written as they were.
    mdit.disable("text_join")


def _as_written(url: str) -> str:
    return url


def _text_special(node: RenderTreeNode, context: RenderContext) -> str:
    """An entity or a backslash escape, as written (`&nbsp;`, `\\_`)."""
    return node.markup or node.content


def _unescape_brackets(text: str, node: RenderTreeNode, context: RenderContext) -> str:
    return _BRACKET_ESCAPE.sub(r"\1\2", text)


def _unescaped(raw: str) -> str:
    """A destination as the parser reads it: no angle brackets, escapes and entities undone."""
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    return html.unescape(_PUNCTUATION_ESCAPE.sub(r"\1", raw))


def _keep_destination(text: str, node: RenderTreeNode, context: RenderContext) -> str:
    """A destination written with escapes or entities (`a\\_b`, `&amp;`) stays so written."""
    href = node.attrs.get("src" if node.type == "image" else "href")
    inline = node.parent
    while inline is not None and inline.type != "inline":
        inline = inline.parent
    if not isinstance(href, str) or inline is None:
        return text
    for match in _DESTINATION.finditer(inline.content):
        raw = match.group(1)
        if raw != href and ("\\" in raw or "&" in raw) and _unescaped(raw) == href:
            for written in (f"(<{href}>", f"({href}"):
                at = text.rfind(written)
                if at != -1:
                    return text[:at] + "(" + raw + text[at + len(written) :]
    return text


def _definitions(lines: list[str], start: int, end: int) -> list[str]:
    """The link reference definitions between two top-level blocks: the source lines that no
    block covers, in runs separated by blank lines."""
    groups: list[str] = []
    run: list[str] = []
    for line in lines[start:end]:
        if line.strip():
            run.append(line.rstrip("\r"))
        elif run:
            groups.append("\n".join(run))
            run = []
    if run:
        groups.append("\n".join(run))
    return groups


def _touching(before: RenderTreeNode, after: RenderTreeNode, lines: list[str]) -> bool:
    """An HTML block and its neighbour with no blank line between them in the source."""
    if "html_block" not in (before.type, after.type) or not lines:
        return False
    if before.map is None or after.map is None or before.map[1] != after.map[0]:
        return False
    return 0 < after.map[0] <= len(lines) and bool(lines[after.map[0] - 1].strip())


def _root(node: RenderTreeNode, context: RenderContext) -> str:
    options: Mapping[str, Any] = context.options.get("mdformat", {})
    source = options.get(SOURCE_KEY)
    lines = source.split("\n") if isinstance(source, str) else []
    blocks: list[tuple[str, RenderTreeNode | None]] = []
    cursor = 0
    for child in node.children:
        if lines and child.map is not None:
            blocks.extend((group, None) for group in _definitions(lines, cursor, child.map[0]))
            cursor = child.map[1]
        rendered = child.render(context)
        if rendered:
            blocks.append((rendered, child))
    if lines:
        blocks.extend((group, None) for group in _definitions(lines, cursor, len(lines)))
        # Written in place above, not again at the end; those inside a list item or a quote,
        # used or not, are written there by mdformat.
        written = {
            " ".join(label.split()).upper()
            for text, block in blocks
            if block is None
            for label in _LABEL.findall(text)
        }
        used = context.env["used_refs"]
        used.clear()
        known = context.env.get("references", {})
        used.update(label for label in known if label.upper() not in written)
    pieces: list[str] = []
    for index, (text, block) in enumerate(blocks):
        if index:
            before = blocks[index - 1][1]
            tight = before is not None and block is not None and _touching(before, block, lines)
            pieces.append("\n" if tight else "\n\n")
        pieces.append(text)
    return "".join(pieces)


RENDERERS = {"root": _root, "text_special": _text_special}
POSTPROCESSORS = {
    "text": _unescape_brackets,
    "link": _keep_destination,
    "image": _keep_destination,
}
