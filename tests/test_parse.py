"""The document model: sections, entries, links, tags and positions recovered from source."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from awesomelint.document.entry_text import description_of
from awesomelint.document.model import Document, Entry, EntryKind, TagKind
from awesomelint.document.parse import parse_text
from awesomelint.document.source import decode, read
from awesomelint.errors import InputError

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
LISTS = Path(__file__).parent.parent / "lists"


def doc_of(text: str) -> Document:
    return parse_text(text).document


def span_text(doc: Document, span: object) -> str:
    start, end = span.start, span.end  # type: ignore[attr-defined]
    return doc.text[start:end]


def test_sections_form_a_heading_tree_with_a_preamble() -> None:
    doc = doc_of("intro\n\n# A\n## B\n- x\n### C\n## D\n# E\n")
    titles = [(s.title, s.level) for s in doc.walk_sections()]
    assert titles == [("", 0), ("A", 1), ("B", 2), ("C", 3), ("D", 2), ("E", 1)]
    a = doc.sections[1]
    assert [s.title for s in a.subsections] == ["B", "D"]
    assert [e.title for e in a.subsections[0].entries] == ["x"]


def test_nested_items_are_children_not_top_level_entries() -> None:
    doc = doc_of("- [A](https://a.example/)\n  - [A1](https://a1.example/)\n    1. deep\n- B\n")
    top = doc.sections[0].entries
    assert [e.title for e in top] == ["A", "B"]
    assert [c.title for c in top[0].children] == ["A1"]
    assert top[0].children[0].children[0].depth == 2
    assert [e.title for _, e in doc.entries()] == ["A", "A1", "deep", "B"]
    assert top[0].links[0].url == "https://a.example/"  # the child's link is not the parent's


def test_bold_title_and_label_links() -> None:
    doc = doc_of(
        "* \u00f0\u0178\u0152\u0178**Tuned Lens** [[arxiv 2303]](https://arxiv.org/abs/2303.08112)"
        " [[github]](https://github.com/a/b) - predictions from every layer\n"
    )
    (entry,) = doc.sections[0].entries
    assert entry.title == "Tuned Lens"
    assert [(t.kind, t.value) for t in entry.tags] == [
        (TagKind.LINK, "arxiv 2303"),
        (TagKind.LINK, "github"),
    ]
    assert entry.primary is not None and entry.primary.url == "https://arxiv.org/abs/2303.08112"
    assert [tag.link.url for tag in entry.tags if tag.link] == [
        "https://arxiv.org/abs/2303.08112",
        "https://github.com/a/b",
    ]
    assert description_of(doc.text, entry) == "predictions from every layer"
    assert entry.title_span is not None
    assert span_text(doc, entry.title_span) == "Tuned Lens"
    assert span_text(doc, entry.tags[0].span) == "arxiv 2303"


def test_link_title_plain_bracket_tag_and_paren_venue() -> None:
    doc = doc_of(
        "1. [Attention (NeurIPS 2017)](https://arxiv.org/abs/1706.03762) [ICLR'23] - text\n"
    )
    (entry,) = doc.sections[0].entries
    assert entry.title == "Attention (NeurIPS 2017)"
    kinds = sorted((t.kind.value, t.value) for t in entry.tags)
    assert kinds == [("bracket", "ICLR'23"), ("paren", "NeurIPS 2017")]
    assert entry.marker == "1."


def test_table_rows_are_entries_with_a_venue_column() -> None:
    doc = doc_of(
        "| Paper | Venue | Code |\n|---|---|---|\n"
        "| [A](https://arxiv.org/abs/2301.00001) | NeurIPS 2023 | [code](https://github.com/a/b) |\n"
        "| B \\| escaped | ICLR | |\n"
    )
    rows = doc.sections[0].entries
    assert [r.kind for r in rows] == [EntryKind.TABLE_ROW, EntryKind.TABLE_ROW]
    assert [r.title for r in rows] == ["A", "B | escaped"]
    assert [(t.kind, t.value) for t in rows[0].tags] == [(TagKind.COLUMN, "NeurIPS 2023")]
    assert [link.url for link in rows[0].links] == [
        "https://arxiv.org/abs/2301.00001",
        "https://github.com/a/b",
    ]


def test_a_table_row_is_described_by_its_description_column() -> None:
    doc = doc_of(
        "| Paper | Venue | Summary |\n|---|---|---|\n"
        "| [A](https://arxiv.org/abs/2301.00001) | ICLR 2024 | *Sparse* probes |\n"
        "| [B](https://arxiv.org/abs/2301.00002) | ICLR 2024 | |\n"
    )
    rows = doc.sections[0].entries
    assert [description_of(doc.text, row) for row in rows] == ["Sparse probes", ""]
    plain = doc_of(
        "| Paper | Venue |\n|---|---|\n| [A](https://arxiv.org/abs/2301.00001) | ICLR |\n"
    )
    assert description_of(plain.text, plain.sections[0].entries[0]) == ""


def test_front_matter_is_kept_out_of_the_model() -> None:
    doc = doc_of("---\ntitle: Interpretibility\ntags: a, b\n---\n\n# Real\n- x\n")
    assert doc.front_matter is not None
    assert [(f.key, f.value) for f in doc.front_matter.fields] == [
        ("title", "Interpretibility"),
        ("tags", "a, b"),
    ]
    assert [s.title for s in doc.walk_sections()] == ["", "Real"]
    field = doc.front_matter.fields[0]
    assert span_text(doc, field.value_span) == "Interpretibility"
    assert doc.position(doc.sections[1].entries[0].span.start) == (7, 1)


def test_table_of_contents_is_recognised() -> None:
    doc = doc_of("## Contents\n- [A](#a)\n  - [B](#b)\n## A\n- [x](https://x.example/)\n")
    toc, body = doc.sections[1], doc.sections[2]
    assert toc.is_toc and not body.is_toc


def test_html_block_links_have_positions() -> None:
    doc = doc_of('# T\n\n<p align="center"><a href="https://example.org/x">x</a></p>\n')
    (link,) = doc.links
    assert link.url == "https://example.org/x"
    assert span_text(doc, link.url_span) == "https://example.org/x"
    assert doc.position(link.url_span.start) == (3, 28)
    assert doc.sections[1].entries == ()


def test_repeated_urls_on_one_line_get_distinct_spans() -> None:
    doc = doc_of("- [a](https://x.example/) [b](https://x.example/) <https://x.example/>\n")
    starts = [link.url_span.start for link in doc.links]
    assert len(set(starts)) == 3
    assert all(span_text(doc, link.url_span) == "https://x.example/" for link in doc.links)


def test_escapes_angle_destinations_and_nested_destinations() -> None:
    doc = doc_of(
        "- \\[no\\](link) [yes](<https://a.example/b c>) [[t]]([x](https://in.example/))"
        " `[code](https://code.example/)`\n"
    )
    urls = [link.url for link in doc.links]
    assert urls == ["https://a.example/b c", "[x](https://in.example/)"]
    assert len(doc.code_spans) == 1


def test_reference_links_point_at_their_definition() -> None:
    doc = doc_of("- [Paper][p]\n\n[p]: <https://example.org/paper>\n")
    (link,) = doc.links
    assert link.url == "https://example.org/paper"
    assert doc.position(link.url_span.start) == (3, 7)


def test_crlf_and_bom_are_normalised_and_remembered() -> None:
    source = decode(b"\xef\xbb\xbf# T\r\n- [a](https://a.example/)\r\n", Path("x.md"))
    assert source.bom and source.newline == "\r\n"
    assert source.text == "# T\n- [a](https://a.example/)\n"
    assert source.restore(source.text).encode("utf-8").startswith(b"\xef\xbb\xbf# T\r\n")


def test_columns_count_characters_not_bytes() -> None:
    doc = doc_of("- \u00e9\u00e9 [a](https://a.example/)\n")
    assert doc.position(doc.links[0].span.start) == (1, 6)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"# ok\n\xff\xfe bad\n", "x.md:2: invalid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.md:3: binary file"),
        # Anywhere in the file, so that a fix that shortens the text never makes it binary.
        (b"- x\n" * 3000 + b"- [A](https://a.example/\x00x)\n", "x.md:3001: binary file"),
        ("# T\n\x00".encode("utf-16"), "x.md:2: binary file"),
    ],
)
def test_undecodable_input_names_file_and_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, Path("x.md"))


def test_unreadable_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "missing.md")
    with pytest.raises(InputError, match="is a directory"):
        read(tmp_path)


def _markdown_it_hrefs(text: str) -> list[str]:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    hrefs = []
    for token in md.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                hrefs.append(str(child.attrs["href"]))
            elif child.type == "image":
                hrefs.append(str(child.attrs["src"]))
    return hrefs


CORPUS = sorted(SEEDS.glob("*.md")) + sorted(LISTS.glob("*.md"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_links_agree_with_markdown_it(path: Path) -> None:
    """Our source scanner finds exactly the links markdown-it's inline parser finds."""
    text = path.read_text(encoding="utf-8")
    doc = doc_of(text)
    md = MarkdownIt("commonmark")
    ours = [
        md.normalizeLink(link.url)
        for link in doc.links
        if link.kind.value in ("inline", "reference")
    ]
    assert ours == _markdown_it_hrefs(text)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_link_span_is_exact(path: Path) -> None:
    doc = doc_of(path.read_text(encoding="utf-8"))
    for link in doc.links:
        if link.kind.value == "inline":
            assert span_text(doc, link.url_span) == link.url
            assert doc.text[link.span.end - 1] == ")"


def test_seed_counts() -> None:
    counts = {}
    for name in ("seed-000.md", "seed-001.md", "seed-002.md"):
        doc = doc_of((SEEDS / name).read_text(encoding="utf-8"))
        counts[name] = sum(1 for _ in doc.entries())
    assert counts == {"seed-000.md": 65, "seed-001.md": 25, "seed-002.md": 99}


# -- titles and primary links as real lists write them ------------------------------------


def only_entry(text: str) -> Entry:
    entries = [entry for _, entry in doc_of(text).entries()]
    assert len(entries) == 1, entries
    return entries[0]


def test_badge_first_table_row_is_titled_by_its_paper_link() -> None:
    entry = only_entry(
        "| Title | Venue | Date | Code |\n| --- | --- | --- | --- |\n"
        "| ![Star](https://img.shields.io/github/stars/acme/lantern.svg?style=social&label=Star)"
        " <br> [**Lantern: Reading Each Layer**](https://arxiv.org/pdf/2401.04567) <br> "
        "| arXiv | 2024-01-09 | [Github](https://github.com/acme/lantern) |\n"
    )
    assert entry.title == "Lantern: Reading Each Layer"
    assert entry.primary is not None
    assert entry.primary.url == "https://arxiv.org/pdf/2401.04567"
    assert [link.url for link in entry.badges] == [
        "https://img.shields.io/github/stars/acme/lantern.svg?style=social&label=Star"
    ]
    assert entry.links[0] in entry.badges  # still a link of the entry, so still checked


def test_badge_wrapped_links_and_empty_badge_links_are_decoration() -> None:
    text = (
        "- [![GitHub Repo stars](https://img.shields.io/github/stars/acme/heads)]"
        "(https://github.com/acme/heads) [![Publish](https://badgen.net/badge/venue/ICLR)]()"
        " [Quiet Heads in Small Transformers](https://quiet.example/) - probes\n"
    )
    entry = only_entry(text)
    assert entry.title == "Quiet Heads in Small Transformers"
    assert entry.primary is not None and entry.primary.url == "https://quiet.example/"
    assert {link.url for link in entry.badges} == {
        "https://img.shields.io/github/stars/acme/heads",
        "https://github.com/acme/heads",
        "https://badgen.net/badge/venue/ICLR",
        "",
    }
    assert description_of(text, entry) == "probes"


def test_an_image_link_to_another_link_of_the_entry_is_decoration() -> None:
    entry = only_entry(
        "- [![logo](https://acme.example/logo.png)](https://github.com/acme/heads/) "
        "**Heads** [[code]](https://github.com/acme/heads)\n"
    )
    assert [link.url for link in entry.badges] == ["https://github.com/acme/heads/"]
    assert entry.primary is not None and entry.primary.url == "https://github.com/acme/heads"


@pytest.mark.parametrize(
    "line",
    [
        (
            "- [2023/05] **Tool Makers for Agents.** *A. Author et al. arXiv.* "
            "[[code](https://github.com/acme/tools)] [[paper](https://arxiv.org/abs/2305.01111)]"
        ),
        (
            "- **Tool Makers for Agents.** [[Code]](https://github.com/acme/tools) "
            "[[Paper]](https://arxiv.org/abs/2305.01111) [[Project Page]](https://tools.example/)"
        ),
        (
            "- [Github](https://github.com/acme/tools) | [arXiv](https://arxiv.org/abs/2305.01111)"
            " - Tool Makers for Agents."
        ),
        (
            "- Paper: [Tool Makers for Agents.](https://arxiv.org/abs/2305.01111)"
            " [![GitHub Repo stars](https://img.shields.io/github/stars/acme/tools)]"
            "(https://github.com/acme/tools)"
        ),
        (
            "- \U0001f525 :star: [Tool Makers for Agents.](https://github.com/acme/tools) "
            "[paper](https://arxiv.org/abs/2305.01111)"
        ),
    ],
    ids=["bracketed-links", "label-links", "generic-links-first", "paper-label", "code-titled"],
)
def test_the_title_names_the_work_and_the_primary_link_is_the_paper(line: str) -> None:
    entry = only_entry(line + "\n")
    assert entry.title == "Tool Makers for Agents."
    assert entry.primary is not None
    assert entry.primary.url == "https://arxiv.org/abs/2305.01111"


def test_a_bold_title_may_run_over_a_line_break() -> None:
    entry = only_entry(
        "- [2023/06] **Synapse Tables: Exemplars for\nWeb Control.** *A. Author et al.* "
        "[[paper](https://arxiv.org/abs/2306.01111)]\n"
    )
    assert entry.title == "Synapse Tables: Exemplars for Web Control."


@pytest.mark.parametrize(
    "text",
    [
        "Paper",
        "paper",
        "PAPER",
        "[pdf]",
        "arXiv",
        "Code",
        "[code]",
        "Github",
        "GitHub-2",
        "github2",
        "Project Page",
        "project",
        "Homepage",
        "Website",
        "Blog",
        "Video",
        "Slides",
        "Demo",
        "Dataset",
        "Model",
        "HuggingFace",
        "\U0001f917 Hugging Face",
        "OpenReview",
        "link",
        "Code & Data",
        "Paper/Code",
        "\U0001f4d6",
        "\U0001f4d6 Paper",
        "\u8bba\u6587",
        "\u4ee3\u7801",
        "Coming soon",
    ],
)
def test_generic_link_texts_are_not_titles(text: str) -> None:
    entry = only_entry(f"- [{text}](https://example.org/x) - Quiet Heads in Small Models\n")
    assert entry.title == "Quiet Heads in Small Models"


@pytest.mark.parametrize(
    "text",
    ["Code Llama: Open Foundation Models for Code", "PaperQA", "Dataset Cartography", "OpenAI"],
)
def test_titles_that_contain_generic_words_are_titles(text: str) -> None:
    entry = only_entry(f"- [{text}](https://example.org/x) - a description\n")
    assert entry.title == text
    assert entry.primary is not None and entry.primary.url == "https://example.org/x"


def test_an_entry_with_only_generic_links_has_no_title() -> None:
    entry = only_entry(
        "- [Paper](https://arxiv.org/abs/2305.01111) [Code](https://github.com/a/b)\n"
    )
    assert entry.title == ""
    assert entry.title_span is None
    assert entry.primary is not None and entry.primary.url == "https://arxiv.org/abs/2305.01111"


def test_anchor_links_are_named_by_their_text() -> None:
    doc = doc_of("## Contents\n- [Papers](#papers)\n- [\U0001f4dc Code](#code)\n")
    assert [entry.title for _, entry in doc.entries()] == ["Papers", "\U0001f4dc Code"]
    assert doc.sections[1].is_toc


def test_a_date_in_bold_is_not_a_title() -> None:
    entry = only_entry("- **[2026.04.22]**\n")
    assert entry.title == ""


def test_table_columns_decide_title_and_primary_link() -> None:
    entry = only_entry(
        "|Date|Title|Paper|Code|Recom|\n|---|---|---|---|---|\n"
        "|2024.05|\U0001f525\U0001f525[**YOCO**] You Only Cache Once: Decoder-Decoder Models"
        "(@Acme)| [[pdf]](https://arxiv.org/pdf/2405.05254) | [[unilm-YOCO]]"
        "(https://github.com/acme/unilm) ![](https://img.shields.io/github/stars/acme/unilm) |"
        "\u2b50\ufe0f|\n"
    )
    assert entry.title == "You Only Cache Once: Decoder-Decoder Models(@Acme)"
    assert entry.primary is not None
    assert entry.primary.url == "https://arxiv.org/pdf/2405.05254"


def test_a_code_column_link_is_not_primary_even_when_it_names_the_tool() -> None:
    entry = only_entry(
        "| Name | Code | Paper |\n| --- | --- | --- |\n"
        "| **Pager** | [pager-serve](https://github.com/acme/pager) "
        "| [Paging Memory for Serving](https://arxiv.org/abs/2309.01234) |\n"
    )
    assert entry.title == "Pager"
    assert entry.primary is not None and entry.primary.url == "https://arxiv.org/abs/2309.01234"


def test_a_table_without_a_title_header_is_titled_by_its_first_cell_with_words() -> None:
    entry = only_entry(
        "| When | Venue | What | Where |\n| --- | --- | --- | --- |\n"
        "| 2023-08-31 | ICLR 2024 | Sparse Heads: Fewer Is More | "
        "[Paper](https://arxiv.org/abs/2308.01111) |\n"
    )
    assert entry.title == "Sparse Heads: Fewer Is More"
    assert entry.primary is not None and entry.primary.url == "https://arxiv.org/abs/2308.01111"


def test_a_list_item_holding_a_reference_definition_is_not_empty() -> None:
    doc = doc_of(
        "1. [Quiet Heads][qh] in small models\n2. [qh]: https://arxiv.org/abs/2402.01111\n"
    )
    first, second = (entry for _, entry in doc.entries())
    assert not second.is_empty
    assert second.links == () and second.title == ""
    assert [link.url for link in first.links] == ["https://arxiv.org/abs/2402.01111"]
    (definition,) = doc.definitions
    assert definition.label == "qh"
    assert span_text(doc, definition.url_span) == "https://arxiv.org/abs/2402.01111"
    assert span_text(doc, definition.span) == "[qh]: https://arxiv.org/abs/2402.01111"
    assert first.links[0].url_span == definition.url_span


def test_html_image_sources_are_images() -> None:
    doc = doc_of(
        '<p><a href="https://acme.example/">x</a><img src="https://acme.example/x.png"></p>\n'
    )
    assert [(link.url, link.image) for link in doc.links] == [
        ("https://acme.example/", False),
        ("https://acme.example/x.png", True),
    ]
