"""The metadata part of the network bench: a list of papers tagged `[arXiv YYYY]`, some of
them since published, and awesomelint's preprint-published run against the fake hosts.

A tenth of the papers carry an arXiv `journal_ref` (answered with the arXiv records, never
looked up); of the rest, the fake Semantic Scholar knows some at a conference, some at a
workshop, some in a journal the venue table does not know, some only as arXiv.org records,
and answers null for the others.
"""

from __future__ import annotations

import dataclasses as dc
import random
from collections import Counter
from pathlib import Path
from typing import Any

from fakehosts import Hosts
from linktools import check_on_fake_hosts
from tests.net_servers import Paper, s2_paper

CONFERENCES = (
    ("International Conference on Learning Representations", ("ICLR",)),
    ("Neural Information Processing Systems", ("NeurIPS", "NIPS")),
    ("International Conference on Machine Learning", ("ICML",)),
)


@dc.dataclass
class PreprintWorld:
    markdown: str
    papers: dict[str, Paper]
    answers: dict[str, object]
    published: int
    """Papers that appeared at a venue: journal_ref or a (non-workshop) conference/journal."""


def make_preprint_world(count: int, seed: int = 2026) -> PreprintWorld:
    rng = random.Random(seed)
    papers: dict[str, Paper] = {}
    answers: dict[str, object] = {}
    lines = ["# Preprint benchmark", ""]
    published = 0
    while len(papers) < count:
        arxiv_id = f"25{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
        if arxiv_id in papers:
            continue
        roll = rng.random()
        journal_ref = "ICML 2025" if roll < 0.1 else ""
        papers[arxiv_id] = Paper(f"Paper {arxiv_id}", journal_ref=journal_ref)
        if roll < 0.1:
            published += 1
        elif roll < 0.5:
            name, alternates = CONFERENCES[rng.randrange(len(CONFERENCES))]
            answers[arxiv_id] = s2_paper(name, alternates, year=2025)
            published += 1
        elif roll < 0.6:
            answers[arxiv_id] = s2_paper("", venue="ICML 2025 Workshop on Things", year=2025)
        elif roll < 0.7:
            answers[arxiv_id] = s2_paper("Journal of Results", kind="journal", year=2025)
            published += 1
        elif roll < 0.8:
            answers[arxiv_id] = s2_paper("arXiv.org", ("ArXiv",), kind=None, journal="ArXiv")
        lines.append(
            f"- **Paper {arxiv_id}** [arXiv 2025] [paper](https://arxiv.org/abs/{arxiv_id})"
        )
    return PreprintWorld("\n".join(lines) + "\n", papers, answers, published)


def run_preprints(hosts: Hosts, world: PreprintWorld, md: Path, cache: Path) -> dict[str, Any]:
    """`awesomelint check --select VEN003` over `md`: requests per host, findings."""
    hosts.arxiv_api.papers.update(world.papers)
    hosts.semantic_scholar.papers = dict(world.answers)
    proc, wall, findings = check_on_fake_hosts(hosts, md, cache, token=False, select=["VEN003"])
    counts = hosts.counts()
    fixes = sum(1 for f in findings if f.get("fix"))
    return {
        "wall": wall,
        "exit": proc.returncode,
        "stderr": proc.stderr[-2000:],
        "papers": len(world.papers),
        "published": world.published,
        "findings": len(findings),
        "with_fix": fixes,
        "codes": dict(Counter(f["code"] for f in findings)),
        "arxiv_api": counts["arxiv_api"],
        "s2_requests": counts["s2_requests"],
        "s2_ids": counts["s2_ids"],
        "s2_429": counts["s2_429"],
        "requests_per_paper": round(
            (counts["arxiv_api"] + counts["s2_requests"]) / max(1, len(world.papers)), 4
        ),
    }


def preprint_table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    head = (
        "| Run | Wall time | Papers | arXiv API | Semantic Scholar (ids sent) | S2 429s "
        "| Requests per paper | Findings (with fix) | Really published |"
    )
    out = [head, "|" + " --- |" * 9]
    for name, r in rows:
        if "error" in r:
            out.append(f"| {name} | {r['error']} |" + " |" * 7)
            continue
        out.append(
            f"| {name} | {r['wall']:.1f} s | {r['papers']} | {r['arxiv_api']} "
            f"| {r['s2_requests']} ({r['s2_ids']}) | {r['s2_429']} | {r['requests_per_paper']} "
            f"| {r['findings']} ({r['with_fix']}) | {r['published']} |"
        )
    return "\n".join(out)
