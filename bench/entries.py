"""The four entry styles of the generated lists: bold items, dash items, numbered items, tables."""

from __future__ import annotations

import re

from papers import PaperSource
from vocabulary import SURNAMES


def slug(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return text.replace(" ", "-")


def bold_items(source: PaperSource, count: int, loose: bool) -> list[str]:
    """`* **Title** [[venue]](url) [[github]](url)`, some with description sub-items."""
    r = source.rng
    lines: list[str] = []
    for _ in range(count):
        paper, extra = source.next_paper(list_item=True, nestable=True)
        star = "🌟" if r.random() < 0.02 else ""
        line = f"* {star}**{paper.title}** [[{paper.venue}]]({paper.url})"
        if "nested_link" in extra:
            doi = f"10.48550/arXiv.{paper.arxiv_id}"
            line = (
                f"* **{paper.title}** [[arxiv {paper.arxiv_id[:4]}]]"
                f"([{doi}](http://arxiv.org/abs/{paper.arxiv_id}))"
            )
        elif not paper.venue.startswith("arxiv") and r.random() < 0.5:
            line += f" [[arxiv {paper.arxiv_id[:4]}]](https://arxiv.org/abs/{paper.arxiv_id})"
        if paper.github:
            line += f" [[github]]({paper.github})"
        if r.random() < 0.04:
            post = f"{paper.year}/{slug(paper.title)[:24]}"
            line += f" [[blog]](https://transformer-circuits.pub/{post}/index.html)"
        lines.append(line)
        if paper.description:
            lines.append(f"  * {paper.description}")
            if r.random() < 0.35:
                lines.append(f"  * {source.description()}")
        if "empty_item" in extra:
            lines.append("*")
        if loose:
            lines.append("")
    return lines


def dash_items(source: PaperSource, count: int) -> list[str]:
    """`- [Title](url) [NeurIPS 2023]` and `- [Author et al 2023 - Title](url) - note`."""
    r = source.rng
    lines: list[str] = []
    authored = r.random() < 0.4
    for _ in range(count):
        paper, extra = source.next_paper(list_item=True, nestable=False)
        if authored:
            who = f"{r.choice(SURNAMES)} et al {paper.year}"
            line = f"- [{who} - {paper.title}]({paper.url})"
            if r.random() < 0.15:
                line = f"- **[{who} - {paper.title}]({paper.url})**"
        else:
            line = f"- [{paper.title}]({paper.url}) [{paper.venue}]"
        if paper.github and r.random() < 0.5:
            line += f" - code: [github]({paper.github})"
        elif paper.description:
            line += f" - {paper.description[0].lower()}{paper.description[1:]}"
        lines.append(line)
        if "empty_item" in extra:
            lines.append("-")
    return lines


def numbered_items(source: PaperSource, count: int) -> list[str]:
    """`1. [Title](url)` with the odd venue in parentheses, like the blog-post lists."""
    r = source.rng
    lines: list[str] = []
    number = 1
    for _ in range(count):
        paper, extra = source.next_paper(list_item=True, nestable=False)
        title = paper.title
        if not paper.venue.startswith("arxiv") and r.random() < 0.15:
            title += f" ({paper.venue.split()[0]}'{paper.year % 100:02d})"
        lines.append(f"{number}. [{title}]({paper.url})")
        number += 1
        if "empty_item" in extra:
            lines.append(f"{number}. ")
            number += 1
    return lines


def table_rows(source: PaperSource, count: int) -> list[str]:
    """A GFM table with Title/Venue/Link columns, and sometimes a Code column."""
    code = source.rng.random() < 0.5
    lines = ["| Title | Venue | Link |" + (" Code |" if code else "")]
    lines.append("| --- | --- | --- |" + (" --- |" if code else ""))
    for _ in range(count):
        paper, _extra = source.next_paper(list_item=False, nestable=False)
        row = f"| {paper.title} | {paper.venue} | [paper]({paper.url}) |"
        if code:
            row += f" [github]({paper.github}) |" if paper.github else " - |"
        lines.append(row)
    return lines
