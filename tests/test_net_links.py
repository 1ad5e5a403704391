"""Ordinary links against a fake host: statuses, retries, redirects, policy, cache, remaps."""

from __future__ import annotations

import asyncio
import dataclasses as dc
import io
import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.errors import ConfigError
from awesomelint.net import LinkState, NetFacts
from awesomelint.net.cache import Cache
from awesomelint.net.gather import ProgressLine, gather_facts
from awesomelint.net.pacing import HostGate, retry_after
from awesomelint.net.remap import parse_remap, parse_remaps, remap_url
from awesomelint.net.settings import HostLimit, NetSettings, default_cache_dir
from tests.net_servers import (
    FakeClock,
    FakeHost,
    Recording,
    closed_port,
    fake_settings,
    loopback_transport,
    parse_docs,
    running,
)


@pytest.fixture
def host() -> Iterator[FakeHost]:
    with running(FakeHost()) as fake:
        yield fake


def check(
    markdown: str, settings: NetSettings, clock: FakeClock | None = None
) -> tuple[NetFacts, FakeClock]:
    clock = clock or FakeClock()
    facts = gather_facts(parse_docs(markdown), settings, clock=clock)
    return facts, clock


def links(host: FakeHost, *paths: str) -> str:
    return "".join(f"- [{p}]({host.base}{p})\n" for p in paths)


def states(facts: NetFacts) -> dict[str, str]:
    return {url.rsplit("/", 1)[1]: status.state.value for url, status in facts.links.items()}


def test_404_and_410_are_broken_and_good_links_are_ok(host: FakeHost) -> None:
    facts, _ = check(links(host, "/ok", "/missing", "/gone", "/moved"), fake_settings())
    assert states(facts) == {"ok": "ok", "missing": "broken", "gone": "broken", "moved": "ok"}
    assert facts.links[f"{host.base}/gone"].status == 410
    assert facts.notes == ()


def test_head_refused_or_lying_falls_back_to_get(host: FakeHost) -> None:
    facts, _ = check(links(host, "/nohead", "/head404"), fake_settings())
    assert states(facts) == {"nohead": "ok", "head404": "ok"}
    assert [s.method for s in host.requests].count("GET") == 2


def test_429_and_503_are_unchecked_never_broken_and_retry_after_is_honoured(
    host: FakeHost,
) -> None:
    facts, clock = check(links(host, "/busy", "/down"), fake_settings())
    assert states(facts) == {"busy": "unchecked", "down": "unchecked"}
    assert 5.0 in clock.sleeps  # Retry-After: 5
    assert host.paths("HEAD").count("/busy") == 3  # one try and two retries
    assert facts.unchecked == 2
    assert facts.notes == ("2 links could not be checked (1 HTTP 429, 1 HTTP 503)",)


def test_429_and_5xx_on_head_are_not_followed_by_a_get(host: FakeHost) -> None:
    facts, _ = check(links(host, "/busy", "/down"), fake_settings())
    assert states(facts) == {"busy": "unchecked", "down": "unchecked"}
    assert host.paths("GET") == []
    assert sorted(host.paths("HEAD")) == ["/busy"] * 3 + ["/down"] * 3


def test_a_reset_on_head_falls_back_to_get_but_a_timeout_does_not(host: FakeHost) -> None:
    facts, _ = check(links(host, "/reset", "/slow"), fake_settings(timeout=0.3, retries=0))
    assert states(facts) == {"reset": "unchecked", "slow": "unchecked"}
    assert sorted(host.paths("GET")) == ["/reset"]


def test_a_retry_with_backoff_recovers_a_flaky_host(host: FakeHost) -> None:
    host.flaky = 1
    facts, clock = check(links(host, "/flaky"), fake_settings())
    assert states(facts) == {"flaky": "ok"}
    assert clock.sleeps == [1.0]


def test_timeouts_and_resets_are_unchecked(host: FakeHost) -> None:
    settings = fake_settings(timeout=0.3, retries=1)
    facts, _ = check(links(host, "/slow", "/reset"), settings)
    assert states(facts) == {"slow": "unchecked", "reset": "unchecked"}
    reasons = sorted(status.reason for status in facts.links.values())
    assert reasons == ["connection reset", "timeout"]


def test_redirect_loops_stop_at_the_limit(host: FakeHost) -> None:
    facts, _ = check(links(host, "/loop"), fake_settings(max_redirects=3))
    status = facts.links[f"{host.base}/loop"]
    assert (status.state, status.reason) == (LinkState.UNCHECKED, "too many redirects")
    assert host.paths("HEAD").count("/loop") == 4


def test_private_addresses_and_other_schemes_are_not_fetched_unless_allowed(
    host: FakeHost,
) -> None:
    text = links(host, "/ok") + "- [mail](mailto:a@b.example) [rel](docs/x.md)\n"
    facts, _ = check(text, fake_settings(allow_private=False))
    assert host.requests == [] and facts.links == {}
    assert facts.notes == (f"1 link not fetched (private address): {host.base}/ok",)
    facts, _ = check(text, fake_settings(allow_private=True))
    assert states(facts) == {"ok": "ok"}


def test_a_second_run_within_the_expiry_makes_no_requests(host: FakeHost, tmp_path: Path) -> None:
    settings = fake_settings(cache_dir=tmp_path)
    text = links(host, "/ok", "/missing", "/down")
    first, _ = check(text, settings)
    asked = len(host.requests)
    second, _ = check(text, settings)
    # /down refused with a 503: remembered for an hour, still unchecked, never broken.
    assert second.requests == 0 and host.paths()[asked:] == []
    assert states(second) == states(first) == {"ok": "ok", "missing": "broken", "down": "unchecked"}
    assert second.notes == first.notes
    expired, _ = check(links(host, "/ok"), dc.replace(settings, ttl_good=0))
    assert expired.requests == 1


def test_a_refusal_is_asked_again_once_its_time_is_up(
    host: FakeHost, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("awesomelint.net.links.UNCHECKED_TTL", 0.0)
    settings = fake_settings(cache_dir=tmp_path, retries=0)
    check(links(host, "/down"), settings)
    second, _ = check(links(host, "/down"), settings)
    assert second.requests == 1 and states(second) == {"down": "unchecked"}


def busy_links(host: FakeHost, count: int) -> str:
    return "".join(f"- [b{i}]({host.base}/busy?{i})\n" for i in range(count))


def test_a_host_refusing_every_request_is_given_up_on(host: FakeHost) -> None:
    settings = fake_settings(per_host_concurrency=1, retries=0)
    facts, _ = check(busy_links(host, 6) + links(host, "/ok"), settings)
    assert len(host.paths("HEAD")) == 3  # three refusals in a row, then nothing more
    assert {s.state for s in facts.links.values()} == {LinkState.UNCHECKED}
    assert all(s.status == 429 for s in facts.links.values())
    assert facts.notes == (
        "7 links could not be checked (7 HTTP 429)",
        f"host 127.0.0.1:{host.port} answered 429 to every request; 7 links not checked",
    )


def test_a_host_given_up_on_is_not_asked_by_the_next_run(host: FakeHost, tmp_path: Path) -> None:
    settings = fake_settings(per_host_concurrency=1, retries=0, cache_dir=tmp_path)
    first, _ = check(busy_links(host, 5) + links(host, "/ok"), settings)
    asked = len(host.requests)
    second, _ = check(busy_links(host, 5) + links(host, "/ok"), settings)
    assert second.requests == 0 and len(host.requests) == asked
    assert {s.state for s in second.links.values()} == {LinkState.UNCHECKED}
    assert second.notes == first.notes


def test_remap_rewrites_request_urls_with_capture_groups(host: FakeHost) -> None:
    remap = parse_remap(rf"^https://example\.org/(\w+)$ {host.base}/$1")
    text = "- [a](https://example.org/missing) [b](https://example.org/ok)\n"
    facts, _ = check(text, fake_settings(remaps=(remap,)))
    assert states(facts) == {"missing": "broken", "ok": "ok"}
    assert set(host.paths()) == {"/missing", "/ok"}


def test_the_token_never_goes_to_ordinary_hosts(host: FakeHost) -> None:
    check(links(host, "/ok", "/moved"), fake_settings(github_token="secret-token"))
    assert host.requests and all("authorization" not in s.headers for s in host.requests)


def test_no_network_at_all_ends_quickly_with_a_note() -> None:
    port = closed_port()
    remap = parse_remap(rf"^https?://[^/]+/(.*)$ http://127.0.0.1:{port}/$1")
    text = "".join(f"- [p{i}](https://host{i}.example/p{i})\n" for i in range(12))
    text += "- [a](https://arxiv.org/abs/1706.03762) [g](https://github.com/a/b)\n"
    settings = fake_settings(remaps=(remap,))
    started = time.monotonic()
    facts = gather_facts(parse_docs(text), settings)  # the real clock
    assert time.monotonic() - started < 2.0
    assert facts.unchecked == 14
    assert facts.notes == ("14 links could not be checked (no network)",)


def test_the_whole_run_respects_the_total_deadline(host: FakeHost) -> None:
    # /busy asks for 5 s; with 3 s left in virtual time the retry is not waited for.
    facts, clock = check(links(host, "/busy"), fake_settings(total_deadline=3.0))
    assert states(facts) == {"busy": "unchecked"}
    assert clock.sleeps == []


def test_only_what_is_asked_for_is_gathered(host: FakeHost) -> None:
    text = (
        links(host, "/ok") + "- [a](https://arxiv.org/abs/1706.03762) [g](https://github.com/a/b)\n"
    )
    settings = fake_settings(ask_arxiv=False, ask_github=False, ask_links=False)
    facts, _ = check(text, settings)
    assert facts == NetFacts() and host.requests == []
    assert default_cache_dir().name == "awesomelint"


def test_progress_reports_each_answer(host: FakeHost) -> None:
    lines: list[str] = []
    gather_facts(parse_docs(links(host, "/ok", "/gone")), fake_settings(), progress=lines.append)
    assert lines[-1] == "[####################] checked 2/2"


def test_the_progress_line_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert ProgressLine.for_stream(io.StringIO()) is None
    terminal = Terminal()
    line = ProgressLine.for_stream(terminal)
    assert line is not None
    line("checked 1/2")
    line.close()
    assert terminal.getvalue() == "\r\x1b[Kawesomelint: checked 1/2\r\x1b[K"


def test_a_recording_transport_sees_every_request(host: FakeHost) -> None:
    clock = FakeClock()
    settings = fake_settings()
    transport = Recording(loopback_transport(), clock)
    gather_facts(parse_docs(links(host, "/nohead")), settings, transport=transport, clock=clock)
    assert [call[1] for call in transport.calls] == ["HEAD", "GET"]


# ---------------------------------------------------------------------------------------------
# Remaps, pacing and Retry-After, without a server


def test_remap_syntax_follows_lychee() -> None:
    remaps = parse_remaps(
        [
            r"https://(?P<host>a\.example)/(.*) http://mirror/${host}/$2",
            r"https://a\.example/(.*) http://never/$1",
        ]
    )
    assert remap_url("https://a.example/x/y", remaps) == "http://mirror/a.example/x/y"
    assert remap_url("https://b.example/", remaps) == "https://b.example/"
    assert parse_remap(r"x(\d) $$$1").apply("x7") == "$7"
    with pytest.raises(ConfigError):
        parse_remap("onlyone")
    with pytest.raises(ConfigError):
        parse_remap("([ x")


def test_a_host_gate_spaces_request_starts_in_virtual_time() -> None:
    clock = FakeClock()
    starts: list[float] = []

    async def main() -> None:
        gate = HostGate(HostLimit("h", 1, 3.0), clock)

        async def one() -> None:
            async with gate.slot():
                starts.append(clock.now())

        async with asyncio.TaskGroup() as group:
            for _ in range(4):
                group.create_task(one())

    asyncio.run(main())
    assert [b - a for a, b in itertools.pairwise(starts)] == [3.0, 3.0, 3.0]


def test_a_host_gate_measures_the_interval_from_the_end_of_the_previous_request() -> None:
    clock = FakeClock()
    spans: list[tuple[float, float]] = []

    async def main() -> None:
        gate = HostGate(HostLimit("h", 1, 3.0), clock)

        async def one() -> None:
            async with gate.slot():
                start = clock.now()
                await clock.sleep(1.0)  # connecting and waiting for the answer
                spans.append((start, clock.now()))

        async with asyncio.TaskGroup() as group:
            for _ in range(3):
                group.create_task(one())

    asyncio.run(main())
    assert [b[0] - a[1] for a, b in itertools.pairwise(spans)] == [3.0, 3.0]


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after({"retry-after": "7"}) == 7.0
    assert retry_after({"retry-after": "Thu, 01 Jan 2026 00:00:10 GMT"}, 1767225600.0) == 10.0
    assert retry_after({"retry-after": "soon"}) is None
    assert retry_after({}) is None


def test_the_cache_is_shared_safely_by_concurrent_writers(tmp_path: Path) -> None:
    def writer(n: int) -> None:
        cache = Cache(tmp_path)
        for i in range(50):
            cache.put("link", f"https://h{n}.example/{i}", {"n": n, "i": i})
        cache.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache = Cache(tmp_path)
    found = cache.get("link", "https://h3.example/49")
    assert cache.problem is None and found is not None and found.value == {"n": 3, "i": 49}


def test_an_unusable_cache_dir_is_a_note_not_a_failure(host: FakeHost, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    facts, _ = check(links(host, "/ok"), fake_settings(cache_dir=blocker / "cache"))
    assert states(facts) == {"ok": "ok"}
    assert facts.notes[0].startswith("cache disabled:")


def test_tasks_waiting_for_one_host_do_not_hold_the_shared_slots(host: FakeHost) -> None:
    with running(FakeHost()) as other:
        clock = FakeClock()
        where = f"http://127.0.0.1:{host.port}"
        settings = fake_settings(concurrency=1, host_limits=(HostLimit(where, 1, 10.0),))
        transport = Recording(loopback_transport(), clock)
        text = links(host, "/ok", "/gone", "/missing") + links(other, "/ok")
        facts = gather_facts(parse_docs(text), settings, transport=transport, clock=clock)
    assert len(facts.links) == 4
    order = [call[2] for call in transport.calls]
    # The slow host's second link waits 10 s for its turn; the other host goes meanwhile.
    assert order.index(f"{other.base}/ok") == 1


def test_malformed_urls_are_not_fetched_and_cost_no_other_link(host: FakeHost) -> None:
    text = "- [a](http://[::1/x) [b](http://example.com:99999/) [c](http://example.com:abc/)\n"
    facts, _ = check(text + links(host, "/ok"), fake_settings())
    assert states(facts) == {"ok": "ok"}
    named = "http://[::1/x, http://example.com:99999/, http://example.com:abc/"
    assert facts.notes == (f"3 links not fetched (malformed URL): {named}",)
