"""The library interface, used only through `import awesomelint` as a bot or an editor would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import awesomelint

LIST = """# Papers

## Interpretability

- [Toy Models of Superposition](https://arxiv.org/abs/2209.10652) [NeurIPS 2022]
- [Toy Models of Superposition](https://arxiv.org/abs/2209.10652) [NeurIPS 2022]
- [Visulization of Circuits](https://github.com/example/circuits)
"""


def test_check_text_reports_findings_with_positions() -> None:
    findings = awesomelint.check_text(LIST, "papers.md")
    by_rule = {(f.rule, f.line) for f in findings}
    assert ("duplicate-entry", 6) in by_rule
    assert ("misspelling", 7) in by_rule
    assert all(isinstance(f, awesomelint.Finding) for f in findings)
    assert all(isinstance(f.severity, awesomelint.Severity) for f in findings)
    assert findings == sorted(findings, key=awesomelint.Finding.sort_key)


def test_check_text_selects_and_ignores_like_the_command_line() -> None:
    only = awesomelint.check_text(LIST, select=["TYP"])
    assert {f.code for f in only} == {"TYP001"}
    assert all(f.code != "TYP001" for f in awesomelint.check_text(LIST, ignore=["misspelling"]))


def test_fix_text_applies_safe_fixes_and_says_what_is_left() -> None:
    result = awesomelint.fix_text(LIST, "papers.md")
    assert isinstance(result, awesomelint.FixResult)
    assert "Visualization of Circuits" in result.text
    assert result.changed
    assert {f.rule for f in result.applied} >= {"misspelling"}
    assert awesomelint.check_text(result.text, "papers.md") == list(result.remaining)


def test_fix_text_leaves_unsafe_fixes_unless_asked() -> None:
    safe = awesomelint.fix_text(LIST)
    assert safe.text.count("Toy Models of Superposition") == 2
    unsafe = awesomelint.fix_text(LIST, unsafe=True)
    assert unsafe.text.count("Toy Models of Superposition") == 1


def test_parse_gives_the_model() -> None:
    doc = awesomelint.parse(LIST)
    assert isinstance(doc, awesomelint.Document)
    (section,) = [s for s in doc.walk_sections() if s.title == "Interpretability"]
    entries = section.entries
    assert [type(e) for e in entries] == [awesomelint.Entry] * 3
    assert entries[0].links[0].url == "https://arxiv.org/abs/2209.10652"
    assert isinstance(entries[0].links[0], awesomelint.Link)


def test_check_paths_checks_files_and_names_the_ones_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"# \xff\xfe broken\n")
    result = awesomelint.check_paths([tmp_path])
    assert isinstance(result, awesomelint.RunResult)
    assert result.files_checked == 1
    assert {f.path.name for f in result.findings} == {"good.md"}
    assert [e.path.name for e in result.errors] == ["bad.md"]


def test_every_exported_name_resolves() -> None:
    for name in awesomelint.__all__:
        assert getattr(awesomelint, name) is not None
    with pytest.raises(AttributeError):
        _ = awesomelint.no_such_name  # type: ignore[attr-defined]


def test_importing_the_package_loads_no_rules_or_parser() -> None:
    code = (
        "import sys, awesomelint; "
        "print(sorted(m for m in sys.modules if m.startswith(('awesomelint.', 'markdown_it'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['awesomelint.version']"


def test_all_names_exactly_the_exports() -> None:
    assert sorted(awesomelint.__all__) == sorted(["__version__", *awesomelint._EXPORTS])
