"""The console script's exit skips the teardown, and nothing a user sees changes with it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from awesomelint import fastexit


def _python(program: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(program), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_exit_handlers_run_and_buffered_output_is_kept(tmp_path: Path) -> None:
    done = tmp_path / "handler-ran"
    result = _python(
        """
        import atexit, sys
        from awesomelint.fastexit import leave
        atexit.register(lambda: open(sys.argv[1], "w").write("yes"))
        atexit.register(lambda: print("from a handler"))
        sys.stdout.write("x" * 100_000)
        sys.stderr.write("to stderr")
        leave(3)
        """,
        str(done),
    )
    assert result.returncode == 3
    assert result.stdout == "x" * 100_000 + "from a handler\n"
    assert result.stderr == "to stderr"
    assert done.read_text() == "yes"


@pytest.mark.parametrize(
    ("code", "status", "stderr"), [(None, 0, ""), ("a message", 1, "a message\n")]
)
def test_codes_mean_what_sys_exit_makes_of_them(code: str | None, status: int, stderr: str) -> None:
    result = _python(
        f"""
        from awesomelint.fastexit import leave
        leave({code!r})
        """
    )
    assert (result.returncode, result.stderr) == (status, stderr)


def test_a_running_thread_is_waited_for() -> None:
    result = _python(
        """
        import threading, time
        from awesomelint.fastexit import leave
        def late():
            time.sleep(0.3)
            print("the thread finished", flush=True)
        threading.Thread(target=late).start()
        leave(0)
        """
    )
    assert result.returncode == 0
    assert result.stdout == "the thread finished\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_fails_the_ordinary_way() -> None:
    result = _python(
        """
        import sys
        from awesomelint.fastexit import leave
        sys.stdout = open("/dev/full", "w")
        print("lost")
        leave(0)
        """
    )
    assert result.returncode == 120  # Python's status when the streams do not flush at exit
    assert "No space left on device" in result.stderr


def test_the_exit_ends_the_process_only_when_it_can() -> None:
    with pytest.raises(SystemExit) as stop:
        fastexit.leave(256)
    assert stop.value.code == 256


def test_the_console_script_keeps_output_status_and_code_cache(tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        "# Papers\n\n- [Visulization of Circuits](https://example.org/a) - On circuits.\n",
        encoding="utf-8",
    )
    env_cache = tmp_path / "cache"
    result = subprocess.run(
        [sys.executable, "-m", "awesomelint", "check", "--offline", str(listing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"XDG_CACHE_HOME": str(env_cache), "HOME": str(tmp_path), "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert "TYP001 [misspelling]" in result.stdout
    assert result.stdout.endswith("\n")
    assert list((env_cache / "awesomelint").glob("code-*.marshal"))
