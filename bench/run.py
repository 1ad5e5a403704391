"""awesomelint benchmarks: one command, a Markdown table of results.

    python bench/run.py              # everything, peers included (installed on demand)
    python bench/run.py --no-peers   # awesomelint only
    python bench/run.py --profile    # also print a cProfile of the in-process check

Writes the generated lists, the peers' node_modules and results.json into bench/out/.
Timings only report: nothing here passes or fails on a number.
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from projectenv import ensure_project_python

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
RESULTS = OUT_DIR / "results.json"

TARGET_CHECK_VS_PARSE = 1.3
TARGET_CLI_SECONDS = 0.3
TARGET_FIX_VS_CHECK = 2.0

FLOOR_REPEAT = 5
FLOOR_BUDGET_S = 150.0
"""The floor stops repeating once its timed runs have taken this long (a pathological slow
check must not hold the run for an hour); the row then says how many runs it got."""
FIX_REPEAT = 3
FIX_BUDGET_S = 60.0
"""A fix measurement stops repeating once its runs have taken this long (one run at least)."""
CLI_RUNS = 7
PEER_RUNS = 5

AWESOME_LINT = "2.3.0"  # needs Node >= 20
MARKDOWNLINT_CLI2_NODE22 = "0.24.1"  # the newest; needs Node >= 22
MARKDOWNLINT_CLI2_NODE20 = "0.22.1"  # the newest that runs on Node 20
TYPOS = "1.52.0"

T = TypeVar("T")


# -- the interpreter -------------------------------------------------------------------------


# -- timing helpers --------------------------------------------------------------------------


@dc.dataclass(slots=True)
class Timing:
    samples: list[float]

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def label(self) -> str:
        return f"best of {len(self.samples)}" if len(self.samples) > 1 else "1 run"

    def as_json(self) -> dict[str, Any]:
        return {"best": self.best, "median": self.median, "samples": self.samples}


def best_of(
    fn: Callable[[], object], repeat: int, warmup: int = 1, budget: float | None = None
) -> Timing:
    """Up to `repeat` timed runs after `warmup` untimed ones; fewer when `budget` seconds
    have been spent (the slow fix measurements on a busy 2-core machine)."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
        if budget is not None and sum(samples) >= budget:
            break
    return Timing(samples)


def interleaved(
    fns: Sequence[Callable[[], object]],
    repeat: int,
    warmup: int = 1,
    budget: float | None = None,
) -> list[Timing]:
    """`best_of` for several functions run in turns (A B A B ...), so that a change in the
    machine's load during the measurement hits all of them alike and their ratio holds."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, own in zip(fns, samples, strict=True):
            gc.collect()
            start = time.perf_counter()
            fn()
            own.append(time.perf_counter() - start)
        if budget is not None and sum(map(sum, samples)) >= budget:
            break
    return [Timing(own) for own in samples]


@dc.dataclass(slots=True)
class Wall:
    timing: Timing | None
    returncode: int | None
    stdout: str
    stderr: str
    error: str | None = None


def wall_time(
    cmd: Sequence[str],
    *,
    runs: int,
    cwd: Path | None = None,
    warmup: int = 1,
    timeout: float = 300,
) -> Wall:
    """Median-ready wall times of a subprocess, interpreter or Node start-up included."""
    samples: list[float] = []
    proc: subprocess.CompletedProcess[str] | None = None
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    try:
        for index in range(warmup + runs):
            start = time.perf_counter()
            proc = subprocess.run(
                cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False
            )
            elapsed = time.perf_counter() - start
            if index >= warmup:
                samples.append(elapsed)
    except (OSError, subprocess.TimeoutExpired) as err:
        return Wall(None, None, "", "", f"{type(err).__name__}: {err}")
    assert proc is not None
    return Wall(Timing(samples), proc.returncode, proc.stdout, proc.stderr)


def _tail(text: str, limit: int = 160) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "")[:limit]


# -- the measurements ------------------------------------------------------------------------


@dc.dataclass(slots=True)
class Row:
    measurement: str
    result: str
    target: str = ""
    note: str = ""


def _verdict(value: float, target: float, unit: str = "") -> str:
    where = "within target" if value <= target else "over target"
    return f"<= {target:g}{unit} ({where})"


def _fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measure_floor(huge: Path, results: dict[str, Any], rows: list[Row]) -> float:
    """markdown-it-py's own parse of the huge list against awesomelint's offline check."""
    from markdown_it import MarkdownIt

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.engine import check_documents
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    text = data.decode("utf-8")
    md = MarkdownIt("commonmark").enable("table")
    rules = [rule for rule in ALL_RULES if not rule.needs_network]
    findings: list[object] = []

    def check() -> None:
        findings[:] = check_documents([parse_source(decode(data, huge))], rules)

    parse, ours = interleaved([lambda: md.parse(text), check], FLOOR_REPEAT, budget=FLOOR_BUDGET_S)
    ratio = ours.best / parse.best
    results["floor"] = {
        "markdown_it_parse": parse.as_json(),
        "awesomelint_check": ours.as_json(),
        "ratio": ratio,
        "findings": len(findings),
        "rules": [rule.code for rule in rules],
    }
    rows += [
        Row(
            f"markdown-it-py parse, huge list (in-process, {parse.label})",
            _fmt_s(parse.best),
            note='`MarkdownIt("commonmark").enable("table").parse(text)`, inline phase included',
        ),
        Row(
            f"awesomelint offline check, huge list (in-process, {ours.label})",
            _fmt_s(ours.best),
            note=f"decode + parse + {len(rules)} offline rules; {len(findings)} findings",
        ),
        Row("check / parse ratio", f"{ratio:.2f}", _verdict(ratio, TARGET_CHECK_VS_PARSE)),
    ]
    return ours.best


def _console_script() -> Path | None:
    beside = Path(sys.executable).parent / "awesomelint"
    if beside.exists():
        return beside
    found = shutil.which("awesomelint")
    return Path(found) if found else None


_FINDINGS_SUMMARY = re.compile(r"(\d+) findings?")


def measure_cli(typical: Path, results: dict[str, Any], rows: list[Row]) -> float | None:
    """`awesomelint check --offline typical.md` as a user runs it, and what it imports."""
    script = _console_script()
    if script is None:
        rows.append(Row("`awesomelint check --offline typical.md`", "not run", note="no script"))
        return None
    run = wall_time([str(script), "check", "--offline", str(typical)], runs=CLI_RUNS)
    bare = wall_time([sys.executable, "-c", "pass"], runs=CLI_RUNS)
    imports = wall_time([sys.executable, "-c", "import awesomelint.cli"], runs=CLI_RUNS)
    traced = wall_time(
        [sys.executable, "-X", "importtime", str(script), "check", "--offline", str(typical)],
        runs=1,
        warmup=0,
    )
    modules = {
        line.split("|")[-1].strip()
        for line in traced.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    packages = {name.split(".")[0] for name in modules}
    heavy = {name: name in packages for name in ("httpx", "mdformat")}
    cli_import_us = _cumulative_import_us(traced.stderr, "awesomelint.cli")

    cli = run.timing.median if run.timing else None
    summary = _FINDINGS_SUMMARY.search(run.stdout)
    results["cli"] = {
        "command": [str(script), "check", "--offline", str(typical)],
        "check_typical": run.timing.as_json() if run.timing else None,
        "returncode": run.returncode,
        "python_pass": bare.timing.as_json() if bare.timing else None,
        "import_awesomelint_cli": imports.timing.as_json() if imports.timing else None,
        "importtime_awesomelint_cli_us": cli_import_us,
        "imported_by_offline_check": heavy,
        "modules_imported": len(modules),
    }
    if cli is None or run.returncode not in (0, 1):
        rows.append(
            Row(
                f"`awesomelint check --offline typical.md` (subprocess, median of {CLI_RUNS})",
                "failed",
                note=run.error or f"exit {run.returncode}: {_tail(run.stderr)}",
            )
        )
        return None
    rows.append(
        Row(
            f"`awesomelint check --offline typical.md` (subprocess, median of {CLI_RUNS})",
            _fmt_s(cli),
            _verdict(cli, TARGET_CLI_SECONDS, " s"),
            f"wall time, interpreter start-up included; {summary.group(0) if summary else '?'}",
        )
    )
    if imports.timing and bare.timing:
        rows.append(
            Row(
                f'`python -c "import awesomelint.cli"` (median of {CLI_RUNS})',
                _fmt_s(imports.timing.median),
                note=f"`python -c pass` alone: {_fmt_s(bare.timing.median)}; "
                f"-X importtime cumulative for awesomelint.cli: {cli_import_us / 1000:.0f} ms",
            )
        )
    for name, imported in heavy.items():
        rows.append(
            Row(
                f"offline check imports {name}?",
                "yes" if imported else "no",
                "no",
                f"from `python -X importtime` on the console script ({len(modules)} modules)",
            )
        )
    return cli


def _cumulative_import_us(importtime: str, module: str) -> int:
    for line in importtime.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1])
    return 0


def measure_fix(
    huge: Path, check_s: float | None, results: dict[str, Any], rows: list[Row]
) -> None:
    """`fix` and `fix --format` in-process on the huge list."""
    import mdformat

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.fixing.fixer import fix_document
    from awesomelint.fixing.fixrun import FixRequest, fix_one
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    text = data.decode("utf-8")
    rules = tuple(rule for rule in ALL_RULES if not rule.needs_network)
    fix_only: list[float] = []
    applied: list[int] = []

    def fix() -> None:
        parsed = parse_source(decode(data, huge))
        start = time.perf_counter()
        outcome = fix_document(parsed, rules)
        fix_only.append(time.perf_counter() - start)
        applied[:] = [len(outcome.applied)]

    timing = best_of(fix, FIX_REPEAT, warmup=0, budget=FIX_BUDGET_S)
    ratio = timing.best / check_s if check_s else None
    rows += [
        Row(
            f"`fix`: parse + `fix_document`, huge list (in-process, {timing.label})",
            _fmt_s(timing.best),
            note=f"{applied[0] if applied else 0} safe fixes applied; "
            f"`fix_document` alone {_fmt_s(min(fix_only))}",
        ),
    ]
    if ratio is not None:
        rows.append(Row("fix / check ratio", f"{ratio:.2f}", _verdict(ratio, TARGET_FIX_VS_CHECK)))

    small = (OUT_DIR / "typical.md").read_text(encoding="utf-8")
    mdformat.text(small, extensions={"gfm"})  # warm-up: imports the plugins
    request = FixRequest(rules, format=True)
    formatted, with_format = interleaved(
        [
            lambda: mdformat.text(text, extensions={"gfm"}),
            lambda: fix_one(parse_source(decode(data, huge)), request),
        ],
        FIX_REPEAT,
        warmup=0,
        budget=2 * FIX_BUDGET_S,
    )
    format_ratio = with_format.best / formatted.best
    rows += [
        Row(
            f'`mdformat.text(text, extensions={{"gfm"}})` alone, huge list ({formatted.label})',
            _fmt_s(formatted.best),
        ),
        Row(
            f"`fix --format`: parse + `fix_one(format=True)`, huge list ({with_format.label})",
            _fmt_s(with_format.best),
            note="fix loop, then mdformat (with `number`), re-parse, safety check, fix loop "
            "again until stable",
        ),
        Row("fix --format / mdformat ratio", f"{format_ratio:.2f}"),
    ]
    results["fix"] = {
        "parse_and_fix_document": timing.as_json(),
        "fix_document_alone": Timing(fix_only).as_json(),
        "fixes_applied": applied[0] if applied else 0,
        "fix_vs_check": ratio,
        "mdformat_text": formatted.as_json(),
        "parse_and_fix_format": with_format.as_json(),
        "fix_format_vs_mdformat": format_ratio,
    }


# -- peers -----------------------------------------------------------------------------------


@dc.dataclass(slots=True)
class Peer:
    name: str
    version: str = ""
    seconds: float | None = None
    note: str = ""
    findings: int | None = None

    def as_json(self) -> dict[str, Any]:
        return dc.asdict(self)


def _run_quiet(cmd: Sequence[str], timeout: float = 60, cwd: Path | None = None) -> str | None:
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def _node_major() -> int | None:
    if shutil.which("node") is None:
        return None
    version = _run_quiet(["node", "--version"]) or ""
    match = re.match(r"v(\d+)", version)
    return int(match.group(1)) if match else None


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
        why = "; ".join(e for e in errors[:2] if e) or _tail(proc.stderr)
        return f"npm install failed (exit {proc.returncode}): {why[:200]}"
    return None


def ensure_typos() -> tuple[Path | None, str]:
    """The typos binary, pip-installed into this venv on demand; (path, why not)."""
    beside = Path(sys.executable).parent / "typos"
    if beside.exists():
        return beside, ""
    found = shutil.which("typos")
    if found:
        return Path(found), ""
    print(f"bench: pip install typos=={TYPOS} ...", file=sys.stderr)
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", f"typos=={TYPOS}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, f"pip install typos failed: {type(err).__name__}"
    if proc.returncode != 0 or not beside.exists():
        return None, f"pip install typos failed: {_tail(proc.stderr)}"
    return beside, ""


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
        peer.note = f"failed (exit {run.returncode}): {_tail(output)}"
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
        node = _node_major()
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
            version = (_run_quiet([str(typos), "--version"]) or "").split()[-1:] or ["?"]
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


def peer_rows(peers: Sequence[Peer], ours: float | None) -> list[Row]:
    rows = []
    for peer in peers:
        label = (
            f"peer: `{peer.name}` {peer.version}, typical list (subprocess, median of {PEER_RUNS})"
        )
        if peer.seconds is None:
            rows.append(Row(label, "not run", note=peer.note))
            continue
        ratio = f"; peer / awesomelint = {peer.seconds / ours:.2f}" if ours else ""
        rows.append(Row(label, _fmt_s(peer.seconds), note=f"{peer.note}{ratio}"))
    return rows


# -- reporting -------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import markdown_it

    import awesomelint

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = _run_quiet(["node", "--version"]) if shutil.which("node") else None
    head = (
        _run_quiet(["git", "rev-parse", "--short", "HEAD"], cwd=REPO)
        if shutil.which("git")
        else None
    )
    dirty = _run_quiet(["git", "status", "--porcelain", "--", "src"], cwd=REPO) if head else None
    return {
        "commit": f"{head}{' + uncommitted changes in src/' if dirty else ''}" if head else None,
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "node": node,
        "awesomelint": awesomelint.__version__,
        "markdown_it_py": getattr(markdown_it, "__version__", "?"),
    }


def table(rows: Sequence[Row]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| Measurement | Result | Target | Note |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {cell(r.measurement)} | {cell(r.result)} | {cell(r.target)} | {cell(r.note)} |"
        for r in rows
    ]
    return "\n".join(lines)


def profile_check(huge: Path, top: int = 25) -> str:
    """cProfile of one in-process offline check of the huge list, sorted by cumulative time."""
    import cProfile
    import io
    import pstats

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.engine import check_documents
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    rules = [rule for rule in ALL_RULES if not rule.needs_network]
    profiler = cProfile.Profile()
    profiler.enable()
    check_documents([parse_source(decode(data, huge))], rules)
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(top)
    return stream.getvalue()


def profile_cli(typical: Path, top: int = 30) -> str:
    """cProfile of `awesomelint check --offline typical.md` in a fresh interpreter: start-up,
    imports and one-off set-up show here, not in the huge-list profile."""
    script = _console_script()
    if script is None:
        return "no awesomelint console script found"
    cmd = [sys.executable, "-m", "cProfile", "-s", "cumtime"]
    proc = subprocess.run(
        [*cmd, str(script), "check", "--offline", str(typical)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = proc.stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join([lines[start], "", *lines[header : header + top + 1]]) if lines else ""


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="awesomelint benchmarks")
    parser.add_argument("--no-peers", action="store_true", help="skip the other linters")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print cProfiles of the huge-list check and of the CLI on the typical list",
    )
    args = parser.parse_args(argv)
    ensure_project_python(__file__, "bench")

    sys.path.insert(0, str(BENCH_DIR))
    from generate import SIZES, write_lists

    def step(message: str) -> None:
        print(f"bench: {message} ...", file=sys.stderr, flush=True)

    info = machine()
    step("generating lists")
    paths = write_lists(OUT_DIR)
    huge, typical = paths["huge"], paths["typical"]
    results: dict[str, Any] = {
        "machine": info,
        "inputs": {
            name: {"path": str(path), "bytes": path.stat().st_size, "entries": SIZES[name]}
            for name, path in paths.items()
        },
    }
    rows = [
        Row(
            f"input: {name}.md",
            f"{path.stat().st_size / 1000:,.0f} KB",
            note=f"{SIZES[name]:,} entries, generated by bench/generate.py",
        )
        for name, path in paths.items()
    ]
    errors: dict[str, str] = {}

    def guard(label: str, measure: Callable[[], T]) -> T | None:
        """Run one group of measurements; a crash becomes a table row, not a failed run
        (src/ changes under the bench while others work on it)."""
        step(label)
        try:
            return measure()
        except Exception as err:  # noqa: BLE001 - reported in the table and results.json
            errors[label] = f"{type(err).__name__}: {err}"
            rows.append(Row(label, "error", note=_tail(errors[label], 300)))
            return None

    check_s = guard(
        "floor: markdown-it-py parse vs awesomelint check, huge list",
        lambda: measure_floor(huge, results, rows),
    )
    cli_s = guard(
        "CLI wall time and imports, typical list", lambda: measure_cli(typical, results, rows)
    )
    guard("fix and fix --format, huge list", lambda: measure_fix(huge, check_s, results, rows))
    if args.no_peers:
        results["peers"] = "skipped (--no-peers)"
    else:
        peers = guard("peers, typical list", lambda: measure_peers(typical)) or []
        results["peers"] = [peer.as_json() for peer in peers]
        rows += peer_rows(peers, cli_s)
    results["errors"] = errors
    results["rows"] = [dc.asdict(row) for row in rows]
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(table(rows))
    print()
    print(
        f"Machine: {info['cpu_count']} CPUs ({info['cpu_model'] or 'unknown model'}), "
        f"{info['implementation']} {info['python']} on {info['platform']}, Node {info['node']}; "
        f"load average at start {', '.join(f'{x:.2f}' for x in info['load_average'] or ())}."
    )
    print(f"Code: awesomelint {info['awesomelint']} at {info['commit'] or 'unknown commit'}.")
    print(f"Results: {RESULTS.relative_to(REPO)}")
    if args.profile:
        step("profiling")
        print("\nProfile of the in-process offline check of huge.md (top 25 by cumulative time):")
        print("\n```\n" + profile_check(huge).strip() + "\n```")
        print("\nProfile of `awesomelint check --offline typical.md` (top 30 by cumulative time):")
        print("\n```\n" + profile_cli(typical).strip() + "\n```")


if __name__ == "__main__":
    main()
