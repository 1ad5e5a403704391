"""Every real list we have, through the installed `awesomelint` command, as a user runs it.

The files of `../shared/corpus` and `../shared/seeds` (whatever their extension: each is named
on the command line, so it is read as Markdown) are copied to a temporary folder, checked and
fixed with unsafe fixes, all in one invocation per command, then fixed once more. Nothing may
fail (exit 2, a traceback, an internal error), the second fix must change nothing, and no link
destination or reference definition may be lost, as markdown-it reads them: a destination that
is gone must still be in the fixed file, belong to an entry reported as a duplicate (DUP001),
or have been rewritten by a declared fix (URL001, ENT002) whose new form is in the file.
"""

from __future__ import annotations

import dataclasses as dc
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token

from awesomelint.knowledge.url_forms import ArxivForm, Preferences, rewrite_url

ROOT = Path(__file__).parent.parent
FOLDERS = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seeds")
AWESOMELINT = Path(sys.executable).parent / "awesomelint"
_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _sources() -> list[Path]:
    return [
        path
        for folder in FOLDERS
        if folder.is_dir()
        for path in sorted(folder.iterdir())
        if path.is_file()
    ]


pytestmark = pytest.mark.skipif(not _sources(), reason="no real lists next to the repository")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(AWESOMELINT), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=900,
    )


def _text(path: Path) -> str:
    """The file's text as awesomelint counts offsets: no BOM, "\\n" newlines."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _normal(url: str) -> str:
    return str(_MD.normalizeLink(unescapeAll(url)))


def _walk(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        found.extend(_walk(token.children or []))
    return found


def destinations(text: str, env: dict[str, object] | None = None) -> Counter[str]:
    """Link and image destinations and reference definitions, as markdown-it reads them
    (normalised by markdown-it)."""
    env = {} if env is None else env
    found: Counter[str] = Counter()
    for token in _walk(_MD.parse(text, env)):
        if token.type == "link_open":
            found[str(token.attrs["href"])] += 1
        elif token.type == "image":
            found[str(token.attrs["src"])] += 1
    references = env.get("references", {})
    assert isinstance(references, dict)
    found.update(str(info["href"]) for info in references.values())
    return found


@dc.dataclass(frozen=True)
class Run:
    names: list[str]
    before: dict[str, str]
    check: subprocess.CompletedProcess[str]
    fix: subprocess.CompletedProcess[str]
    after: dict[str, str]
    refix: subprocess.CompletedProcess[str]
    again: dict[str, str]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    work = tmp_path_factory.mktemp("real-lists")
    names = []
    for source in _sources():
        name = f"{source.parent.name}__{source.name}"
        shutil.copyfile(source, work / name)
        names.append(name)
    before = {name: _text(work / name) for name in names}
    check = _run("check", "--offline", "--output-format", "json", *names, cwd=work)
    fix = _run("fix", "--unsafe-fixes", "--offline", *names, cwd=work)
    after = {name: _text(work / name) for name in names}
    refix = _run("fix", "--unsafe-fixes", "--offline", *names, cwd=work)
    again = {name: _text(work / name) for name in names}
    return Run(names, before, check, fix, after, refix, again)


def _assert_ran(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr


def test_check_runs_cleanly(run: Run) -> None:
    _assert_ran(run.check)
    findings = json.loads(run.check.stdout)
    assert {finding["path"] for finding in findings} <= set(run.names)


def test_fix_runs_cleanly_and_settles(run: Run) -> None:
    _assert_ran(run.fix)
    _assert_ran(run.refix)
    unsettled = [name for name in run.names if run.again[name] != run.after[name]]
    assert not unsettled, f"a second fix changed {unsettled}"


def _lines(text: str, first: int, last: int) -> str:
    return "\n".join(text.split("\n")[first - 1 : last])


_REWRITERS = ("URL001", "ENT002")
"""Rules whose fixes rewrite a destination: to its canonical form; a link wrapped in another
link's destination to the inner URL."""


def _excused(run: Run, name: str) -> tuple[set[str], dict[str, str]]:
    """The destinations of the entries reported as duplicates, and the destination rewrites
    that fixes declared, in `name`'s original text."""
    text = run.before[name]
    env: dict[str, object] = {}
    _MD.parse(text, env)
    duplicates: set[str] = set()
    rewrites: dict[str, str] = {}
    for finding in json.loads(run.check.stdout):
        if finding["path"] != name:
            continue
        if finding["code"] == "DUP001":
            entry = _lines(text, finding["line"], finding["end_line"])
            duplicates.update(destinations(entry, {"references": env.get("references", {})}))
        elif finding["code"] in _REWRITERS and finding["fix"]:
            for edit in finding["fix"]["edits"]:
                old = text[edit["start"] : edit["end"]]
                rewrites[_normal(old)] = _normal(edit["content"])
    return duplicates, rewrites


def _kept(new: str, after: Counter[str]) -> bool:
    """The rewritten destination is in the fixed file, or its canonical form is under one of
    the arXiv forms a list may keep (a second pass may have made it canonical)."""
    if after[new]:
        return True
    for form in (ArxivForm.ABS, ArxivForm.PDF, None):
        rewrite = rewrite_url(new, Preferences(arxiv_form=form))
        if rewrite is not None and after[_normal(rewrite.url)]:
            return True
    return False


def test_fix_loses_no_link(run: Run) -> None:
    lost: list[str] = []
    for name in run.names:
        before, after = destinations(run.before[name]), destinations(run.after[name])
        gone = before - after
        if not gone:
            continue
        duplicates, rewrites = _excused(run, name)
        for url in gone:
            new = rewrites.get(url)
            if after[url] or url in duplicates or (new is not None and _kept(new, after)):
                continue
            lost.append(f"{name}: {url}")
    assert not lost, f"fix lost {len(lost)} link destinations: {lost[:10]}"
