"""Code compiled by one run kept for the next: the methods `dataclasses` writes for each record
type and the programs `re` makes of each regular expression.

Python caches the bytecode of modules, not of what they build when imported: every run
compiles again the source `dataclasses` writes for `__init__`, `__eq__`, `__hash__`... of
each of the hundred record types it loads, and parses and translates every regular expression
it compiles, a third of the start-up of a check. Both are functions of their text and of the
interpreter alone, so the console script keeps them (`install`) in the user cache folder, in a
file named after the interpreter's build: another Python, or another version of `re`'s
program format, reads a file of its own. What a run compiles anew is added at its end.
"""

from __future__ import annotations

import atexit
import builtins
import importlib
import marshal
import os
import sys
import threading
import types
import zlib
from collections.abc import Callable
from typing import Any

FORMAT = 2
MAX_ENTRIES = 4096
"""Of each kind; a store that would hold more keeps what the run used."""
KEEP_RUNS = 32
"""An entry no run has used in this many saves is dropped: some texts differ on every run
(markdown-it-py builds a pattern from a set, in the set's order of the run), and one entry
each would pile up to MAX_ENTRIES, a file of megabytes read at every start-up."""
CACHE_ENV = "AWESOMELINT_CODE_CACHE"
"""A folder to keep compiled code in instead of the user cache folder; "" for none."""

ReKey = tuple[str | bytes, int]
_installed = False


class _Store:
    """The entries read from the file, those this run compiled, and those it used. Each
    entry is kept marshalled: a run reads only those it uses (a check needs few of the
    patterns a fix compiles)."""

    def __init__(self, path: str, stored: object) -> None:
        self.path = path
        self.code: dict[str, bytes] = {}
        self.programs: dict[ReKey, bytes] = {}
        self.saves = 0
        self.last_used: dict[str, dict[Any, int]] = {"code": {}, "re": {}}
        """The save at which an entry was last used, by kind."""
        if isinstance(stored, dict) and stored.get("format") == FORMAT:
            code, programs = stored.get("code"), stored.get("re")
            if isinstance(code, dict) and all(type(c) is bytes for c in code.values()):
                self.code = code
            if isinstance(programs, dict) and all(type(p) is bytes for p in programs.values()):
                self.programs = programs
            saves, last_used = stored.get("saves"), stored.get("last_used")
            if type(saves) is int and isinstance(last_used, dict):
                self.saves = saves
                for kind in self.last_used:
                    seen = last_used.get(kind)
                    if isinstance(seen, dict):
                        self.last_used[kind] = {k: v for k, v in seen.items() if type(v) is int}
        self.new = False
        self.used_code: set[str] = set()
        self.used_programs: set[ReKey] = set()

    def save(self) -> None:
        if not self.new:
            return
        save = self.saves + 1
        code = self._kept(self.code, self.used_code, self.last_used["code"], save)
        programs = self._kept(self.programs, self.used_programs, self.last_used["re"], save)
        last_used = {
            "code": {text: self.last_used["code"][text] for text in code},
            "re": {key: self.last_used["re"][key] for key in programs},
        }
        stored = {"format": FORMAT, "code": code, "re": programs, "saves": save}
        try:
            data = marshal.dumps({**stored, "last_used": last_used})
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            partial = f"{self.path}.{os.getpid()}.tmp"
            with open(partial, "wb") as out:
                out.write(data)
            os.replace(partial, self.path)
        except (OSError, ValueError):
            pass  # unwritable, or a value marshal cannot store: the next run compiles again

    @staticmethod
    def _kept(
        entries: dict[Any, bytes], used: set[Any], last_used: dict[Any, int], save: int
    ) -> dict[Any, bytes]:
        """The entries used in the last KEEP_RUNS saves (this one counted), at most
        MAX_ENTRIES; `last_used` is brought up to date."""
        for key in used:
            last_used[key] = save
        for key in entries:
            last_used.setdefault(key, save)  # from a file without use records
        kept = {key: entry for key, entry in entries.items() if last_used[key] > save - KEEP_RUNS}
        if len(kept) > MAX_ENTRIES:
            kept = {key: entries[key] for key in used}
        return kept


def cache_file(folder: str) -> str:
    """Where the code of this interpreter is kept in `folder`."""
    sre = importlib.import_module("_sre")
    build = f"{sys.version}|{sys.hexversion}|{sre.MAGIC}|{sys.implementation.cache_tag}"
    return os.path.join(folder, f"code-{zlib.crc32(build.encode()):08x}.marshal")


def install(folder: str) -> None:
    """Serve dataclass methods and regular expression programs compiled by earlier runs from
    the file for this interpreter in `folder` (or $AWESOMELINT_CODE_CACHE), and add to it
    at exit what this run compiled anew."""
    global _installed
    folder = os.environ.get(CACHE_ENV, folder)
    if not folder or _installed:
        return
    _installed = True
    path = cache_file(folder)
    try:
        with open(path, "rb") as stored:
            store = _Store(path, marshal.loads(stored.read()))
    except (OSError, EOFError, ValueError, TypeError):
        store = _Store(path, None)
    _serve_dataclass_code(store)
    _serve_regex_programs(store)
    atexit.register(store.save)


def _unmarshal(data: bytes | None, kind: type[Any]) -> Any:
    """The value marshalled in `data` when it is of `kind`, else None."""
    if data is None:
        return None
    try:
        value = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return value if type(value) is kind else None


def _serve_dataclasses_exec(store: _Store) -> Callable[..., None]:
    def exec_cached(source: object, globals: Any = None, locals: Any = None) -> None:
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)  # type: ignore[arg-type]  # noqa: S102
        code = _unmarshal(store.code.get(source), types.CodeType)
        if code is None:
            # As exec() of the text would compile it (no __future__ flags of this module).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            store.code[source] = marshal.dumps(code)
            store.new = True
        store.used_code.add(source)
        return builtins.exec(code, globals, locals)  # noqa: S102 - what dataclasses does

    return exec_cached


def _serve_dataclass_code(store: _Store) -> None:
    """`dataclasses` compiles the methods it writes with the built-in exec(): the name is
    given one in its module that looks the text up first."""
    import dataclasses

    dataclasses.exec = _serve_dataclasses_exec(store)  # type: ignore[attr-defined]


class _Recorder:
    """`re._compiler`'s view of `_sre`: what it passes to `_sre.compile` for a pattern is
    kept, for the thread that asked for it."""

    def __init__(self, sre: types.ModuleType) -> None:
        self._sre = sre
        self.asked = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sre, name)

    def compile(self, *args: Any) -> Any:
        self.asked.args = args
        return self._sre.compile(*args)


def _plain(value: Any) -> Any:
    """`value` with the int subclasses `re` names its opcodes and flags with made ints (what
    marshal stores); lists, tuples and dicts gone through."""
    if isinstance(value, int) and type(value) is not bool:
        return int(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    return value


def _asked_by_module_code() -> bool:
    """Whether a module is being imported (its code is on the stack): patterns compiled then
    are the same on every run, where those compiled later are often made of the text being
    checked, different on every run."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") != "__main__":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _serve_regex_programs(store: _Store) -> None:
    """`re` turns a pattern into a program in Python (`re._compiler.compile`), then hands it
    to `_sre.compile`: the program of a pattern compiled before is handed over directly."""
    _sre = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    if not callable(getattr(_compiler, "compile", None)) or _compiler._sre is not _sre:
        return
    translate = _compiler.compile
    recorder = _Recorder(_sre)
    _compiler._sre = recorder

    def compile_cached(pattern: Any, flags: Any = 0) -> Any:
        if not isinstance(pattern, str | bytes):
            return translate(pattern, flags)
        key = (pattern, int(flags))
        program = _unmarshal(store.programs.get(key), tuple)
        if program is not None:
            try:
                compiled = _sre.compile(pattern, *program)
            except (TypeError, ValueError, RuntimeError):
                pass  # not a program of this `re`: translated again below
            else:
                store.used_programs.add(key)
                return compiled
        recorder.asked.args = None
        compiled = translate(pattern, flags)
        args = recorder.asked.args
        if args is not None and args[0] is pattern and _asked_by_module_code():
            try:
                store.programs[key] = marshal.dumps(_plain(args[1:]))
            except ValueError:
                return compiled  # a program marshal cannot store is translated every run
            store.used_programs.add(key)
            store.new = True
        return compiled

    _compiler.compile = compile_cached
