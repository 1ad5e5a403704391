"""`fix --format` on real lists: mdformat's canonical form without respelling what authors
wrote (destinations, brackets, entities, escapes, comments, reference definitions), and the
safety net still refusing, with the construct and its line, what would lose a link."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.document.parse import parse_text
from awesomelint.fixing.fixer import verify
from awesomelint.fixing.formatting import format_markdown, lost_construct

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

KEPT = [
    "# L\n\n- [tool]([https://example.org/tool]) - bracketed destination\n",
    "# L\n\n- [wiki](https://zh.wikipedia.org/wiki/\u8bba\u6587) - non-ASCII path\n",
    "# L\n\n- [a](https://a.example/a\\_b) and ![i](https://a.example/?a=1&amp;b=2)\n",
    "# L\n\n- [[pdf](https://a.example/x)] [[code](https://github.com/o/r)]\n",
    "# L\n\n- [https://github.com/o/r] a bare URL in brackets\n",
    "# L\n\nSpacing&nbsp;&nbsp;kept, \\_escapes\\_ kept, &amp; too.\n",
    "<!-- omit in toc -->\n## Contents\n\n- [A](https://a.example/)\n",
    '<p align="center">\n<img src="logo.png" width="200">\n</p>\n\n# L\n',
    "# L\n\n<details><summary>More</summary>\n\n- [A](https://a.example/)\n\n</details>\n",
    "# L\n\n| Title | Code |\n| ----- | ---- |\n| [A](https://a.example/) | [B](https://b.example/) |\n".replace(
        "| Title | Code |", "| Title                   | Code                    |"
    ).replace("| ----- | ---- |", "| ----------------------- | ----------------------- |"),
    "# L\n\n- [A][r]\n\n[r]: https://a.example/\n[unused]: https://u.example/\n",
    "# L\n\n[Top]: https://top.example/\n\n- [B][top]\n",
]


@pytest.mark.parametrize("text", KEPT)
def test_formatting_keeps_what_the_author_wrote(text: str) -> None:
    formatted = format_markdown(text)
    assert formatted == text
    before, after = parse_text(text), parse_text(formatted)
    assert verify(before, after, ()) is None


def test_formatting_still_formats() -> None:
    text = "# L\n* [A](https://a.example/)  -  a   thing \n* [B](https://b.example/)\n\n\n\nEnd\n"
    assert format_markdown(text) == (
        "# L\n\n- [A](https://a.example/) - a thing\n- [B](https://b.example/)\n\nEnd\n"
    )


@pytest.mark.parametrize("use", ["- [B][in]\n", "- [B](https://b.example/)\n"])
def test_a_definition_inside_a_list_item_moves_to_the_end(use: str) -> None:
    text = "# L\n\n- item\n\n  [in]: https://in.example/\n\n" + use
    formatted = format_markdown(text)
    assert formatted.endswith("\n\n[in]: https://in.example/\n")
    assert verify(parse_text(text), parse_text(formatted), ()) is None


def test_a_refusal_names_the_construct_and_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should formatting ever lose a link, nothing is written and the error says where."""
    monkeypatch.chdir(tmp_path)
    text = "# L\n\n- [A](https://a.example/)\n\n[r]: https://r.example/\n"
    Path("list.md").write_text(text)

    def losing(source: str) -> str:
        return source.replace("[r]: https://r.example/\n", "").replace("  ", " ") + "\n"

    monkeypatch.setattr("awesomelint.fixing.formatting.format_markdown", losing)
    result = CliRunner().invoke(cli, ["fix", "--offline", "--format", "list.md"])
    assert result.exit_code == 2
    assert "line 5: the reference definition [r] to https://r.example/" in result.stderr
    assert Path("list.md").read_text() == text  # nothing written


def test_a_second_definition_of_a_label_inside_a_list_item_does_not_stop_formatting() -> None:
    text = "# L\n\n[a]: https://one.example/\n\n- item\n\n  [a]: https://two.example/\n\n- [B][a]\n"
    formatted = format_markdown(text)
    assert "[a]: https://one.example/" in formatted
    assert verify(parse_text(text), parse_text(formatted), ()) is None


def test_fix_format_through_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("list.md").write_text(
        "# L\n* [tool]([https://example.org/tool])  x\n\n[[pdf](https://a.example/x)]\n"
    )
    result = CliRunner().invoke(cli, ["fix", "--offline", "--format", "list.md"])
    assert result.exit_code == 0, result.stderr
    assert Path("list.md").read_text() == (
        "# L\n\n- [tool]([https://example.org/tool]) x\n\n[[pdf](https://a.example/x)]\n"
    )


def _real_lists() -> list[Path]:
    corpus = sorted((SHARED / "corpus").glob("*__*.md"))
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    return corpus + seeds


@pytest.mark.skipif(not _real_lists(), reason="the shared corpus is not here")
@pytest.mark.parametrize("path", _real_lists(), ids=lambda path: path.name[:24])
def test_real_lists_format_without_refusal(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = parse_text(text, path.name)
    after = parse_text(format_markdown(text), path.name)
    assert verify(before, after, ()) is None, lost_construct(before, after)
