"""How `fix` time grows: with the duplicates in one section, and with the number of files.

    python bench/fixscale.py                  # duplicates 50..2000, files 10/20/40
    python bench/fixscale.py --dups 200 --files 10,20

Each measurement runs the installed `awesomelint` console script as a subprocess on fresh
copies of generated lists in a temporary folder (so every run starts from the same bytes):

- duplicates: one section of N distinct entries followed by an exact copy of each (the shape
  a careless merge leaves), `fix --unsafe-fixes --offline`; every copy should go.
- files: N lists of 250 entries each from bench/generate.py (one seed per file, so papers
  repeat across files only by chance), `check --offline` next to `fix --offline`.

It prints Markdown tables; nothing fails on a number.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from projectenv import ensure_project_python

ensure_project_python(__file__, "fixscale")

from generate import SEED, generate


def duplicated_section(count: int) -> str:
    """A list whose one section holds `count` entries and then an exact copy of each."""
    entries = [
        f"- [Paper number {i} on sparse features](https://arxiv.org/abs/2301.{i:05d}) "
        f"[[code]](https://github.com/lab/repo{i}) - what paper {i} found."
        for i in range(1, count + 1)
    ]
    body = "\n".join([*entries, *entries])
    return f"# A list\n\nSome papers.\n\n## Papers\n\n{body}\n\n## More\n\n- [Other](https://example.org/)\n"


def _console() -> str:
    script = Path(sys.executable).parent / "awesomelint"
    return str(script) if script.exists() else "awesomelint"


def _timed(args: Sequence[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([_console(), *args], cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode == 2:
        print(done.stderr.strip()[-400:], file=sys.stderr)
    return elapsed, done.returncode


def bench_duplicates(counts: Sequence[int]) -> list[str]:
    rows = ["| duplicates in one section | `fix --unsafe-fixes` | exit | entries left |"]
    rows.append("| ---: | ---: | ---: | ---: |")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = folder / "list.md"
            path.write_text(duplicated_section(count), encoding="utf-8")
            seconds, status = _timed(["fix", "--offline", "--unsafe-fixes", str(path)], folder)
            left = path.read_text(encoding="utf-8").count("\n- [")
            rows.append(f"| {count:,} | {seconds:.2f} s | {status} | {left:,} |")
            print(rows[-1], file=sys.stderr)
    return rows


def bench_files(counts: Sequence[int], entries: int = 250) -> list[str]:
    head = "| files (250 entries each) | `check --offline` | `fix --offline` | fix per file |"
    rows = [head + " fix / check |"]
    rows.append("| ---: | ---: | ---: | ---: | ---: |")
    lists = [generate(entries, SEED + 100 + i) for i in range(max(counts))]
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            source = folder / "source"
            source.mkdir()
            for i in range(count):
                (source / f"list{i:03d}.md").write_text(lists[i], encoding="utf-8")
            check_s, _ = _timed(["check", "--offline", "source"], folder)
            work = folder / "work"
            shutil.copytree(source, work)
            fix_s, _ = _timed(["fix", "--offline", "work"], folder)
            rows.append(
                f"| {count} | {check_s:.2f} s | {fix_s:.2f} s | {1000 * fix_s / count:.0f} ms "
                f"| {fix_s / check_s:.1f} |"
            )
            print(rows[-1], file=sys.stderr)
    return rows


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dups", default="50,100,200,500,1000,2000", help="comma-separated")
    parser.add_argument("--files", default="10,20,40", help="comma-separated")
    args = parser.parse_args(argv)
    tables = []
    if _ints(args.dups):
        tables.append("\n".join(bench_duplicates(_ints(args.dups))))
    if _ints(args.files):
        tables.append("\n".join(bench_files(_ints(args.files))))
    print("\n\n".join(tables))


if __name__ == "__main__":
    main()
