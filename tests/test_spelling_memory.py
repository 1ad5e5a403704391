"""misspelling after a run over nearly the same prose (fix's next pass) reports exactly what
a first run over that prose reports: what it keeps of the last run is only what still holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.fixing.fixer import fix_document
from awesomelint.rules import ALL_RULES, Context, misspelling
from awesomelint.rules import _spelling_memory as memory

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LISTS = Path(__file__).resolve().parents[1] / "lists"
Finding = tuple[str, int, int, str, object]


def _findings(texts: list[str], options: misspelling.Options | None = None) -> list[Finding]:
    rule = misspelling.RULE
    contexts = [
        Context(
            rule, options or misspelling.Options(), rule.default_severity, parse_text(t, f"{n}.md")
        )
        for n, t in enumerate(texts)
    ]
    return [(f.path.name, f.line, f.column, f.message, f.fix) for f in misspelling.check(contexts)]


def _fresh(texts: list[str]) -> list[Finding]:
    memory.forget()
    return _findings(texts)


def _after(before: list[str], after: list[str]) -> list[Finding]:
    """Findings on `after` by a run that follows one on `before`, which it must recall."""
    memory.forget()
    _findings(before)
    assert memory.recall(misspelling.Options(), [_prose(t) for t in after]) is not None
    return _findings(after)


def _prose(text: str) -> str:
    from awesomelint.rules._prose import visible_prose

    return visible_prose(parse_text(text, "x.md").document)


SUPPORT = "- [Scaling](https://example.org/s) - the transformer as a circuit\n"
TYPO = "- [Circuits](https://example.org/c) - a transformr in one layer\n"
FILLER = [f"- [Paper {n}](https://example.org/{n}) - notes on probing\n" for n in range(12)]

# Each pair: a change on some lines that turns a verdict on a line it leaves alone.
TURNS = {
    "support grows elsewhere": (
        [SUPPORT, TYPO, *FILLER],
        [
            SUPPORT,
            TYPO,
            *FILLER[:-1],
            "- [More](https://example.org/m) - transformer, transformer\n",
        ],
    ),
    "support goes away elsewhere": (
        [SUPPORT, TYPO, SUPPORT.replace("/s)", "/t)"), SUPPORT.replace("/s)", "/u)"), *FILLER],
        [SUPPORT, TYPO, *FILLER],
    ),
    "the suggestion turns out to be a name": (
        [
            "- [Circuits](https://example.org/c) - by Yinfei and others\n",
            *["- [Survey](https://example.org/y) - Yifei on probes\n"] * 4,
            *FILLER,
        ],
        [
            "- [Circuits](https://example.org/c) - by Yinfei and others\n",
            *["- [Survey](https://example.org/y) - Yifei on probes\n"] * 3,
            "- [Team](https://example.org/t) - *Yifei Chen, Ada Lovelace, Alan Turing*\n",
            *FILLER,
        ],
    ),
    "a neighbour turns out to be a word": (
        [
            "- [Circuits](https://example.org/c) - Quorble Langauge notes\n",
            *FILLER,
        ],
        [
            "- [Circuits](https://example.org/c) - Quorble Langauge notes\n",
            "- [Q](https://example.org/q) - quorble, quorble and quorble\n",
            *FILLER[:-1],
        ],
    ),
    "the link around the word moves": (
        ["- [Visulization](https://example.org/visulization) - probes\n", *FILLER],
        ["- [Visulization](https://example.org/probes-tools) - probes\n", *FILLER],
    ),
    "a code fence hides a line": (
        [*FILLER[:10], "- [Circuits](https://example.org/c) - Interpretibility\n", *FILLER[10:]],
        [
            *FILLER[:9],
            "```\n",
            "- [Circuits](https://example.org/c) - Interpretibility\n",
            "```\n",
            *FILLER[10:],
        ],
    ),
}


@pytest.mark.parametrize("case", TURNS, ids=str)
def test_a_change_elsewhere_turns_the_verdict_on_an_unchanged_line(case: str) -> None:
    before, after = ("".join(lines) for lines in TURNS[case])
    assert _fresh([before]) != _fresh([after])  # the case tests something
    assert _after([before], [after]) == _fresh([after])


POOL = [
    SUPPORT,
    TYPO,
    *FILLER[:3],
    "- [Interpretibility of Transfomer](https://example.org/i) - Visulization tools\n",
    "- [Reasonning](https://example.org/r) - reasoning in steps\n",
    "- [Chains](https://example.org/ch) - Reasoning, reasoning and more Reasoning\n",
    "- [Team](https://example.org/t) - *Yifei Chen, Ada Lovelace, Alan Turing*\n",
    "- [Probe](https://example.org/p) - Yinfei and Yifei on probes\n",
    "- [Links](https://example.org/reasonning) - reasonning\n",
    "## Transfomer Circuits\n",
    "```\n",
    "\n",
    "- Mor Geva, Quorble Langauge\n",
    "- [Q](https://example.org/q) - quorble, quorble and quorble\n",
]


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(st.sampled_from(range(len(POOL))), min_size=4, max_size=14),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace"]),
            st.integers(0, 20),
            st.sampled_from(range(len(POOL))),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_recalled_runs_agree_with_fresh_runs(
    before: list[int], edits: list[tuple[str, int, int]]
) -> None:
    lines = [POOL[i] for i in before]
    changed = list(lines)
    for kind, at, line in edits:
        at %= len(changed) + (kind == "insert")
        if kind == "insert":
            changed.insert(at, POOL[line])
        elif len(changed) > 1 and kind == "delete":
            del changed[at]
        else:
            changed[at % len(changed)] = POOL[line]
    memory.forget()
    _findings(["".join(lines)])
    assert _findings(["".join(changed)]) == _fresh(["".join(changed)])


def _real_lists() -> list[Path]:
    return sorted(CORPUS.glob("*.md")) + sorted(LISTS.glob("*.md"))


@pytest.mark.parametrize("path", _real_lists(), ids=lambda path: path.name)
def test_fixing_a_real_list_reports_what_a_fresh_check_of_its_result_reports(path: Path) -> None:
    memory.forget()
    outcome = fix_document(parse_text(path.read_text(encoding="utf-8"), path.name), ALL_RULES)
    fixed = outcome.parsed
    remembered = [f for f in outcome.remaining if f.code == misspelling.RULE.code]
    memory.forget()
    fresh = [f for f in check_documents([fixed], ALL_RULES) if f.code == misspelling.RULE.code]
    assert remembered == fresh


def test_a_run_with_other_options_judges_everything_anew() -> None:
    text = "- [Visulization](https://example.org/v) - a visulization tool\n"
    memory.forget()
    assert len(_findings([text])) == 2
    allowing = misspelling.Options(allowed_words=("visulization",))
    assert memory.recall(allowing, [_prose(text)]) is None
    assert _findings([text], allowing) == []
