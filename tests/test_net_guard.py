"""The address guard: host spellings, address judgement, and refusals that make no connection.

Every refusal here is checked against a recording server on 127.0.0.1 that counts the TCP
connections it accepts: a refused link leaves it at 0. Names are resolved by a fake resolver
(`FakeResolver`), never by DNS or /etc/hosts.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.net import LinkState, NetFacts
from awesomelint.net.addresses import (
    AddressGuard,
    canonical_host,
    is_public,
    literal_address,
    spelling_problem,
)
from awesomelint.net.gather import gather_facts
from awesomelint.net.remap import parse_remap
from awesomelint.net.settings import NetSettings
from awesomelint.net.transport import HttpxTransport
from tests.net_servers import (
    FakeArxiv,
    FakeClock,
    FakeGitHub,
    FakeHost,
    FakeResolver,
    fake_settings,
    parse_docs,
    running,
)


@pytest.fixture
def host() -> Iterator[FakeHost]:
    with running(FakeHost()) as fake:
        yield fake


def guarded(resolver: FakeResolver | None = None, **guard: object) -> HttpxTransport:
    return HttpxTransport(
        timeout=2.0,
        user_agent="t",
        trust_env=False,
        guard=AddressGuard(resolver, **guard),  # type: ignore[arg-type]
    )


def check(
    markdown: str, transport: HttpxTransport | None, settings: NetSettings | None = None
) -> NetFacts:
    settings = settings or fake_settings(allow_private=False)
    return gather_facts(parse_docs(markdown), settings, transport=transport, clock=FakeClock())


# ---------------------------------------------------------------------------------------------
# Spellings and addresses, without a server

LOOPBACK_SPELLINGS = [
    "2130706433",
    "0x7f000001",
    "0X7F000001",
    "127.1",
    "127.0.1",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0x7f.1",
    "127.0.0.1.",
    "017700000001",
]
METADATA_SPELLINGS = ["169.254.169.254", "2852039166", "0xa9fea9fe", "0251.0376.0251.0376"]


@pytest.mark.parametrize("spelling", LOOPBACK_SPELLINGS + METADATA_SPELLINGS)
def test_ipv4_spellings_are_read_as_the_system_resolver_reads_them(spelling: str) -> None:
    expected = ipaddress.IPv4Address(socket.inet_aton(spelling.removesuffix(".")))
    assert literal_address(canonical_host(spelling)) == expected
    assert spelling_problem(spelling) == "private address"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("127。0。0。1", "127.0.0.1"),  # ideographic full stops
        ("127\uff0e0\uff0e0\uff0e1", "127.0.0.1"),  # full-width full stops
        ("\uff11\uff12\uff17.\uff10.\uff10.\uff11", "127.0.0.1"),  # full-width digits
        ("\uff10x7f.1", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("LOCALHOST.", "localhost"),
        ("Bücher.example", "xn--bcher-kva.example"),
        ("api.github.com", "api.github.com"),
    ],
)
def test_hosts_are_normalised_before_they_are_judged(spelling: str, canonical: str) -> None:
    assert canonical_host(spelling) == canonical
    public = canonical in {"api.github.com", "xn--bcher-kva.example"}
    assert spelling_problem(spelling) == (None if public else "private address")


@pytest.mark.parametrize("spelling", ["1.2.3.4.5", "256.0.0.1", "1.2.3.0x100", "127..1"])
def test_hosts_ending_in_a_number_must_be_valid_ipv4(spelling: str) -> None:
    with pytest.raises(ValueError):
        literal_address(spelling)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",  # shared address space (CGNAT)
        "100.127.255.254",
        "0.0.0.0",
        "192.0.2.1",  # documentation
        "224.0.0.251",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",  # unique local
        "fd12:3456::1",
        "fec0::1",  # site local
        "ff02::1",
        "::ffff:10.0.0.1",  # IPv4-mapped private
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    ],
)
def test_non_public_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "140.82.112.6", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


# ---------------------------------------------------------------------------------------------
# Refusals against a recording server: no connection at all


def test_loopback_in_any_spelling_is_never_connected_to(host: FakeHost) -> None:
    spellings = [*LOOPBACK_SPELLINGS, "127。0。0。1", "[::ffff:127.0.0.1]", "0", "localhost"]
    text = "".join(f"- [l{i}](http://{s}:{host.port}/ok)\n" for i, s in enumerate(spellings))
    facts = check(text, guarded(FakeResolver({"localhost": ["127.0.0.1"]})))
    assert host.connections == 0 and facts.links == {}
    assert facts.notes[0].startswith(f"{len(spellings)} links not fetched (private address): ")
    assert not any(s.state is LinkState.BROKEN for s in facts.links.values())


def test_names_resolving_to_private_addresses_are_refused_before_connecting(
    host: FakeHost,
) -> None:
    resolver = FakeResolver(
        {
            "intranet.example": ["127.0.0.1"],
            "mixed.example": ["8.8.8.8", "127.0.0.1"],  # one bad address is enough
            "metadata.example": ["169.254.169.254"],
            "v6.example": ["::ffff:127.0.0.1"],
        }
    )
    names = sorted(resolver.table)
    text = "".join(f"- [{n}](http://{n}:{host.port}/ok)\n" for n in names)
    facts = check(text, guarded(resolver))
    assert host.connections == 0 and facts.links == {}
    named = ", ".join(f"http://{n}:{host.port}/ok" for n in names[:3])
    assert facts.notes == (f"4 links not fetched (private address): {named} and 1 more",)


def test_the_checked_address_is_connected_to_and_the_host_name_kept(host: FakeHost) -> None:
    resolver = FakeResolver({"intranet.example": ["127.0.0.1"]})
    url = f"http://intranet.example:{host.port}/ok"
    facts = check(f"- [a]({url})\n", guarded(resolver, allow_private=True), fake_settings())
    assert facts.links[url].state is LinkState.OK
    assert host.requests[0].headers["host"] == f"intranet.example:{host.port}"
    assert resolver.lookups == ["intranet.example"]


def test_a_name_is_resolved_once_so_rebinding_it_gains_nothing(host: FakeHost) -> None:
    # Public for the check, loopback for a second lookup that never comes.
    resolver = FakeResolver({"rebind.example": [["8.8.8.8"], ["127.0.0.1"]]})
    url = f"http://rebind.example:{host.port}/ok"
    facts = check(f"- [a]({url})\n", guarded(resolver))
    assert host.connections == 0
    assert resolver.lookups == ["rebind.example"]
    assert facts.links[url].state is LinkState.UNCHECKED  # the test machine has no internet


def test_redirects_to_private_addresses_are_not_followed(host: FakeHost) -> None:
    with running(FakeHost()) as inside:
        resolver = FakeResolver(
            {"public.example": ["127.0.0.1"], "intranet.example": ["127.0.0.1"]}
        )
        targets = [
            f"http://2130706433:{inside.port}/ok",
            f"http://0x7f000001:{inside.port}/ok",
            f"http://127.1:{inside.port}/ok",
            f"http://[::1]:{inside.port}/ok",
            f"http://intranet.example:{inside.port}/ok",
            "http://169.254.169.254/latest/meta-data/",
            "http://0xa9fea9fe/latest/meta-data/",
            f"http://127。0。0。1:{inside.port}/ok",
        ]
        # The first hop is allowed (a trusted name standing in for a public host).
        links = "".join(
            f"- [r{i}](http://public.example:{host.port}/redirect?to={t})\n"
            for i, t in enumerate(targets)
        )
        transport = guarded(resolver, trusted_hosts={"public.example"})
        facts = check(links, transport)
    assert inside.connections == 0
    assert len(host.requests) == len(targets)
    assert {(s.state, s.reason) for s in facts.links.values()} == {
        (LinkState.UNCHECKED, "redirect to private address")
    }


def test_a_remap_to_a_private_address_is_refused(host: FakeHost) -> None:
    # A remap may come from the repository's configuration: its target is judged too.
    remap = parse_remap(rf"^https://example\.org/(.*)$ {host.base}/$1")
    settings = fake_settings(allow_private=False, remaps=(remap,))
    for transport in (guarded(), None):  # None: the transport a run builds from its settings
        facts = check("- [a](https://example.org/ok)\n", transport, settings)
        assert host.connections == 0 and facts.links == {}
        assert facts.notes == ("1 link not fetched (private address): https://example.org/ok",)


def test_the_arxiv_api_on_a_private_address_is_refused() -> None:
    with running(FakeArxiv()) as arxiv:
        settings = fake_settings(allow_private=False, arxiv_api=arxiv.api)
        facts = check("- [p](https://arxiv.org/abs/1706.03762)\n", guarded(), settings)
    assert arxiv.connections == 0 and facts.arxiv == {}
    assert facts.notes == ("1 arXiv id could not be checked (1 private address)",)


def test_github_api_redirects_are_judged_like_any_other_hop() -> None:
    with running(FakeGitHub()) as github, running(FakeHost()) as inside:
        github.elsewhere["moved/away"] = f"http://intranet.example:{inside.port}/ok"
        resolver = FakeResolver({"api.test": ["127.0.0.1"], "intranet.example": ["127.0.0.1"]})
        api = f"http://api.test:{github.port}"
        settings = fake_settings(allow_private=False, github_api=api)
        transport = guarded(resolver, trusted_hosts={"api.test"})
        facts = check("- [g](https://github.com/moved/away)\n", transport, settings)
    assert github.paths() == ["/repos/moved/away"]
    assert inside.connections == 0 and facts.github == {}
    assert facts.notes == ("1 GitHub repository could not be checked (1 private address)",)


def test_allow_private_reaches_an_intranet_list(host: FakeHost) -> None:
    resolver = FakeResolver({"wiki.corp": ["10.0.0.8"]})
    text = f"- [a]({host.base}/ok) [b](http://2130706433:{host.port}/missing)\n"
    facts = check(text, guarded(resolver, allow_private=True), fake_settings())
    assert {s.state for s in facts.links.values()} == {LinkState.OK, LinkState.BROKEN}


def test_a_proxy_is_connected_to_but_private_targets_behind_it_are_not(
    host: FakeHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", host.base)  # the operator's proxy, on loopback
    monkeypatch.setenv("http_proxy", host.base)
    resolver = FakeResolver({"intranet.example": ["10.0.0.8"], "public.example": ["8.8.8.8"]})
    transport = HttpxTransport(
        timeout=2.0, user_agent="t", trust_env=True, guard=AddressGuard(resolver)
    )
    text = "- [a](http://intranet.example/ok) [b](http://public.example/ok)\n"
    facts = check(text, transport)
    assert [s.path for s in host.requests] == ["http://public.example/ok"]
    assert facts.links["http://public.example/ok"].state is LinkState.OK
    assert "http://intranet.example/ok" not in facts.links
    assert facts.notes == ("1 link not fetched (private address): http://intranet.example/ok",)


# ---------------------------------------------------------------------------------------------
# TLS: the connection goes to the checked address, the certificate is checked for the name


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test CA and a certificate it signed for secure.example (EC keys: quick to make)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl(
        "req", "-x509", *ec, "-keyout", folder / "ca.key", "-out", folder / "ca.pem",
        "-days", "2", "-subj", "/CN=awesomelint test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign",
    )  # fmt: skip
    _openssl(
        "req", *ec, "-keyout", folder / "leaf.key", "-out", folder / "leaf.csr",
        "-subj", "/CN=secure.example",
    )  # fmt: skip
    (folder / "san.txt").write_text("subjectAltName=DNS:secure.example\n")
    _openssl(
        "x509", "-req", "-in", folder / "leaf.csr", "-CA", folder / "ca.pem",
        "-CAkey", folder / "ca.key", "-CAcreateserial", "-out", folder / "leaf.pem",
        "-days", "2", "-extfile", folder / "san.txt",
    )  # fmt: skip
    return folder


def test_tls_is_verified_for_the_name_while_connecting_to_the_checked_address(
    certificates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates / "ca.pem"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates / "leaf.pem", certificates / "leaf.key")
    resolver = FakeResolver({"secure.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    guard = AddressGuard(resolver, allow_private=True)
    with running(FakeHost(), tls=context) as host:
        good = f"https://secure.example:{host.port}/ok"
        wrong = f"https://other.example:{host.port}/ok"  # same address, not its certificate
        transport = HttpxTransport(timeout=2.0, user_agent="t", trust_env=True, guard=guard)
        facts = check(f"- [a]({good}) [b]({wrong})\n", transport, fake_settings())
    assert facts.links[good].state is LinkState.OK
    assert host.requests[0].headers["host"] == f"secure.example:{host.port}"
    assert facts.links[wrong].state is LinkState.UNCHECKED
    assert len(host.requests) == 1
