"""The English word list that guards TYP001: what it accepts, and how it is loaded and cached."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

import pytest

from awesomelint.knowledge import compiled, english


@pytest.mark.parametrize(
    "word",
    [
        "perception",
        "neutrons",
        "planting",
        "casually",
        "artefacts",
        "colour",
        "optimised",
        "modelling",
        "shearing",
        "sharding",
        "tokenized",
        "tokenizer",
        "quantizers",
    ],
)
def test_english_words_and_regular_forms_are_english(word: str) -> None:
    assert english.is_english(word)


@pytest.mark.parametrize(
    "word",
    [
        "reasonning",
        "tranformers",
        "interpertable",
        "multipler",
        "benhcmark",
        "accuray",
        "learing",
        "admited",
        "begining",
        "accesss",
    ],
)
def test_typos_are_not_english(word: str) -> None:
    assert not english.is_english(word)


def test_the_word_list_is_compiled_once_into_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    english.words.cache_clear()
    try:
        words = english.words()
        assert len(words) > 80_000 and "perception" in words
        cached = list(tmp_path.glob("english-sorted-*.marshal"))
        assert len(cached) == 1
        assert (
            compiled.package_version(
                "symspellpy", compiled.package_folder("symspellpy") or tmp_path
            )
            in cached[0].name
        )
        english.words.cache_clear()
        stored = compiled.SortedText(["onlyword"]).dump()
        cached[0].write_bytes(marshal.dumps(stored))
        assert list(english.words()) == ["onlyword"]  # read from the cache, not the text
        for broken in (b"not marshal data", marshal.dumps(frozenset({"onlyword"}))):
            english.words.cache_clear()
            cached[0].write_bytes(broken)
            assert "perception" in english.words()  # a broken or old cache file is rebuilt
            assert marshal.loads(cached[0].read_bytes())[0] == stored[0]
    finally:
        english.words.cache_clear()
        english.is_english.cache_clear()


def test_no_cache_folder_and_no_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, "")
    english.words.cache_clear()
    try:
        assert "perception" in english.words()
        english.words.cache_clear()
        monkeypatch.setattr(english, "PACKAGE", "no_such_package_for_words")
        assert len(english.words()) == 0 and "perception" not in english.words()
    finally:
        english.words.cache_clear()
        english.is_english.cache_clear()


def test_sorted_text_finds_exactly_its_words() -> None:
    words = ["b", "ab", "abc", "b", "ünïcode", "a->x", "a->y"]
    table = compiled.SortedText(words)
    assert list(table) == sorted(set(words)) and len(table) == 6
    assert all(word in table for word in words)
    assert not any(word in table for word in ["", "a", "abcd", "c", "a->", 3])
    assert table.starting("a->") == ["a->x", "a->y"] and table.starting("zz") == []
    again = compiled.SortedText.undump(marshal.loads(marshal.dumps(table.dump())))
    assert again is not None and list(again) == list(table)
    assert compiled.SortedText.undump(("sorted-text-1", "ab\n", b"")) is None
    many = [f"w{i:05d}" for i in range(0, 3000, 3)]
    table = compiled.SortedText([*many, "w0->a", "w0->b", "w00003->c"])
    assert all(word in table for word in many)
    assert not any(f"w{i:05d}" in table for i in range(1, 3000, 3))
    assert "w0000" not in table and "w00000\nw00003" not in table
    assert table.starting("w0->") == ["w0->a", "w0->b"] and table.starting("w00003-") == [
        "w00003->c"
    ]
    assert table.starting("w02") == [w for w in many if w.startswith("w02")]
    assert len(compiled.SortedText(())) == 0 and "a" not in compiled.SortedText(())


def test_the_cache_folder_keeps_a_few_files_of_a_list_and_none_long_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every install of a package (a venv, a pre-commit environment) writes its own file.
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    source = tmp_path / "source.txt"
    source.write_text("alpha\nbeta\n", encoding="utf-8")
    old_installs = [tmp_path / f"demo-1.0-11-{stamp}.marshal" for stamp in range(6)]
    other_list = tmp_path / "other-1.0-11-1.marshal"
    long_stale = tmp_path / "gone-0.1-11-1.marshal"
    for age, path in enumerate([*old_installs, other_list, long_stale]):
        path.write_bytes(b"x")
        seconds = 3600 * (age + 1) if path != long_stale else compiled.STALE_SECONDS + 60
        os.utime(path, (time.time() - seconds, time.time() - seconds))
    value = compiled.load("demo", "no_such_package_for_words", source, list, lambda: ["a"])
    assert value == ["a"]
    left = sorted(path.name for path in tmp_path.glob("*.marshal"))
    written = [name for name in left if name.startswith("demo-unknown-")]
    assert len(written) == 1
    # The newest three earlier installs stay beside the new file; another list's file stays.
    assert set(left) == {*written, *(p.name for p in old_installs[:3]), other_list.name}
