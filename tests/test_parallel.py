"""`check` over several files in a pool of processes, and rules shared with a forked process,
say exactly what a serial run says."""

from __future__ import annotations

import dataclasses as dc
import enum
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from awesomelint import aside, parallel, runner
from awesomelint.diagnostics import FileError
from awesomelint.engine import DEFAULT_SETTINGS, Checker
from awesomelint.knowledge import paper_identity
from awesomelint.report import REPORTERS
from awesomelint.rules import ALL_RULES, Rule
from awesomelint.runner import CheckRequest, RunResult, exit_status, run_check
from awesomelint.workspace.load import load_one
from tests.broken_rules import BROKEN_PROJECT

OFFLINE = tuple(rule for rule in ALL_RULES if not rule.needs_network)
FIRST = """# Reading list

## Models

- [Sparse Mixture Routing for Tiny Transformers](https://arxiv.org/abs/2401.01234) [NeurIPS 2023]
- [Sparse Mixture Routing for Tiny Transformers](https://arxiv.org/abs/2401.01234) [NeurIPS 2023]
- [Counting Heads in Wide Networks](http://arxiv.org/abs/2302.04321)
-
- [Lerning Rates Revisited](https://openreview.net/forum?id=AbCdEf123)
"""

SECOND = """# Another list

## Methods

* **Counting Heads in Wide Networks** [[arxiv]](https://arxiv.org/abs/2302.04321) (ICLR'24)
* [Probing the Probes](https://arxiv.org/abs/2310.99999v2)
<!-- awesomelint-disable-next-line DUP001 -->
* [Probing the Probes](https://arxiv.org/abs/2310.99999v2)
"""


RICH = """---
title: A list with everything
---
# Everything [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

## Contents

- [Papers](#papers)

## Papers

- **Tiny Routers** [[paper]](https://arxiv.org/abs/2401.01234) [[code]](https://github.com/ex/tiny) (ICLR'24)
  - [[github]](https://github.com/ex/tiny-extra)
- [Lerning to Rank Again][rank] [NeurIPS 2023]
- [broken link(https://example.org/broken)
- <https://example.org/autolinked>
- [Star Tool](https://github.com/ex/star) [![Stars](https://img.shields.io/github/stars/ex/star)](https://github.com/ex/star)

| Title | Venue | Code |
| --- | --- | --- |
| [Wide Heads](https://openreview.net/forum?id=Xy12) | ICML 2022 | [code](https://github.com/ex/wide) |

<a href="https://example.org/html">html</a> and `code span`

[rank]: https://arxiv.org/abs/2310.99999v2
"""


def _objects(value: object) -> Iterator[object]:
    """`value` and everything it holds, depth first, each object every time it is met."""
    yield value
    if isinstance(value, (Path, enum.Enum)):
        return
    if isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _objects(key)
            yield from _objects(item)
    else:
        # Fields a record makes for itself (indexes, lazy caches) are remade, not sent.
        made = {f.name for f in dc.fields(value) if not f.init} if dc.is_dataclass(value) else set()
        for cls in type(value).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                if slot not in made and hasattr(value, slot):
                    yield from _objects(getattr(value, slot))


def _shape(value: object) -> list[tuple[type, object, int]]:
    """Every object's type, its plain value (None for containers and records) and the index
    of its first appearance: equal shapes mean equal values and the same sharing (an entry's
    primary link is one of its links, not a copy)."""
    first: dict[int, int] = {}
    shape: list[tuple[type, object, int]] = []
    for index, obj in enumerate(_objects(value)):
        plain = obj if isinstance(obj, (str, int, float, bytes, Path, type(None))) else None
        if isinstance(plain, (str, int, float, bytes, Path)):
            shape.append((type(obj), plain, -1))
        else:
            shape.append((type(obj), plain, first.setdefault(id(obj), index)))
    return shape


def test_an_outcome_crosses_the_process_boundary_whole(tmp_path: Path) -> None:
    path = tmp_path / "rich.md"
    path.write_text(RICH, encoding="utf-8")
    parsed = load_one(path, None)
    assert not isinstance(parsed, FileError)
    findings, errors = Checker(OFFLINE, None, DEFAULT_SETTINGS).document_findings(parsed)
    assert parsed.problems and parsed.document.front_matter and parsed.document.definitions
    assert any(f.fix is not None for f in findings), "meant to carry fixes across"
    outcome: parallel.Checked = (parsed, findings, errors)
    back = pickle.loads(parallel.dumps(outcome))
    assert _shape(back) == _shape(outcome)
    assert back[0].document.section_at(len(RICH) - 1).title == "Papers"
    assert back[1:] == outcome[1:]


def test_identity_occurrences_cross_with_their_document(tmp_path: Path) -> None:
    path = tmp_path / "rich.md"
    path.write_text(RICH, encoding="utf-8")
    parsed = load_one(path, None)
    assert not isinstance(parsed, FileError)
    found = paper_identity.document_occurrences(parsed.document)
    assert len(found) >= 4
    outcome: parallel.Checked = (parsed, [], [])
    back, back_found = pickle.loads(parallel.dumps((outcome, found)))
    assert _shape((back, back_found)) == _shape((outcome, found))
    assert all(occ.doc is back[0].document for occ in back_found)


def test_every_record_type_crosses_by_its_constructor() -> None:
    names = {cls.__name__ for cls in parallel.REDUCTIONS}
    assert {"ParsedDocument", "Document", "Entry", "Link", "Span", "Finding", "Fix"} <= names
    assert "Occurrence" in names


def _files(tmp_path: Path) -> tuple[Path, ...]:
    (tmp_path / "a.md").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.md").write_text(SECOND, encoding="utf-8")
    (tmp_path / "c.md").write_bytes(b"# Broken\n\n- [caf\xe9](https://example.org/x)\n")
    (tmp_path / "d.md").write_text("", encoding="utf-8")
    return (tmp_path, tmp_path / "missing.md")


def _run(paths: tuple[Path, ...], rules: tuple[Rule, ...] = OFFLINE) -> RunResult:
    return run_check(CheckRequest(paths=paths, rules=rules))


def _shown(result: RunResult) -> tuple[object, ...]:
    return (
        *(render(result) for render in REPORTERS.values()),
        [error.message for error in result.errors],
        result.files_checked,
        exit_status(result),
    )


def _serial_then_pooled(
    paths: tuple[Path, ...], monkeypatch: pytest.MonkeyPatch, rules: tuple[Rule, ...] = OFFLINE
) -> tuple[RunResult, RunResult]:
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    serial = _run(paths, rules)
    monkeypatch.delenv("AWESOMELINT_JOBS")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    return serial, _run(paths, rules)


def _counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("shared", [False, True])
def test_pool_output_equals_serial_output(
    shared: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shared:
        monkeypatch.setattr(aside, "MIN_TEXT_ASIDE", 0)
    pooled_files = _counted(monkeypatch, parallel, "check_files")
    taking = _counted(monkeypatch, aside, "_take_units")
    serial, pooled = _serial_then_pooled(_files(tmp_path), monkeypatch)
    assert pooled_files == [1]
    assert bool(taking) is shared, "the project rules are shared with a forked process"
    assert serial.findings, "the files were meant to have findings"
    assert {f.code for f in serial.findings} >= {"DUP001", "ENT001", "TYP001"}
    suppressed = [f for f in serial.findings if f.path.name == "b.md" and f.line == 8]
    assert not suppressed, "the copy under a suppression comment is not reported"
    assert _shown(pooled) == _shown(serial)


def _one_file(tmp_path: Path) -> tuple[Path, ...]:
    (tmp_path / "list.md").write_text(FIRST + SECOND.replace("# Another list", ""), "utf-8")
    return (tmp_path / "list.md",)


def _serial_then_shared(
    paths: tuple[Path, ...], monkeypatch: pytest.MonkeyPatch, rules: tuple[Rule, ...] = OFFLINE
) -> tuple[RunResult, RunResult]:
    monkeypatch.setattr(aside, "MIN_TEXT_ASIDE", 0)
    monkeypatch.setenv("AWESOMELINT_JOBS", "1")
    serial = _run(paths, rules)
    monkeypatch.delenv("AWESOMELINT_JOBS")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    return serial, _run(paths, rules)


def test_one_large_file_shares_its_rules_and_says_what_a_serial_run_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[Any] = []

    def sharing(*args: Any) -> Any:
        answers.append(aside.share(*args))
        return answers[-1]

    monkeypatch.setattr(runner, "share", sharing)
    parent = os.getpid()
    taking = aside._take
    # This process takes nothing, so every rule's findings come from the forked one.
    monkeypatch.setattr(
        aside,
        "_take",
        lambda counter, back: None if os.getpid() == parent else taking(counter, back),
    )
    serial, shared = _serial_then_shared(_one_file(tmp_path), monkeypatch)
    assert {"DUP001", "ENT001", "TYP001"} <= {f.code for f in serial.findings}
    assert _shown(shared) == _shown(serial)
    answered = {code for code, _ in answers[-1]}
    assert answered == {rule.code for rule in OFFLINE} - {"AWL100"}
    assert {path for _, path in answers[-1]} == {None, tmp_path / "list.md"}


def test_a_rule_crashing_in_the_forked_process_is_reported_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = (*OFFLINE, BROKEN_PROJECT)
    serial, shared = _serial_then_shared(_one_file(tmp_path), monkeypatch, rules)
    assert any("TST102" in error.message for error in serial.errors)
    assert _shown(shared) == _shown(serial)


def test_the_two_processes_take_the_units_from_either_end_each_once() -> None:
    import multiprocessing

    counter = multiprocessing.get_context("fork").Array("i", [0, 5])
    taken = [aside._take(counter, i % 2 == 1) for i in range(7)]
    assert taken == [0, 4, 1, 3, 2, None, None]


def test_the_rules_whose_work_this_process_keeps_are_at_its_end() -> None:
    codes = [[rule.code for rule in unit] for unit in aside._units(OFFLINE)]
    assert [unit[0] for unit in codes[: len(aside.WARM_HERE)]] == list(aside.WARM_HERE)
    assert codes[-2:] == [["DUP001", "DUP002"], ["VEN001", "VEN002"]]
    shared = sorted(rule.code for rule in OFFLINE if rule.code not in aside.RUN_HERE)
    assert sorted(code for unit in codes for code in unit) == shared


def test_what_a_dying_forked_process_took_runs_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dying() -> bytes:
        assert aside._work is not None
        aside._take_units(aside._work)  # takes rules, then never answers
        raise OSError("the forked process died")

    monkeypatch.setattr(aside, "_forked", dying)
    serial, shared = _serial_then_shared(_one_file(tmp_path), monkeypatch)
    assert _shown(shared) == _shown(serial)
    serial, pooled = _serial_then_pooled(_files(tmp_path), monkeypatch)
    assert _shown(pooled) == _shown(serial)


@pytest.mark.parametrize(
    ("cores", "files", "jobs", "workers"),
    [
        (1, 50, "", 0),
        (2, 1, "", 0),
        (2, 50, "", 2),
        (8, 3, "", 3),
        (8, 50, "1", 0),
        (8, 50, "4", 4),
    ],
)
def test_pool_size(
    cores: int, files: int, jobs: str, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "usable_cores", lambda: cores)
    monkeypatch.setenv("AWESOMELINT_JOBS", jobs)
    assert parallel.worth_a_pool(files) == workers


def test_a_broken_pool_falls_back_to_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise OSError("fork failed")

    monkeypatch.setattr(parallel, "check_files", broken)
    serial, pooled = _serial_then_pooled(_files(tmp_path), monkeypatch)
    assert _shown(pooled) == _shown(serial)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.md")), ids=lambda path: path.name)
def test_a_real_list_checked_by_two_processes_says_what_one_says(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial, shared = _serial_then_shared((path,), monkeypatch)
    assert _shown(shared) == _shown(serial)


def test_fix_with_its_rules_shared_writes_and_says_what_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from awesomelint.fixing.fixrun import FixRequest, run_fix

    monkeypatch.setattr(aside, "MIN_TEXT_ASIDE", 0)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    outcomes = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("AWESOMELINT_JOBS", jobs)
        (listing,) = _one_file(tmp_path)
        before = listing.read_text(encoding="utf-8")
        taking = _counted(monkeypatch, aside, "_take_units")
        outcome = run_fix([listing], FixRequest(OFFLINE))
        assert bool(taking) is (jobs == "2")
        outcomes.append((_shown(outcome.result), listing.read_text(encoding="utf-8")))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] != before, "the list was meant to have fixes"


def test_no_second_process_leaves_every_rule_to_this_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise OSError("Cannot allocate memory")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    taking = _counted(monkeypatch, aside, "_take_units")
    serial, shared = _serial_then_shared(_one_file(tmp_path), monkeypatch)
    assert taking, "the rules were meant to be shared"
    assert _shown(shared) == _shown(serial)
