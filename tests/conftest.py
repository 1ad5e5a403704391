"""Test-wide guard: no test reaches beyond this machine.

Network code is tested against servers the tests start on 127.0.0.1; any attempt to resolve or
connect to another host fails at once, as it would with no network, so a test that forgets
`--offline` still never touches the internet.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# `--hypothesis-profile=ci-fuzz`: the property tests marked `fuzz` at scale (4 of them,
# 7,000 examples each; 3 without the corpus of real lists), run by hand (README
# "Robustness"). Derandomized, so that every run draws the same examples and a red run means
# a change broke something; `fuzz-explore` draws new examples each time, for hunting bugs.
# The default profile keeps `pytest` fast.
_AT_SCALE: dict[str, Any] = {
    "max_examples": 7000,
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("ci-fuzz", derandomize=True, database=None, **_AT_SCALE)
settings.register_profile("fuzz-explore", **_AT_SCALE)
# CI (`CI` set, as `.ci/run` runs) draws the same few examples on every run, so that a red run
# is a change's doing; a developer's `pytest` draws new ones each time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hypothesis_profile", None) == "ci-fuzz":
        _no_constants_from_our_source()


def _no_constants_from_our_source() -> None:
    """Derandomized runs draw the same examples wherever they run.

    Hypothesis also draws literals it reads from the source of the project modules loaded so
    far, when they are not in site-packages: an editable install and CI's `pip install .`
    would draw different examples, and so would two runs that imported different modules
    before the property ran, or a change to any literal in src/. The pool stays empty for
    ci-fuzz. (The strategies keep their part too: see `inline_pieces` in list_shapes.py.)
    """
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    if callable(getattr(providers, "_get_local_constants", None)):
        empty = Constants()
        providers._get_local_constants = lambda: empty


_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", ""})


def _is_local(host: Any) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str) or host in _LOCAL_NAMES:
        return host in _LOCAL_NAMES
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkBlocked(OSError):
    pass


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local(host):
            raise socket.gaierror(socket.EAI_NONAME, f"tests may not resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and not _is_local(address[0]):
            raise NetworkBlocked(f"tests may not connect to {address[0]!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and not _is_local(address[0]):
            raise NetworkBlocked(f"tests may not connect to {address[0]!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
