"""The arXiv client against a fake arXiv API: batches, pacing, 400s, empty pages, retries."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.net import NetFacts
from awesomelint.net.arxiv import is_withdrawn, parse_feed
from awesomelint.net.gather import gather_facts
from awesomelint.net.remap import parse_remap
from awesomelint.net.settings import NetSettings
from tests.net_servers import (
    ATOM_HEAD,
    FakeArxiv,
    FakeClock,
    Paper,
    Recording,
    Reply,
    fake_settings,
    loopback_transport,
    parse_docs,
    running,
)

IDS = [f"2301.{n:05d}" for n in range(1, 251)]


@pytest.fixture
def arxiv() -> Iterator[FakeArxiv]:
    papers = {arxiv_id: Paper(f"Paper {arxiv_id}") for arxiv_id in IDS}
    with running(FakeArxiv(papers)) as fake:
        yield fake


def doc_for(ids: list[str]) -> str:
    return "".join(f"- [Paper {i}](https://arxiv.org/abs/{i})\n" for i in ids)


def check(
    arxiv: FakeArxiv, ids: list[str], clock: FakeClock | None = None, **changes: object
) -> NetFacts:
    settings = fake_settings(arxiv_api=arxiv.api, **changes)
    return gather_facts(parse_docs(doc_for(ids)), settings, clock=clock or FakeClock())


def test_ids_go_in_batches_of_100_with_max_results(arxiv: FakeArxiv) -> None:
    facts = check(arxiv, IDS)
    assert [len(batch) for batch in arxiv.batches()] == [100, 100, 50]
    assert [s.query["max_results"] for s in arxiv.requests] == [["100"], ["100"], ["50"]]
    assert all(record.found for record in facts.arxiv.values())
    assert len(facts.arxiv) == 250 and facts.notes == ()
    assert facts.arxiv["2301.00007"].title == "Paper 2301.00007"


def test_requests_are_one_at_a_time_and_3_seconds_apart_in_virtual_time(
    arxiv: FakeArxiv,
) -> None:
    clock = FakeClock()
    transport = Recording(loopback_transport(), clock)
    settings = fake_settings(arxiv_api=arxiv.api)
    gather_facts(parse_docs(doc_for(IDS)), settings, transport=transport, clock=clock)
    starts = [call[0] for call in transport.calls]
    assert len(starts) == 3
    assert all(b - a >= 3.0 for a, b in itertools.pairwise(starts))


def test_one_malformed_id_is_set_apart_and_the_rest_asked_again(arxiv: FakeArxiv) -> None:
    arxiv.rejected.add("2301.00003")
    facts = check(arxiv, IDS[:5])
    assert len(arxiv.requests) == 2 and "2301.00003" not in arxiv.batches()[1]
    bad = facts.arxiv["2301.00003"]
    assert not bad.found and bad.reason == "rejected by the arXiv API"
    assert all(facts.arxiv[i].found for i in IDS[:5] if i != "2301.00003")


def test_an_error_that_names_no_id_is_isolated_by_halving(arxiv: FakeArxiv) -> None:
    arxiv.rejected.add("2301.00003")
    arxiv.anonymous_errors = True
    facts = check(arxiv, IDS[:8])
    assert not facts.arxiv["2301.00003"].found
    assert sum(record.found for record in facts.arxiv.values()) == 7
    assert len(arxiv.requests) <= 8


def test_an_empty_page_is_asked_again_before_anything_is_called_missing(
    arxiv: FakeArxiv,
) -> None:
    arxiv.empty_calls = 1
    facts = check(arxiv, IDS[:3])
    assert len(arxiv.requests) == 2
    assert all(record.found for record in facts.arxiv.values())


def test_an_id_left_out_of_an_answer_that_lists_others_is_not_asked_again(
    arxiv: FakeArxiv,
) -> None:
    facts = check(arxiv, ["2301.00001", "2302.00009"])
    assert arxiv.batches() == [["2301.00001", "2302.00009"]]
    assert facts.arxiv["2302.00009"].found is False
    assert facts.arxiv["2301.00001"].found is True


def test_a_batch_of_only_missing_ids_is_reported_only_after_a_second_opinion(
    arxiv: FakeArxiv,
) -> None:
    facts = check(arxiv, ["2302.00009", "2302.00010"])
    assert arxiv.batches() == [["2302.00009", "2302.00010"]] * 2
    assert not facts.arxiv["2302.00009"].found and not facts.arxiv["2302.00010"].found


def test_legacy_entries_without_id_count_as_missing(arxiv: FakeArxiv) -> None:
    arxiv.legacy_missing = True
    facts = check(arxiv, ["2301.00001", "2302.00009"])
    assert facts.arxiv["2302.00009"].found is False


def test_429_is_retried_after_retry_after_and_503_leaves_ids_unchecked(
    arxiv: FakeArxiv,
) -> None:
    arxiv.queued = [Reply(429, b"slow down", {"Retry-After": "10"})]
    clock = FakeClock()
    facts = check(arxiv, IDS[:2], clock)
    assert all(record.found for record in facts.arxiv.values())
    assert 10.0 in clock.sleeps

    arxiv.queued = [Reply(503)] * 3
    arxiv.requests.clear()
    facts = check(arxiv, IDS[:150])
    assert len(arxiv.requests) == 3  # the first batch and its two retries; then it stops
    assert facts.arxiv == {} and facts.unchecked == 150
    assert facts.notes == ("150 arXiv ids could not be checked (150 HTTP 503)",)


def test_long_batches_go_as_post(arxiv: FakeArxiv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("awesomelint.net.arxiv.MAX_GET_URL", 100)
    facts = check(arxiv, IDS[:20])
    assert [s.method for s in arxiv.requests] == ["POST"]
    assert len(facts.arxiv) == 20


def test_remap_points_the_api_endpoint_elsewhere(arxiv: FakeArxiv) -> None:
    remap = parse_remap(rf"^https://export\.arxiv\.org/(.*)$ {arxiv.base}/$1")
    settings = fake_settings(remaps=(remap,))
    facts = gather_facts(parse_docs(doc_for(IDS[:2])), settings, clock=FakeClock())
    assert len(arxiv.requests) == 1 and len(facts.arxiv) == 2


def test_all_url_forms_are_asked_about_by_versionless_id(arxiv: FakeArxiv) -> None:
    text = (
        "- [a](https://arxiv.org/pdf/2301.00001v2.pdf) [b](http://export.arxiv.org/abs/2301.00002)\n"
        "- [c](https://huggingface.co/papers/2301.00003) [d](https://doi.org/10.48550/arXiv.2301.00004)\n"
        "- [bad](https://arxiv.org/abs/2313.00001)\n"
    )
    settings = fake_settings(arxiv_api=arxiv.api)
    facts = gather_facts(parse_docs(text), settings, clock=FakeClock())
    assert sorted(arxiv.batches()[0]) == IDS[:4]
    assert sorted(facts.arxiv) == IDS[:4]


def test_a_second_run_comes_from_the_cache(arxiv: FakeArxiv, tmp_path: Path) -> None:
    check(arxiv, [*IDS[:3], "2302.00009"], cache_dir=tmp_path)
    asked = len(arxiv.requests)
    facts = check(arxiv, [*IDS[:3], "2302.00009"], cache_dir=tmp_path)
    assert len(arxiv.requests) == asked and facts.requests == 0
    assert facts.arxiv["2302.00009"].found is False


def test_answers_from_another_endpoint_are_not_served_from_the_cache(
    arxiv: FakeArxiv, tmp_path: Path
) -> None:
    with running(FakeArxiv({})) as mirror:
        # A mirror that knows nothing, reached with a remap, then the real API.
        remap = parse_remap(rf"^https://export\.arxiv\.org/(.*)$ {mirror.base}/$1")
        settings = fake_settings(remaps=(remap,), cache_dir=tmp_path)
        gather_facts(parse_docs(doc_for(IDS[:2])), settings, clock=FakeClock())
        assert len(mirror.requests) == 2  # an empty page, asked twice
    facts = check(arxiv, IDS[:2], cache_dir=tmp_path)
    assert len(arxiv.requests) == 1 and all(record.found for record in facts.arxiv.values())
    assert check(arxiv, IDS[:2], cache_dir=tmp_path).requests == 0


def test_withdrawn_papers_are_recognised(arxiv: FakeArxiv) -> None:
    arxiv.papers["2301.00001"] = Paper(
        "Some title", version=3, comment="This paper has been withdrawn by the authors"
    )
    facts = check(arxiv, IDS[:2])
    assert facts.arxiv["2301.00001"].withdrawn and facts.arxiv["2301.00001"].version == 3
    assert not facts.arxiv["2301.00002"].withdrawn


def test_feed_parsing_reads_old_ids_and_normalises_titles() -> None:
    body = (
        ATOM_HEAD + "<entry><id>http://arxiv.org/abs/hep-th/9901001v2</id>"
        "<title>A  title\n   on two lines</title><summary>x</summary></entry></feed>"
    ).encode()
    record = parse_feed(body).records["hep-th/9901001"]
    assert (record.title, record.version) == ("A title on two lines", 2)


def test_withdrawal_is_read_from_the_comment_or_an_abstract_that_says_so() -> None:
    assert is_withdrawn("withdrawn due to an error in Lemma 2", "")
    assert is_withdrawn("", "This paper has been withdrawn by the author.")
    assert not is_withdrawn("12 pages", "We study withdrawn papers and why they are withdrawn.")


def test_settings_defaults_follow_the_arxiv_terms() -> None:
    settings = NetSettings()
    assert settings.arxiv_interval >= 3.0 and settings.arxiv_batch <= 100
