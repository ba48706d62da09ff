"""The command keeps freed memory for reuse (glibc ``mallopt``), and does nothing elsewhere."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

import framing.allocator as allocator
import framing.cli as cli


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "gnu_get_libc_version"),
    reason="needs Linux with glibc",
)
def test_glibc_takes_every_setting() -> None:
    # mallopt answers 1 for a setting it took and 0 for one it refused: all must be taken
    assert allocator.keep_freed_memory() is True


def test_nothing_is_changed_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _Musl()
    libc.gnu_get_libc_version = lambda: b"2.36"  # type: ignore[attr-defined]
    monkeypatch.setattr(allocator.sys, "platform", "darwin")
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda *args, **kwargs: libc)
    assert allocator.keep_freed_memory() is False
    assert libc.calls == []


def test_a_c_library_that_cannot_be_loaded_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(allocator.ctypes, "CDLL", _refuse_to_load)
    assert allocator.keep_freed_memory() is False


class _Musl:
    """A C library with ``mallopt`` but not glibc's own ``gnu_get_libc_version``."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


def test_a_c_library_other_than_glibc_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    musl = _Musl()
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda *args, **kwargs: musl)
    assert allocator.keep_freed_memory() is False
    assert musl.calls == []


def test_a_refused_setting_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        argtypes: Any = None
        restype: Any = None

        def __call__(self, parameter: int, value: int) -> int:
            return 0 if parameter == allocator.M_TOP_PAD else 1

    class Glibc:
        mallopt = Refusing()

        def gnu_get_libc_version(self) -> bytes:
            return b"2.36"

    monkeypatch.setattr(allocator.sys, "platform", "linux")
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda *args, **kwargs: Glibc())
    assert allocator.keep_freed_memory() is False


def test_the_console_command_keeps_freed_memory_and_main_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(cli, "keep_freed_memory", lambda: calls.append("kept") or True)
    monkeypatch.setattr(sys, "argv", ["framing", "lexicon", "list"])
    assert cli.main(["lexicon", "list"]) == 0
    assert calls == []  # a program calling main keeps its own allocator settings
    with pytest.raises(SystemExit) as exit_:
        cli.main_entry()
    assert exit_.value.code == 0
    assert calls == ["kept"]


def _refuse_to_load(*args: object, **kwargs: object) -> Any:
    raise OSError("no C library here")
