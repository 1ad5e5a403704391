"""Link-checking benchmark: awesomelint against lychee on a 1,500-link list, on local hosts.

    python bench/network.py            # 1,000 arXiv + 300 GitHub + 200 other links
    python bench/network.py --quick    # 100 + 30 + 21

Fake arXiv (API and abs pages), GitHub (REST + GraphQL API and repository pages) and seven
ordinary hosts run on 127.0.0.1 with 50-150 ms of latency per answer; both tools reach them
through `--remap`. The arXiv hosts enforce the 3 s rule (a request less than 2.9 s after the
previous one gets 429 with Retry-After: 3), the GitHub API counts a quota (60 an hour
anonymous, 5,000 with the token), one host answers 429 to everyone, one 503, one is slow.
A fake Semantic Scholar Graph API (batch look-up, 429 when asked more than once a second)
answers the preprint-published run over a second list of papers tagged `[arXiv 2025]`, cold
and warm. Every host counts what it gets. The bench only reports: a Markdown table on stdout, and
everything in bench/out/network/results.json.

This module runs the steps and prints the table; the hosts are in fakehosts.py, the list in
linklist.py, the runs of the two tools and their scoring in linktools.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from fakehosts import start_hosts
from linklist import make_world
from linktools import OUT, run_awesomelint, run_lychee
from preprintlist import make_preprint_world, preprint_table, run_preprints
from projectenv import REPO


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


def run_steps(steps: list[tuple[str, Callable[[], dict[str, Any]]]]) -> list[tuple[str, Any]]:
    rows: list[tuple[str, dict[str, Any]]] = []
    for name, step in steps:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            result = step()
        except Exception as err:  # noqa: BLE001 - the bench reports, never fails
            result = {"error": f"{type(err).__name__}: {err}"}
        rows.append((name, result))
        print(f"  {json.dumps(result)[:600]}", file=sys.stderr, flush=True)
    return rows


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
    n_preprints = 600 if args.quick else 2000
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
        f"{md.relative_to(REPO)}: {sizes[0]} arXiv, {sizes[1]} GitHub, {n_other} other links; "
        f"{targets['broken']} really broken; truth: {dict(Counter(world.truth.values()))}",
        flush=True,
    )
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
        rows = run_steps(steps)
        preprints = make_preprint_world(n_preprints)
        md_pre = md.with_name(md.stem + "-preprints.md")
        md_pre.write_text(preprints.markdown)
        pre_cache = Path(tmp) / "c3"
        pre_rows = run_steps(
            [
                (
                    "awesomelint VEN003, cold cache",
                    lambda: run_preprints(hosts, preprints, md_pre, pre_cache),
                ),
                (
                    "awesomelint VEN003, warm cache",
                    lambda: run_preprints(hosts, preprints, md_pre, pre_cache),
                ),
            ]
        )
    print(table(rows, targets))
    asked = sum(1 for paper in preprints.papers.values() if not paper.journal_ref)
    print()
    print(preprint_table(pre_rows))
    print(
        f"| target (cold) | | {len(preprints.papers)} | <= {-(-len(preprints.papers) // 100)} "
        f"| {-(-asked // 500)} ({asked}) | 0 | | | |"
    )
    print("| target (warm) | | | 0 | 0 (0) | 0 | 0 | same | |")
    results = {
        "sizes": sizes,
        "targets": targets,
        "rows": rows,
        "preprints": {"papers": n_preprints, "looked_up": asked, "rows": pre_rows},
    }
    (OUT / ("results-quick.json" if args.quick else "results.json")).write_text(
        json.dumps(results, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
