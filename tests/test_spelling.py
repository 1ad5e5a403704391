"""Spelling helpers, the misspelling and mojibake rules on real lists, and their data files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.document.parse import ParsedDocument, parse_text
from awesomelint.engine import check_documents
from awesomelint.knowledge import spelling
from awesomelint.knowledge.spelling import Correction
from awesomelint.rules import Context, misspelling, mojibake
from awesomelint.rules._prose import ASKS_BEFORE_AN_INDEX, Words

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
LISTS = ROOT / "lists"


def test_codespell_dictionary_is_read_from_the_installed_package() -> None:
    table = spelling.codespell_corrections()
    assert len(table) > 10_000
    assert table["transfomer"] == Correction(("transformer",), sure=True)
    assert table["sparce"].sure is False
    assert "sparse" in table["sparce"].candidates


def test_codespell_line_format() -> None:
    table = spelling.parse_corrections(
        "# comment\nteh->the\nsparce->sparse, space,\nclas->class, disabled because of a clash\n"
    )
    assert table["teh"] == Correction(("the",), sure=True)
    assert table["sparce"] == Correction(("sparse", "space"), sure=False)
    assert table["clas"] == Correction(("class",), sure=False)


def test_own_typos_file_is_sorted_unique_and_acyclic() -> None:
    lines = spelling._data("typos.txt").splitlines()
    assert lines == sorted(lines)
    wrong = [line.split("->")[0] for line in lines]
    assert len(wrong) == len(set(wrong))
    table = spelling.own_corrections()
    assert table["interpretibility"].candidates == ("interpretability",)
    for correction in table.values():
        assert correction.sure and not set(correction.candidates) & set(table)
        assert set(correction.candidates) <= spelling.vocabulary() | spelling.known_words()


def test_vocabulary_has_no_misspellings() -> None:
    vocabulary = spelling.vocabulary()
    assert len(vocabulary) >= 250
    assert not vocabulary & set(spelling.own_corrections())
    assert not vocabulary & set(spelling.codespell_corrections())


@pytest.mark.parametrize(
    ("word", "fix", "expected"),
    [
        ("interpretibility", "interpretability", "interpretability"),
        ("Interpretibility", "interpretability", "Interpretability"),
        ("VISULIZATION", "visualization", "VISUALIZATION"),
        ("Teh", "the", "The"),
    ],
)
def test_match_case(word: str, fix: str, expected: str) -> None:
    assert spelling.match_case(word, fix) == expected


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("transfomer", "transformer", 1),
        ("teh", "the", 1),
        ("interpretibility", "interpretability", 1),
        ("ca", "abc", 3),
        ("kitten", "sitting", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert spelling.edit_distance(a, b) == distance
    assert spelling.edit_distance(b, a) == distance


@pytest.mark.parametrize(
    ("a", "b", "variant"),
    [
        ("models", "model", True),
        ("modelling", "modeling", True),
        ("visualisation", "visualization", True),
        ("path", "patch", False),
        ("scratchpda", "scratchpad", False),
    ],
)
def test_is_variant(a: str, b: str, variant: bool) -> None:
    assert spelling.is_variant(a, b) is variant


def _run(texts: dict[str, str], options: misspelling.Options) -> list[str]:
    rule = misspelling.RULE
    parsed = [parse_text(text, name) for name, text in texts.items()]
    contexts = [Context(rule, options, rule.default_severity, p) for p in parsed]
    return [f"{f.path.name}:{f.line}:{f.column} {f.message}" for f in misspelling.check(contexts)]


def test_allowed_words_are_never_reported() -> None:
    text = "- [Visulization](https://example.org/v) - a visulization tool\n"
    assert len(_run({"a.md": text}, misspelling.Options())) == 2
    assert _run({"a.md": text}, misspelling.Options(allowed_words=("VISULIZATION",))) == []


def test_common_words_are_counted_over_all_files_of_the_run() -> None:
    common = "- [A](https://example.org/a) - scratchpad, scratchpad and scratchpad\n"
    rare = "- [B](https://example.org/b) - a scratchpda\n"
    assert _run({"rare.md": rare}, misspelling.Options()) == []
    found = _run({"common.md": common, "rare.md": rare}, misspelling.Options())
    assert found == ["rare.md:1:34 'scratchpda' may be misspelt: 'scratchpad'?"]


def _parse_all(paths: list[Path]) -> list[ParsedDocument]:
    return [parse_text(path.read_text(encoding="utf-8"), path) for path in paths]


def _findings(paths: list[Path]) -> set[str]:
    findings = check_documents(_parse_all(paths), [misspelling.RULE, mojibake.RULE])
    return {f"{f.path.name}:{f.line}:{f.column} {f.code}" for f in findings}


STAR_LINES_SEED = (62, 136, 145, 159, 167, 173, 184)
INTERPRETIBILITY = ("3:20", "6:7", "7:22", "24:18", "46:5", "53:38")


def test_exact_findings_on_the_seeds() -> None:
    expected = {f"seed-001.md:{pos} TYP001" for pos in INTERPRETIBILITY}
    expected |= {"seed-001.md:57:5 TYP001", "seed-002.md:96:7 TYP001"}
    expected |= {f"seed-002.md:{line}:3 TXT001" for line in STAR_LINES_SEED}
    assert _findings(sorted(SEEDS.glob("*.md"))) == expected


def test_exact_findings_on_our_lists() -> None:
    """lists/ has been fixed (commit c7d269b: the "Interpretibility", "Transfomer",
    "Visulization" typos and the mojibake stars are gone), so nothing is left to report."""
    assert _findings(sorted(LISTS.glob("*.md"))) == set()


def test_mojibake_fix_on_the_seed_gives_back_the_star() -> None:
    text = (SEEDS / "seed-002.md").read_text(encoding="utf-8")
    parsed = parse_text(text, "seed-002.md")
    findings = check_documents([parsed], [mojibake.RULE])
    assert len(findings) == 7
    assert {edit.text for f in findings if f.fix for edit in f.fix.edits} == {"\U0001f31f"}


def test_ftfy_and_codespell_code_are_not_imported_for_clean_text() -> None:
    code = (
        "import sys\n"
        "from awesomelint.engine import check_documents\n"
        "from awesomelint.document.parse import parse_text\n"
        "from awesomelint.rules import misspelling, mojibake\n"
        "check_documents([parse_text('- [Caf\\u00e9](https://x.org) \\u2019 \\U0001f31f\\n')],"
        " [mojibake.RULE, misspelling.RULE])\n"
        "print('ftfy' in sys.modules or 'codespell_lib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_names_stay_names_when_the_files_repeat_them() -> None:
    """Two corpus false positives that needed several files: "Geva" and "Adam" used 3 times
    over the run made them known words, so "Mor" (codespell: more) and "Roberts" (one edit
    from "RoBERTa", common in the run) lost the name guard."""
    names = (
        "* **Mor Geva** [[website]](https://mega002.github.io)\n"
        "- Colin Raffel, Noam Shazeer, Adam Roberts et al.\n"
    )
    others = (
        "- [Dissecting Recall](https://example.org/d) - Guy Dar and Geva, Geva\n"
        "- [RoBERTa](https://example.org/r) - RoBERTa, RoBERTa; Adam, Adam\n"
    )
    parsed = [parse_text(names, "names.md"), parse_text(others, "others.md")]
    assert check_documents(parsed, [misspelling.RULE]) == []


def test_word_places_are_the_same_however_often_they_are_asked() -> None:
    """The places of a spelling are found by searching the text while few are asked for, then
    from an index of every word's places: both ways agree, apostrophes and longer words
    sharing a prefix included."""
    text = (
        "Image images ImageNet Image's l'Image Image-Net\n"
        "*Image* [Image](https://a.example/Image) xImage Image_x Image2 Image\n"
    )
    doc = parse_text(text).document
    searched = Words(doc, text)
    expected = {head: searched.places([head]) for head in ("Image", "images", "Net", "x")}
    indexed = Words(doc, text)
    for _ in range(ASKS_BEFORE_AN_INDEX + 1):
        indexed.places(["nothing"])
    assert {head: indexed.places([head]) for head in expected} == expected
    assert indexed.places(["Image", "Net"]) == sorted(expected["Image"] + expected["Net"])
    assert expected["Image"]
