"""What each link of an entry is for: the work itself, its paper, its code, or decoration.

Real lists decorate entries with badges (`![Star](https://img.shields.io/github/stars/o/r)`,
`[![Publish](https://img.shields.io/badge/Conference-ICLR-blue)]()`) and label their links with
generic words (`[Paper]`, `[[code]]`, `[Project Page]`, `[📖]`). Neither names the work:

- A *badge* is an image served by a badge service, or a link whose whole text is images when
  one of them is a badge, its target is a badge service, or its target is the same repository
  or page as another link of the entry. Badges are never a title, a primary link or an identity.
- A *generic* link text is made only of words such as paper, pdf, arxiv, code, github, project,
  page, demo, dataset, model, blog, video, slides, link (in any case, with brackets, emoji,
  numbering and `&`/`/` between words, and their Chinese forms), or of emoji alone. A generic
  text is never a title; `paper`, `pdf`, `arxiv`, `openreview`, `report` mark the paper's link.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from awesomelint.document.model import Link, Span

BADGE_HOSTS = frozenset(
    {
        "img.shields.io",
        "shields.io",
        "badgen.net",
        "flat.badgen.net",
        "badge.fury.io",
        "badges.gitter.im",
        "forthebadge.com",
        "api.star-history.com",
        "awesome.re",
    }
)
CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org"})
_BADGE_PATH = re.compile(r"(?:^|[/_\-.])badges?(?:[/_\-.]|$)", re.IGNORECASE)
_IMAGE_ONLY = re.compile(
    r"\s*(?:(?:!\[(?:\\.|[^\]\\])*\]\([^)]*\)|<img\b[^>]*>|<br\s*/?>)\s*)+", re.IGNORECASE
)
_IMAGE_URL = re.compile(
    r"!\[(?:\\.|[^\]\\])*\]\(\s*<?([^)\s>]*)|<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)


class Role(enum.Enum):
    """A generic link text's kind; None from `generic_role` means the text names something."""

    PAPER = "paper"
    CODE = "code"
    OTHER = "other"


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PAPER_WORDS = _vocabulary(
    "paper papers pdf pdfs arxiv abs abstract openreview report reports preprint publication "
    "论文 文章 报告"
)
_CODE_WORDS = _vocabulary(
    "code codes github gitub gitlab repo repos repository implementation source 代码 源码"
)
_OTHER_WORDS = _vocabulary(
    "project projects page pages homepage home website site web webpage blog blogs post "
    "video videos youtube slides slide ppt demo demos dataset datasets data benchmark "
    "huggingface hf model models weights checkpoint checkpoints ckpt link links url here "
    "this doc docs documentation notebook colab poster talk bib bibtex citation cite "
    "official coming soon supplementary supp leaderboard viewer and or the more "
    "项目 主页 项目主页 链接 博客 视频 数据 数据集 模型 演示 知乎"
)
_GENERIC_WORDS = _PAPER_WORDS | _CODE_WORDS | _OTHER_WORDS
_PHRASES = {"hugging face": Role.OTHER, "tech report": Role.PAPER}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@functools.lru_cache(maxsize=65536)  # one entry asks about its links' texts several times
def generic_role(text: str) -> Role | None:
    """The role a generic link text announces (`[Paper]` PAPER, `[[code]]` CODE, ...), or None.

    None means the text names something (a title, a tool's name). Emoji-only and empty texts
    are generic (OTHER); so is markup such as `**Paper**` or `[pdf]`.
    """
    words = _words(text)
    joined = " ".join(words)
    if joined in _PHRASES:
        return _PHRASES[joined]
    if not words:
        return None if any(map(str.isdigit, text)) else Role.OTHER
    if not _GENERIC_WORDS.issuperset(words):
        return None
    paper = any(word in _PAPER_WORDS for word in words)
    code = any(word in _CODE_WORDS for word in words)
    if paper and not code:
        return Role.PAPER
    if code and not paper:
        return Role.CODE
    return Role.OTHER


@functools.lru_cache(maxsize=65536)
def _host_and_path(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "", ""
    host = (parts.hostname or "").casefold()
    return host.removeprefix("www."), parts.path


def is_badge_url(url: str) -> bool:
    """An image address served by a badge service (shields.io, badgen, ...) or named a badge."""
    host, path = _host_and_path(url)
    return host in BADGE_HOSTS or bool(_BADGE_PATH.search(path))


def is_code_url(url: str) -> bool:
    """A link to a code host (GitHub, GitLab, Bitbucket)."""
    return _host_and_path(url)[0] in CODE_HOSTS


def _same_place(url: str, other: str) -> bool:
    """The same repository (first two path parts) or the same page on the same host."""
    host, path = _host_and_path(url)
    other_host, other_path = _host_and_path(other)
    if not host or host != other_host:
        return False
    parts = [p for p in path.casefold().removesuffix(".git").split("/") if p]
    other_parts = [p for p in other_path.casefold().removesuffix(".git").split("/") if p]
    return parts[:2] == other_parts[:2]


def is_image_only(link: Link) -> bool:
    """A link whose visible text is nothing but images: `[![alt](src)](target)`."""
    return not link.image and bool(link.text) and _IMAGE_ONLY.fullmatch(link.text) is not None


def _inner_images(link: Link) -> list[str]:
    return [a or b for a, b in _IMAGE_URL.findall(link.text)]


def badge_indexes(links: Sequence[Link]) -> frozenset[int]:
    """The positions in `links` (one entry's links) of badges (see the module docs)."""
    found: set[int] = set()
    for index, link in enumerate(links):
        if link.image:
            if is_badge_url(link.url):
                found.add(index)
            continue
        if not is_image_only(link):
            continue
        others = (
            other.url
            for j, other in enumerate(links)
            if j != index and not other.image and not is_image_only(other)
        )
        if (
            any(is_badge_url(src) for src in _inner_images(link))
            or is_badge_url(link.url)
            or any(_same_place(link.url, other) for other in others)
        ):
            found.add(index)
    return frozenset(found)


def is_label_link(link: Link) -> bool:
    """`[[NeurIPS 2023]](url)`: a link whose whole text is one bracketed label."""
    text = link.text
    return (
        len(text) > 2
        and text[0] == "["
        and text[-1] == "]"
        and text.count("[") == 1
        and text.count("]") == 1
    )


def names_something(link: Link) -> bool:
    """Whether the link's text can be a title: not a badge, image, label or generic text.

    An anchor link's text is a section's name (`[Papers](#papers)`), never generic.
    """
    if link.image or is_image_only(link) or is_label_link(link):
        return False
    return link.url.startswith("#") or generic_role(link.text) is None


def _carries(link: Link, title: Span) -> bool:
    text = link.text_span
    return (text.start <= title.start and title.end <= text.end) or (
        title.start <= link.span.start and link.span.end <= title.end
    )


def choose_primary(
    links: Sequence[Link],
    badges: frozenset[int],
    title: Span | None,
    column_roles: Sequence[Role | None] | None = None,
) -> Link | None:
    """The entry's primary link (see `Entry.primary`); `column_roles` come from table headers."""
    usable = [i for i, link in enumerate(links) if i not in badges and not link.image]

    def role(i: int) -> Role | None:
        if column_roles is not None and column_roles[i] is not None:
            return column_roles[i]
        return generic_role(links[i].text)

    paper = next((i for i in usable if role(i) is Role.PAPER), None)
    if title is not None:
        carrier = next((i for i in usable if _carries(links[i], title)), None)
        if carrier is not None and (paper is None or not is_code_url(links[carrier].url)):
            return links[carrier]
    chosen = paper
    if chosen is None:
        chosen = next((i for i in usable if role(i) is None), None)
    if chosen is None:
        chosen = usable[0] if usable else None
    return None if chosen is None else links[chosen]
