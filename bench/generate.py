"""Deterministic generator of realistic awesome lists of research papers, for the benchmarks.

The output imitates the lists in lists/ and tests/fixtures/seeds/: `#`/`##`/`###` sections, a
table of contents, `* **Title** [[arxiv 2303]](...) [[github]](...)` entries, `- [Title](...)
[NeurIPS 2023]` entries, numbered items, nested description sub-items, a few GFM tables with
Title/Venue/Link columns and the odd note paragraph. A few defects are sprinkled in at a low
rate (a misspelled word, an http:// arXiv link, an empty item, a link nested in a link) so the
checkers have something to report, and a few papers are listed twice.

Everything comes from one `random.Random(seed)`, so the same seed gives the same bytes. This
module lays out the sections and writes the files; the word lists are in vocabulary.py, the
papers and their defects in papers.py, the entry styles in entries.py.

    python bench/generate.py            # writes bench/out/huge.md and bench/out/typical.md
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from entries import bold_items, dash_items, numbered_items, slug, table_rows
from papers import PaperSource
from projectenv import OUT_DIR
from vocabulary import ADJECTIVES, MODELS, NOTES, NOUNS, SECTION_TOPICS, SUBSECTION_ASPECTS

SEED = 20240601

SIZES: dict[str, int] = {
    "typical": 250,  # about 50 KB, a typical curated list
    "huge": 10_000,  # about 2 MB, the largest lists seen in the wild
}
"""Entries (list items and table rows, not counting description sub-items) per size."""


class ListGenerator:
    """One list: sections and headings around blocks of entries, from one `random.Random`."""

    def __init__(self, entries: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.target = entries
        self.headings: set[str] = set()
        self.source = PaperSource(entries, self.rng)

    def _heading(self, names: tuple[str, ...], prefix: str = "") -> str:
        for _ in range(50):
            name = self.rng.choice(names)
            title = f"{prefix}{name}".strip()
            if title not in self.headings:
                self.headings.add(title)
                return title
        index = 2
        while f"{title} {index}" in self.headings:
            index += 1
        self.headings.add(f"{title} {index}")
        return f"{title} {index}"

    def _block(self, count: int) -> list[str]:
        r = self.rng
        style = r.choices(("bold", "dash", "numbered", "table"), (50, 25, 15, 10))[0]
        if style == "bold":
            return bold_items(self.source, count, loose=r.random() < 0.3)
        if style == "dash":
            return dash_items(self.source, count)
        if style == "numbered":
            return numbered_items(self.source, count)
        return table_rows(self.source, count)

    def _note(self) -> str:
        r = self.rng
        return r.choice(NOTES).format(
            noun=r.choice(NOUNS).lower(),
            adj=r.choice(ADJECTIVES).lower(),
            topic=r.choice(SECTION_TOPICS),
        )

    def generate(self) -> str:
        r = self.rng
        topic = r.choice(("LLM Interpretability", "Mechanistic Interpretability", "SAE"))
        title = f"Awesome {topic} Papers"
        body: list[str] = []
        toc: list[str] = [
            f"- [{title}](#{slug(title)})",
            "  - [Table of Contents](#table-of-contents)",
        ]
        self.headings.update((title, "Table of Contents"))
        while self.source.emitted < self.target:
            section = self._heading(SECTION_TOPICS)
            toc.append(f"  - [{section}](#{slug(section)})")
            body += [f"## {section}", ""]
            if r.random() < 0.3:
                body += [self._note(), ""]
            for _ in range(r.randint(1, 6)):
                if self.source.emitted >= self.target:
                    break
                first = section.split()[0]
                aspects = tuple(a for a in SUBSECTION_ASPECTS if a != first)
                sub = self._heading(aspects, prefix=f"{first} ")
                toc.append(f"    - [{sub}](#{slug(sub)})")
                body += [f"### {sub}", ""]
                count = min(self.target - self.source.emitted, r.randint(5, 45))
                if r.random() < 0.15 and count >= 8:
                    # A level-4 split, as in the larger real lists.
                    half = count // 2
                    for part in (half, count - half):
                        name = self._heading(MODELS, prefix=f"{sub} on ")
                        body += [f"#### {name}", "", *self._block(part), ""]
                else:
                    body += [*self._block(count), ""]
                if r.random() < 0.05:
                    body += [self._note(), ""]
        intro = (
            f"A curated list of papers, tools and blog posts on {topic.lower()}, sorted by "
            "topic. Pull requests are welcome; please keep one paper per line."
        )
        head = [f"# {title}", "", intro, "", "## Table of Contents", "", *toc, ""]
        text = "\n".join(head + body)
        return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def generate(entries: int, seed: int = SEED) -> str:
    """A paper list with `entries` entries; the same arguments always give the same text."""
    return ListGenerator(entries, seed).generate()


def write_lists(out_dir: Path = OUT_DIR, seed: int = SEED) -> dict[str, Path]:
    """Write every size in SIZES to `out_dir/NAME.md`; an unchanged file is not rewritten."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for offset, (name, entries) in enumerate(SIZES.items()):
        path = out_dir / f"{name}.md"
        data = generate(entries, seed + offset).encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths[name] = path
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")
    args = parser.parse_args()
    for name, path in write_lists(args.out, args.seed).items():
        print(f"{name}: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
