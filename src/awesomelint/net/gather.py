"""The network layer's one entry point: gather facts about every link before rules run."""

from __future__ import annotations

import asyncio
import dataclasses as dc
import datetime
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from awesomelint.document.model import Document
from awesomelint.knowledge.preprints import preprint_entries
from awesomelint.knowledge.urls import (
    ArxivId,
    GitHubRepo,
    arxiv_from_url,
    arxiv_id_problem,
    github_from_url,
    parse_arxiv_id,
)
from awesomelint.knowledge.venues import default_table
from awesomelint.net import LinkState, NetFacts
from awesomelint.net.addresses import AddressGuard
from awesomelint.net.arxiv import ArxivClient
from awesomelint.net.cache import Cache
from awesomelint.net.github import GitHubClient
from awesomelint.net.links import LinkChecker
from awesomelint.net.pacing import Clock, Deadline, RealClock
from awesomelint.net.semantic_scholar import SemanticScholarClient
from awesomelint.net.session import Session, summarise
from awesomelint.net.settings import NetSettings
from awesomelint.net.transport import HttpxTransport, Transport

_BAR_WIDTH = 20
# Past the total deadline, in-flight requests get this long before everything is cancelled.
_GRACE = 5.0
_NAMED = 3
"""Links named in a "not fetched" note; the rest are counted."""


@dc.dataclass(slots=True)
class Plan:
    """What to ask, deduplicated: arXiv ids, GitHub repositories, other http(s) links, and
    the arXiv ids of entries listed as preprints (where were they published?)."""

    arxiv: dict[str, ArxivId] = dc.field(default_factory=dict)
    github: dict[str, GitHubRepo] = dc.field(default_factory=dict)
    links: list[str] = dc.field(default_factory=list)
    venues: list[str] = dc.field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.arxiv) + len(self.github) + len(set(self.links)) + len(self.venues)


def _preprint_ids(documents: Sequence[Document], today: datetime.date) -> list[str]:
    """Ids of entries listed as preprints whose arXiv link is among the documents' links
    (`--since` leaves out links on unchanged lines)."""
    found: dict[str, None] = {}
    for doc in documents:
        kept = {link.span.start for link in doc.links}
        for item in preprint_entries(doc, default_table()):
            if not any(link.span.start in kept for link in item.entry.links):
                continue
            arxiv = parse_arxiv_id(item.arxiv_id)
            if arxiv is not None and arxiv_id_problem(arxiv, today) is None:
                found.setdefault(arxiv.id)
    return list(found)


def plan_requests(
    documents: Sequence[Document], today: datetime.date, settings: NetSettings | None = None
) -> Plan:
    """What to ask whom; arXiv and GitHub links go to their APIs, never to the link checker."""
    settings = settings or NetSettings()
    plan = Plan()
    seen: set[str] = set()
    for doc in documents:
        for link in doc.links:
            url = link.url.strip()
            if url in seen:
                continue
            seen.add(url)
            arxiv = arxiv_from_url(url)
            if arxiv is not None:
                # Ids that cannot exist are invalid-arxiv-id's business, not the API's.
                if settings.ask_arxiv and arxiv_id_problem(arxiv, today) is None:
                    plan.arxiv.setdefault(arxiv.id, arxiv)
                continue
            repo = github_from_url(url)
            if repo is not None:
                if settings.ask_github:
                    plan.github.setdefault(repo.key, repo)
            elif settings.ask_links and url.lower().startswith(("http://", "https://")):
                plan.links.append(url)
    if settings.ask_venues:
        plan.venues = _preprint_ids(documents, today)
        # Their journal_ref comes with the arXiv answer, at no extra request.
        for arxiv_id in plan.venues:
            arxiv = parse_arxiv_id(arxiv_id)
            if arxiv is not None:
                plan.arxiv.setdefault(arxiv_id, arxiv)
    return plan


class _Progress:
    def __init__(self, total: int, report: Callable[[str], None] | None) -> None:
        self._total = total
        self._done = 0
        self._report = report

    def step(self, count: int = 1) -> None:
        self._done = min(self._done + count, self._total)
        if self._report is not None:
            filled = _BAR_WIDTH * self._done // self._total
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            self._report(f"[{bar}] checked {self._done}/{self._total}")


class ProgressLine:
    """A status line redrawn in place on a terminal; use `for_stream`, then `close`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @classmethod
    def for_stream(cls, stream: TextIO) -> ProgressLine | None:
        """A progress line on `stream` if it is a terminal, else None (print nothing)."""
        isatty = getattr(stream, "isatty", None)
        return cls(stream) if isatty is not None and isatty() else None

    def __call__(self, message: str) -> None:
        self._stream.write(f"\r\x1b[Kawesomelint: {message}")
        self._stream.flush()

    def close(self) -> None:
        self._stream.write("\r\x1b[K")
        self._stream.flush()


def gather_facts(
    documents: Sequence[Document],
    settings: NetSettings,
    *,
    transport: Transport | None = None,
    clock: Clock | None = None,
    progress: Callable[[str], None] | None = None,
) -> NetFacts:
    """Ask arXiv, GitHub and every other host about the documents' links (blocking).

    `transport` (default: httpx) is closed when the run ends; `clock` paces the requests and
    measures the deadline; `progress` gets a short status line after each answer.
    """
    plan = plan_requests(documents, datetime.date.today(), settings)
    if plan.total == 0:
        return NetFacts()
    return asyncio.run(_gather(plan, settings, transport, clock or RealClock(), progress))


async def _gather(
    plan: Plan,
    settings: NetSettings,
    transport: Transport | None,
    clock: Clock,
    progress: Callable[[str], None] | None,
) -> NetFacts:
    transport = transport or HttpxTransport(
        timeout=settings.timeout,
        user_agent=settings.user_agent,
        trust_env=settings.trust_env,
        guard=AddressGuard(
            allow_private=settings.allow_private, trusted_hosts=settings.trusted_hosts
        ),
    )
    cache = Cache(settings.cache_dir) if settings.cache_dir is not None else None
    session = Session(transport, settings, clock, Deadline(clock, settings.total_deadline))
    arxiv = ArxivClient(session, cache)
    github = GitHubClient(session, cache)
    links = LinkChecker(session, cache)
    venues = SemanticScholarClient(session, cache)
    steps = _Progress(plan.total, progress)

    async def arxiv_then_venues() -> None:
        await arxiv.run(list(plan.arxiv), steps.step)
        # Papers whose arXiv record names a journal need no look-up; nor do missing ones.
        todo = _to_look_up(plan, arxiv)
        steps.step(len(plan.venues) - len(todo))
        await venues.run(todo, steps.step)

    try:
        async with asyncio.timeout(settings.total_deadline + settings.timeout + _GRACE):
            async with asyncio.TaskGroup() as group:
                group.create_task(arxiv_then_venues())
                group.create_task(github.run(list(plan.github.values()), steps.step))
                group.create_task(links.run(plan.links, steps.step))
    except TimeoutError:
        pass
    except ExceptionGroup as group:
        # A bug in one client: say what it was, not "unhandled errors in a TaskGroup".
        raise _first(group) from group
    finally:
        await transport.aclose()
        if cache is not None:
            cache.close()
    link_unchecked = {
        url: status.reason
        for url, status in links.results.items()
        if status.state is LinkState.UNCHECKED
    }
    missing = set(plan.links) - set(links.results) - links.refused
    link_unchecked.update(dict.fromkeys(missing, "deadline"))
    asked = _to_look_up(plan, arxiv)
    unchecked = (
        len(link_unchecked)
        + arxiv.unchecked(len(plan.arxiv))
        + github.unchecked(len(plan.github))
        + venues.unchecked(asked)
    )
    notes = [cache.problem] if cache is not None and cache.problem else []
    if session.nothing_answered:
        notes.append(f"{_plural(unchecked, 'link')} could not be checked (no network)")
        notes += _link_notes({}, links.skipped)
    else:
        notes += arxiv.notes(len(plan.arxiv)) + github.notes(len(plan.github))
        notes += venues.notes(asked)
        notes += _link_notes(link_unchecked, links.skipped)
        notes += links.notes()
    return NetFacts(
        arxiv=dict(arxiv.results),
        github=dict(github.results),
        links=dict(links.results),
        venues=dict(venues.results),
        unchecked=unchecked,
        requests=session.requests,
        notes=tuple(notes),
    )


def _to_look_up(plan: Plan, arxiv: ArxivClient) -> list[str]:
    """Preprint ids to ask the metadata service about: not those whose arXiv record names a
    journal (answered already) or that arXiv does not know; unchecked ones are asked."""
    return [
        arxiv_id
        for arxiv_id in plan.venues
        if (record := arxiv.results.get(arxiv_id)) is None
        or (record.found and not record.journal_ref)
    ]


def _first(group: BaseExceptionGroup[Exception]) -> Exception:
    inner = group.exceptions[0]
    return _first(inner) if isinstance(inner, BaseExceptionGroup) else inner


def _link_notes(unchecked: Mapping[str, str], skipped: Mapping[str, Sequence[str]]) -> list[str]:
    notes: list[str] = []
    if unchecked:
        why = summarise(unchecked.values())
        notes.append(f"{_plural(len(unchecked), 'link')} could not be checked ({why})")
    for why, urls in sorted(skipped.items()):
        # Named, so that a maintainer can find them: a link to a private address in a
        # public list is a mistake, or an attempt to reach a machine it should not.
        named = ", ".join(sorted(urls)[:_NAMED])
        if len(urls) > _NAMED:
            named += f" and {len(urls) - _NAMED} more"
        notes.append(f"{_plural(len(urls), 'link')} not fetched ({why}): {named}")
    return notes


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
