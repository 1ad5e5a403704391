"""Writing fixed files back: temporary files of killed runs, files changed on disk meanwhile,
hard links, owners and modes, and symbolic links that lead out of the checked tree."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.document.source import read
from awesomelint.errors import WriteError
from awesomelint.fixing import fixrun, writer
from awesomelint.fixing.fixrun import FixRequest, run_fix
from awesomelint.fixing.writer import (
    STALE_AFTER_S,
    WritePolicy,
    remove_stale_temporaries,
    temporary_name,
    write_file,
)
from awesomelint.rules import find_rule

BROKEN = "# L\n\n- [A paper](http://arxiv.org/abs/2301.00001)\n"
FIXED = "# L\n\n- [A paper](https://arxiv.org/abs/2301.00001)\n"
EDITED = "# L\n\n- [A paper](http://arxiv.org/abs/2301.00001) - a human's note\n"
unix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file semantics")


def request(**kwargs: object) -> FixRequest:
    url_rule = find_rule("URL001")
    assert url_rule is not None
    return FixRequest(rules=(url_rule,), **kwargs)  # type: ignore[arg-type]


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def fake_temporary(folder: Path, pid: int, name: str = "list.md") -> Path:
    path = folder / f".awesomelint-{name}.{pid}.0123abcd.tmp"
    path.write_bytes(b"half a file")
    return path


# -- temporary files -------------------------------------------------------------------------


def test_temporary_files_have_a_recognisable_name(tmp_path: Path) -> None:
    name = temporary_name(tmp_path / "list.md")
    assert name.startswith(".awesomelint-list.md.") and name.endswith(".tmp")
    assert f".{os.getpid()}." in name
    assert len(temporary_name(tmp_path / ("x" * 250))) < 160


def test_the_temporary_file_of_a_dead_run_is_removed_by_the_next_fix(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    stale = fake_temporary(tmp_path, dead_pid())
    outcome = run_fix([path], request())
    assert outcome.changed_files == 1
    assert not stale.exists()
    assert listing(tmp_path) == ["list.md"]


def test_stale_temporaries_go_even_when_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(FIXED)
    stale = fake_temporary(tmp_path, dead_pid())
    assert run_fix([path], request()).changed_files == 0
    assert not stale.exists()


def test_diff_removes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    stale = fake_temporary(tmp_path, dead_pid())
    run_fix([path], request(diff=True))
    assert stale.exists()


@unix_only
def test_a_running_process_keeps_its_fresh_temporary_but_not_an_old_one(tmp_path: Path) -> None:
    alive = os.getppid()
    fresh = fake_temporary(tmp_path, alive, "a.md")
    old = fake_temporary(tmp_path, alive, "b.md")
    hour_ago = time.time() - STALE_AFTER_S - 60
    os.utime(old, (hour_ago, hour_ago))
    removed = remove_stale_temporaries([tmp_path / "list.md"])
    assert removed == [old]
    assert fresh.exists()


def test_files_that_only_look_alike_are_left_alone(tmp_path: Path) -> None:
    keep = [
        ".awesomelint-notes.md",
        ".awesomelint-list.md.123.tmp",  # no random part
        ".list.md.ab12cd34",
        "awesomelint-list.md.1.0123abcd.tmp",
    ]
    for name in keep:
        (tmp_path / name).write_text("mine")
    (tmp_path / ".awesomelint-x.md.1.0123abcd.tmp").mkdir()  # not a file
    assert remove_stale_temporaries([tmp_path / "list.md"], now=time.time() + 10 * 3600) == []
    assert listing(tmp_path) == sorted([*keep, ".awesomelint-x.md.1.0123abcd.tmp"])


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from awesomelint.fixing import writer

def stalled_replace(src, dst):
    Path(sys.argv[2]).write_text("ready")
    time.sleep(600)

writer.os.replace = stalled_replace
writer.write_file(Path(sys.argv[1]), b"new contents" * 100000)
"""


@unix_only
def test_kill_9_during_a_write_leaves_the_file_whole_and_the_next_run_cleans_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    ready = tmp_path.parent / f"{tmp_path.name}-ready"
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), str(ready)])
    try:
        for _ in range(600):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert ready.exists(), "the writer never got to its rename"
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    left = [name for name in listing(tmp_path) if name != "list.md"]
    assert len(left) == 1 and left[0].startswith(".awesomelint-list.md.")
    assert path.read_text() == BROKEN  # no partial file
    assert run_fix([path], request()).changed_files == 1
    assert listing(tmp_path) == ["list.md"]
    assert path.read_text() == FIXED


# -- files changed on disk -------------------------------------------------------------------


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    stamp = read(path).stamp
    path.write_text(EDITED)
    with pytest.raises(WriteError, match="changed on disk since it was read; not written"):
        write_file(path, FIXED.encode(), stamp=stamp)
    assert path.read_text() == EDITED
    assert listing(tmp_path) == ["list.md"]


def test_a_file_replaced_by_the_same_bytes_is_written(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    stamp = read(path).stamp
    path.unlink()
    path.write_text(BROKEN)  # an editor's save: a new file, the same text
    write_file(path, FIXED.encode(), stamp=stamp)
    assert path.read_text() == FIXED


def test_an_edit_made_while_fix_runs_is_kept_and_the_other_files_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited, other = tmp_path / "a.md", tmp_path / "b.md"
    edited.write_text(BROKEN)
    other.write_text(BROKEN)
    real_fix_documents = fixrun.fix_documents

    def fix_while_a_human_edits(*args, **kwargs):  # type: ignore[no-untyped-def]
        fixed = real_fix_documents(*args, **kwargs)
        edited.write_text(EDITED)
        return fixed

    monkeypatch.setattr(fixrun, "fix_documents", fix_while_a_human_edits)
    outcome = run_fix([edited, other], request())
    assert [e.message for e in outcome.result.errors] == [
        f"{edited}: changed on disk since it was read; not written (run fix again)"
    ]
    assert edited.read_text() == EDITED
    assert other.read_text() == FIXED
    assert listing(tmp_path) == ["a.md", "b.md"]


# -- hard links, owners, modes ---------------------------------------------------------------


@unix_only
def test_a_hard_linked_file_is_refused_by_default(tmp_path: Path) -> None:
    path, twin = tmp_path / "list.md", tmp_path / "twin.md"
    path.write_text(BROKEN)
    os.link(path, twin)
    outcome = run_fix([path], request())
    message = (
        f"{path}: has 2 hard links, which replacing it would break; not written "
        "(--allow-hard-links rewrites it in place, not atomically)"
    )
    assert [e.message for e in outcome.result.errors] == [message]
    assert path.read_text() == twin.read_text() == BROKEN
    assert listing(tmp_path) == ["list.md", "twin.md"]


@unix_only
def test_allow_hard_links_writes_through_the_shared_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("list.md").write_text(BROKEN + "\n" + "padding line\n" * 20)
    os.link("list.md", "twin.md")
    inode = os.stat("list.md").st_ino
    result = CliRunner().invoke(cli, ["fix", "--offline", "--allow-hard-links", "list.md"])
    assert result.exit_code == 0, result.output
    assert os.stat("list.md").st_ino == os.stat("twin.md").st_ino == inode
    assert Path("twin.md").read_text() == FIXED + "\n" + "padding line\n" * 20
    assert listing(tmp_path) == ["list.md", "twin.md"]


@unix_only
def test_a_file_written_twice_through_two_hard_links_is_fine(tmp_path: Path) -> None:
    path, twin = tmp_path / "list.md", tmp_path / "twin.md"
    path.write_text(BROKEN)
    os.link(path, twin)
    outcome = run_fix([path, twin], request(write=WritePolicy(allow_hard_links=True)))
    assert not outcome.result.errors
    assert twin.read_text() == FIXED


@unix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_group_and_mode_are_kept_when_root_fixes_a_users_file(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    os.chown(path, 1234, 4321)
    path.chmod(0o640)
    assert run_fix([path], request()).changed_files == 1
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 4321, 0o640)
    assert path.read_text() == FIXED


@unix_only
def test_an_owner_that_cannot_be_kept_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_text(BROKEN)
    euid = os.geteuid()
    monkeypatch.setattr(writer.os, "geteuid", lambda: euid + 1)  # someone else runs fix

    def chown(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writer.os, "chown", chown)
    outcome = run_fix([path], request())
    [error] = outcome.result.errors
    assert error.message.startswith(f"{path}: owned by uid {euid} and gid ")
    assert error.message.endswith("; not written")
    assert path.read_text() == BROKEN
    assert listing(tmp_path) == ["list.md"]


# -- symbolic links --------------------------------------------------------------------------


@unix_only
def test_a_symlink_out_of_the_tree_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "lists").mkdir(parents=True)
    outside.mkdir()
    target = outside / "notes.md"
    target.write_text(BROKEN)
    (repo / "lists" / "link.md").symlink_to(target)
    (repo / "lists" / "inside.md").symlink_to("../README.md")
    (repo / "README.md").write_text(BROKEN)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli, ["fix", "--offline", "lists"])
    assert result.exit_code == 2
    assert (
        f"lists/link.md: a symbolic link to {target.resolve()}, outside the checked tree; "
        "not written (--allow-outside-symlinks writes through it)"
    ) in result.stderr
    assert target.read_text() == BROKEN
    assert (repo / "README.md").read_text() == FIXED  # a link inside the tree is followed
    result = CliRunner().invoke(cli, ["fix", "--offline", "--allow-outside-symlinks", "lists"])
    assert result.exit_code == 0, result.output
    assert target.read_text() == FIXED
    assert (repo / "lists" / "link.md").is_symlink()


@unix_only
def test_a_named_file_may_link_within_its_own_folder(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text(BROKEN)
    link = tmp_path / "list.md"
    link.symlink_to("real.md")
    assert run_fix([link], request()).changed_files == 1
    assert target.read_text() == FIXED
