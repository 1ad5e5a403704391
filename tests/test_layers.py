"""The package tree is the architecture: imports only go down the layers, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "awesomelint"
MAX_LINES = 400

# Lowest first. A module may import from its own layer and the layers below it, never above.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "awesomelint.errors",
        "awesomelint.version",
        "awesomelint.codecache",
        "awesomelint.cachedir",
        "awesomelint.fastexit",
    ),
    ("awesomelint.document",),
    ("awesomelint.diagnostics", "awesomelint.knowledge"),
    ("awesomelint.net",),
    ("awesomelint.directives", "awesomelint.rules"),
    (
        "awesomelint.engine",
        "awesomelint.selection",
        "awesomelint.config",
        "awesomelint.report",
        "awesomelint.workspace",
        "awesomelint.baseline",
    ),
    (
        "awesomelint.runner",
        "awesomelint.parallel",
        "awesomelint.aside",
        "awesomelint.netwire",
        "awesomelint.fixing",
    ),
    (
        "awesomelint.api",
        "awesomelint.cli",
        "awesomelint.cli_options",
        "awesomelint.cli_output",
        "awesomelint.launch",
        "awesomelint.__main__",
    ),
)
TOP = len(LAYERS) - 1
"""The package itself (`awesomelint/__init__.py`, the library interface) re-exports from every
layer, so it sits on top with the command line."""

# Within a layer, packages that must still not import one another.
FORBIDDEN: tuple[tuple[str, str], ...] = (
    ("awesomelint.knowledge", "awesomelint.diagnostics"),
    ("awesomelint.report", "awesomelint.engine"),
    ("awesomelint.report", "awesomelint.workspace"),
    ("awesomelint.workspace", "awesomelint.engine"),
    ("awesomelint.workspace", "awesomelint.report"),
    ("awesomelint.fixing", "awesomelint.runner"),
    ("awesomelint.fixing", "awesomelint.netwire"),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every awesomelint module `path` imports, at any depth of the file (lazy imports too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    modules = _modules()
    return {name for name in names if name in modules}


def _layer(module: str) -> int:
    if module == "awesomelint":
        return TOP
    best, depth = -1, -1
    for index, layer in enumerate(LAYERS):
        for prefix in layer:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > depth:
                best, depth = index, len(prefix)
    return best


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_every_module_has_a_layer() -> None:
    assert [name for name in _modules() if _layer(name) < 0] == []


def test_imports_only_go_down_the_layers() -> None:
    upward = [
        f"{name} imports {imported}"
        for name, path in _modules().items()
        for imported in _imports(path)
        if _layer(imported) > _layer(name)
    ]
    assert upward == []


def test_packages_in_one_layer_keep_to_their_job() -> None:
    crossing = [
        f"{name} imports {imported}"
        for name, path in _modules().items()
        for imported in _imports(path)
        for importer, target in FORBIDDEN
        if _within(name, importer) and _within(imported, target)
    ]
    assert crossing == []


def test_only_the_parser_imports_markdown_it() -> None:
    importers = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = None
            if isinstance(node, ast.ImportFrom):
                module = node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            if module and module.split(".")[0] == "markdown_it":
                importers.append(name)
    assert sorted(set(importers)) == ["awesomelint.document.parse"]


@pytest.mark.parametrize("folder", ["src", "bench"])
def test_no_module_is_over_the_house_size(folder: str) -> None:
    if not (ROOT / folder).is_dir():
        pytest.skip(f"no {folder}/ here")
    long = {
        str(path.relative_to(ROOT)): count
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_package_says_what_it_owns() -> None:
    missing = [
        str(init.relative_to(ROOT))
        for init in sorted(PACKAGE.rglob("__init__.py"))
        if ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []
