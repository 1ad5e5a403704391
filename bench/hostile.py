"""Time against input size for hostile inputs: text a stranger may put in a pull request.

    python bench/hostile.py                      # every shape at 10, 20, 40 and 80 KB
    python bench/hostile.py --sizes 20,40,80,160 --shape unclosed-destinations
    python bench/hostile.py --fix                # also time `fix` (safe fixes) on each input
    python bench/hostile.py --list               # the shapes, one line each

Each shape is generated at each size and read, parsed and checked in-process with every
offline rule, next to markdown-it-py's full parse of the same text (the floor). The growth
column is time(size) / time(previous size): about 2 when each size doubles is linear, about 4
quadratic. A shape stops growing once one size takes longer than --budget seconds. Timings
only report: nothing here passes or fails on a number. Writes bench/out/hostile.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from projectenv import ensure_project_python

BENCH_DIR = Path(__file__).resolve().parent
OUT = BENCH_DIR / "out" / "hostile.json"
KB = 1024


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len(head) - len(tail)
    return head + unit * max(1, body // len(unit)) + tail


def _paragraph(unit: str) -> Callable[[int], str]:
    return lambda size: _repeat(unit, size, "# Title\n\n", "\n")


def _backtick_runs(size: int) -> str:
    """Runs of 1, 2, 3, ... backticks: each opens a code span that no later run closes."""
    parts: list[str] = ["# Title\n\n"]
    total, width = 0, 1
    while total < size:
        parts.append("`" * width + "a")
        total += width + 1
        width += 1
    return "".join(parts) + "\n"


def _nested_brackets(size: int) -> str:
    half = size // 2
    return "# Title\n\n" + "[" * half + "]" * half + "\n"


def _nested_links(size: int) -> str:
    """Many openers, then many links: each link closes off the openers before it."""
    count = size // 12
    return "# Title\n\n" + "[" * count + "[a](https://b)" * (count // 2) + "\n"


def _headings(size: int) -> str:
    return _repeat("## Heading\n\n- [a](https://example.org/)\n", size, "# Title\n\n")


def _deep_lists(size: int) -> str:
    lines = ["# Title\n\n"]
    total = depth = 0
    while total < size:
        line = "  " * (depth % 200) + "- [a](https://example.org/)\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def _deep_quotes(size: int) -> str:
    return "# Title\n\n" + "> " * (size // 2) + "a\n"


def _table(size: int) -> str:
    head = "# Title\n\n| Title | Venue | Link |\n| --- | --- | --- |\n"
    return _repeat("| A paper | NeurIPS 2023 | [a](https://example.org/) |\n", size, head)


def _wide_table(size: int) -> str:
    columns = max(2, size // 8)
    row = "| b " * columns + "|\n"
    return "# Title\n\n" + "| a " * columns + "|\n" + "| --- " * columns + "|\n" + row


def _references(size: int) -> str:
    return _repeat("[a][", size, "# Title\n\n[a]: https://example.org/\n\n", "\n")


def _entries(size: int) -> str:
    return _repeat(
        "- [A paper on things](https://arxiv.org/abs/2303.08112) [NeurIPS 2023] - words\n",
        size,
        "# Title\n\n",
    )


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "unclosed-destinations": ("`[a](b` repeated, no spaces", _paragraph("[a](b")),
    "unclosed-destinations-spaced": ("`[a](b ` repeated", _paragraph("[a](b ")),
    "unclosed-titles": ('`[a](b "c` repeated', _paragraph('[a](b "c ')),
    "giant-word": ("one word of letters", _paragraph("a")),
    "giant-capitalised-word": (
        "one word: Aaaa...",
        lambda s: _paragraph("a")(s).replace("a", "A", 1),
    ),
    "many-words": ("distinct rare words", _paragraph("transfomer visulization interpretibility ")),
    "stars": ("a line of `*`", _paragraph("*")),
    "star-words": ("`*a ` repeated", _paragraph("*a ")),
    "underscores": ("a line of `_`", _paragraph("_")),
    "backticks": ("a line of backticks", _paragraph("`")),
    "backtick-runs": ("runs of 1, 2, 3... backticks", _backtick_runs),
    "angles": ("a line of `<`", _paragraph("<")),
    "angle-tags": ("`<a ` repeated", _paragraph("<a ")),
    "html-comments": ("`<!-- ` repeated, never closed", _paragraph("<!-- ")),
    "openers": ("a line of `[`", _paragraph("[")),
    "openers-and-link": ("`[` repeated, then `](http`", lambda s: _paragraph("[")(s) + "](http\n"),
    "closers": ("a line of `](`", _paragraph("](")),
    "pipes": ("a line of `|`", _paragraph("|")),
    "nested-brackets": ("`[[[...]]]`", _nested_brackets),
    "openers-then-links": ("`[[[...` then `[a](b)` repeated", _nested_links),
    "references": ("`[a][` repeated with a definition", _references),
    "paths": ("`a/b ` repeated on one line", _paragraph("a/b ")),
    "at-signs": ("`a@b ` repeated on one line", _paragraph("a@b ")),
    "backslashes": ("a line of `\\`", _paragraph("\\")),
    "headings": ("a heading and an entry, repeated", _headings),
    "deep-lists": ("list items nested deeper and deeper", _deep_lists),
    "deep-quotes": ("`> > > ...`", _deep_quotes),
    "table": ("a long table", _table),
    "wide-table": ("a table with very many columns", _wide_table),
    "entries": ("ordinary entries", _entries),
    "unclosed-directives": (
        "`<!-- awesomelint-disable ` repeated, never closed",
        _paragraph("<!-- awesomelint-disable "),
    ),
    "suppressed-entries": (
        "a disable, an entry, an enable, repeated",
        lambda size: _repeat(
            "<!-- awesomelint-disable URL001 -->\n- [a](http://example.org/)\n"
            "<!-- awesomelint-enable URL001 -->\n",
            size,
            "# Title\n\n",
        ),
    ),
}


def _time(fn: Callable[[], object]) -> float:
    """Best of up to 3 runs, fewer once they took a second (the slow sizes run once)."""
    samples: list[float] = []
    while len(samples) < 3 and sum(samples) < 1.0:
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples)


def measure(text: str, rules: tuple[object, ...], do_fix: bool) -> dict[str, float]:
    from markdown_it import MarkdownIt

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.engine import check_documents
    from awesomelint.fixing.fixer import fix_document

    data = text.encode("utf-8")
    path = Path("hostile.md")
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parsed: list[object] = [None]

    def parse() -> None:
        parsed[0] = parse_source(decode(data, path))

    figures = {"markdown-it": _time(lambda: md.parse(text)), "parse": _time(parse)}
    figures["check"] = _time(lambda: check_documents(parsed, rules))  # type: ignore[arg-type]
    if do_fix:
        figures["fix"] = _time(lambda: fix_document(parsed[0], rules))  # type: ignore[arg-type]
    return figures


def main() -> None:
    ensure_project_python(__file__, "hostile")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,20,40,80", help="sizes in KB, comma-separated")
    parser.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds; see above")
    parser.add_argument("--fix", action="store_true", help="also time fix_document")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    args = parser.parse_args()
    if args.list:
        for name, (what, _) in SHAPES.items():
            print(f"{name}: {what}")
        return
    from awesomelint.rules import ALL_RULES

    rules = tuple(rule for rule in ALL_RULES if not rule.needs_network)
    sizes = [int(s) * KB for s in args.sizes.split(",")]
    names = args.shape or list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        sys.exit(f"hostile: unknown shape {unknown[0]!r}; see --list")
    measure("# warm-up\n\n- [a](https://example.org/) misspelt wrod\n", rules, args.fix)
    results: dict[str, list[dict[str, float]]] = {}
    stages = ["markdown-it", "parse", "check", *(["fix"] if args.fix else [])]
    print("| shape | KB | " + " | ".join(f"{s} s" for s in stages) + " | growth |")
    print("| --- | ---: | " + " | ".join("---:" for _ in stages) + " | ---: |")
    for name in names:
        rows = results[name] = []
        for size in sizes:
            figures = measure(SHAPES[name][1](size), rules, args.fix)
            ours = figures["parse"] + figures["check"] + figures.get("fix", 0.0)
            growth = f"{ours / rows[-1]['ours']:.1f}" if rows and rows[-1]["ours"] > 0 else ""
            rows.append({"size": size, "ours": ours, **figures})
            cells = " | ".join(f"{figures[s]:.3f}" for s in stages)
            print(f"| {name} | {size // KB} | {cells} | {growth} |", flush=True)
            if ours > args.budget:
                print(f"| {name} | (stopped: over {args.budget:g} s) |", flush=True)
                break
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
