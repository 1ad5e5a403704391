"""URL001 non-canonical-url: a link is spelled in a way that has a shorter, stable form.

Why: the same paper or repository gets linked in many spellings (`http://`, `abs//`,
`export.arxiv.org`, `.git`, `utm_*` tracking parameters, a PDF among abstract pages, a
pinned `v2` among links to the latest version). The variants hide duplicates, go stale and
carry tracking noise. arXiv links follow the list's own habit: in a file that mostly links
PDFs, PDF links are right and an abstract link is the odd one out; the same goes for pinned
versions. A trailing slash on a GitHub repository works and is left alone, and so are
tracking parameters in raw HTML (sponsor links keep their referral on purpose).

Bad:
    - [Paper](http://arxiv.org/abs/2302.12461)
    - [Paper](https://arxiv.org/abs//2309.15025)
    - [Paper](https://export.arxiv.org/abs/2302.12462)
    - [Paper](https://arxiv.org/pdf/2302.12463v2.pdf)
    - [Code](https://github.com/owner/repo.git)
    - [Blog](https://example.org/post?utm_source=twitter)

Good:
    - [Paper](https://arxiv.org/abs/2302.12461)
    - [Paper](https://arxiv.org/abs/2309.15025)
    - [Paper](https://arxiv.org/abs/2302.12462)
    - [Paper](https://arxiv.org/abs/2302.12463)
    - [Code](https://github.com/owner/repo/)
    - [Blog](https://example.org/post)

The message names the URL as written and what is wrong with it, for example
`http://arxiv.org/abs/2302.12461: http:// -> https://` or
`https://arxiv.org/pdf/2302.12463.pdf: PDF link in a list that links abstracts`.

Fix: safe; the destination is rewritten to the canonical URL (a reference link's definition
once for all its uses), changing only what the message names. Links in raw HTML are reported
only. A PDF link to one page (`#page=3`) is never turned into an abstract link. Where another
rule's fix writes a link (malformed-link unwrapping `[x]([y](http://...))`), `fix` writes it
in this canonical form at once, unless the fixes of that pass could turn the file's arXiv
habit, and never where this rule is not selected, ignored or suppressed.

Options:
    arxiv-form: which arXiv page links go to: "majority" (default) follows the file, abstract
        pages unless PDF links outnumber them; "abs" or "pdf" asks for that page everywhere.
    arxiv-version: pinned versions (`2302.12461v2`): "majority" (default) reports them unless
        most arXiv links in the file pin one; "strip" always reports them; "keep" never does.
    keep-arxiv-version: the older spelling of arxiv-version = "keep" (default false).
"""

from __future__ import annotations

import dataclasses as dc
from collections import Counter
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Link, LinkKind, Span
from awesomelint.knowledge import url_forms as forms
from awesomelint.knowledge.url_forms import ArxivForm, ArxivLinkForm, Change, Preferences
from awesomelint.rules._base import Context, Rule

_FORM_CHOICES = ("majority", "abs", "pdf")
_VERSION_CHOICES = ("majority", "keep", "strip")


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    arxiv_form: str = "majority"
    """The arXiv page links go to: "majority" (the file's own habit), "abs" or "pdf"."""
    arxiv_version: str = "majority"
    """Pinned arXiv versions: "majority" (the file's own habit), "keep" or "strip"."""
    keep_arxiv_version: bool = False
    """The older spelling of arxiv_version = "keep"."""

    def __post_init__(self) -> None:
        if self.arxiv_form not in _FORM_CHOICES:
            raise ValueError("arxiv-form: expected one of " + ", ".join(_FORM_CHOICES))
        if self.arxiv_version not in _VERSION_CHOICES:
            raise ValueError("arxiv-version: expected one of " + ", ".join(_VERSION_CHOICES))

    @property
    def version_choice(self) -> str:
        return "keep" if self.keep_arxiv_version else self.arxiv_version


@dc.dataclass(frozen=True, slots=True)
class _Habit:
    """The arXiv forms a file asks for, and whether they come from the file or the options."""

    form: ArxivForm
    form_configured: bool
    strip_version: bool
    version_configured: bool
    form_lead: int | None = None
    """PDF links less abstract links, when the form follows the file's majority."""
    pin_lead: int | None = None
    """Pinned links less unpinned ones, when the version follows the file's majority."""

    def holds(self, changes: Sequence[tuple[str, str | None]]) -> bool:
        """Whether the file keeps this habit once destinations are rewritten by any part of
        `changes` (a pass may make only some of them)."""
        form: list[int] = [0, 0]
        pin: list[int] = [0, 0]
        for old, new in changes:
            before = forms.arxiv_link_form(old)
            after = forms.arxiv_link_form(new) if new is not None else None
            for moves, delta in (
                (form, _form_score(after) - _form_score(before)),
                (pin, _pin_score(after) - _pin_score(before)),
            ):
                moves[delta > 0] += delta
        return _keeps(self.form_lead, form) and _keeps(self.pin_lead, pin)


def _keeps(lead: int | None, moves: list[int]) -> bool:
    """Whether a majority (lead > 0 one way, <= 0 the other) survives any part of the moves:
    `moves` holds the sum of the moves down, then of those up."""
    if lead is None:
        return True
    return lead + moves[0] > 0 if lead > 0 else lead + moves[1] <= 0


def _form_score(found: ArxivLinkForm | None) -> int:
    return 0 if found is None else 1 if found.form is ArxivForm.PDF else -1


def _pin_score(found: ArxivLinkForm | None) -> int:
    return 0 if found is None else 1 if found.version is not None else -1


def _destinations(doc: Document) -> dict[Span, list[Link]]:
    """Each distinct destination span with the links that use it (several for a reference)."""
    users: dict[Span, list[Link]] = {}
    for link in doc.links:
        if not link.image:
            users.setdefault(link.url_span, []).append(link)
    return users


def _habit(destinations: dict[Span, list[Link]], options: Options) -> _Habit:
    form_counts: Counter[ArxivForm] = Counter()
    pinned = unpinned = 0
    for links in destinations.values():
        found = forms.arxiv_link_form(links[0].url)
        if found is None:
            continue
        form_counts[found.form] += 1
        pinned += found.version is not None
        unpinned += found.version is None
    form_lead = pin_lead = None
    if options.arxiv_form == "majority":
        form_lead = form_counts[ArxivForm.PDF] - form_counts[ArxivForm.ABS]
        form = ArxivForm.PDF if form_lead > 0 else ArxivForm.ABS
    else:
        form = ArxivForm(options.arxiv_form)
    choice = options.version_choice
    if choice == "majority":
        pin_lead = pinned - unpinned
        strip = pin_lead <= 0
    else:
        strip = choice == "strip"
    configured = (options.arxiv_form != "majority", choice != "majority")
    return _Habit(form, configured[0], strip, configured[1], form_lead, pin_lead)


def _reason(change: Change, habit: _Habit) -> str:
    if change.kind == forms.CHANGE_FORM:
        written = "PDF link" if habit.form is ArxivForm.ABS else "abstract link"
        if habit.form_configured:
            return f'{written}; arxiv-form = "{habit.form.value}"'
        wanted = "abstracts" if habit.form is ArxivForm.ABS else "PDFs"
        return f"{written} in a list that links {wanted}"
    if change.kind == forms.CHANGE_VERSION:
        if habit.version_configured:
            return f'pinned version {change.detail}; arxiv-version = "strip"'
        return f"pinned version {change.detail} in a list that links the latest versions"
    if change.kind == forms.CHANGE_TRACKING:
        return f"tracking parameters {change.detail}"
    return change.detail


def _fix(doc: Document, span: Span, links: list[Link], canonical: str) -> Fix | None:
    old = links[0].url
    if links[0].kind is LinkKind.HTML or doc.text[span.start : span.end] != old:
        return None
    # A definition's destination counts as a link of its own, besides its uses.
    count = len(links) + (links[0].kind is LinkKind.REFERENCE)
    return Fix((Edit(span.start, span.end, canonical),), link_changes=((old, canonical),) * count)


_LAST_HABIT: list[tuple[Document, Options, _Habit]] = []
"""The last document's habit: the fix loop asks for it again (`settle_link`)."""


def _document_habit(
    doc: Document, options: Options, destinations: dict[Span, list[Link]] | None = None
) -> _Habit:
    for seen, seen_options, habit in _LAST_HABIT:
        if seen is doc and seen_options == options:
            return habit
    habit = _habit(_destinations(doc) if destinations is None else destinations, options)
    _LAST_HABIT[:] = [(doc, options, habit)]
    return habit


_LAST_HOLDS: list[tuple[_Habit, Sequence[tuple[str, str | None]], bool]] = []
"""Whether the habit holds, for the last pass asked about: the fix loop asks once a link,
with the same changes."""


def _holds(habit: _Habit, changes: Sequence[tuple[str, str | None]]) -> bool:
    for seen_habit, seen_changes, answer in _LAST_HOLDS:
        if seen_habit is habit and seen_changes is changes:
            return answer
    answer = habit.holds(changes)
    _LAST_HOLDS[:] = [(habit, changes, answer)]
    return answer


def settle_link(
    ctx: Context[Options], link: Link, url: str, changes: Sequence[tuple[str, str | None]]
) -> str | None:
    """The destination this rule's fix would give `link` once it links `url`, in the file
    as `changes` leave it: what `fix` writes at once where another rule's fix writes a link.
    None when the file's arXiv habit could be another once `changes` are made (the next pass
    reads it), for raw HTML, which the rule only reports, and for images, which it leaves."""
    if link.kind is LinkKind.HTML or link.image:
        return None
    habit = _document_habit(ctx.document, ctx.options)
    if not _holds(habit, changes):
        return None
    rewrite = forms.rewrite_url(url, Preferences(habit.form, habit.strip_version, True))
    return None if rewrite is None else rewrite.url


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    destinations = _destinations(doc)
    habit = _document_habit(doc, ctx.options, destinations)
    for span, links in destinations.items():
        url = links[0].url
        prefs = Preferences(habit.form, habit.strip_version, links[0].kind is not LinkKind.HTML)
        rewrite = forms.rewrite_url(url, prefs)
        if rewrite is None:
            continue
        reasons = "; ".join(_reason(change, habit) for change in rewrite.changes)
        yield ctx.finding(span, f"{url}: {reasons}", fix=_fix(doc, span, links, rewrite.url))


RULE = Rule(
    code="URL001",
    name="non-canonical-url",
    summary="A link is not in its canonical form (https, the list's arXiv form, no tracking)",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    options=Options,
    settle_link=settle_link,
)
