"""The model's classes keep their dataclass contract with their faster constructors."""

from __future__ import annotations

import dataclasses as dc
import pickle

import pytest

from awesomelint.document.model import Entry, Link, LinkKind, Span
from awesomelint.document.parse import parse_text


def test_spans_and_links_are_made_as_dataclasses_are() -> None:
    span = Span(3, 7)
    assert span == Span(start=3, end=7)
    assert hash(span) == hash(Span(3, 7))
    assert dc.replace(span, end=9) == Span(3, 9)
    link = Link("t", "https://a.org", span, span, span)
    assert link.kind is LinkKind.INLINE
    assert link.image is False
    with pytest.raises(dc.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]


def test_a_parsed_document_lists_its_entries_the_same_each_time() -> None:
    doc = parse_text("# A\n\n- [x](https://a.org)\n  - [y](https://b.org)\n\n# B\n\n- z\n").document
    first = [(section.title, entry.title) for section, entry in doc.entries()]
    assert first == [("A", "x"), ("A", "y"), ("B", "z")]
    assert [(s.title, e.title) for s, e in doc.entries()] == first
    copy = pickle.loads(pickle.dumps(doc))
    assert [(s.title, e.title) for s, e in copy.entries()] == first
    entry = next(entry for _, entry in doc.entries())
    assert isinstance(entry, Entry)
    assert dc.replace(entry, title="w").title == "w"
