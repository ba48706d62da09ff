"""The report in a real browser: its one script runs under its own policy, and a tampered
script does not (that the page reads without JavaScript is checked on the HTML itself, in
``test_report.py``).

Needs a Chromium (Debian's ``chromium``; CI installs it). Without one the tests skip with a
reason, except under ``CI=true``, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from framing.cli import main

BROWSER = next(
    (
        path
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (path := shutil.which(name))
    ),
    None,
)

if BROWSER is None:
    if os.environ.get("CI") == "true":
        pytest.fail("no Chromium found under CI=true: .ci/run installs Debian's chromium")
    pytest.skip("no Chromium installed (apt-get install chromium)", allow_module_level=True)

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def dump_dom(page: Path, profile: Path, *extra: str) -> str:
    """The DOM after the page's scripts ran, offline (no network, no first-run chores)."""
    assert BROWSER is not None
    command = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *extra,
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def story_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    return out / "story-s400.html"


def test_the_pages_own_script_runs_under_its_policy(story_page: Path, tmp_path: Path) -> None:
    dom = dump_dom(story_page, tmp_path / "profile")
    assert 'data-js="on"' in dom
    assert 'id="shortcuts-button"' in dom and 'id="shortcuts-button" hidden' not in dom


def test_a_tampered_script_is_refused_by_the_policy(story_page: Path, tmp_path: Path) -> None:
    html = story_page.read_text(encoding="utf-8")
    tampered = html.replace(
        'root.setAttribute("data-js", "on");', 'root.setAttribute("data-js", "on"); //'
    )
    assert tampered != html
    page = tmp_path / "tampered.html"
    page.write_text(tampered, encoding="utf-8")
    dom = dump_dom(page, tmp_path / "profile")
    assert 'data-js="on"' not in dom
