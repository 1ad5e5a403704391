"""Asking the arXiv API about ids: batches, pacing, 400 isolation, second opinions on misses."""

from __future__ import annotations

import dataclasses as dc
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import urlencode

from awesomelint.knowledge.urls import parse_arxiv_id_loose
from awesomelint.net import ArxivRecord, Response, TransportError
from awesomelint.net.cache import FLAG, OPTIONAL_WHOLE, TEXT, Cache, fields
from awesomelint.net.pacing import HostGate
from awesomelint.net.session import Session, reason_of, summarise
from awesomelint.net.settings import HostLimit

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ABS_PREFIX = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/abs/", re.IGNORECASE)
_BAD_ID = re.compile(r"incorrect[ _]id[ _]format[ _]for[ _](?P<id>\S+)", re.IGNORECASE)
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)
_WITHDRAWN_ABSTRACT = re.compile(
    r"^\W*(?:this|the) (?:paper|article|submission|manuscript|version) (?:has been|is|was) "
    r"(?:\w+ )?withdrawn",
    re.IGNORECASE,
)
# A GET URL longer than this goes as a POST form (arxiv.py issues #15 and PR #209: 414s).
MAX_GET_URL = 2000
_MAX_BODY = 20_000_000
_KIND = "arxiv"
_ROW = {
    "id": TEXT,
    "found": FLAG,
    "title": TEXT,
    "version": OPTIONAL_WHOLE,
    "withdrawn": FLAG,
    "comment": TEXT,
    "reason": TEXT,
    "journal_ref": TEXT,
    "doi": TEXT,
}


@dc.dataclass(frozen=True, slots=True)
class Feed:
    records: dict[str, ArxivRecord]
    error: str | None
    """The text of an error entry (`<title>Error</title>`), if the feed is one."""


def _text(element: ET.Element, tag: str) -> str:
    return " ".join((element.findtext(tag) or "").split())


def is_withdrawn(comment: str, summary: str) -> bool:
    # The Atom feed has no withdrawal flag; the reason is in the comment (DOMAIN.md §1.3), and
    # old withdrawals replaced the abstract.
    return bool(_WITHDRAWN.search(comment) or _WITHDRAWN_ABSTRACT.search(summary))


def parse_feed(body: bytes) -> Feed:
    """Records by versionless id; entries without a usable `<id>` (legacy misses) are skipped."""
    root = ET.fromstring(body)
    records: dict[str, ArxivRecord] = {}
    error: str | None = None
    for entry in root.iter(f"{_ATOM}entry"):
        raw_id = _text(entry, f"{_ATOM}id")
        title = _text(entry, f"{_ATOM}title")
        if "/api/errors" in raw_id or (title == "Error" and not _ABS_PREFIX.match(raw_id)):
            error = _text(entry, f"{_ATOM}summary") or raw_id
            continue
        arxiv = parse_arxiv_id_loose(_ABS_PREFIX.sub("", raw_id)) if raw_id else None
        if arxiv is None:
            continue
        comment = _text(entry, f"{_ARXIV}comment")
        summary = _text(entry, f"{_ATOM}summary")
        records[arxiv.id] = ArxivRecord(
            id=arxiv.id,
            found=True,
            title=title,
            version=arxiv.version,
            withdrawn=is_withdrawn(comment, summary),
            comment=comment,
            journal_ref=_text(entry, f"{_ARXIV}journal_ref"),
            doi=_text(entry, f"{_ARXIV}doi"),
        )
    return Feed(records, error)


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class ArxivClient:
    def __init__(self, session: Session, cache: Cache | None) -> None:
        self._session = session
        self._cache = cache
        settings = session.settings
        self._gate = HostGate(HostLimit("arxiv-api", 1, settings.arxiv_interval), session.clock)
        self.results: dict[str, ArxivRecord] = {}
        self._why: dict[str, str] = {}
        self._stopped: str | None = None
        # Answers from a mirror or a fake API (`arxiv_api`, `--remap`) must not be served to
        # runs that ask the real one: the endpoint asked is part of the key.
        self._endpoint = session.target(settings.arxiv_api)

    def _cache_key(self, arxiv_id: str) -> str:
        return f"{self._endpoint}|{arxiv_id}"

    async def run(self, ids: Sequence[str], progress: Callable[[int], None]) -> None:
        todo = [arxiv_id for arxiv_id in ids if not self._from_cache(arxiv_id)]
        progress(len(ids) - len(todo))
        missing = await self._round(todo, progress)
        if missing:
            # A page can come back empty by accident (DOMAIN.md §1.3): ask again about the
            # batches that came back empty before telling anyone a paper does not exist.
            missing = await self._round(missing, progress)
        for arxiv_id in missing:
            self._record(ArxivRecord(arxiv_id, found=False))

    def unchecked(self, planned: int) -> int:
        return planned - len(self.results)

    def notes(self, planned: int) -> list[str]:
        left = self.unchecked(planned)
        if not left:
            return []
        reasons = Counter(self._why.values())
        if sum(reasons.values()) < left:
            reasons["deadline"] += left - sum(reasons.values())
        why = summarise(reasons.elements())
        noun = "id" if left == 1 else "ids"
        return [f"{left} arXiv {noun} could not be checked ({why})"]

    async def _round(self, ids: Sequence[str], progress: Callable[[int], None]) -> list[str]:
        missing: list[str] = []
        for batch in _chunks(ids, max(1, self._session.settings.arxiv_batch)):
            missing += await self._batch(batch)
            progress(len(batch))
        return missing

    async def _batch(self, batch: list[str]) -> list[str]:
        """Ask about `batch`; returns the ids the answer left out."""
        if self._stopped:
            self._why.update(dict.fromkeys(batch, self._stopped))
            return []
        try:
            response = await self._query(batch)
        except TransportError as err:
            self._stop(batch, reason_of(err))
            return []
        feed = self._feed(response, batch)
        if feed is None:
            return []
        if response.status == 400 or feed.error is not None:
            return await self._isolate(batch, feed.error or "")
        for record in feed.records.values():
            self._record(record)
        missing = [arxiv_id for arxiv_id in batch if arxiv_id not in feed.records]
        if not feed.records:
            return missing  # an empty page: maybe an accident, worth a second opinion
        # The answer knew about the others: these are really missing.
        for arxiv_id in missing:
            self._record(ArxivRecord(arxiv_id, found=False))
        return []

    def _feed(self, response: Response, batch: list[str]) -> Feed | None:
        if response.status not in {200, 400}:
            self._stop(batch, f"HTTP {response.status}")
            return None
        try:
            return parse_feed(response.body)
        except ET.ParseError:
            if response.status == 400:
                return Feed({}, "")
            self._why.update(dict.fromkeys(batch, "unreadable answer"))
            return None

    async def _isolate(self, batch: list[str], error: str) -> list[str]:
        """One id the API finds malformed fails its whole batch: set it apart, ask the rest."""
        named = {m["id"].rstrip(".,;") for m in _BAD_ID.finditer(error)}
        bad = [arxiv_id for arxiv_id in batch if arxiv_id in named]
        if not bad and len(batch) == 1:
            bad = batch
        for arxiv_id in bad:
            self._record(ArxivRecord(arxiv_id, found=False, reason="rejected by the arXiv API"))
        rest = [arxiv_id for arxiv_id in batch if arxiv_id not in bad]
        if not rest:
            return []
        if bad:
            return await self._batch(rest)
        half = len(rest) // 2
        return await self._batch(rest[:half]) + await self._batch(rest[half:])

    async def _query(self, batch: list[str]) -> Response:
        settings = self._session.settings
        params = {"id_list": ",".join(batch), "start": "0", "max_results": str(len(batch))}
        url = f"{settings.arxiv_api}?{urlencode(params, safe=',/')}"
        if len(url) <= MAX_GET_URL:
            return await self._session.send_retrying(
                "GET", self._session.target(url), gate=self._gate, max_body=_MAX_BODY
            )
        return await self._session.send_retrying(
            "POST",
            self._session.target(settings.arxiv_api),
            gate=self._gate,
            data=params,
            max_body=_MAX_BODY,
        )

    def _stop(self, batch: list[str], reason: str) -> None:
        # Rate limited, blocked or unreachable: asking again would only make it worse.
        self._stopped = reason
        self._why.update(dict.fromkeys(batch, reason))

    def _record(self, record: ArxivRecord) -> None:
        self.results[record.id] = record
        self._why.pop(record.id, None)
        if self._cache is not None:
            self._cache.put(_KIND, self._cache_key(record.id), dc.asdict(record))

    def _from_cache(self, arxiv_id: str) -> bool:
        found = self._cache.get(_KIND, self._cache_key(arxiv_id)) if self._cache else None
        if found is None:
            return False
        value = found.value
        if set(value) != set(_ROW) or not fields(value, _ROW) or value["id"] != arxiv_id:
            return False  # a row of any other shape is a miss
        record = ArxivRecord(**value)
        if not self._session.settings.fresh(found.age, good=record.found):
            return False
        self.results[arxiv_id] = record
        return True
