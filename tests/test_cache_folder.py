"""One per-user cache folder for everything awesomelint keeps between runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from awesomelint import launch
from awesomelint.knowledge import compiled
from awesomelint.net.settings import default_cache_dir


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders")
def test_the_link_cache_word_lists_and_rule_tables_share_one_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(compiled.CACHE_ENV, raising=False)
    assert default_cache_dir() == tmp_path / "awesomelint"
    assert compiled.cache_folder() == tmp_path / "awesomelint" / "words"
    assert launch.cache_dir() == str(tmp_path / "awesomelint")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "awesomelint"
