"""The rules of a run over much text, shared between this process and a forked one.

`share` is the engine's `Sharer` (engine.Checker runs the rules it leaves out, and answers
the others from what it found). Both processes take the rules one unit at a time from a
shared counter until none is left, so that the work evens out whatever the list makes slow;
the forked one works on the documents it inherits for nothing. This process takes units from
the front, the forked one from the back, so that each takes much the same rules in every
pass of `fix`: those whose work this process keeps for its next run are at the front
(`WARM_HERE`), the longest of the others at the back, where the forked one starts. Rules
that share a pass over the documents are taken together, so that the pass is made once
(`SHARED_PASSES`). A rule that keeps what it judged for its next run (misspelling, see
`rules/_spelling_memory.py`) runs here, first.

A rule that crashed, or whose findings the forked process did not send back (it died), is
left out, so that the caller runs it and reports a crash as a serial run does. Suppressions,
ignores and `unused-suppression` stay with the caller, which sees every finding: the output
is a serial run's. Nothing is shared for little text, on one core (or AWESOMELINT_JOBS=1),
without fork, or with network facts (they are gathered for the caller's run).
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import sys
from collections.abc import Sequence
from typing import Any

from awesomelint.document.parse import ParsedDocument
from awesomelint.engine import Found, RuleSettings, rule_context
from awesomelint.rules import (
    Rule,
    arxiv_tag_mismatch,
    duplicate_entry,
    empty_entry,
    entry_order,
    inconsistent_duplicate,
    invalid_arxiv_id,
    misspelling,
    non_canonical_url,
    venue_alias,
    venue_tag_format,
)

MIN_TEXT_ASIDE = 1_000_000
"""Characters of text, over all documents, from which a second process is worth forking
(forking one costs some tens of milliseconds)."""

IDENTITY_RULES = frozenset({duplicate_entry.RULE.code, inconsistent_duplicate.RULE.code})
"""The rules that share `paper_identity.occurrences`, which the first of them finds."""
SHARED_PASSES = (
    IDENTITY_RULES,
    frozenset({venue_alias.RULE.code, venue_tag_format.RULE.code}),  # venue_mentions.mentions
)
"""Rules that read one pass over the documents, made by whichever of them runs first."""
RUN_HERE = frozenset({misspelling.RULE.code})
"""Rules that keep what they judged for their next run, which is in this process."""
WARM_HERE = (
    non_canonical_url.RULE.code,
    invalid_arxiv_id.RULE.code,
    arxiv_tag_mismatch.RULE.code,
    entry_order.RULE.code,
    empty_entry.RULE.code,
)
"""Rules whose work on a link is kept for the next run by the process that did it
(`functools.lru_cache`s of URL forms and arXiv ids), those that gain most from it first:
this process takes them from the front, so that in `fix`'s next pass it finds that work
done. The forked one, whose memory goes with it, takes the rest from the back, the rules
that share a pass first: the venue rules, then the duplicate rules (the longest unit,
whoever runs it)."""


@dc.dataclass(frozen=True, slots=True)
class _Work:
    unchecked: Sequence[ParsedDocument]
    documents: Sequence[ParsedDocument]
    settings: RuleSettings
    units: tuple[tuple[Rule, ...], ...]
    counter: Any
    """A multiprocessing.Array: the first and the last but one unit left to take."""


_work: _Work | None = None
"""What the forked process inherits."""


def _units(rules: Sequence[Rule]) -> tuple[tuple[Rule, ...], ...]:
    shared = [rule for rule in rules if rule.code not in RUN_HERE]
    grouped = [tuple(r for r in shared if r.code in codes) for codes in SHARED_PASSES]
    alone = [(r,) for r in shared if not any(r.code in codes for codes in SHARED_PASSES)]
    units = [unit for unit in grouped if unit] + alone

    def place(unit: tuple[Rule, ...]) -> tuple[bool, int]:
        warm = [WARM_HERE.index(rule.code) for rule in unit if rule.code in WARM_HERE]
        if warm:  # at the front, where this process takes them
            return False, min(warm)
        return True, len(unit) > 1  # at the back, those that share a pass last

    units.sort(key=place)  # stable: registry order among the others
    return tuple(units)


def _take(counter: Any, from_the_back: bool) -> int | None:
    """The next unit from the front of those left, or from their back."""
    with counter.get_lock():
        front, back = counter[0], counter[1]
        if front >= back:
            return None
        if from_the_back:
            counter[1] = back - 1
            return int(back - 1)
        counter[0] = front + 1
        return int(front)


def _take_units(work: _Work, from_the_back: bool = False) -> Found:
    """The findings of every unit this process takes from the counter."""
    found: Found = {}
    while (taken := _take(work.counter, from_the_back)) is not None:
        for rule in work.units[taken]:
            _run_rule(rule, work, found)
    return found


def _run_rule(rule: Rule, work: _Work, found: Found) -> None:
    """Into `found`, the rule's findings where it does not crash."""
    if rule.scope == "project":
        contexts = [rule_context(rule, parsed, {}, work.settings) for parsed in work.documents]
        with contextlib.suppress(Exception):  # the caller runs it again, and reports it
            found[(rule.code, None)] = list(rule.check(contexts))
        return
    for parsed in work.unchecked:
        ctx = rule_context(rule, parsed, {}, work.settings)
        with contextlib.suppress(Exception):
            found[(rule.code, parsed.document.path)] = list(rule.check(parsed.document, ctx))


def _forked() -> bytes:
    from awesomelint.parallel import dumps

    assert _work is not None
    return dumps(_take_units(_work, from_the_back=True))


def worth_sharing(documents: Sequence[ParsedDocument]) -> bool:
    """Whether a run over `documents` is worth a second process."""
    text = sum(len(parsed.document.text) for parsed in documents)
    if text < MIN_TEXT_ASIDE or sys.platform != "linux":
        return False  # without fork, the documents would have to be pickled
    from awesomelint.parallel import allowed_processes

    return allowed_processes() > 1


def share(
    own: Sequence[Rule],
    unchecked: Sequence[ParsedDocument],
    project: Sequence[Rule],
    documents: Sequence[ParsedDocument],
    settings: RuleSettings,
) -> Found | None:
    """The findings of the document rules `own` over `unchecked` and of the `project` rules
    over `documents`, by rule code and path (None for a project rule), found by two
    processes; None when that is not worth it."""
    global _work
    rules = [*project, *(own if unchecked else ())]
    units = _units(rules)
    here = [rule for rule in rules if rule.code in RUN_HERE]
    if not units or len(units) + len(here) < 2 or not worth_sharing(documents):
        return None
    import multiprocessing
    import pickle
    from concurrent.futures import Future, ProcessPoolExecutor

    found: Found = {}
    pool: ProcessPoolExecutor | None = None
    future: Future[bytes] | None = None
    try:
        context = multiprocessing.get_context("fork")
        _work = _Work(unchecked, documents, settings, units, context.Array("i", [0, len(units)]))
        pool = ProcessPoolExecutor(1, mp_context=context)
        future = pool.submit(_forked)
    except Exception:  # noqa: BLE001 - no second process (no memory, no fork): all run here
        if _work is None:
            return None
    try:
        for rule in here:
            _run_rule(rule, _work, found)
        found.update(_take_units(_work))
        if future is not None:
            with contextlib.suppress(Exception):  # no answer (it died): the caller runs them
                found.update(pickle.loads(future.result()))
        return found
    finally:
        _work = None
        if pool is not None:
            pool.shutdown()
