"""The link bench's list: arXiv, GitHub and other links, and which of them are really broken."""

from __future__ import annotations

import dataclasses as dc
import random
import sys

from projectenv import REPO

sys.path.insert(0, str(REPO))  # for the test suite's fakes, tests/net_servers.py

from tests.net_servers import Paper, Repo

WORDS = [
    "scaling",
    "attention",
    "sparse",
    "retrieval",
    "language",
    "models",
    "reasoning",
    "diffusion",
    "graph",
    "neural",
    "contrastive",
    "learning",
    "efficient",
    "transformers",
    "alignment",
    "preference",
    "optimization",
    "robust",
    "multimodal",
    "vision",
    "instruction",
    "tuning",
    "agents",
    "planning",
    "memory",
    "compression",
    "distillation",
    "benchmark",
    "evaluation",
    "uncertainty",
    "calibration",
    "federated",
    "private",
    "adaptive",
    "tokenization",
]

# host -> (mode, links in the full list, links per 100 that are broken)
OTHER_HOSTS = {
    "openreview.net": ("normal", 60, 8),
    "aclanthology.org": ("normal", 50, 10),
    "proceedings.mlr.press": ("normal", 40, 5),
    "vision.busylab.edu": ("busy", 15, 0),
    "www.downlab.org": ("down", 15, 0),
    "nlp.slowuniv.edu": ("slow", 20, 0),
}


@dc.dataclass
class World:
    markdown: str
    truth: dict[str, str]
    """URL -> "ok", "broken", "moved", "limited" (429 host) or "down" (503 host)."""
    papers: dict[str, Paper]
    repos: list[Repo]
    renamed: dict[str, int]
    pages: dict[str, dict[str, int]]


def make_world(n_arxiv: int, n_github: int, n_other: int, seed: int = 2025) -> World:
    rng = random.Random(seed)
    truth: dict[str, str] = {}
    titles: set[str] = set()

    def title() -> str:
        while True:
            text = " ".join(rng.sample(WORDS, 5)).capitalize()
            if text not in titles:
                titles.add(text)
                return text

    ids: list[str] = []
    taken: set[str] = set()
    while len(ids) < n_arxiv:
        yymm = f"{rng.randint(15, 24):02d}{rng.randint(1, 12):02d}"
        arxiv_id = f"{yymm}.{rng.randint(1, 19999):05d}"
        if arxiv_id not in taken:
            taken.add(arxiv_id)
            ids.append(arxiv_id)
    missing_ids = set(rng.sample(ids, max(1, n_arxiv * 8 // 1000)))
    papers: dict[str, Paper] = {}
    entries: list[tuple[str, str, str | None]] = []  # title, paper url, code url
    for arxiv_id in ids:
        name = title()
        if arxiv_id not in missing_ids:
            papers[arxiv_id] = Paper(name, version=3)
        kind = rng.random()
        if kind < 0.85:
            url = f"https://arxiv.org/abs/{arxiv_id}"
        elif kind < 0.95:
            url = f"https://arxiv.org/abs/{arxiv_id}v2"
        else:
            url = f"https://arxiv.org/pdf/{arxiv_id}"
        truth[url] = "broken" if arxiv_id in missing_ids else "ok"
        entries.append((name, url, None))

    repos: list[Repo] = []
    renamed: dict[str, int] = {}
    names = [f"lab{i % 97}/{'-'.join(rng.sample(WORDS, 2))}-{i}" for i in range(n_github)]
    missing_repos = set(rng.sample(range(n_github), max(1, n_github * 2 // 100)))
    moved_repos = set(
        rng.sample(sorted(set(range(n_github)) - missing_repos), max(1, n_github // 60))
    )
    for i, full_name in enumerate(names):
        url = f"https://github.com/{full_name}"
        if i in missing_repos:
            truth[url] = "broken"
        elif i in moved_repos:
            repo = Repo(10_000 + i, f"new-{full_name}")
            repos.append(repo)
            renamed[full_name.lower()] = repo.id
            truth[url] = "moved"
        else:
            repos.append(Repo(10_000 + i, full_name))
            truth[url] = "ok"
        name, paper, _ = entries[i * len(entries) // n_github]
        entries[i * len(entries) // n_github] = (name, paper, url)

    pages: dict[str, dict[str, int]] = {}
    scale = n_other / sum(count for _, count, _ in OTHER_HOSTS.values())
    for host, (mode, count, broken_share) in OTHER_HOSTS.items():
        pages[host] = {}
        count = max(1, round(count * scale))
        n_broken = max(1, round(count * broken_share / 100)) if mode == "normal" else 0
        for k in range(count):
            path = f"/paper/{rng.randrange(16**8):08x}"
            url = f"https://{host}{path}"
            if mode == "busy":
                truth[url] = "limited"
            elif mode == "down":
                truth[url] = "down"
            elif k < n_broken:
                status = 404 if k % 3 else 410
                pages[host][path] = status
                truth[url] = "broken"
            else:
                status = 301 if host == "proceedings.mlr.press" and k % 8 == 0 else 200
                pages[host][path] = status
                if status == 301:
                    pages[host][path + "-new"] = 200
                truth[url] = "ok"
            entries.append((title(), url, None))

    rng.shuffle(entries)
    lines = ["# Awesome link-check benchmark", ""]
    for i, (name, paper, code) in enumerate(entries):
        if i % 50 == 0:
            lines += ["", f"## Section {i // 50 + 1}", ""]
        code_link = f" [[code]]({code})" if code else ""
        lines.append(f"- [{name}]({paper}){code_link}")
    return World("\n".join(lines) + "\n", truth, papers, repos, renamed, pages)
