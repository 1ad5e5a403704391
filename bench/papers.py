"""Made-up papers for the generated lists: titles, venues, links, and the defects they carry."""

from __future__ import annotations

import dataclasses as dc
import random
import re
from collections.abc import Callable

from vocabulary import (
    ACRONYM_PARTS,
    ADJECTIVES,
    CONFERENCE_WEIGHTS,
    CONFERENCES,
    DESCRIPTION_TEMPLATES,
    GERUNDS,
    MODELS,
    NOUNS,
    OWNERS,
    SURNAMES,
    TYPOS,
    YEAR_WEIGHTS,
    YEARS,
)

DEFECT_RATE = 0.004
"""Share of entries that carry each kind of defect (at least one of each kind per list)."""

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@dc.dataclass(slots=True)
class Paper:
    title: str
    year: int
    venue: str
    """`NeurIPS 2023` or `arxiv 2303`."""
    url: str
    arxiv_id: str
    github: str | None
    description: str | None


@dc.dataclass(slots=True)
class Defects:
    """How many of each defect are still to be placed; an entry that cannot take one defers
    it to the next entry that can."""

    typo: int = 0
    http_arxiv: int = 0
    empty_item: int = 0
    nested_link: int = 0
    duplicate: int = 0


class PaperSource:
    """The papers of one list, in order, from the list's shared `rng`."""

    def __init__(self, entries: int, rng: random.Random) -> None:
        self.rng = rng
        self.emitted = 0
        self.used: set[str] = set()
        """Titles, arXiv ids and paper URLs handed out: only the duplicate defect repeats."""
        self.papers: list[Paper] = []
        self.pending = Defects()
        self.defect_at: dict[int, list[str]] = {}
        for kind in ("typo", "http_arxiv", "empty_item", "nested_link", "duplicate"):
            count = max(1, round(entries * DEFECT_RATE))
            for index in self.rng.sample(range(entries), count):
                self.defect_at.setdefault(index, []).append(kind)

    def _unique(self, make: Callable[[], str]) -> str:
        """A value from `make` not handed out before (a suffix after many clashes)."""
        value = make()
        for _ in range(100):
            if value not in self.used:
                break
            value = make()
        else:
            value = f"{value}-{len(self.used)}"
        self.used.add(value)
        return value

    def _arxiv_id(self, year: int) -> str:
        month = self.rng.randint(1, 12)
        return f"{year % 100:02d}{month:02d}.{self.rng.randint(1, 19999):05d}"

    def _title(self) -> str:
        r = self.rng
        adj, noun, gerund, model = (
            r.choice(ADJECTIVES),
            r.choice(NOUNS),
            r.choice(GERUNDS),
            r.choice(MODELS),
        )
        acronym = r.choice(ACRONYM_PARTS) + r.choice(ACRONYM_PARTS)
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"{gerund} {adj} {noun} in {model}",
            lambda: f"{acronym}: {adj} {noun} for {gerund} {model}",
            lambda: f"Towards {adj} {noun} of {r.choice(NOUNS)}",
            lambda: f"What Do {model} Know About {noun}?",
            lambda: f"On the {adj} {noun} of {model}",
            lambda: f"{noun} Are {adj}: Evidence from {model}",
            lambda: f"{gerund} {noun} with {adj} {r.choice(NOUNS)}",
            lambda: f"A Survey on {adj} {noun} for {model}",
        )
        return r.choice(templates)()

    def _venue(self, year: int, arxiv_id: str) -> str:
        if self.rng.random() < 0.4:
            return f"arxiv {arxiv_id[:4]}"
        conf = self.rng.choices(CONFERENCES, CONFERENCE_WEIGHTS)[0]
        return f"{conf} {year}"

    def _venue_url(self, venue: str, year: int, arxiv_id: str) -> str:
        r = self.rng
        conf = venue.split(maxsplit=1)[0]
        if conf == "arxiv":
            return f"https://arxiv.org/{'pdf' if r.random() < 0.05 else 'abs'}/{arxiv_id}"
        if conf in ("NeurIPS", "ICLR", "COLM") or (conf == "ICML" and r.random() < 0.5):
            if conf == "NeurIPS" and r.random() < 0.4:
                digest = "".join(r.choice("0123456789abcdef") for _ in range(32))
                return (
                    f"https://proceedings.neurips.cc/paper_files/paper/{year}/hash/"
                    f"{digest}-Abstract-Conference.html"
                )
            forum = "".join(r.choice(_ALNUM) for _ in range(10))
            return f"https://openreview.net/forum?id={forum}"
        if conf == "ICML":
            author = r.choice(SURNAMES).lower()
            volume = 202 + 33 * (year - 2023)
            letter = r.choice("abcdefgh")
            return f"https://proceedings.mlr.press/v{volume}/{author}{year % 100}{letter}.html"
        if conf == "AAAI":
            return f"https://ojs.aaai.org/index.php/AAAI/article/view/{r.randint(20000, 35000)}"
        track = {"TACL": "tacl-1", "EMNLP": "emnlp-main", "NAACL": "naacl-long"}.get(
            conf, f"{conf.lower()}-long"
        )
        return f"https://aclanthology.org/{year}.{track}.{r.randint(1, 1500)}"

    def description(self) -> str:
        """A one-sentence description, as in an entry's sub-item or after its link."""
        r = self.rng
        return r.choice(DESCRIPTION_TEMPLATES).format(
            noun=r.choice(NOUNS).lower(),
            adj=r.choice(ADJECTIVES).lower(),
            gerund=r.choice(GERUNDS).lower(),
            model=r.choice(MODELS),
        )

    def _paper(self) -> Paper:
        r = self.rng
        year = r.choices(YEARS, YEAR_WEIGHTS)[0]
        arxiv_id = self._unique(lambda: self._arxiv_id(year))
        venue = self._venue(year, arxiv_id)
        github = None
        if r.random() < 0.45:
            repo = re.sub(r"[^A-Za-z0-9]+", "-", self._title().split(":")[0])[:30].strip("-")
            github = f"https://github.com/{r.choice(OWNERS)}/{repo}"
        return Paper(
            title=self._unique(self._title),
            year=year,
            venue=venue,
            url=self._unique(lambda: self._venue_url(venue, year, arxiv_id)),
            arxiv_id=arxiv_id,
            github=github,
            description=self.description() if r.random() < 0.7 else None,
        )

    def next_paper(self, *, list_item: bool, nestable: bool) -> tuple[Paper, list[str]]:
        """The next paper with the defects it must carry applied; the list of extra defects
        (`empty_item`, `nested_link`) the caller has to render."""
        kinds = self.defect_at.get(self.emitted, [])
        for kind in kinds:
            setattr(self.pending, kind, getattr(self.pending, kind) + 1)
        self.emitted += 1
        paper = self._paper()
        self.papers.append(dc.replace(paper))
        extra: list[str] = []
        if self.pending.duplicate and len(self.papers) > 1:
            # The same paper listed again, as lists merged by hand often have.
            paper = dc.replace(self.rng.choice(self.papers[:-1]))
            self.pending.duplicate -= 1
        if self.pending.typo:
            words = [w for w in TYPOS if w in paper.title]
            if not words:
                paper.title = f"{paper.title} in Language Models"
                words = ["Language"]
            paper.title = paper.title.replace(words[0], TYPOS[words[0]], 1)
            self.pending.typo -= 1
        if self.pending.http_arxiv:
            paper.venue = f"arxiv {paper.arxiv_id[:4]}"
            paper.url = f"http://arxiv.org/abs/{paper.arxiv_id}"
            self.pending.http_arxiv -= 1
        if self.pending.empty_item and list_item:
            extra.append("empty_item")
            self.pending.empty_item -= 1
        if self.pending.nested_link and nestable:
            extra.append("nested_link")
            self.pending.nested_link -= 1
        return paper, extra
