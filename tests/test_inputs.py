"""Input from strangers: special files, the file-size limit, UTF-16, and hostile shapes of text
that must cost time in proportion to their size (counted in executed lines, never timed)."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner

import awesomelint
from awesomelint.cli import cli
from awesomelint.config import load_config, parse_size
from awesomelint.diagnostics import Edit, Finding, Fix, Severity, conflict
from awesomelint.document.model import Span
from awesomelint.document.parse import parse_source, parse_text
from awesomelint.document.source import MB, decode, read
from awesomelint.engine import check_documents
from awesomelint.errors import ConfigError, InputError
from awesomelint.fixing.edits import choose_fixes
from awesomelint.fixing.fixrun import FixRequest, run_fix
from awesomelint.rules import ALL_RULES, find_rule
from awesomelint.workspace.load import load

ERROR = Severity.ERROR
OFFLINE = tuple(rule for rule in ALL_RULES if not rule.needs_network)
ENTRY = "# L\n\n- [A paper](http://arxiv.org/abs/2301.00001)\n"
FIXED = "# L\n\n- [A paper](https://arxiv.org/abs/2301.00001)\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- special files -------------------------------------------------------------------------


@needs_fifo
def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "ok.md").write_text(ENTRY)
    # A subprocess, so that a regression (opening the pipe, which blocks) cannot hang the
    # test run: nobody ever writes to this pipe.
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "check", "--offline", "pipe.md", "ok.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "pipe.md: not a regular file (a FIFO); not read" in done.stderr
    assert "ok.md:3:13: URL001" in done.stdout  # the other file is still checked
    assert "Traceback" not in done.stderr


@needs_fifo
def test_a_fifo_found_in_a_folder_is_refused_and_said_so(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    os.mkfifo(lists / "pipe.md")
    (lists / "ok.md").write_text(FIXED)
    result: list[Any] = []
    walker = threading.Thread(target=lambda: result.append(load([lists])), daemon=True)
    walker.start()
    walker.join(60)
    assert result, "loading a folder with a FIFO in it blocked"
    loaded = result[0]
    assert [p.document.path.name for p in loaded.documents] == ["ok.md"]
    assert [e.message for e in loaded.errors] == [
        f"{lists / 'pipe.md'}: not a regular file (a FIFO); not read"
    ]


def test_a_device_is_refused() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    with pytest.raises(InputError, match=r"/dev/null: not a regular file \(a character device\)"):
        read(Path("/dev/null"))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError as err:  # a path too long for a socket address
        pytest.skip(str(err))
    try:
        with pytest.raises(InputError, match=r"s\.md: not a regular file \(a socket\)"):
            read(path)
    finally:
        server.close()


def test_a_symlink_to_a_device_is_refused_too(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    loaded = load([tmp_path])  # reading /dev/zero would never end
    assert [e.message for e in loaded.errors] == [
        f"{link}: not a regular file (a character device); not read"
    ]


# -- the size limit ------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_and_the_others_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.md").write_bytes(b"a" * (10 * MB + 1))
    Path("ok.md").write_text(ENTRY)
    code, out, err = run("check", "--offline", "--output-format", "concise", "big.md", "ok.md")
    assert code == 2
    assert err.strip() == (
        "awesomelint: error: big.md: 10.0 MB, over the 10 MB limit (max-file-size); not read"
    )
    assert "ok.md:3:13: URL001" in out


def test_the_limit_is_set_by_the_configuration_and_the_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("awesomelint.toml").write_text('max-file-size = "1KB"\n')
    Path("list.md").write_text(ENTRY + "\n" + "word " * 300 + "\n")
    code, _, err = run("check", "--offline", "list.md")
    assert code == 2
    assert "list.md: 1.5 KB, over the 1 KB limit (max-file-size); not read" in err
    code, out, _ = run("check", "--offline", "--max-file-size", "2KB", "list.md")
    assert code == 1
    assert "URL001" in out
    assert run("check", "--offline", "--max-file-size", "0", "list.md")[0] == 1  # no limit
    code, _, err = run("check", "--offline", "--max-file-size", "lots", "list.md")
    assert code == 2
    assert "--max-file-size" in err


def test_fix_keeps_to_the_limit_too(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(ENTRY)
    fix_rule = find_rule("URL001")
    assert fix_rule is not None
    outcome = run_fix([path], FixRequest(rules=(fix_rule,), max_file_size=10))
    assert [e.message for e in outcome.result.errors] == [
        f"{path}: {len(ENTRY)} bytes, over the 10 bytes limit (max-file-size); not read"
    ]
    assert path.read_text() == ENTRY


@pytest.mark.parametrize(
    ("value", "size"),
    [
        (1024, 1024),
        ("10MB", 10 * MB),
        ("10 MB", 10 * MB),
        ("512kb", 512 * 1024),
        ("2MiB", 2 * MB),
        ("1.5 M", int(1.5 * MB)),
        ("1G", 1024 * MB),
        ("100", 100),
        ("100B", 100),
        (0, None),
        ("0", None),
    ],
)
def test_sizes(value: object, size: int | None) -> None:
    assert parse_size(value) == size


@pytest.mark.parametrize("value", ["ten", "10 TB", -1, True, 1.5, "", "-5MB"])
def test_bad_sizes_are_config_errors_naming_the_key(value: object, tmp_path: Path) -> None:
    config = tmp_path / "awesomelint.toml"
    config.write_text(f"max-file-size = {value!r}\n".replace("True", "true"))
    with pytest.raises(ConfigError, match="max-file-size: expected a size"):
        load_config(config)


# -- encodings -----------------------------------------------------------------------------

TEXT = "# Papers\n\n- [Café](https://example.org/) \u2013 ok\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(codec: str) -> None:
    data = ("\ufeff" + TEXT.replace("\n", "\r\n")).encode(codec)
    source = decode(data, Path("x.md"))
    assert (source.text, source.encoding, source.bom, source.newline) == (
        TEXT,
        codec,
        True,
        "\r\n",
    )
    assert source.encode(source.text) == data


def test_utf16_without_a_bom_is_named() -> None:
    with pytest.raises(InputError, match=r"x\.md: UTF-16 without a byte-order mark"):
        decode(TEXT.encode("utf-16-le"), Path("x.md"))
    with pytest.raises(InputError, match=r"x\.md: UTF-16 without a byte-order mark"):
        decode(TEXT.encode("utf-16-be"), Path("x.md"))


def test_broken_utf16_is_a_clear_error() -> None:
    data = b"\xff\xfe" + "# T\n".encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(InputError, match=r"x.md: invalid UTF-16 \(at byte 10\)"):
        decode(data, Path("x.md"))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_fix_writes_utf16_back_in_utf16_with_its_bom(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(("\ufeff" + ENTRY.replace("\n", "\r\n")).encode(codec))
    fix_rule = find_rule("URL001")
    assert fix_rule is not None
    outcome = run_fix([path], FixRequest(rules=(fix_rule,)))
    assert outcome.changed_files == 1
    assert path.read_bytes() == ("\ufeff" + FIXED.replace("\n", "\r\n")).encode(codec)


# -- hostile shapes ------------------------------------------------------------------------

SRC = str(Path(awesomelint.__file__).parent)


def executed_lines(fn: Callable[[], object]) -> int:
    """How many lines of awesomelint's own code `fn` executes: its Python-level work."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(SRC) else None

    sys.settrace(calls)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def check_text(text: str) -> list[Any]:
    return check_documents([parse_text(text)], OFFLINE)


def repeated(unit: str, size: int) -> str:
    return "# Title\n\n" + unit * (size // len(unit)) + "\n"


def backtick_runs(size: int) -> str:
    parts, total, width = [], 0, 1
    while total < size:
        parts.append("`" * width + "a")
        total, width = total + width + 1, width + 1
    return "# Title\n\n" + "".join(parts) + "\n"


def word(i: int) -> str:
    """A made-up word for each number: its digits in base 26 as letters."""
    letters = "".join(chr(97 + i // 26**k % 26) for k in range(4))
    return f"transfomer{letters}"


def near_common_words(size: int) -> str:
    """Words used three times each (common in the file), and one misspelling of each."""
    groups = []
    for i in range(size // 60):
        common = word(i)
        groups.append(f"{common} {common} {common} {common[:-2]}{common[-1]}{common[-2]}")
    return "# T\n\n" + "\n".join(groups) + "\n"


def copies_in_sections(size: int) -> str:
    return "# Title\n\n" + "## S\n\n- [A paper](https://arxiv.org/abs/2301.00001)\n" * (size // 48)


def table_of_copies(size: int) -> str:
    head = "# Title\n\n| Title | Link |\n| --- | --- |\n"
    rows = "| A | [a](https://arxiv.org/abs/2301.00001) |\n| B | [b](https://b.org/) |\n"
    return head + rows * (size // len(rows))


def nested_copies(size: int) -> str:
    child = "  - [A paper](https://arxiv.org/abs/2301.00001)\n"
    return "# Title\n\n- Parent\n" + child * (size // len(child))


SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed destinations": lambda n: repeated("[a](b", n),
    "unclosed destinations with spaces": lambda n: repeated("[a](b ", n),
    "a line of [": lambda n: repeated("[", n),
    "a line of [ then ](http": lambda n: repeated("[", n) + "](http\n",
    "a line of ](": lambda n: repeated("](", n),
    "openers then links": lambda n: "# T\n\n" + "[" * (n // 12) + "[a](https://b)" * (n // 24),
    "runs of 1, 2, 3... backticks": backtick_runs,
    "paths on one line": lambda n: repeated("a/b ", n),
    "misspellings on one line": lambda n: repeated("transfomer visulization ", n),
    "distinct rare words": lambda n: "# T\n\n" + " ".join(map(word, range(n // 15))) + "\n",
    "rare words next to common ones": near_common_words,
    "the same paper in every section": copies_in_sections,
    "a table of copies": table_of_copies,
    "nested copies": nested_copies,
    "empty items": lambda n: "# T\n\n" + "-\n" * (n // 2),
    "suppressed entries": lambda n: (
        "# T\n\n" + "<!-- awesomelint-disable URL001 -->\n- [a](http://x.org/a)\n"
        "<!-- awesomelint-enable URL001 -->\n" * (n // 90)
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_hostile_shapes_cost_time_in_proportion_to_their_size(shape: str) -> None:
    small = executed_lines(lambda: check_text(SHAPES[shape](6_000)))
    large = executed_lines(lambda: check_text(SHAPES[shape](24_000)))
    # Four times the text: about four times the work when linear, sixteen when quadratic.
    assert large <= 6 * small, f"{shape}: {small} lines for 6 KB, {large} for 24 KB"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("# T\n\n" + "[a](b" * 40_000 + "\n", "ENT002"),
        ("# T\n\nSome " + "a" * 200_000 + " words\n", None),
        ("# T\n\nSome " + "Transfomer" + "s" * 100_000 + " words\n", None),
        ("# T\n\n" + "<!-- " * 40_000 + "\n", None),
        ("# T\n\n" + "<!-- awesomelint-disable " * 20_000 + "\n", None),
        ("# T\n\nThe Transfomer " + "a@" * 40_000 + " b\n", "TYP001"),
    ],
    ids=[
        "unclosed destinations",
        "a giant word",
        "a giant misspelling",
        "comments",
        "directives",
        "at signs",
    ],
)
def test_large_hostile_inputs_complete_with_sensible_findings(text: str, found: str | None) -> None:
    codes = {finding.code for finding in check_text(text)}
    assert (found in codes) if found else not codes & {"TYP001", "ENT002"}


def test_large_hostile_files_load_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "pr.md"
    path.write_text("# T\n\n" + "[a](b" * 50_000 + "\n" + "word" * 50_000 + "\n")
    doc = parse_source(read(path))
    assert doc.problems


@needs_fifo
def test_a_configuration_file_that_is_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "awesomelint.toml")
    with pytest.raises(ConfigError, match=r"awesomelint\.toml: not a regular file \(a FIFO\)"):
        load_config(cwd=tmp_path)


def test_a_huge_configuration_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "awesomelint.toml").write_text("# padding\n" * 200_000)
    with pytest.raises(ConfigError, match="over the 1 MB limit"):
        load_config(cwd=tmp_path)


def test_fixing_thousands_of_misspellings_costs_time_in_proportion() -> None:
    from awesomelint.fixing.fixer import fix_document

    def fix(size: int) -> None:
        parsed = parse_text(repeated("transfomer visulization ", size))
        outcome = fix_document(parsed, OFFLINE)
        assert "transfomer" not in outcome.parsed.document.text

    small, large = executed_lines(lambda: fix(6_000)), executed_lines(lambda: fix(24_000))
    assert large <= 6 * small, f"{small} lines for 6 KB, {large} for 24 KB"


def random_fixes(rnd: random.Random) -> list[Finding]:
    findings = []
    for _ in range(rnd.randint(0, 14)):
        edits = []
        for _ in range(rnd.randint(1, 3)):
            start = rnd.randint(0, 15)
            edits.append(Edit(start, start + rnd.choice([0, 0, 1, 2, 5]), rnd.choice(["", "x"])))
        code = rnd.choice(["AAA001", "BBB001"])
        fix = Fix(tuple(edits))
        findings.append(Finding(Path("x.md"), code, "r", "m", Span(0, 0), 1, 1, 1, 1, ERROR, fix))
    return findings


def test_choosing_fixes_agrees_with_checking_every_pair() -> None:
    def every_pair(findings: list[Finding]) -> list[Finding]:
        chosen: list[Finding] = []
        taken: list[Edit] = []
        for finding in sorted(
            findings, key=lambda f: (min(e.start for e in f.fix.edits), f.code) if f.fix else 0
        ):
            assert finding.fix is not None
            if not any(conflict(new, old) for new in finding.fix.edits for old in taken):
                chosen.append(finding)
                taken.extend(finding.fix.edits)
        return chosen

    rnd = random.Random(7)
    for _ in range(3000):
        findings = random_fixes(rnd)
        assert choose_fixes(findings) == every_pair(findings)
