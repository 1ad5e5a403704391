"""Fake arXiv API, GitHub API and ordinary web hosts: real HTTP servers on 127.0.0.1.

Each fake runs a threaded `http.server` on an ephemeral port, records every request it gets
and answers from its own tables, in the shapes DOMAIN.md §1.3, §1.4, §2.2, §2.3 and §2.6
describe.
"""

from __future__ import annotations

import asyncio
import dataclasses as dc
import hashlib
import json
import re
import socket
import ssl
import struct
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from awesomelint.document.model import Document
from awesomelint.document.parse import parse_text
from awesomelint.net import Response
from awesomelint.net.addresses import AddressGuard, Resolver
from awesomelint.net.settings import NetSettings
from awesomelint.net.transport import HttpxTransport, Transport

ATOM_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
)
_WELL_FORMED = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")


@dc.dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)


@dc.dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = dc.field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(
            self.command,
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            body,
            time.monotonic(),
        )
        fake = self.server.fake
        with fake.lock:
            fake.requests.append(seen)
            reply = fake.handle(seen)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            # Raw UTF-8, as some servers send in Location; http.server wants latin-1 text.
            self.send_header(name, value.encode().decode("latin-1"))
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    do_GET = do_POST = do_HEAD = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeServer

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.fake.lock:
            self.fake.connections += 1
        super().process_request(request, client_address)


FakeT = TypeVar("FakeT", bound="FakeServer")


class FakeServer:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.connections = 0
        """TCP connections accepted, whether or not a request followed."""
        self.lock = threading.Lock()
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, seen: Seen) -> Reply:
        raise NotImplementedError

    def paths(self, method: str | None = None) -> list[str]:
        return [s.path for s in self.requests if method is None or s.method == method]


@contextmanager
def running(fake: FakeT, tls: ssl.SSLContext | None = None) -> Iterator[FakeT]:
    """Serve `fake` on 127.0.0.1 (over TLS with `tls`, a server context) until the end."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.fake = fake
    fake.port = server.server_address[1]
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def fake_settings(**changes: Any) -> NetSettings:
    """Settings for talking to the fakes: short timeouts, no proxies, private hosts allowed."""
    base = NetSettings(timeout=2.0, trust_env=False, allow_private=True, retries=2)
    return dc.replace(base, **changes)


def loopback_transport(resolver: Resolver | None = None) -> HttpxTransport:
    """The real transport, allowed to reach the fakes on 127.0.0.1."""
    guard = AddressGuard(resolver, allow_private=True)
    return HttpxTransport(timeout=2.0, user_agent="t", trust_env=False, guard=guard)


class FakeResolver:
    """Names to addresses from a table, instead of DNS; counts every lookup.

    A name may map to several answers in turn (a DNS server rebinding it): each lookup takes
    the next one, and the last one stays.
    """

    def __init__(self, table: Mapping[str, list[str] | list[list[str]]]) -> None:
        self.table = dict(table)
        self.lookups: list[str] = []

    async def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        answers = self.table.get(host)
        if not answers:
            raise OSError(f"{host}: Name or service not known")
        if isinstance(answers[0], list):
            turn = sum(1 for name in self.lookups if name == host) - 1
            return list(answers[min(turn, len(answers) - 1)])
        return [str(address) for address in answers]


class FakeClock:
    """Virtual time: sleeping moves the clock instead of waiting."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds
        await asyncio.sleep(0)


# ---------------------------------------------------------------------------------------------
# arXiv


@dc.dataclass
class Paper:
    title: str
    version: int = 1
    comment: str = ""
    summary: str = "An abstract."
    journal_ref: str = ""
    doi: str = ""


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FakeArxiv(FakeServer):
    def __init__(self, papers: dict[str, Paper] | None = None) -> None:
        super().__init__()
        self.papers = papers or {}
        self.rejected: set[str] = set()
        """Ids the API calls malformed although they look fine (the stricter 2025 backend)."""
        self.empty_calls = 0
        """The next this many queries get an anomalous empty page."""
        self.queued: list[Reply] = []
        """Replies (429, 503, ...) served before anything else, one per request."""
        self.legacy_missing = False
        """Missing ids come back as an entry without <id> (the pre-2025 backend)."""
        self.anonymous_errors = False
        """Error feeds do not name the offending id."""

    @property
    def api(self) -> str:
        return f"{self.base}/api/query"

    def batches(self) -> list[list[str]]:
        out = []
        for seen in self.requests:
            params = seen.query if seen.method == "GET" else parse_qs(seen.body.decode())
            out.append(params.get("id_list", [""])[0].split(","))
        return out

    def handle(self, seen: Seen) -> Reply:
        if not seen.path.startswith("/api/query"):
            return Reply(404)
        if self.queued:
            return self.queued.pop(0)
        params = seen.query if seen.method == "GET" else parse_qs(seen.body.decode())
        ids = [i for i in params.get("id_list", [""])[0].split(",") if i]
        for arxiv_id in ids:
            if arxiv_id in self.rejected or not _WELL_FORMED.fullmatch(arxiv_id):
                return self._feed([self._error(arxiv_id)], status=400)
        max_results = int(params.get("max_results", ["10"])[0])
        if self.empty_calls:
            self.empty_calls -= 1
            return self._feed([])
        entries = []
        for arxiv_id in reversed(ids):  # arXiv does not keep the requested order
            paper = self.papers.get(re.sub(r"v\d+$", "", arxiv_id))
            if paper is not None:
                entries.append(self._entry(re.sub(r"v\d+$", "", arxiv_id), paper))
            elif self.legacy_missing:
                entries.append("<entry><title>Missing</title><summary></summary></entry>")
        return self._feed(entries[:max_results])

    def _entry(self, arxiv_id: str, paper: Paper) -> str:
        comment = f"<arxiv:comment>{_xml(paper.comment)}</arxiv:comment>" if paper.comment else ""
        if paper.journal_ref:
            comment += f"<arxiv:journal_ref>{_xml(paper.journal_ref)}</arxiv:journal_ref>"
        if paper.doi:
            comment += f"<arxiv:doi>{_xml(paper.doi)}</arxiv:doi>"
        return (
            f"<entry><id>http://arxiv.org/abs/{arxiv_id}v{paper.version}</id>"
            f"<title>{_xml(paper.title)}</title><summary>{_xml(paper.summary)}</summary>"
            f"{comment}<published>2020-01-01T00:00:00Z</published>"
            f'<author><name>A. Author</name></author><arxiv:primary_category term="cs.LG"/>'
            f"</entry>"
        )

    def _error(self, arxiv_id: str) -> str:
        summary = "malformed id" if self.anonymous_errors else f"incorrect id format for {arxiv_id}"
        if self.anonymous_errors:
            arxiv_id = "x"
        return (
            f"<entry><id>https://arxiv.org/api/errors#incorrect_id_format_for_{arxiv_id}</id>"
            f"<title>Error</title><summary>{summary}</summary></entry>"
        )

    def _feed(self, entries: list[str], status: int = 200) -> Reply:
        body = (
            ATOM_HEAD
            + "<title>arXiv Query</title><id>https://arxiv.org/api/x</id>"
            + f"<opensearch:totalResults>{len(entries)}</opensearch:totalResults>"
            + "".join(entries)
            + "</feed>"
        )
        headers = {"Content-Type": "application/atom+xml; charset=utf-8"}
        return Reply(status, body.encode(), headers)


# ---------------------------------------------------------------------------------------------
# GitHub


@dc.dataclass
class Repo:
    id: int
    full_name: str
    archived: bool = False


class FakeGitHub(FakeServer):
    def __init__(self, repos: list[Repo] | None = None) -> None:
        super().__init__()
        self.repos = {repo.full_name.lower(): repo for repo in repos or []}
        self.renamed: dict[str, int] = {}
        """Old lower-case "owner/name" -> the id of the repository it now is."""
        self.elsewhere: dict[str, str] = {}
        """Lower-case "owner/name" -> an absolute URL on another host to redirect to."""
        self.blocked: set[str] = set()
        self.remaining = 60
        self.token = "secret-token"
        self.graphql_down = False

    def _rate(self) -> dict[str, str]:
        return {
            "x-ratelimit-limit": "60",
            "x-ratelimit-remaining": str(self.remaining),
            "x-ratelimit-reset": "1767225600",
            "x-ratelimit-resource": "core",
            "Content-Type": "application/json; charset=utf-8",
        }

    def _json(self, status: int, value: object, **headers: str) -> Reply:
        return Reply(status, json.dumps(value).encode(), {**self._rate(), **headers})

    def handle(self, seen: Seen) -> Reply:
        if "user-agent" not in seen.headers:
            return self._json(403, {"message": "Request forbidden by administrative rules."})
        if seen.path == "/graphql" and seen.method == "POST":
            return Reply(502) if self.graphql_down else self._graphql(seen)
        by_id = re.fullmatch(r"/repositories/(\d+)", seen.path)
        by_name = re.fullmatch(r"/repos/([^/]+)/([^/]+)", seen.path)
        if not (by_id or by_name):
            return self._json(404, {"message": "Not Found"})
        if self.remaining <= 0:
            message = "API rate limit exceeded for 203.0.113.10."
            return self._json(403, {"message": message})
        if by_id:
            found = [r for r in self.repos.values() if r.id == int(by_id[1])]
            return self._repo(seen, found[0] if found else None)
        key = f"{by_name[1]}/{by_name[2]}".lower() if by_name else ""
        return self._by_name(seen, key)

    def _by_name(self, seen: Seen, key: str) -> Reply:
        if key in self.elsewhere:
            return self._json(301, {"message": "Moved Permanently"}, Location=self.elsewhere[key])
        if key in self.renamed:
            self.remaining -= 1
            url = f"{self.base}/repositories/{self.renamed[key]}"
            return self._json(301, {"message": "Moved Permanently", "url": url}, Location=url)
        if key in self.blocked:
            self.remaining -= 1
            return self._json(
                451, {"message": "Repository access blocked", "block": {"reason": "dmca"}}
            )
        return self._repo(seen, self.repos.get(key))

    def _repo(self, seen: Seen, repo: Repo | None) -> Reply:
        if repo is None:
            self.remaining -= 1
            return self._json(404, {"message": "Not Found", "status": "404"})
        value = {
            "id": repo.id,
            "full_name": repo.full_name,
            "name": repo.full_name.split("/")[1],
            "archived": repo.archived,
            "private": False,
            "html_url": f"https://github.com/{repo.full_name}",
        }
        etag = 'W/"' + hashlib.sha1(json.dumps(value).encode()).hexdigest() + '"'
        if seen.headers.get("if-none-match") == etag:
            return Reply(304, b"", {**self._rate(), "etag": etag})  # costs nothing
        self.remaining -= 1
        return self._json(200, value, etag=etag)

    def _graphql(self, seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Bearer {self.token}":
            return self._json(401, {"message": "This endpoint requires you to be authenticated."})
        query = json.loads(seen.body)["query"]
        data: dict[str, Any] = {}
        errors = []
        for alias, owner, name in re.findall(
            r'(\w+): repository\(owner: "([^"]*)", name: "([^"]*)"\)', query
        ):
            key = f"{owner}/{name}".lower()
            repo = self.repos.get(key)
            if repo is None and key in self.renamed:
                repo = next(r for r in self.repos.values() if r.id == self.renamed[key])
            if repo is None:
                data[alias] = None
                message = f"Could not resolve to a Repository with the name '{owner}/{name}'."
                errors.append({"type": "NOT_FOUND", "path": [alias], "message": message})
            else:
                data[alias] = {"nameWithOwner": repo.full_name, "isArchived": repo.archived}
        data["rateLimit"] = {"remaining": 4999}
        body: dict[str, Any] = {"data": data}
        if errors:
            body["errors"] = errors
        return self._json(200, body)


# ---------------------------------------------------------------------------------------------
# Semantic Scholar


def s2_paper(
    name: str = "",
    alternates: tuple[str, ...] = (),
    kind: str | None = "conference",
    year: int | None = 2024,
    *,
    venue: str | None = None,
    journal: str | None = None,
    doi: str | None = None,
) -> dict[str, Any]:
    """A Graph API paper record with the batch fields; no `name` means no publication venue."""
    record: dict[str, Any] = {
        "paperId": hashlib.sha1(f"{name}{year}".encode()).hexdigest(),
        "externalIds": {"ArXiv": "x", **({"DOI": doi} if doi else {})},
        "venue": name if venue is None else venue,
        "publicationVenue": (
            {"id": "v", "name": name, "type": kind, "alternate_names": list(alternates)}
            if name
            else None
        ),
        "year": year,
        "journal": {"name": journal} if journal else None,
        "publicationTypes": ["Conference"] if kind == "conference" else ["JournalArticle"],
    }
    return record


class FakeSemanticScholar(FakeServer):
    """`POST /graph/v1/paper/batch?fields=...` with `{"ids": ["ARXIV:..."]}`: a JSON list
    aligned with the ids, null for ids it does not know; more than 500 ids is a 400."""

    def __init__(self, papers: Mapping[str, object] | None = None) -> None:
        super().__init__()
        self.papers = dict(papers or {})
        """arXiv id -> the record to answer (any JSON value: a malformed one too)."""
        self.queued: list[Reply] = []

    @property
    def api(self) -> str:
        return f"{self.base}/graph/v1/paper/batch"

    def batches(self) -> list[list[str]]:
        return [json.loads(seen.body)["ids"] for seen in self.requests if seen.method == "POST"]

    def _json(self, status: int, value: object) -> Reply:
        return Reply(status, json.dumps(value).encode(), {"Content-Type": "application/json"})

    def handle(self, seen: Seen) -> Reply:
        if urlsplit(seen.path).path != "/graph/v1/paper/batch" or seen.method != "POST":
            return self._json(404, {"error": "Not found"})
        if self.queued:
            return self.queued.pop(0)
        try:
            ids = json.loads(seen.body)["ids"]
        except (ValueError, KeyError, TypeError):
            return self._json(400, {"error": "Unacceptable request body"})
        if len(ids) > 500:
            return self._json(400, {"error": "Response would exceed maximum size..."})
        answer = [
            self.papers.get(paper_id.removeprefix("ARXIV:"))
            if paper_id.startswith("ARXIV:")
            else None
            for paper_id in ids
        ]
        return self._json(200, answer)


# ---------------------------------------------------------------------------------------------
# Ordinary hosts


class FakeHost(FakeServer):
    """Paths say what they do: /ok, /missing (404), /gone (410), /busy (429), /down (503),
    /slow, /reset, /nohead (HEAD 405), /head404 (HEAD lies), /moved (301 to /ok), /loop,
    /redirect?to=URL (302 to URL). As a proxy it answers for any host the same way."""

    def __init__(self) -> None:
        super().__init__()
        self.flaky = 0
        """/flaky answers 503 this many times, then 200."""

    def handle(self, seen: Seen) -> Reply:
        path = urlsplit(seen.path).path
        head = seen.method == "HEAD"
        fixed = {
            "/ok": Reply(200, b"hello"),
            "/missing": Reply(404, b"not here"),
            "/gone": Reply(410),
            "/busy": Reply(429, headers={"Retry-After": "5"}),
            "/down": Reply(503),
            "/slow": Reply(200, delay=1.5),
            "/reset": Reply(0, reset=True),
            "/nohead": Reply(405) if head else Reply(200, b"ok"),
            "/head404": Reply(404) if head else Reply(200, b"ok"),
            "/moved": Reply(301, headers={"Location": "/ok"}),
            "/loop": Reply(302, headers={"Location": "/loop"}),
        }
        if path == "/redirect":
            target = parse_qs(urlsplit(seen.path).query)["to"][0]
            return Reply(302, headers={"Location": target})
        if path == "/flaky":
            if self.flaky:
                self.flaky -= 1
                return Reply(503)
            return Reply(200)
        return fixed.get(path, Reply(404))


def parse_docs(*texts: str) -> list[Document]:
    return [parse_text(text, f"doc{i}.md").document for i, text in enumerate(texts)]


class Recording:
    """A transport wrapper that notes the (virtual) time and headers of every request."""

    def __init__(self, inner: Transport, clock: FakeClock) -> None:
        self.inner = inner
        self.clock = clock
        self.calls: list[tuple[float, str, str, dict[str, str]]] = []

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: object | None = None,
        max_body: int = 0,
    ) -> Response:
        self.calls.append((self.clock.now(), method, url, dict(headers or {})))
        return await self.inner.request(
            method, url, headers=headers, data=data, json=json, max_body=max_body
        )

    async def aclose(self) -> None:
        await self.inner.aclose()
