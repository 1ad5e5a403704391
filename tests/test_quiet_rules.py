"""markdown-it's block rules parse as before once their debug logging is dropped."""

from __future__ import annotations

import logging
import sys
import types

from markdown_it import MarkdownIt

from awesomelint.document.parse import parse_text
from awesomelint.document.quiet_rules import quiet_debug_logging


def test_block_rules_log_nothing_and_parse_the_same() -> None:
    import markdown_it.rules_block.list as list_rule

    assert list_rule.LOGGER.name == "markdown_it.rules_block.list"
    list_rule.LOGGER.debug("entering list: %s", 1, exc_info=True)
    tokens = MarkdownIt("commonmark").parse("- a\n  - b\n\n***\n")
    assert [t.type for t in tokens if t.type.endswith("_open")] == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
    ]
    assert len(parse_text("# T\n\n- [A](https://a.org)\n").document.links) == 1


def test_a_logger_asked_for_debug_lines_keeps_them() -> None:
    logger = logging.getLogger("quietpkg.rule")
    logger.setLevel(logging.DEBUG)
    other = logging.getLogger("quietpkg.other")
    other.setLevel(logging.INFO)
    modules = {
        "quietpkg.rule": types.ModuleType("quietpkg.rule"),
        "quietpkg.other": types.ModuleType("quietpkg.other"),
        "quietpkg.plain": types.ModuleType("quietpkg.plain"),
    }
    modules["quietpkg.rule"].LOGGER = logger  # type: ignore[attr-defined]
    modules["quietpkg.other"].LOGGER = other  # type: ignore[attr-defined]
    sys.modules.update(modules)
    try:
        assert quiet_debug_logging("quietpkg") == 1
        assert modules["quietpkg.rule"].LOGGER is logger  # type: ignore[attr-defined]
        assert modules["quietpkg.other"].LOGGER is not other  # type: ignore[attr-defined]
        assert modules["quietpkg.other"].LOGGER.level == logging.INFO  # type: ignore[attr-defined]
        assert not hasattr(modules["quietpkg.plain"], "LOGGER")
    finally:
        for name in modules:
            del sys.modules[name]
