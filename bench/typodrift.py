"""Typo drift: how many typos of a list's own words `misspelling` (TYP001) finds.

    python bench/typodrift.py                 # ../shared/corpus/*.md and ../shared/seeds/*
    python bench/typodrift.py --per-doc 20 --seed 7 FILE...

For each list (read into memory, never copied), it picks words of 6 letters or more that the
list writes the same way at least 3 times, and puts one typo into one occurrence of each, in
an entry's title or description: a letter doubled, a letter dropped, two neighbours swapped,
or a letter changed to a neighbouring key. A typo that makes an English word (see
`knowledge/english.py`) or a field word is not used: it is no typo a spelling checker could
tell. The typos go in batches, one per line, each batch into a fresh copy of the text, which
is checked in-process with TYP001 alone; a typo counts as found when a TYP001 finding starts
at its line and column. It prints the recall per kind and then every TYP001 finding on the
lists as they are. One `random.Random(seed)`: the same seed gives the same typos.
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
SHARED = REPO.parent / "shared"
KINDS = ("double", "drop", "swap", "key")
MIN_LENGTH = 6
MIN_USES = 3
BATCH = 10
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@dc.dataclass(frozen=True, slots=True)
class Typo:
    path: str
    word: str
    typo: str
    kind: str
    start: int
    line: int
    column: int
    authors: bool
    """In a run of author names, which TYP001 leaves alone by design."""


@dc.dataclass
class Tally:
    tried: Counter[str] = dc.field(default_factory=Counter)
    found: Counter[str] = dc.field(default_factory=Counter)
    missed: list[Typo] = dc.field(default_factory=list)
    authors_tried: int = 0
    authors_found: int = 0

    def recall(self, kind: str | None = None) -> float:
        tried = sum(self.tried.values()) if kind is None else self.tried[kind]
        found = sum(self.found.values()) if kind is None else self.found[kind]
        return found / tried if tried else 0.0


def _neighbour_keys(char: str) -> str:
    for row_index, row in enumerate(_KEYBOARD):
        at = row.find(char)
        if at == -1:
            continue
        near = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
        for other in (row_index - 1, row_index + 1):
            if 0 <= other < len(_KEYBOARD):
                near += [
                    _KEYBOARD[other][i] for i in (at - 1, at) if 0 <= i < len(_KEYBOARD[other])
                ]
        return "".join(sorted(set(near)))
    return ""


def mutate(word: str, kind: str, rng: random.Random) -> str | None:
    """`word` with one typo of `kind` at a random place; None when it has no such place."""
    places = list(range(len(word)))
    rng.shuffle(places)
    for i in places:
        if kind == "double":
            return word[: i + 1] + word[i] + word[i + 1 :]
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "swap" and i + 1 < len(word) and word[i].lower() != word[i + 1].lower():
            # The letters move, the shift key does not: "Psychology" -> "Spychology".
            pair = word[i + 1] + word[i]
            if word[i].isupper():
                pair = pair[0].upper() + pair[1].lower()
            return word[:i] + pair + word[i + 2 :]
        if kind == "key":
            near = _neighbour_keys(word[i].lower())
            if near:
                key = rng.choice(near)
                return word[:i] + (key.upper() if word[i].isupper() else key) + word[i + 1 :]
    return None


def _is_real(word: str) -> bool:
    from awesomelint.knowledge import english, spelling

    lower = word.lower()
    return english.is_english(lower) or lower in spelling.vocabulary()


def plan(path: str, text: str, rng: random.Random, per_doc: int) -> tuple[str, list[Typo]]:
    """The list's text as parsed (newlines normalised) and up to `per_doc` typos for it, each
    of another word and on another line."""
    from awesomelint.api import parse
    from awesomelint.knowledge import spelling
    from awesomelint.rules._names import in_author_list
    from awesomelint.rules._prose import TOKEN, Words, line_around, visible_prose

    doc = parse(text, path)
    text = doc.text
    prose = visible_prose(doc)
    counts = Counter(t.lower() for t in Words(doc, prose).tokens)
    spans = sorted(
        (entry.content_span.start, entry.content_span.end)
        for root in doc.sections
        for section in root.walk()
        for top in section.entries
        for entry in top.walk()
    )
    places: dict[str, list[int]] = {}
    for start, end in spans:
        for match in TOKEN.finditer(prose, start, end):
            token = match[0]
            lower = token.lower()
            plain = token.isascii() and token.isalpha() and (token.islower() or token.istitle())
            if plain and len(token) >= MIN_LENGTH and counts[lower] >= MIN_USES:
                places.setdefault(lower, []).append(match.start())
    known = spelling.own_corrections()
    words = sorted(w for w in places if w not in known and spelling.codespell_correction(w) is None)
    rng.shuffle(words)
    typos: list[Typo] = []
    used_lines: set[int] = set()
    for word in words:
        if len(typos) >= per_doc:
            break
        start = rng.choice(places[word])
        line, column = doc.lines.position(start)
        if line in used_lines:
            continue
        original = text[start : start + len(word)]
        kind = KINDS[len(typos) % len(KINDS)]
        for _ in range(10):
            typo = mutate(original, kind, rng)
            if typo is not None and typo != original and not _is_real(typo):
                break
        else:
            continue
        used_lines.add(line)
        authors = in_author_list(*line_around(prose, start))
        typos.append(Typo(path, original, typo, kind, start, line, column, authors))
    return text, typos


def apply(text: str, typos: Sequence[Typo]) -> str:
    """The text with each typo in place (they never overlap: one per line)."""
    pieces: list[str] = []
    done = 0
    for typo in sorted(typos, key=lambda t: t.start):
        pieces += (text[done : typo.start], typo.typo)
        done = typo.start + len(typo.word)
    pieces.append(text[done:])
    return "".join(pieces)


def found_at(path: str, text: str) -> set[tuple[int, int]]:
    from awesomelint.api import check_text

    return {(f.line, f.column) for f in check_text(text, path, select=["TYP001"])}


def measure(docs: Iterable[tuple[str, str]], seed: int, per_doc: int) -> Tally:
    """Plant typos in every list and count the ones TYP001 reports where they are."""
    rng = random.Random(seed)
    tally = Tally()
    for path, text in docs:
        text, typos = plan(path, text, rng, per_doc)
        for first in range(0, len(typos), BATCH):
            batch = typos[first : first + BATCH]
            # Columns move when a typo changes a word's length earlier on its line: one per
            # line, so only the typo's own start matters, and that is where it was.
            seen = found_at(path, apply(text, batch))
            for typo in batch:
                hit = (typo.line, typo.column) in seen
                if typo.authors:
                    tally.authors_tried += 1
                    tally.authors_found += hit
                    continue
                tally.tried[typo.kind] += 1
                if hit:
                    tally.found[typo.kind] += 1
                else:
                    tally.missed.append(typo)
    return tally


def default_docs() -> list[tuple[str, str]]:
    files = sorted((SHARED / "corpus").glob("*.md"))
    files = [f for f in files if f.name != "README.md"] + sorted((SHARED / "seeds").glob("*"))
    return [(str(f), f.read_text(encoding="utf-8")) for f in files if f.is_file()]


def _report(tally: Tally, docs: Sequence[tuple[str, str]]) -> None:
    print("| kind | typos | found | recall |")
    print("| --- | ---: | ---: | ---: |")
    for kind in KINDS:
        print(f"| {kind} | {tally.tried[kind]} | {tally.found[kind]} | {tally.recall(kind):.1%} |")
    total = sum(tally.tried.values())
    print(f"| all | {total} | {sum(tally.found.values())} | {tally.recall():.1%} |")
    share = tally.authors_found / tally.authors_tried if tally.authors_tried else 0.0
    print(
        f"\nIn author lists (not counted above; names are left alone by design): "
        f"{tally.authors_found} of {tally.authors_tried} found ({share:.1%})."
    )
    print("\nMissed:")
    for typo in tally.missed:
        print(f"  {Path(typo.path).name}:{typo.line}: {typo.word} -> {typo.typo} ({typo.kind})")
    from awesomelint.api import check_text

    print("\nTYP001 on the lists as they are:")
    for path, text in docs:
        for finding in check_text(text, path, select=["TYP001"]):
            print(f"  {Path(path).name}:{finding.line}:{finding.column}: {finding.message}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--per-doc", type=int, default=40)
    args = parser.parse_args(argv)
    if args.files:
        docs = [(str(f), f.read_text(encoding="utf-8")) for f in args.files]
    else:
        docs = default_docs()
    if not docs:
        print(f"no lists found under {SHARED}", file=sys.stderr)
        return 1
    _report(measure(docs, args.seed, args.per_doc), docs)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    from projectenv import ensure_project_python

    ensure_project_python(__file__, "awesomelint")
    raise SystemExit(main())
