"""Where GITHUB_TOKEN may go: the GitHub API the operator names, over https, and nowhere else.

Recording servers keep every request's headers: the token must arrive where the operator
sent it and never at a host a configuration file, a remap or a redirect names.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.net import NetFacts
from awesomelint.net.addresses import AddressGuard
from awesomelint.net.gather import gather_facts
from awesomelint.net.remap import parse_remap
from awesomelint.net.settings import NetSettings
from awesomelint.net.transport import HttpxTransport
from awesomelint.netwire import NetOptions, net_settings
from awesomelint.rules import ALL_RULES
from tests.net_servers import (
    FakeClock,
    FakeGitHub,
    FakeResolver,
    Repo,
    fake_settings,
    parse_docs,
    running,
)

TOKEN = "secret-token"
DOC = "- [r](https://github.com/octocat/Hello-World)\n"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running(FakeGitHub([Repo(1, "octocat/Hello-World")])) as fake:
        yield fake


@pytest.fixture
def other() -> Iterator[FakeGitHub]:
    """Another host that answers like the GitHub API and notes what it is sent."""
    with running(FakeGitHub([Repo(1, "octocat/Hello-World")])) as fake:
        yield fake


@pytest.fixture(autouse=True)
def _token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.delenv("AWESOMELINT_GITHUB_API", raising=False)


def authorised(fake: FakeGitHub) -> list[str]:
    return [s.path for s in fake.requests if "authorization" in s.headers]


def from_config(links: Mapping[str, Any], flags: NetOptions | None = None) -> NetSettings:
    """Settings as a run builds them from a configuration's [links] table and the flags."""
    settings = net_settings(ALL_RULES, links, flags or NetOptions(no_cache=True))
    return dc.replace(settings, trust_env=False, timeout=2.0)


def gather(settings: NetSettings) -> NetFacts:
    return gather_facts(parse_docs(DOC), settings, clock=FakeClock())


def test_the_operators_api_gets_the_token(github: FakeGitHub) -> None:
    # Named on the command line, on loopback, without allow-private: the operator's own.
    facts = gather(from_config({}, NetOptions(no_cache=True, github_api=github.base)))
    assert github.paths() == ["/graphql"] and authorised(github) == ["/graphql"]
    assert facts.github["octocat/hello-world"].full_name == "octocat/Hello-World"
    assert facts.notes == ()


def test_the_environment_names_the_operators_api_too(
    github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWESOMELINT_GITHUB_API", github.base)
    gather(from_config({"github-api": "https://ignored.example"}))
    assert authorised(github) == ["/graphql"]


def test_an_api_named_by_the_configuration_never_gets_the_token(other: FakeGitHub) -> None:
    facts = gather(from_config({"github-api": other.base, "allow-private": True}))
    assert other.paths() == ["/repos/octocat/Hello-World"]  # asked, anonymously
    assert authorised(other) == []
    assert facts.github["octocat/hello-world"].full_name == "octocat/Hello-World"
    assert facts.notes == (
        (
            f"GITHUB_TOKEN not sent: 127.0.0.1:{other.port} is not the GitHub API it may go to "
            "(api.github.com; --github-api or AWESOMELINT_GITHUB_API name another)"
        ),
    )


def test_a_remap_of_the_api_in_the_configuration_never_gets_the_token(
    other: FakeGitHub,
) -> None:
    remap = rf"^https://api\.github\.com/(.*)$ {other.base}/$1"
    facts = gather(from_config({"remap": [remap], "allow-private": True}))
    assert other.paths() == ["/repos/octocat/Hello-World"] and authorised(other) == []
    assert facts.notes == (
        f"GITHUB_TOKEN not sent: a remap sends the GitHub API requests to 127.0.0.1:{other.port}",
    )


def test_a_remap_moving_part_of_the_api_drops_the_token_there(
    github: FakeGitHub, other: FakeGitHub
) -> None:
    remaps = (
        parse_remap(rf"^{github.base}/graphql$ {other.base}/graphql"),
        parse_remap(rf"^{github.base}/repos/octocat/(.*)$ {other.base}/repos/octocat/$1"),
    )
    settings = fake_settings(
        github_api=github.base, github_token_api=github.base, github_token=TOKEN, remaps=remaps
    )
    text = DOC + "- [s](https://github.com/someone/else)\n"
    gather_facts(parse_docs(text), settings, clock=FakeClock())
    assert other.paths() == ["/repos/octocat/Hello-World"] and authorised(other) == []
    assert authorised(github) == ["/repos/someone/else"]  # REST: GraphQL went elsewhere


def test_the_token_never_goes_over_plain_http_to_another_machine(github: FakeGitHub) -> None:
    api = f"http://ghe.example:{github.port}"  # the operator's, but not over https
    settings = fake_settings(github_api=api, github_token_api=api, github_token=TOKEN)
    guard = AddressGuard(FakeResolver({"ghe.example": ["127.0.0.1"]}), allow_private=True)
    transport = HttpxTransport(timeout=2.0, user_agent="t", trust_env=False, guard=guard)
    facts = gather_facts(parse_docs(DOC), settings, transport=transport, clock=FakeClock())
    assert github.paths() == ["/repos/octocat/Hello-World"] and authorised(github) == []
    assert facts.notes == (
        f"GITHUB_TOKEN not sent: ghe.example:{github.port} is not reached over https",
    )


def test_a_pull_request_editing_pyproject_does_not_receive_the_token(
    github: FakeGitHub, other: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.awesomelint.links]\ngithub-api = "{other.base}"\nallow-private = true\n'
        f'remap = ["^https://api\\\\.github\\\\.com/(.*)$ {other.base}/$1"]\n'
    )
    (tmp_path / "list.md").write_text("# List\n\n" + DOC)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--select", "NET004", "--no-cache", "--output-format", "concise", "list.md"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert other.requests and authorised(other) == []
    # The operator names the API on the command line: now the token goes, there only.
    result = CliRunner().invoke(cli, [*args, "--github-api", github.base])
    assert result.exit_code == 0, result.output
    assert authorised(github) == ["/graphql"] and authorised(other) == []


def test_a_github_api_that_is_not_a_url_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["check", "--github-api", "ftp://x", "README.md"])
    assert result.exit_code == 2
    assert "--github-api: expected an http(s) URL, got 'ftp://x'" in result.output
