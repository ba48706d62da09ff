"""ruff and mypy stay clean: the project's own code standards, checked on every CI run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_and_format() -> None:
    lint = run(sys.executable, "-m", "ruff", "check", "framing", "tests")
    assert lint.returncode == 0, lint.stdout
    fmt = run(sys.executable, "-m", "ruff", "format", "--check", "framing", "tests")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy", "framing")
    assert result.returncode == 0, result.stdout
