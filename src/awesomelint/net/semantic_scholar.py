"""Asking Semantic Scholar's Graph API where arXiv papers appeared: one POST per 500 ids.

`POST /graph/v1/paper/batch?fields=...` with `{"ids": ["ARXIV:2106.15928", ...]}` answers a
JSON list aligned with the ids: a paper record, or null for an id it does not know. A record
that is not of the documented shape leaves that paper unchecked; a 429, a 5xx, a timeout or an
answer that is not such a list leaves the whole batch unchecked and stops asking.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from awesomelint.net import PaperVenue, TransportError
from awesomelint.net.cache import FLAG, OPTIONAL_WHOLE, TEXT, Cache, fields
from awesomelint.net.pacing import HostGate
from awesomelint.net.session import Session, reason_of, summarise
from awesomelint.net.settings import HostLimit

FIELDS = "venue,publicationVenue,year,journal,externalIds,publicationTypes"
SOURCE = "Semantic Scholar"
_MAX_BODY = 50_000_000
_KIND = "venue"
_ROW = {
    "id": TEXT,
    "found": FLAG,
    "names": (list,),
    "year": OPTIONAL_WHOLE,
    "kind": TEXT,
    "doi": TEXT,
}


class Malformed(ValueError):
    """A record that is not of the documented shape."""


def _text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Malformed("expected a string")
    return " ".join(value.split())


def _names(record: dict[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    venue = record.get("publicationVenue")
    if venue is not None:
        if not isinstance(venue, dict):
            raise Malformed("publicationVenue")
        names.append(_text(venue.get("name")))
        alternates = venue.get("alternate_names") or []
        if not isinstance(alternates, list):
            raise Malformed("alternate_names")
        names += [_text(name) for name in alternates]
    names.append(_text(record.get("venue")))
    journal = record.get("journal")
    if journal is not None:
        if not isinstance(journal, dict):
            raise Malformed("journal")
        names.append(_text(journal.get("name")))
    return tuple(dict.fromkeys(name for name in names if name))


def read_record(arxiv_id: str, record: object) -> PaperVenue | None:
    """The venue in one element of the answer; None for null (an id it does not know)."""
    if record is None:
        return None
    if not isinstance(record, dict):
        raise Malformed("not an object")
    year = record.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise Malformed("year")
    ids = record.get("externalIds") or {}
    if not isinstance(ids, dict):
        raise Malformed("externalIds")
    venue = record.get("publicationVenue")
    kind = _text(venue.get("type")) if isinstance(venue, dict) else ""
    return PaperVenue(
        arxiv_id, _names(record), year, kind, doi=_text(ids.get("DOI")), source=SOURCE
    )


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class SemanticScholarClient:
    def __init__(self, session: Session, cache: Cache | None) -> None:
        self._session = session
        self._cache = cache
        settings = session.settings
        self._gate = HostGate(
            HostLimit("semantic-scholar", 1, settings.venue_interval), session.clock
        )
        self.results: dict[str, PaperVenue] = {}
        """Papers it knows, by arXiv id."""
        self.unknown: set[str] = set()
        """Ids it answered null for."""
        self._why: dict[str, str] = {}
        self._stopped: str | None = None
        self._endpoint = session.target(settings.semantic_scholar_api)

    def answered(self, arxiv_id: str) -> bool:
        return arxiv_id in self.results or arxiv_id in self.unknown

    async def run(self, ids: Sequence[str], progress: Callable[[int], None]) -> None:
        todo = [arxiv_id for arxiv_id in ids if not self._from_cache(arxiv_id)]
        progress(len(ids) - len(todo))
        for batch in _chunks(todo, max(1, min(500, self._session.settings.venue_batch))):
            await self._batch(batch)
            progress(len(batch))

    def unchecked(self, planned: Sequence[str]) -> int:
        return sum(1 for arxiv_id in planned if not self.answered(arxiv_id))

    def notes(self, planned: Sequence[str]) -> list[str]:
        left = [arxiv_id for arxiv_id in planned if not self.answered(arxiv_id)]
        if not left:
            return []
        reasons = Counter(self._why.get(arxiv_id, "deadline") for arxiv_id in left)
        noun = "paper" if len(left) == 1 else "papers"
        why = summarise(reasons.elements())
        return [f"{len(left)} {noun} could not be looked up on {SOURCE} ({why})"]

    async def _batch(self, batch: list[str]) -> None:
        if self._stopped:
            self._why.update(dict.fromkeys(batch, self._stopped))
            return
        settings = self._session.settings
        try:
            response = await self._session.send_retrying(
                "POST",
                self._session.target(f"{settings.semantic_scholar_api}?fields={FIELDS}"),
                gate=self._gate,
                json={"ids": [f"ARXIV:{arxiv_id}" for arxiv_id in batch]},
                max_body=_MAX_BODY,
            )
        except TransportError as err:
            self._stop(batch, reason_of(err))
            return
        if response.status != 200:
            self._stop(batch, f"HTTP {response.status}")
            return
        try:
            answer = json.loads(response.body)
        except (ValueError, RecursionError):
            answer = None
        if not isinstance(answer, list) or len(answer) != len(batch):
            self._why.update(dict.fromkeys(batch, "unreadable answer"))
            return
        for arxiv_id, record in zip(batch, answer, strict=True):
            try:
                venue = read_record(arxiv_id, record)
            except Malformed:
                self._why[arxiv_id] = "unreadable answer"
                continue
            self._record(arxiv_id, venue)

    def _stop(self, batch: list[str], reason: str) -> None:
        # The shared public pool says 429 often: asking again at once only makes it worse.
        self._stopped = reason
        self._why.update(dict.fromkeys(batch, reason))

    def _key(self, arxiv_id: str) -> str:
        return f"{self._endpoint}|{arxiv_id}"

    def _record(self, arxiv_id: str, venue: PaperVenue | None) -> None:
        if venue is None:
            self.unknown.add(arxiv_id)
        else:
            self.results[arxiv_id] = venue
        if self._cache is not None:
            row: dict[str, Any] = {"id": arxiv_id, "found": venue is not None}
            row.update(
                names=list(venue.names) if venue else [],
                year=venue.year if venue else None,
                kind=venue.kind if venue else "",
                doi=venue.doi if venue else "",
            )
            self._cache.put(_KIND, self._key(arxiv_id), row)

    def _from_cache(self, arxiv_id: str) -> bool:
        found = self._cache.get(_KIND, self._key(arxiv_id)) if self._cache else None
        if found is None:
            return False
        value = found.value
        if set(value) != set(_ROW) or not fields(value, _ROW) or value["id"] != arxiv_id:
            return False  # a row of any other shape is a miss
        if not all(isinstance(name, str) for name in value["names"]):
            return False
        if not self._session.settings.fresh(found.age, good=value["found"]):
            return False
        if value["found"]:
            names = tuple(value["names"])
            venue = PaperVenue(arxiv_id, names, value["year"], value["kind"], value["doi"], SOURCE)
            self.results[arxiv_id] = venue
        else:
            self.unknown.add(arxiv_id)
        return True
