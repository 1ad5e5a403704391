"""The GitHub client against a fake GitHub API: REST, ETags, renames, GraphQL, rate limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.net import NetFacts, RepoStatus
from awesomelint.net.gather import gather_facts
from awesomelint.net.remap import parse_remap
from awesomelint.net.settings import NetSettings
from tests.net_servers import (
    FakeClock,
    FakeGitHub,
    FakeHost,
    Repo,
    fake_settings,
    parse_docs,
    running,
)

TOKEN = "secret-token"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    repos = [
        Repo(1, "TransformerLensOrg/TransformerLens"),
        Repo(2, "openai/old-thing", archived=True),
        Repo(3, "octocat/Hello-World"),
    ]
    with running(FakeGitHub(repos)) as fake:
        fake.renamed["neelnanda-io/transformerlens"] = 1
        yield fake


def doc_for(*repos: str) -> str:
    return "".join(f"- [{r}](https://github.com/{r})\n" for r in repos)


def check(github: FakeGitHub, *repos: str, **changes: object) -> NetFacts:
    # The tests are the operator here: they name the fake API as the token's API.
    settings = fake_settings(github_api=github.base, github_token_api=github.base, **changes)
    return gather_facts(parse_docs(doc_for(*repos)), settings, clock=FakeClock())


def statuses(facts: NetFacts) -> dict[str, str]:
    return {key: record.status.value for key, record in facts.github.items()}


def test_rest_finds_renamed_missing_archived_and_blocked_repositories(
    github: FakeGitHub,
) -> None:
    github.blocked.add("evil/dmca")
    facts = check(
        github,
        "neelnanda-io/TransformerLens",
        "openai/old-thing",
        "does-not/exist",
        "OCTOCAT/hello-world",
        "evil/dmca",
    )
    assert statuses(facts) == {
        "neelnanda-io/transformerlens": "moved",
        "openai/old-thing": "ok",
        "does-not/exist": "not-found",
        "octocat/hello-world": "ok",
        "evil/dmca": "blocked",
    }
    moved = facts.github["neelnanda-io/transformerlens"]
    assert moved.full_name == "TransformerLensOrg/TransformerLens"
    assert facts.github["openai/old-thing"].archived
    assert "/repositories/1" in github.paths()
    assert all(s.headers.get("user-agent") for s in github.requests)
    assert all("authorization" not in s.headers for s in github.requests)


def test_deep_links_check_their_repository(github: FakeGitHub) -> None:
    text = "- [x](https://github.com/octocat/Hello-World/blob/main/README.md)\n"
    facts = gather_facts(parse_docs(text), fake_settings(github_api=github.base), clock=FakeClock())
    assert statuses(facts) == {"octocat/hello-world": "ok"}


def test_an_expired_cache_entry_is_revalidated_with_its_etag_for_free(
    github: FakeGitHub, tmp_path: Path
) -> None:
    check(github, "octocat/Hello-World", cache_dir=tmp_path)
    assert check(github, "octocat/Hello-World", cache_dir=tmp_path).requests == 0
    left = github.remaining
    facts = check(github, "octocat/Hello-World", cache_dir=tmp_path, ttl_good=0)
    last = github.requests[-1]
    assert last.headers.get("if-none-match", "").startswith('W/"')
    assert github.remaining == left  # a 304 costs no rate limit
    assert facts.requests == 1 and statuses(facts) == {"octocat/hello-world": "ok"}


def test_answers_from_another_api_are_not_served_from_the_cache(
    github: FakeGitHub, tmp_path: Path
) -> None:
    with running(FakeGitHub([])) as mirror:
        facts = check(mirror, "octocat/Hello-World", cache_dir=tmp_path)
        assert statuses(facts) == {"octocat/hello-world": "not-found"}
    facts = check(github, "octocat/Hello-World", cache_dir=tmp_path)
    assert facts.requests == 1 and statuses(facts) == {"octocat/hello-world": "ok"}


def test_an_exhausted_rate_limit_stops_the_asking_and_says_so(github: FakeGitHub) -> None:
    github.remaining = 2
    repos = [f"someone/repo{i}" for i in range(6)]
    facts = check(github, *repos)
    assert len(github.requests) <= 4
    assert len(facts.github) == 2
    assert facts.notes == ("GitHub rate limit reached: 4 repositories unchecked; set GITHUB_TOKEN",)


def test_graphql_batches_of_100_with_a_token(github: FakeGitHub) -> None:
    repos = [f"someone/repo{i}" for i in range(150)]
    repos += ["neelnanda-io/TransformerLens", "openai/old-thing"]
    facts = check(github, *repos, github_token=TOKEN)
    assert github.paths() == ["/graphql", "/graphql"]
    assert all(s.headers["authorization"] == f"Bearer {TOKEN}" for s in github.requests)
    assert facts.github["neelnanda-io/transformerlens"].status is RepoStatus.MOVED
    assert facts.github["openai/old-thing"].archived
    assert facts.github["someone/repo7"].status is RepoStatus.NOT_FOUND
    assert len(facts.github) == 152


def test_a_refused_token_falls_back_to_rest_without_it(github: FakeGitHub) -> None:
    facts = check(github, "octocat/Hello-World", github_token="wrong")
    assert github.paths() == ["/graphql", "/repos/octocat/Hello-World"]
    assert "authorization" not in github.requests[1].headers
    assert statuses(facts) == {"octocat/hello-world": "ok"}
    assert facts.notes[0].startswith("GITHUB_TOKEN was refused")


def test_the_token_never_follows_a_redirect_to_another_host(github: FakeGitHub) -> None:
    with running(FakeHost()) as other:
        github.elsewhere["moved/away"] = f"{other.base}/ok"
        github.graphql_down = True  # so that REST, which follows redirects, is used
        check(github, "moved/away", github_token=TOKEN)
        rest = [s for s in github.requests if s.path.startswith("/repos/")]
        assert rest and rest[0].headers["authorization"] == f"Bearer {TOKEN}"
        assert other.requests and all("authorization" not in s.headers for s in other.requests)


def test_api_base_and_remap_reach_an_enterprise_style_endpoint(github: FakeGitHub) -> None:
    remap = parse_remap(rf"^https://api\.github\.com/(.*)$ {github.base}/$1")
    settings = fake_settings(remaps=(remap,))
    facts = gather_facts(parse_docs(doc_for("octocat/Hello-World")), settings, clock=FakeClock())
    assert statuses(facts) == {"octocat/hello-world": "ok"}
    enterprise = NetSettings(github_api="https://ghe.example/api/v3")
    assert enterprise.graphql_url == "https://ghe.example/api/graphql"
