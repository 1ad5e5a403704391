"""Where preprints were published: arXiv's journal_ref, and Semantic Scholar's batch look-up
against a fake Graph API, through the gathering and the preprint-published rule."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.net import NetFacts, PaperVenue
from awesomelint.net.gather import gather_facts
from awesomelint.net.semantic_scholar import FIELDS, read_record
from awesomelint.rules import find_rule
from tests.net_servers import (
    FakeArxiv,
    FakeClock,
    FakeSemanticScholar,
    Paper,
    Recording,
    Reply,
    fake_settings,
    loopback_transport,
    parse_docs,
    running,
    s2_paper,
)

ICLR = s2_paper("International Conference on Learning Representations", ("ICLR",), year=2024)
WORKSHOP = s2_paper("", venue="NeurIPS 2023 Workshop on Foo", year=2023)
JOURNAL = s2_paper("Journal of Obscure Results", kind="journal", year=2023)
NO_VENUE = s2_paper("", venue="", year=2023)
ARXIV_ONLY = s2_paper("arXiv.org", ("ArXiv",), kind=None, journal="ArXiv")
RULE = find_rule("VEN003")


@pytest.fixture
def hosts() -> Iterator[tuple[FakeArxiv, FakeSemanticScholar]]:
    papers = {f"2301.{n:05d}": Paper(f"Paper {n}") for n in range(1, 700)}
    papers["2301.00002"] = Paper("Paper 2", journal_ref="ICML 2023", doi="10.5555/x")
    with running(FakeArxiv(papers)) as arxiv, running(FakeSemanticScholar()) as s2:
        yield arxiv, s2


def preprints(ids: list[str], tag: str = "[arXiv 2023]") -> str:
    return "".join(f"- **P{i}** {tag} [paper](https://arxiv.org/abs/{i})\n" for i in ids)


def gather(hosts: tuple[FakeArxiv, FakeSemanticScholar], text: str, **changes: object) -> NetFacts:
    arxiv, s2 = hosts
    settings = fake_settings(arxiv_api=arxiv.api, semantic_scholar_api=s2.api, **changes)
    return gather_facts(parse_docs(text), settings, clock=FakeClock())


def test_one_request_per_500_ids_with_the_documented_fields(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    ids = [f"2301.{n:05d}" for n in range(100, 700)]
    s2.papers = dict.fromkeys(ids, ICLR)
    facts = gather(hosts, preprints(ids))
    assert [len(batch) for batch in s2.batches()] == [500, 100]
    assert s2.batches()[0][0] == "ARXIV:2301.00100"
    assert all(seen.path.endswith(f"?fields={FIELDS}") for seen in s2.requests)
    assert len(facts.venues) == 600 and facts.venues["2301.00100"].year == 2024


def test_requests_to_the_service_are_a_second_apart(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    arxiv, s2 = hosts
    ids = [f"2301.{n:05d}" for n in range(100, 700)]
    clock = FakeClock()
    transport = Recording(loopback_transport(), clock)
    settings = fake_settings(arxiv_api=arxiv.api, semantic_scholar_api=s2.api)
    gather_facts(parse_docs(preprints(ids)), settings, transport=transport, clock=clock)
    times = [at for at, _method, url, _headers in transport.calls if url.startswith(s2.api)]
    assert len(times) == 2 and times[1] - times[0] >= 1.0


def test_journal_ref_answers_and_unknown_papers_are_not_looked_up(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    facts = gather(hosts, preprints(["2301.00001", "2301.00002", "2309.99999"]))
    assert s2.batches() == [["ARXIV:2301.00001"]]
    record = facts.arxiv["2301.00002"]
    assert (record.journal_ref, record.doi) == ("ICML 2023", "10.5555/x")


def test_only_entries_listed_as_preprints_are_looked_up(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    text = preprints(["2301.00001"]) + preprints(["2301.00003"], tag="[ICLR 2024]")
    gather(hosts, text)
    assert s2.batches() == [["ARXIV:2301.00001"]]


def test_a_warm_cache_makes_no_request(
    hosts: tuple[FakeArxiv, FakeSemanticScholar], tmp_path: Path
) -> None:
    arxiv, s2 = hosts
    s2.papers = {"2301.00001": ICLR}
    ids = ["2301.00001", "2301.00003"]  # one known, one the service answers null for
    first = gather(hosts, preprints(ids), cache_dir=tmp_path)
    before = len(s2.requests), len(arxiv.requests)
    second = gather(hosts, preprints(ids), cache_dir=tmp_path)
    assert (len(s2.requests), len(arxiv.requests)) == before == (1, 1)
    assert second.requests == 0 and second.venues == first.venues
    assert second.unchecked == 0


def test_429_leaves_papers_unchecked_and_reports_nothing(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    s2.papers = {"2301.00001": ICLR}
    s2.queued = [Reply(429, b'{"message": "Too Many Requests"}')] * 3
    text = preprints(["2301.00001"])
    facts = gather(hosts, text, backoff=0.01)
    assert len(s2.requests) == 3  # the first try and two retries
    assert facts.venues == {} and facts.unchecked == 1
    assert facts.notes == ("1 paper could not be looked up on Semantic Scholar (1 HTTP 429)",)
    assert RULE is not None
    assert check_documents([parse_text(text, "l.md")], [RULE], {"net": facts}) == []


def test_a_malformed_record_is_unchecked_and_the_others_are_read(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    s2.papers = {"2301.00001": ICLR, "2301.00003": ["not", "a", "record"]}
    facts = gather(hosts, preprints(["2301.00001", "2301.00003"]))
    assert set(facts.venues) == {"2301.00001"} and facts.unchecked == 1
    assert "unreadable answer" in facts.notes[0]


def test_an_answer_of_the_wrong_length_leaves_the_batch_unchecked(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    s2.queued = [Reply(200, json.dumps([None]).encode())]
    facts = gather(hosts, preprints(["2301.00001", "2301.00003"]))
    assert facts.venues == {} and facts.unchecked == 2


@pytest.mark.parametrize(
    ("record", "names", "kind"),
    [
        (ICLR, ("International Conference on Learning Representations", "ICLR"), "conference"),
        (WORKSHOP, ("NeurIPS 2023 Workshop on Foo",), ""),
        (JOURNAL, ("Journal of Obscure Results",), "journal"),
        (NO_VENUE, (), ""),
        (ARXIV_ONLY, ("arXiv.org", "ArXiv"), ""),
    ],
)
def test_records_are_read_in_the_documented_shape(
    record: dict[str, object], names: tuple[str, ...], kind: str
) -> None:
    venue = read_record("2301.00001", record)
    assert venue is not None and (venue.names, venue.kind) == (names, kind)
    assert read_record("2301.00001", None) is None


def test_what_the_rule_makes_of_each_answer(
    hosts: tuple[FakeArxiv, FakeSemanticScholar],
) -> None:
    _arxiv, s2 = hosts
    answers = [ICLR, WORKSHOP, JOURNAL, NO_VENUE, ARXIV_ONLY]
    ids = [f"2301.{n:05d}" for n in range(11, 16)]
    s2.papers = dict(zip(ids, answers, strict=True))
    text = preprints([*ids, "2301.00002"])
    facts = gather(hosts, text)
    assert RULE is not None
    findings = check_documents([parse_text(text, "l.md")], [RULE], {"net": facts})
    unknown = '"Journal of Obscure Results 2023" (not in the venue table)'
    iclr, journal, icml = (
        "arXiv 2301.00011 has since appeared at ICLR 2024, per Semantic Scholar",
        f"arXiv 2301.00013 has since appeared at {unknown}, per Semantic Scholar",
        "arXiv 2301.00002 has since appeared at ICML 2023, per its arXiv journal reference",
    )
    listed = "; listed as arXiv 2023"
    assert [(f.line, f.message) for f in findings] == [
        (1, iclr + listed),
        (3, journal + listed),
        (6, icml + listed),
    ]
    assert [f.fix is not None for f in findings] == [True, False, True]


def test_end_to_end_from_the_command_line_with_remap(
    hosts: tuple[FakeArxiv, FakeSemanticScholar], tmp_path: Path
) -> None:
    arxiv, s2 = hosts
    s2.papers = {"2301.00001": ICLR}
    (tmp_path / "awesomelint.toml").write_text("[links]\nallow-private = true\n")
    listing = tmp_path / "list.md"
    listing.write_text(preprints(["2301.00001", "2301.00003"]))
    remaps = [
        "--remap",
        rf"^https://export\.arxiv\.org/api/query(.*)$ {arxiv.api}$1",
        "--remap",
        rf"^https://api\.semanticscholar\.org/(.*)$ {s2.base}/$1",
    ]
    common = ["--config", str(tmp_path / "awesomelint.toml"), "--select", "VEN003", *remaps]
    common += ["--cache-dir", str(tmp_path / "cache")]
    result = CliRunner().invoke(cli, ["check", *common, str(listing)])
    assert result.exit_code == 0, result.output  # info findings do not fail a run
    assert (
        "list.md:1:20: VEN003" in result.output
        and "VEN003" in result.output
        and "ICLR 2024" in result.output
    )
    result = CliRunner().invoke(cli, ["fix", "--unsafe-fixes", *common, str(listing)])
    assert result.exit_code == 0, result.output
    assert listing.read_text().splitlines()[0] == (
        "- **P2301.00001** [ICLR 2024] [paper](https://arxiv.org/abs/2301.00001)"
    )
    assert len(s2.requests) == 1  # the fix run read the cache


def test_offline_asks_nobody(hosts: tuple[FakeArxiv, FakeSemanticScholar], tmp_path: Path) -> None:
    arxiv, s2 = hosts
    listing = tmp_path / "list.md"
    listing.write_text(preprints(["2301.00001"]))
    result = CliRunner().invoke(cli, ["check", "--offline", "--select", "VEN003", str(listing)])
    assert result.exit_code == 0, result.output
    assert s2.requests == [] and arxiv.requests == []


def test_the_rule_docs_examples_hold_with_facts() -> None:
    assert RULE is not None
    from tests.test_rule_docs import examples

    docs = examples(RULE)
    venue = PaperVenue("2106.15928", ("ICLR",), 2024, "conference", source="Semantic Scholar")
    facts = {"net": NetFacts(venues={"2106.15928": venue})}
    bad = check_documents([parse_text(docs["Bad"], "d.md")], [RULE], facts)
    good = check_documents([parse_text(docs["Good"], "d.md")], [RULE], facts)
    assert [f.code for f in bad] == ["VEN003"] and good == []
