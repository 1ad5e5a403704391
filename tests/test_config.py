"""Configuration discovery, validation errors, and its effect on a run through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.config import find_config, load_config
from awesomelint.diagnostics import Severity
from awesomelint.errors import ConfigError

EMPTY_ITEMS = "# L\n\n1. [A](https://a.example/)\n2. \n\n- [x]()\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(cli, ["check", "--offline", "--output-format", "json", *args])
    return result.exit_code, json.loads(result.stdout or "[]"), result.stderr


def test_nearest_file_wins_and_pyproject_needs_the_table(tmp_path: Path) -> None:
    write(tmp_path / "awesomelint.toml", "ignore = ['ENT']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    deeper = tmp_path / "sub" / "deeper"
    deeper.mkdir()
    assert find_config(deeper) == tmp_path / "awesomelint.toml"
    write(tmp_path / "sub" / "pyproject.toml", "[tool.awesomelint]\nselect = ['ENT001']\n")
    assert find_config(deeper) == tmp_path / "sub" / "pyproject.toml"
    config = load_config(cwd=deeper)
    assert config.select == ("ENT001",)
    assert config.ignore == ()  # no merging with the file further up


def test_hidden_file_is_found(tmp_path: Path) -> None:
    write(tmp_path / ".awesomelint.toml", "network = false\n")
    assert load_config(cwd=tmp_path).network is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = ['ENT']\n", "awesomelint.toml: selct: unknown key"),
        ("select = 'NOPE1'\n", "select: unknown rule or rule family 'NOPE1'"),
        ("network = 'no'\n", "network: expected true or false"),
        ("[severity]\nempty-entry = 'loud'\n", "severity.empty-entry: expected one of"),
        ("[severity]\nno-such-rule = 'info'\n", "severity.no-such-rule: unknown rule"),
        ("[rules.empty-entry]\nlevel = 3\n", "rules.empty-entry.level: unknown option"),
        ("[links]\nproxy = 'x'\n", "links.proxy: unknown key"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "awesomelint.toml", text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_config(path)


def test_bad_config_is_exit_two_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "awesomelint.toml", "selct = []\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "x.md"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "awesomelint.toml: selct: unknown key" in result.stderr


def test_pyproject_keys_are_prefixed_in_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.awesomelint]\nformat = 1\n")
    with pytest.raises(ConfigError, match=r"tool\.awesomelint\.format: expected true or false"):
        load_config(path)


def test_config_selects_ignores_and_sets_severity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "lists" / "a.md", EMPTY_ITEMS)
    write(
        tmp_path / "awesomelint.toml", "ignore = ['malformed-link']\n[severity]\nENT001 = 'info'\n"
    )
    code, findings, _ = run_json()
    assert [(f["code"], f["severity"]) for f in findings] == [("ENT001", "info")]
    assert code == 0  # info does not fail the run


def test_cli_flags_override_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "lists" / "a.md", EMPTY_ITEMS)
    write(tmp_path / "awesomelint.toml", "select = ['ENT001']\n")
    assert [f["code"] for f in run_json()[1]] == ["ENT001"]
    assert [f["code"] for f in run_json("--select", "ENT002")[1]] == ["ENT002"]
    assert [f["code"] for f in run_json("--extend-select", "ENT002")[1]] == ["ENT001", "ENT002"]


def test_severity_off_and_per_file_ignores_and_exclude(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "lists" / "a.md", EMPTY_ITEMS)
    write(tmp_path / "lists" / "legacy" / "b.md", EMPTY_ITEMS)
    write(tmp_path / "lists" / "archive" / "c.md", EMPTY_ITEMS)
    write(
        tmp_path / "awesomelint.toml",
        "select = ['ENT']\nexclude = ['lists/archive/*']\n"
        "[severity]\nmalformed-link = 'off'\n"
        "[per-file-ignores]\n'lists/legacy/*' = ['ENT']\n",
    )
    _, findings, _ = run_json()
    assert [(f["path"], f["code"]) for f in findings] == [("lists/a.md", "ENT001")]


def test_explicit_config_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "lists" / "a.md", EMPTY_ITEMS)
    other = write(tmp_path / "conf" / "strict.toml", "select = ['ENT002']\n")
    assert [f["code"] for f in run_json("--config", str(other))[1]] == ["ENT002"]


def test_rule_options_are_typed(tmp_path: Path) -> None:
    from awesomelint.rules import ALL_RULES

    rule = next((r for r in ALL_RULES if r.name == "non-canonical-url"), None)
    if rule is None:
        pytest.skip("no rule with options yet")
    path = write(
        tmp_path / "awesomelint.toml", "[rules.non-canonical-url]\nkeep-arxiv-version = 'yes'\n"
    )
    with pytest.raises(ConfigError, match="keep-arxiv-version: expected true or false"):
        load_config(path)
    write(path, "[rules.non-canonical-url]\nkeep-arxiv-version = true\n")
    assert load_config(path).rule_options[rule.code].keep_arxiv_version is True


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path)
    assert config.path is None and config.network and not config.format
    assert config.severities == {} and Severity.ERROR.fails
