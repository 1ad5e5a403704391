"""What must hold for any input, through the library functions the CLI uses.

`check_input` reads bytes as `awesomelint check` does and runs every rule (the network rules on
the hand-built facts of `tests/net_facts.py`, so no request is made). `fix_input` also fixes
with unsafe fixes and asserts that the result parses, that fixing it again changes nothing,
and that no link destination or reference definition was lost beyond what the applied fixes
declare (a deleted exact copy's links, which must still be in the file; a rewritten URL,
whose new form must be there).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token

from awesomelint.diagnostics import Finding
from awesomelint.document.frontmatter import blank_out
from awesomelint.document.model import LinkKind
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import Source, decode
from awesomelint.engine import check_documents
from awesomelint.errors import InputError
from awesomelint.fixing.fixer import fix_document, verify
from awesomelint.rules import ALL_RULES
from tests.net_facts import FACTS

FACTS_OFFLINE = {"net": FACTS["all"]}
PATH = Path("fuzz.md")
_REFERENCES = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read_input(data: bytes) -> ParsedDocument | None:
    """The parsed file, or None when reading it is refused with a clear error (binary, not
    UTF-8): the only exception reading may raise."""
    try:
        source = decode(data, PATH)
    except InputError as err:
        message = str(err)
        assert message.startswith(f"{PATH}:") and "\n" not in message, message
        return None
    return parse_source(source)


def check_input(data: bytes) -> list[Finding]:
    parsed = read_input(data)
    if parsed is None:
        return []
    return check_documents([parsed], ALL_RULES, FACTS_OFFLINE)


def reference_definitions(parsed: ParsedDocument) -> Counter[str]:
    """The destinations of the document's reference definitions, as markdown-it reads them,
    front matter left out as the model leaves it out (as Jekyll does: a front matter closed by
    `...` would otherwise end in a paragraph line that takes a definition below as text)."""
    document = parsed.document
    text = document.text
    if document.front_matter is not None:
        text = blank_out(text, document.front_matter)
    env: dict[str, object] = {}
    _REFERENCES.parse(text, env)
    found = env.get("references", {})
    assert isinstance(found, dict)
    return Counter(str(info["href"]) for info in found.values())


def _links(parsed: ParsedDocument) -> Counter[str]:
    return Counter(link.url for link in parsed.document.links)


def _last_form(url: str, rewritten: dict[str, str]) -> str:
    seen = {url}
    while url in rewritten and rewritten[url] not in seen:
        url = rewritten[url]
        seen.add(url)
    return url


def assert_keeps_links(
    before: ParsedDocument, after: ParsedDocument, applied: list[Finding]
) -> None:
    fixes = [f.fix for f in applied if f.fix is not None]
    problem = verify(before, after, fixes)
    assert problem is None, problem
    now = _links(after)
    rewritten = {old: new for fix in fixes for old, new in fix.link_changes if new is not None}
    deleted = {old for fix in fixes for old, new in fix.link_changes if new is None}
    for url in _links(before) - now:
        assert url in rewritten or url in deleted, f"lost {url!r}"
        if url in deleted:
            # An exact copy was deleted: the first copy still has the link (or its new form,
            # through as many rewrites as the passes made).
            assert now[url] or now[_last_form(url, rewritten)], f"lost the last {url!r}"
    old_definitions = reference_definitions(before)
    new_definitions = reference_definitions(after)
    for url in old_definitions - new_definitions:
        assert url in rewritten and new_definitions[rewritten[url]], f"lost definition {url!r}"


def fix_input(data: bytes) -> ParsedDocument | None:
    parsed = read_input(data)
    if parsed is None:
        return None
    check_documents([parsed], ALL_RULES, FACTS_OFFLINE)
    first = fix_document(parsed, ALL_RULES, unsafe=True, facts=FACTS_OFFLINE)
    fixed = first.parsed
    text = fixed.document.text
    # Read back as `fix` writes it: the file's own BOM and newlines around the text.
    doc = fixed.document
    written = Source(PATH, text, doc.newline, doc.bom, doc.encoding).encode(text)
    reparsed = parse_source(decode(written, PATH))
    assert reparsed.document.text == text
    second = fix_document(reparsed, ALL_RULES, unsafe=True, facts=FACTS_OFFLINE)
    assert second.parsed.document.text == text, "fix(fix(x)) != fix(x)"
    assert_keeps_links(parsed, fixed, list(first.applied))
    return fixed


def _walk(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        found.extend(_walk(token.children or []))
    return found


def _autolink_email(tokens: list[Token], index: int) -> bool:
    """markdown-it's `<name@host>`, which the model does not count as a link."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        token.markup == "autolink"
        and following is not None
        and following.type == "text"
        and ":" not in following.content
    )


def markdown_it_destinations(parsed: ParsedDocument) -> Counter[str]:
    """The link and image destinations markdown-it's own inline parse finds, front matter left
    out as the model leaves it out."""
    document = parsed.document
    text = document.text
    if document.front_matter is not None:
        text = blank_out(text, document.front_matter)
    tokens = _walk(_REFERENCES.parse(text))
    found: Counter[str] = Counter()
    for index, token in enumerate(tokens):
        if token.type == "link_open" and not _autolink_email(tokens, index):
            found[str(token.attrs["href"])] += 1
        elif token.type == "image":
            found[str(token.attrs["src"])] += 1
    return found


def located_destinations(parsed: ParsedDocument) -> Counter[str] | None:
    """The model's Markdown link destinations, normalised as markdown-it normalises them; None
    when one of them is a destination markdown-it refuses to link (`javascript:`...), whose
    text markdown-it then reads as plain text."""
    found: Counter[str] = Counter()
    for link in parsed.document.links:
        if link.kind is LinkKind.HTML:
            continue
        # markdown-it reads NUL as U+FFFD before it parses.
        url = _REFERENCES.normalizeLink(unescapeAll(link.url.replace("\x00", "\ufffd")))
        if not _REFERENCES.validateLink(url):
            return None
        found[url] += 1
    return found
