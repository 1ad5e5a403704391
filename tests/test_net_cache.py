"""Cache rows of any shape are data: a malformed one is a miss; a damaged file is replaced.

Each test fills the cache with a real run against the fakes, spoils it, and runs again: the
second run must ask the servers again and end as the first did, never crash.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.net import NetFacts
from awesomelint.net.cache import FILE_NAME, Cache
from awesomelint.net.gather import gather_facts
from tests.net_servers import (
    FakeArxiv,
    FakeClock,
    FakeGitHub,
    FakeHost,
    Paper,
    Repo,
    fake_settings,
    parse_docs,
    running,
)

MALFORMED = [
    "[]",
    '"ok"',
    "42",
    "null",
    "not json at all",
    "{}",
    '{"status": ["ok"], "state": ["ok"], "found": [], "ttl": []}',
    '{"status": "ok", "full_name": 7, "archived": "yes"}',
    '{"state": "ok", "status": true, "reason": 3, "final": []}',
    (
        '{"id": 5, "found": "yes", "title": null, "version": "2", "withdrawn": 0, '
        '"comment": "", "reason": ""}'
    ),
    '{"state": "broken", "status": 404, "reason": "HTTP 404", "final": null, "ttl": "1"}',
    '{"status": 429, "ttl": 1e999}',
]


@pytest.fixture
def servers() -> Iterator[tuple[FakeArxiv, FakeGitHub, FakeHost]]:
    papers = {"1706.03762": Paper("Attention Is All You Need")}
    with (
        running(FakeArxiv(papers)) as arxiv,
        running(FakeGitHub([Repo(1, "octocat/Hello-World")])) as github,
        running(FakeHost()) as host,
    ):
        yield arxiv, github, host


def run(servers: tuple[FakeArxiv, FakeGitHub, FakeHost], cache: Path) -> NetFacts:
    arxiv, github, host = servers
    text = (
        "- [p](https://arxiv.org/abs/1706.03762) [r](https://github.com/octocat/Hello-World)\n"
        f"- [a]({host.base}/ok) [b]({host.base}/missing) [c]({host.base}/busy)\n"
    )
    settings = fake_settings(
        arxiv_api=arxiv.api, github_api=github.base, cache_dir=cache, retries=0
    )
    return gather_facts(parse_docs(text), settings, clock=FakeClock())


def asked(servers: tuple[FakeArxiv, FakeGitHub, FakeHost]) -> int:
    return sum(len(server.requests) for server in servers)


def spoil(cache: Path, value: str | bytes, column: str = "value") -> None:
    db = sqlite3.connect(cache / FILE_NAME)
    with db:
        db.execute(f"UPDATE answers SET {column} = ?", (value,))  # every kind of row
    db.close()


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_row_is_a_miss_for_every_kind_of_answer(
    servers: tuple[FakeArxiv, FakeGitHub, FakeHost], tmp_path: Path, value: str
) -> None:
    first = run(servers, tmp_path)
    assert run(servers, tmp_path).requests == 0  # the cache answers everything
    spoil(tmp_path, value)
    before = asked(servers)
    again = run(servers, tmp_path)
    assert again.requests > 0 and asked(servers) > before
    assert (again.arxiv, again.github, again.links) == (first.arxiv, first.github, first.links)
    assert again.notes == first.notes


@pytest.mark.parametrize(
    ("column", "value"),
    [("checked_at", "yesterday"), ("etag", b"\x00\x01"), ("value", b"\xff\xfe")],
)
def test_a_row_with_wrong_column_types_is_a_miss(
    servers: tuple[FakeArxiv, FakeGitHub, FakeHost],
    tmp_path: Path,
    column: str,
    value: str | bytes,
) -> None:
    first = run(servers, tmp_path)
    spoil(tmp_path, value, column)
    again = run(servers, tmp_path)
    assert again.requests > 0
    assert (again.arxiv, again.github, again.links) == (first.arxiv, first.github, first.links)


def test_a_file_that_is_not_a_database_is_moved_aside_and_replaced(
    servers: tuple[FakeArxiv, FakeGitHub, FakeHost], tmp_path: Path
) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"this is not SQLite" * 100)
    first = run(servers, tmp_path)
    aside = list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not SQLite")
    damaged = [note for note in first.notes if "cache" in note]
    assert damaged == [f"cache file was damaged: moved to {aside[0].name}, started a new one"]
    second = run(servers, tmp_path)
    assert second.requests == 0  # the new file works
    assert not any("cache" in note for note in second.notes)


def test_a_database_of_another_shape_is_moved_aside_and_replaced(
    servers: tuple[FakeArxiv, FakeGitHub, FakeHost], tmp_path: Path
) -> None:
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("CREATE TABLE answers (kind TEXT, blob BLOB)")
    db.close()
    facts = run(servers, tmp_path)
    assert any(note.startswith("cache file was damaged: moved to ") for note in facts.notes)
    assert run(servers, tmp_path).requests == 0


def test_damage_found_while_reading_is_repaired_once(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("link", "https://a.example/", {"state": "ok"})
    cache.close()
    data = bytearray((tmp_path / FILE_NAME).read_bytes())
    # Keep the header (so the file opens) and spoil every page after the first.
    data[4096:] = b"\xa5" * (len(data) - 4096)
    (tmp_path / FILE_NAME).write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (tmp_path / (FILE_NAME + suffix)).unlink(missing_ok=True)
    cache = Cache(tmp_path)
    assert cache.get("link", "https://a.example/") is None
    cache.put("link", "https://b.example/", {"state": "ok"})
    found = cache.get("link", "https://b.example/")
    assert found is not None and found.value == {"state": "ok"}
    assert cache.problem is not None and cache.problem.startswith("cache file was damaged")
    assert len(list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))) == 1


def test_cache_values_round_trip_as_plain_json(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("kind", "key", {"nested": {"a": [1, 2.5, None, True]}}, etag='W/"x"')
    found = cache.get("kind", "key")
    assert found is not None and found.etag == 'W/"x"' and found.age >= 0
    assert json.dumps(found.value, sort_keys=True) == '{"nested": {"a": [1, 2.5, null, true]}}'


def test_a_bug_in_one_client_is_reported_as_itself_not_as_a_task_group(
    servers: tuple[FakeArxiv, FakeGitHub, FakeHost],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(*args: object) -> None:
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr("awesomelint.net.github.GitHubClient.run", broken)
    with pytest.raises(TypeError, match="unhashable"):
        run(servers, tmp_path)
