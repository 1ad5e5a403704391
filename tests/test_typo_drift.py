"""Typos of a list's own words: bench/typodrift.py plants one typo in each of many words that
real lists write correctly several times, and TYP001 must find nine in ten of them."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = (
    "atfortes__Awesome-LLM-Reasoning.md",
    "thunlp__PromptPapers.md",
    "horseee__Awesome-Efficient-LLM.md",
    "DefTruth__Awesome-LLM-Inference.md",
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typodrift", ROOT / "bench" / "typodrift.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["typodrift"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def typodrift() -> ModuleType:
    return _bench()


def test_recall_on_a_sample_of_real_lists(typodrift: ModuleType) -> None:
    files = [CORPUS / name for name in SAMPLE]
    if not all(f.is_file() for f in files):
        pytest.skip("the real lists are not beside the repository")
    docs = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    tally = typodrift.measure(docs, seed=11, per_doc=25)
    assert sum(tally.tried.values()) >= 50
    missed = [f"{t.word} -> {t.typo} ({t.kind})" for t in tally.missed]
    assert tally.recall() >= 0.90, missed
    assert all(tally.tried[kind] for kind in typodrift.KINDS)


@pytest.mark.parametrize("kind", ["double", "drop", "swap", "key"])
def test_each_kind_of_typo_is_one_edit_and_keeps_the_word_shape(
    typodrift: ModuleType, kind: str
) -> None:
    from awesomelint.knowledge import spelling

    rng = random.Random(3)
    for word in ("Reasoning", "transformers", "Psychology"):
        typo = typodrift.mutate(word, kind, rng)
        assert typo is not None
        assert spelling.one_edit_apart(typo.lower(), word.lower())
        assert typo[1:].islower() or typo[:2] == word[0] * 2


def test_the_same_seed_plants_the_same_typos(typodrift: ModuleType) -> None:
    text = "# Papers\n\n" + "".join(
        f"- [Reasoning with Transformers {i}](https://example.org/{i}) - sparse reasoning\n"
        for i in range(8)
    )
    first = typodrift.plan("a.md", text, random.Random(5), 4)
    again = typodrift.plan("a.md", text, random.Random(5), 4)
    assert first == again
    assert first[1], "no typo planted"
    for typo in first[1]:
        assert typo.word.lower() in {"reasoning", "transformers"}
