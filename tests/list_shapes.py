"""Hypothesis strategies for list-shaped Markdown: the line shapes of real paper lists, mixed
with broken syntax and random fragments.

`documents()` draws whole files as bytes: headings, nested bullet and numbered items, ragged and
malformed tables, badges, HTML blocks and inline HTML, reference definitions, code fences,
front matter and suppression comments, with every newline style, a byte-order mark, NUL bytes,
tabs and very long lines now and then. The pieces are built from small vocabularies, so that
the rules find something to say (venue aliases, arXiv tags, duplicates, misspellings) and the
fixer has something to do.
"""

from __future__ import annotations

from hypothesis import strategies as st

# -- vocabularies ----------------------------------------------------------------------------

VENUE_WORDS = (
    "NeurIPS",
    "NIPS",
    "neurips",
    "ICLR",
    "iclr",
    "ICML",
    "ACL",
    "EMNLP",
    "Findings",
    "findings",
    "of",
    "the",
    "at",
    "BlackboxNLP",
    "BlackBoxNLP",
    "workshop",
    "Workshop",
    "Oral",
    "spotlight",
    "Poster",
    "arXiv",
    "arxiv",
    "Arxiv",
    "CVPR",
    "TMLR",
    "AAAI",
    "LREC-COLING",
    "NAACL-HLT",
    "Nature",
    "Machine",
    "Intelligence",
    "Alignment",
    "Forum",
    "LessWrong",
    "Distill",
    "distill.pub",
    "Transformer",
    "Circuits",
    "Thread",
    "github",
    "blog",
    "Paper",
    "Code",
    "track",
)
YEARS = ("2023", "2024", "'23", "\u201924", "23", "36", "2303", "2412", "1999", "0000", "9999")
SEPARATORS = (" ", " ", " ", "", "-", "@", "'", ",", ":", "(", ")", "/", "_", ".", "\t", "&")
TITLE_WORDS = (
    "Sparse",
    "Autoencoders",
    "Attention",
    "Is",
    "All",
    "You",
    "Need",
    "Interpretibility",
    "Visulization",
    "Mechanistic",
    "circuits",
    "Perception",
    "teh",
    "LLM",
    "Long-Context",
    "Diffusion",
    "Models",
    "Mixtral",
    "fine-grained",
    "\u00e9tude",
    "\u00c3\u00a9tude",
    "\u00e2\u20ac\u2122s",
    "\u00f0\u0178\u0152\u0178",
    "\U0001f31f",
    "\u4e2d\u6587",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u200b",
    "&amp;",
    "&lt;",
    "C++",
    "$\\alpha$",
    "1.",
    "-",
    "*",
    "+",
    ":star:",
)
ARXIV_IDS = (
    "2301.01234",
    "2302.12461",
    "2305.13417v2",
    "1706.03762",
    "1706.93762",
    "2301.99999",
    "1507.99999",
    "2104.08696",
    "hep-th/9901001",
    "cs/0112017v1",
    "2313.00001",
    "23.1234",
    "2301.123456",
)
GITHUB_REPOS = (
    "neelnanda-io/TransformerLens",
    "someone/deleted-repo",
    "someone/archived-repo",
    "octocat/hello-world",
    "evil/dmca",
    "a/b",
    "a/b.git",
    "o/r/tree/main/x",
    "o",
)
HOSTS = ("https://example.org", "http://example.org", "https://openreview.net", "HTTPS://Ex.org")


def _arxiv_url(draw: st.DrawFn) -> str:
    form = draw(
        st.sampled_from(
            (
                "https://arxiv.org/abs/{}",
                "http://arxiv.org/abs/{}",
                "https://arxiv.org/pdf/{}",
                "https://arxiv.org/pdf/{}.pdf",
                "https://www.arxiv.org/abs/{}",
                "https://export.arxiv.org/abs/{}",
                "https://arxiv.org/html/{}",
                "arxiv.org/abs/{}",
                "https://doi.org/10.48550/arXiv.{}",
                "https://arxiv.org/abs/{}?context=cs",
                "https://arxiv.org/abs/{}#",
            )
        )
    )
    return form.format(draw(st.sampled_from(ARXIV_IDS)))


@st.composite
def urls(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 2:
        return _arxiv_url(draw)
    if kind == 3:
        repo = draw(st.sampled_from(GITHUB_REPOS))
        host = draw(st.sampled_from(("https://github.com/", "http://www.github.com/")))
        return host + repo + draw(st.sampled_from(("", "/", "?tab=readme", "#readme")))
    if kind == 4:
        return "https://img.shields.io/github/stars/" + draw(st.sampled_from(GITHUB_REPOS))
    if kind == 5:
        return draw(st.sampled_from(("#papers", "#", "", "figures/x.png", "./a.md", "mailto:x")))
    if kind == 6:
        return draw(st.sampled_from(HOSTS)) + "/forum?id=" + draw(fragment_text(8))
    if kind == 7:
        return draw(
            st.sampled_from(
                (
                    "https://example.org/a_(b)",
                    "https://example.org/a b",
                    "<https://example.org/a b>",
                    "https://example.org/x?utm_source=twitter&utm_medium=x",
                    "https://example.org/gone",
                    "https://example.org/missing",
                    "javascript:alert(1)",
                    "https://[::1]/",
                    "https://\u4f8b\u3048.jp/",
                    "http://",
                    "https://example.org/%zz",
                )
            )
        )
    return draw(st.sampled_from(HOSTS)) + "/" + draw(fragment_text(12))


@st.composite
def fragment_text(draw: st.DrawFn, max_size: int = 20) -> str:
    """Random characters, biased towards the ones Markdown gives a meaning."""
    return draw(
        st.text(
            st.one_of(
                st.sampled_from("[]()<>`*_!|\\#-:@'\"/.&; \t~=\u00a0"),
                st.characters(codec="utf-8", exclude_categories=("Cs",)),
            ),
            max_size=max_size,
        )
    )


@st.composite
def venue_labels(draw: st.DrawFn) -> str:
    """Tags such as "NeurIPS 2023", "Findings of EMNLP'23", "BlackboxNLP@EMNLP", "arxiv2503"."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        choice = draw(st.integers(0, 5))
        if choice <= 2:
            parts.append(draw(st.sampled_from(VENUE_WORDS)))
        elif choice <= 4:
            parts.append(draw(st.sampled_from(YEARS)))
        else:
            parts.append(draw(fragment_text(4)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts[:-1]) if draw(st.booleans()) else "".join(parts)


@st.composite
def titles(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=6))
    if draw(st.integers(0, 4)) == 0:
        words.append(f"({draw(venue_labels())})")
    return " ".join(words)


# -- inline pieces ---------------------------------------------------------------------------


@st.composite
def inline_pieces(draw: st.DrawFn) -> str:
    def title() -> str:
        return draw(titles())

    def url() -> str:
        return draw(urls())

    def label() -> str:
        return draw(venue_labels())

    pieces = (
        lambda: f"[{title()}]({url()})",
        lambda: f"**[{title()}]({url()})**",
        lambda: f"**{title()}**",
        lambda: f"[[{label()}]]({url()})",
        lambda: f"[[{label()}]]",
        lambda: f"[{label()}]",
        lambda: f"[[Paper]({url()})] [[Code]({url()})]",
        lambda: f"[![Star]({url()})]({url()})",
        lambda: f"![Publish](https://img.shields.io/badge/{label()}-blue)",
        lambda: f'<a href="{url()}">{title()}</a>',
        lambda: f"<img src='{url()}' width=\"20\">",
        lambda: draw(st.sampled_from(("<br>", "<br/>", "</a>", "<b>", "<sup>1</sup>", "<!--"))),
        lambda: f"`{title()}`",
        lambda: f"``{label()}`",
        lambda: f"<{url()}>",
        url,
        lambda: f"[{title()}][{label()}]",
        lambda: f"[{title()}][]",
        lambda: f'[{title()}]({url()} "{label()}")',
        lambda: f"[{title()}]([{label()}]({url()}))",
        lambda: f"*{title()}* et al. {label()}.",
        lambda: f"<!-- awesomelint-disable-line {draw(st.sampled_from(CODES))} -->",
        lambda: f"({label()})",
        lambda: draw(st.sampled_from(("[", "]", "(", ")", "`", "](", "[[", "]]", "\\", "|"))),
        lambda: draw(fragment_text()),
    )
    # An index, not `sampled_from(pieces)`: Hypothesis labels a sampled tuple by its hash,
    # and fresh closures hash by address, so the labels (and the mutations Hypothesis picks
    # from them) would change with memory layout from run to run.
    return pieces[draw(st.integers(0, len(pieces) - 1))]()


CODES = ("VEN001", "VEN", "DUP001", "misspelling", "", "NOPE999", "URL001, TYP001")


@st.composite
def inline_text(draw: st.DrawFn, max_pieces: int = 6) -> str:
    pieces = draw(st.lists(inline_pieces(), min_size=1, max_size=max_pieces))
    joiners = draw(
        st.lists(st.sampled_from((" ", " ", " - ", ", ", "", " | ", "  ", " \\")), min_size=1)
    )
    out = [pieces[0]]
    for index, piece in enumerate(pieces[1:]):
        out.append(joiners[index % len(joiners)])
        out.append(piece)
    return "".join(out)


# -- line shapes -----------------------------------------------------------------------------


@st.composite
def list_items(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    depth = 0
    ordered = draw(st.booleans())
    for number in range(draw(st.integers(1, 6))):
        depth = draw(st.integers(0, depth + 1)) if lines else 0
        indent = draw(st.sampled_from(("  ", "    ", "\t", "   ")))
        if ordered and draw(st.integers(0, 5)):
            marker = f"{number + draw(st.sampled_from((1, 1, 1, 0, 7)))}."
        else:
            marker = draw(st.sampled_from(("-", "*", "+", "1)", "-", "*")))
        body = draw(st.one_of(inline_text(), st.just(""), st.just(" ")))
        prefix = draw(st.sampled_from(("", "", "", "> ", "[2023/05] ")))
        lines.append(f"{indent * depth}{prefix}{marker} {body}".rstrip(" ") + "")
        if draw(st.integers(0, 5)) == 0:
            lines.append(f"{indent * (depth + 1)}{draw(inline_text(3))}")
    return lines


@st.composite
def tables(draw: st.DrawFn) -> list[str]:
    columns = draw(st.integers(1, 5))
    names = ("Title", "Paper", "Venue", "Date", "Code", "Conference", "Notes", "", "Link")
    header = [draw(st.sampled_from(names)) for _ in range(columns)]
    outer = draw(st.sampled_from(("|", "", "| ")))
    closing = draw(st.sampled_from(("|", "", " |")))
    lines = [outer + " | ".join(header) + closing]
    delimiter_cells = draw(st.integers(max(1, columns - 1), columns + 1))
    dash = draw(st.sampled_from(("---", "-", ":---:", "--:", ":-")))
    lines.append(draw(st.sampled_from(("|", ""))) + "|".join([dash] * delimiter_cells) + closing)
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(inline_text(3)) for _ in range(draw(st.integers(0, columns + 2)))]
        row = outer + " | ".join(cells) + draw(st.sampled_from(("|", "", " |", "||", " \\|")))
        lines.append(row)
    return lines


@st.composite
def html_blocks(draw: st.DrawFn) -> list[str]:
    url, title = draw(urls()), draw(titles())
    shapes = (
        [f'<p align="center"><a href="{url}">{title}</a></p>'],
        ["<details>", f"<summary>{title}</summary>", "", f"- [{title}]({url})", "</details>"],
        ["<table>", "<tr>", f'<td><a href="{url}"><img src="{draw(urls())}"></a></td>', "</tr>"],
        ["<!--", f"- [{title}]({url})", "-->"],
        [f"<div>{title}"],
        [f'<a name="{title}"></a>', f"<img src={url} alt={title}>"],
    )
    return list(draw(st.sampled_from(shapes)))


@st.composite
def headings(draw: st.DrawFn) -> list[str]:
    hashes = "#" * draw(st.integers(1, 7))
    text = draw(st.one_of(titles(), inline_text(2), st.just("")))
    if draw(st.integers(0, 4)) == 0:
        return [text, draw(st.sampled_from(("===", "---", "-")))]
    return [f"{hashes} {text}".rstrip() + draw(st.sampled_from(("", "", " #", " ##")))]


@st.composite
def references(draw: st.DrawFn) -> list[str]:
    label = draw(st.one_of(venue_labels(), titles()))
    url = draw(urls())
    title = draw(st.sampled_from(("", ' "Title"', " 'x'", " (t)", ' "unclosed')))
    return [f"[{label}]: {url}{title}"]


@st.composite
def fences(draw: st.DrawFn) -> list[str]:
    fence = draw(st.sampled_from(("```", "~~~", "````")))
    body = [draw(inline_text(2)) for _ in range(draw(st.integers(0, 2)))]
    closed = draw(st.booleans())
    return [fence + draw(st.sampled_from(("", "bibtex", "python"))), *body] + (
        [fence] if closed else []
    )


@st.composite
def other_lines(draw: st.DrawFn) -> list[str]:
    return [
        draw(
            st.one_of(
                inline_text(),
                fragment_text(60),
                st.sampled_from(
                    (
                        "",
                        "---",
                        "***",
                        "> quote",
                        "<!-- awesomelint-disable VEN -->",
                        "<!-- awesomelint-enable VEN -->",
                        "<!-- awesomelint-disable-next-line -->",
                        "<!-- awesomelint-disable-file TYP001 -->",
                        "<!-- awesomelint-disable-file NOPE -->",
                        "    indented code",
                        "\t- tabbed item",
                        "[//]: # (comment)",
                        "\\",
                        "|",
                        "-|",
                        "e|",
                    )
                ),
            )
        )
    ]


block = st.one_of(
    headings(),
    list_items(),
    list_items(),
    tables(),
    html_blocks(),
    references(),
    fences(),
    other_lines(),
)


def _front_matter(draw: st.DrawFn) -> list[str]:
    if draw(st.integers(0, 9)):
        return []
    fields = [f"title: {draw(titles())}", f"tags: {draw(venue_labels())}"]
    return ["---", *fields[: draw(st.integers(0, 2))], draw(st.sampled_from(("---", "...", "")))]


@st.composite
def documents_text(draw: st.DrawFn) -> str:
    """A document as text with "\\n" newlines."""
    lines = _front_matter(draw)
    blocks = draw(st.lists(block, min_size=1, max_size=10))
    for index, lines_of_block in enumerate(blocks):
        lines.extend(lines_of_block)
        if draw(st.booleans()):
            lines.append("")
        if index % 3 == 2 and draw(st.integers(0, 4)) == 0:
            # Repeat an earlier block: duplicates for DUP001/DUP002 to find.
            lines.extend(blocks[draw(st.integers(0, index))])
    if lines and draw(st.integers(0, 19)) == 0:
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = lines[index] * draw(st.integers(20, 400))
    return "\n".join(lines) + draw(st.sampled_from(("\n", "", "\n\n")))


def encode(draw: st.DrawFn, text: str) -> bytes:
    """The text as a file: a newline style (or a mix), a BOM now and then."""
    style = draw(st.sampled_from(("\n", "\n", "\r\n", "mixed", "\r")))
    if style == "mixed":
        parts = text.split("\n")
        text = "".join(
            part + (draw(st.sampled_from(("\n", "\r\n", "\r"))) if i < len(parts) - 1 else "")
            for i, part in enumerate(parts)
        )
    elif style != "\n":
        text = text.replace("\n", style)
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few byte-level edits: flips, inserted syntax characters, cut bytes."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        if not buffer:
            break
        at = draw(st.integers(0, len(buffer) - 1))
        op = draw(st.integers(0, 3))
        if op == 0:
            buffer[at] ^= 1 << draw(st.integers(0, 7))
        elif op == 1:
            buffer[at:at] = draw(st.sampled_from(list(b"[]()|`<>*\\!#\n\t\x00"))).to_bytes()
        elif op == 2:
            del buffer[at : at + draw(st.integers(1, 8))]
        else:
            buffer[at:at] = buffer[at : at + draw(st.integers(1, 40))]
    return bytes(buffer)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A list-shaped Markdown file as bytes; now and then mutated at the byte level (it may
    then not be valid UTF-8, or may hold NUL bytes, which reading must turn into a clear
    error)."""
    data = encode(draw, draw(documents_text()))
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
    return data
