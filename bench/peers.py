"""The peer linters (markdownlint-cli2, awesome-lint, typos): installed on demand, then timed."""

from __future__ import annotations

import dataclasses as dc
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from commands import find_tool, pip_install_tool, run_quiet, tail
from machine import node_major
from projectenv import OUT_DIR
from timing import wall_time

PEER_RUNS = 5

AWESOME_LINT = "2.3.0"  # needs Node >= 20
MARKDOWNLINT_CLI2_NODE22 = "0.24.1"  # the newest; needs Node >= 22
MARKDOWNLINT_CLI2_NODE20 = "0.22.1"  # the newest that runs on Node 20
TYPOS = "1.52.0"


@dc.dataclass(slots=True)
class Peer:
    name: str
    version: str = ""
    seconds: float | None = None
    note: str = ""
    findings: int | None = None

    def as_json(self) -> dict[str, Any]:
        return dc.asdict(self)


def _installed_npm_version(name: str) -> str | None:
    manifest = OUT_DIR / "node_modules" / name / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def ensure_npm_peers(pins: dict[str, str]) -> str | None:
    """Install the pinned npm peers into bench/out/node_modules; why not, or None."""
    if all(_installed_npm_version(name) == version for name, version in pins.items()):
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm not found"
    specs = [f"{name}@{version}" for name, version in pins.items()]
    print(f"bench: npm install {' '.join(specs)} into {OUT_DIR} ...", file=sys.stderr)
    cmd = [npm, "install", "--prefix", str(OUT_DIR), "--no-audit", "--no-fund", "--save-exact"]
    try:
        proc = subprocess.run(
            [*cmd, *specs], capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"npm install failed: {type(err).__name__}"
    if proc.returncode != 0:
        errors = [
            line.removeprefix("npm error").strip()
            for line in proc.stderr.splitlines()
            if line.startswith("npm error") and "log of this run" not in line
        ]
        why = "; ".join(e for e in errors[:2] if e) or tail(proc.stderr)
        return f"npm install failed (exit {proc.returncode}): {why[:200]}"
    return None


def ensure_typos() -> tuple[Path | None, str]:
    """The typos binary, pip-installed into this venv on demand; (path, why not)."""
    found = find_tool("typos")
    if found is not None:
        return found, ""
    return pip_install_tool("typos", f"typos=={TYPOS}")


def _workspace(typical: Path) -> Path:
    """A throwaway git repository holding the typical list as readme.md (awesome-lint's input)."""
    folder = Path(tempfile.mkdtemp(prefix="awesomelint-bench-"))
    shutil.copyfile(typical, folder / "readme.md")
    subprocess.run(["git", "init", "-q"], cwd=folder, check=False, capture_output=True)
    return folder


def _time_peer(
    peer: Peer, cmd: Sequence[str], cwd: Path, ok_codes: set[int], finding: re.Pattern[str]
) -> Peer:
    run = wall_time(cmd, runs=PEER_RUNS, cwd=cwd, timeout=180)
    if run.timing is None:
        peer.note = f"could not run: {run.error}"
        return peer
    output = run.stdout + "\n" + run.stderr
    if run.returncode not in ok_codes:
        peer.note = f"failed (exit {run.returncode}): {tail(output)}"
        return peer
    peer.seconds = run.timing.median
    peer.findings = len(finding.findall(output))
    peer.note = f"exit {run.returncode}, {peer.findings} finding{'' if peer.findings == 1 else 's'}"
    return peer


def measure_peers(typical: Path) -> list[Peer]:
    """markdownlint-cli2, awesome-lint and typos on the typical list, each as a subprocess."""
    peers: list[Peer] = []
    folder = _workspace(typical)
    try:
        node = node_major()
        mdl_pin = MARKDOWNLINT_CLI2_NODE22 if (node or 0) >= 22 else MARKDOWNLINT_CLI2_NODE20
        pins = {"markdownlint-cli2": mdl_pin, "awesome-lint": AWESOME_LINT}
        if node is None:
            peers += [
                Peer(name, version, note="skipped: node not found")
                for name, version in pins.items()
            ]
        elif node < 20:
            peers += [
                Peer(name, version, note=f"skipped: Node {node} < 20")
                for name, version in pins.items()
            ]
        else:
            why = ensure_npm_peers(pins)
            bin_dir = OUT_DIR / "node_modules" / ".bin"
            if why is not None:
                peers += [Peer(name, version, note=why) for name, version in pins.items()]
            else:
                peers.append(
                    _time_peer(
                        Peer("markdownlint-cli2", mdl_pin),
                        [str(bin_dir / "markdownlint-cli2"), "readme.md"],
                        folder,
                        {0, 1},
                        re.compile(r"^readme\.md:\d+", re.MULTILINE),
                    )
                )
                if shutil.which("git") is None:
                    peers.append(Peer("awesome-lint", AWESOME_LINT, note="skipped: git not found"))
                else:
                    peer = _time_peer(
                        Peer("awesome-lint", AWESOME_LINT),
                        [str(bin_dir / "awesome-lint")],
                        folder,
                        {0, 1},
                        re.compile(r"^\s*[✖⚠]\s+\d+:\d+", re.MULTILINE),
                    )
                    peer.note += "; all its rules, no network (no git remote, so no GitHub checks)"
                    peers.append(peer)
        typos, why_not = ensure_typos()
        if typos is None:
            peers.append(Peer("typos", TYPOS, note=why_not))
        else:
            version = (run_quiet([str(typos), "--version"]) or "").split()[-1:] or ["?"]
            peers.append(
                _time_peer(
                    Peer("typos", version[0]),
                    [str(typos), "--format", "brief", "readme.md"],
                    folder,
                    {0, 2},
                    re.compile(r"^readme\.md:\d+", re.MULTILINE),
                )
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return peers
