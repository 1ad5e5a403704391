"""The links the model finds are the links markdown-it's own inline parse finds.

Each case is a shape the property test in `tests/test_robustness.py` found the two disagreeing
on, written out so that it stays fixed.
"""

from __future__ import annotations

import pytest
from markdown_it.common import html_re

from awesomelint.document import html_syntax
from awesomelint.document.parse import parse_text
from tests.robustness import located_destinations, markdown_it_destinations

SHAPES = {
    # A DEL (an ASCII control character) ends a destination: no link, as with a space.
    "control character in a destination": (
        b"\xef\xbb\xbf---\n---\n- [Sparse](https://arxiv.org/abs/2301.01234)\n"
        b"  [Sparse](https://example.org/forum?id=\x7f)\n"
    ),
    # markdown-it reads NUL as U+FFFD: it does not end a destination (text given to the
    # Python API; a file with a NUL byte is refused as binary).
    "NUL in a destination": b"- [A](https://a.example/\x00x)\n",
    "DEL in a destination": b"- [A](https://a.example/\x7fx)\n",
    # No tag (`[]()` is no attribute), so the empty link in it is a link, as markdown-it reads it.
    "a link in what looks like a tag": b"<img src=https://a.example/i alt=Sparse ([]()>\n",
    "a processing instruction is inline HTML": b"x <?p [A](https://a.example/) ?> y\n",
    # A tail that does not parse: markdown-it looks for the second label one past where it
    # stopped (the inner link is then part of the reference link's syntax), and reads no link
    # at all when the text ends right after `(`.
    "a reference label past a tail that did not parse": (
        b"[N]: https://a.example/\n\n- [S]([N(N](https://b.example/)) [[N]]\n"
    ),
    "a tail that opens at the end of the text": b"[N]: https://a.example/\n\n[N](   \n",
    "backslash before a space ends a destination": b"- [A](https://a.example/b\\ )\n",
    "backslash takes any character along": b"- [A](https://a.example/\\q(x)\n",
    # An HTML block inside an item runs to the next blank line: no Markdown link in it.
    "HTML block inside an item": (
        b"- <img src='https://a.example/i.png' width=\"20\">\n  [A](https://a.example/)\n"
    ),
    "HTML block after an item's text": (
        b"- [A](https://a.example/)\n\n  <div>\n  [B](https://b.example/)\n  </div>\n"
    ),
    "fenced code inside an item": b"- [A](https://a.example/)\n\n  ~~~\n  [B](https://b.example/)\n  ~~~\n",
    "a list in a block quote in an empty item": (b"-\n  > - [A](https://a.example/)\n"),
    # An inline HTML comment runs to the first `-->`, across lines: no links in it.
    "links inside an inline comment": (
        b"Text <!-- a [A](https://a.example/)\n[B](https://b.example/) --> [C](https://c.example/)\n"
    ),
    "an unclosed inline comment is text": b"Text <!-- [A](https://a.example/)\n",
    "short comments": b"Text <!--> [A](https://a.example/) <!---> [B](https://b.example/)\n",
    # An escaped `!` makes `[Star](...)` a link, and a link holds no link: the outer is text.
    "escaped image mark inside a link": (
        b"- [\\![Star](https://img.example/s.svg)](https://github.com/a/b) x\n"
    ),
    "escaped backslash before an image mark": (
        b"- [\\\\![Star](https://img.example/s.svg)](https://github.com/a/b) x\n"
    ),
    # GFM ignores a body row's cells beyond the header's.
    "excess cells of a table row": (
        b"| Title |\n| --- |\n| [A](https://a.example/) | [B](https://b.example/) |\n"
    ),
    "excess cells after a header line that opens with a space": (
        b" | Title|\n|---|\n[A](https://a.example/) | [B](https://b.example/)|\n"
    ),
    "excess cells of a table in a block quote": (
        b"> | Title |\n> | --- |\n> | [A](https://a.example/) | [B](https://b.example/) |\n"
    ),
    "a row of a lone pipe": b"\xef\xbb\xbf|Title|\n|---|\n|\n",
}


@pytest.mark.parametrize("data", SHAPES.values(), ids=SHAPES.keys())
def test_links_agree_with_markdown_it(data: bytes) -> None:
    parsed = parse_text(data.decode("utf-8"), "shape.md")
    assert located_destinations(parsed) == markdown_it_destinations(parsed)


def test_the_inline_html_patterns_are_markdown_its_own() -> None:
    assert html_syntax.INLINE_HTML.pattern == html_re.HTML_TAG_RE.pattern
    assert html_syntax.TAG.pattern == f"(?:{html_re.open_tag}|{html_re.close_tag})"
