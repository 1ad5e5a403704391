"""No input crashes awesomelint, fixing any input settles without losing a link, and the
links the model finds in any input are the links markdown-it's own inline parse finds.

Property tests over generated list-shaped Markdown (`tests/list_shapes.py`) and over mutated
lines of the real lists in `../shared/corpus` (read in memory, never copied). The default run
draws few examples; the `fuzz` marker with the `ci-fuzz` Hypothesis profile draws many:

    python -m pytest -m fuzz --hypothesis-profile=ci-fuzz
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tests import list_shapes
from tests.robustness import (
    check_input,
    fix_input,
    located_destinations,
    markdown_it_destinations,
    read_input,
)

ROOT = Path(__file__).parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.fuzz
_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(list_shapes.documents())
def test_check_never_raises(data: bytes) -> None:
    check_input(data)


@_SETTINGS
@given(list_shapes.documents())
# A copy deleted while the other is rewritten over two passes (http:// then www.).
@example(
    b"\xef\xbb\xbf\n===\nSparse\n===\n- [Sparse (NeurIPS )](http://www.github.com/o/lens)\n"
    b"- [Sparse (NeurIPS )](http://www.github.com/o/lens)\n\n===\nSparse (NeurIPS )\n===\n"
)
# Three deletions of two rules, each keeping the rest alone, that together join a paragraph
# to the list below it.
@example(
    b"[N]: https://i.example/x[N]: https://i.example/x\n> -\n> *\n"
    b"  <!-- awesomelint-disable-line VEN001 -->\n*\n  [Sparse (NeurIPS )](https://arxiv.org/abs/2301.01234)\n"
)
def test_fix_settles_and_keeps_every_link(data: bytes) -> None:
    fix_input(data)


def test_an_item_cut_after_front_matter_closed_by_dots_keeps_the_definition_below() -> None:
    # Front matter may end with `...` (Jekyll, markdig); the definitions are read after it, as
    # the model reads them, not as a paragraph line `...` would take them in.
    fix_input(b"\xef\xbb\xbf---\n...\n-\n[Sparse]: https://arxiv.org/abs/2301.01234\n")


@functools.cache
def _corpus_lines() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(path.read_text(encoding="utf-8").split("\n")) for path in sorted(CORPUS.glob("*.md"))
    )


_INSERTS = ("[", "]", "(", ")", "|", "`", "<", ">", "\\", "**", "![", "](", "- ", "\t", "@")


@st.composite
def corpus_documents(draw: st.DrawFn) -> bytes:
    """A window of consecutive lines of a real list, with a few characters inserted, lines
    cut, repeated or swapped, then bytes flipped now and then."""
    files = [lines for lines in _corpus_lines() if len(lines) > 1]
    lines = draw(st.sampled_from(files))
    start = draw(st.integers(0, len(lines) - 1))
    window = list(lines[start : start + draw(st.integers(1, 40))])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(window) - 1))
        op = draw(st.integers(0, 3))
        line = window[at]
        if op == 0:
            pos = draw(st.integers(0, len(line)))
            window[at] = line[:pos] + draw(st.sampled_from(_INSERTS)) + line[pos:]
        elif op == 1 and line:
            pos = draw(st.integers(0, len(line) - 1))
            window[at] = line[:pos] + line[pos + draw(st.integers(1, 10)) :]
        elif op == 2:
            window.insert(at, line)
        else:
            other = draw(st.integers(0, len(window) - 1))
            window[at], window[other] = window[other], line
    data = list_shapes.encode(draw, "\n".join(window) + "\n")
    if draw(st.integers(0, 3)) == 0:
        data = draw(list_shapes.mutated(data))
    return data


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus of real lists next to the repository")
@_SETTINGS
@given(corpus_documents())
def test_mutated_real_lines_check_and_fix(data: bytes) -> None:
    check_input(data)
    fix_input(data)


@_SETTINGS
@given(
    st.one_of(list_shapes.documents(), corpus_documents())
    if CORPUS.is_dir()
    else list_shapes.documents()
)
def test_links_are_the_links_markdown_it_sees(data: bytes) -> None:
    parsed = read_input(data)
    if parsed is None:
        return
    located = located_destinations(parsed)
    assume(located is not None)
    assert located == markdown_it_destinations(parsed)
