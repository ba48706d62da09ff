"""The reports in a real browser: headless Debian Chromium driven by Playwright.

Each bundled page loads with no console error and no network request; switching a layer hides
its highlights (by mouse and by key); the one script runs under the page's policy and a tampered
one does not; axe-core finds no serious or critical accessibility violation; and injection
payloads placed in every field of the input never run. Screenshots go to ``tests/artifacts/``
(or ``$FRAMING_ARTIFACTS``).

Needs Chromium (``apt-get install chromium``), the ``playwright`` package (test extras; it drives
the system browser through ``executable_path``, never a downloaded one) and axe-core
(``npm install --prefix tests/browser``). Without them the tests skip with the reason, except
under ``CI=true``, where a missing piece is a failure. ``.ci/run`` installs all three.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from framing.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "s400"
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("FRAMING_ARTIFACTS", ROOT / "tests" / "artifacts"))
BROWSER = next(
    (
        path
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (path := shutil.which(name))
    ),
    None,
)


def _missing() -> str | None:
    if BROWSER is None:
        return "no Chromium installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install '.[test]')"
    return None


_REASON = _missing()
if _REASON is not None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"under CI=true the browser tests must run: {_REASON}")
    pytest.skip(_REASON, allow_module_level=True)

from playwright.sync_api import (  # noqa: E402
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    sync_playwright,
)

# Payloads in the spirit of the OWASP XSS filter evasion cheat sheet; each would set
# window.__xss (or open a dialog, or fetch) if it ever ran.
XSS = (
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=2">',
    "<svg onload=window.__xss=3>",
    "javascript:window.__xss=4",
    '\'"><iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
    '<a href="javascript:window.__xss=6">x</a>',
    "<body onload=window.__xss=7>",
    '<img src="https://evil.example/x.png">',
    "{{constructor.constructor('window.__xss=8')()}}",
    "<math><mtext></p><script>window.__xss=9</script>",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BROWSER is not None
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def s400(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-s400")
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    return out


class Watched:
    """A page with its console errors, requests and dialogs recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def network(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("file:")]


def open_page(browser: Browser, path: Path, **context: Any) -> Watched:
    page = browser.new_context(**context).new_page()
    watched = Watched(page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return watched


@pytest.mark.parametrize("name", ["index.html", "story-s400.html"])
def test_each_page_loads_without_errors_or_requests(
    browser: Browser, s400: Path, name: str
) -> None:
    watched = open_page(browser, s400 / name)
    assert watched.errors == [] and watched.network == [] and watched.dialogs == []
    assert watched.page.evaluate("document.documentElement.dataset.js") == "on"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / name.replace(".html", ".png")), full_page=True)
    watched.page.set_viewport_size({"width": 420, "height": 900})
    watched.page.screenshot(path=str(ARTIFACTS / name.replace(".html", "-narrow.png")))


def test_switching_a_layer_hides_its_highlights(browser: Browser, s400: Path) -> None:
    page = open_page(browser, s400 / "story-s400.html").page
    frame_cue = page.locator("#articles .articles span.frame").first
    shown = frame_cue.evaluate("e => getComputedStyle(e).backgroundColor")
    assert shown not in ("rgba(0, 0, 0, 0)", "transparent")
    page.click("label[for=layer-frame]")
    assert frame_cue.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    loaded = page.locator("#articles .articles span.loaded").first
    assert loaded.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("4")  # the shortcut for the loaded-language layer
    assert loaded.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    page.keyboard.press("?")
    assert page.locator("#shortcuts").is_visible()


def test_narrow_screens_stack_the_columns(browser: Browser, s400: Path) -> None:
    page = open_page(browser, s400 / "story-s400.html", viewport={"width": 420, "height": 900}).page
    columns = page.locator("#articles .column")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert first is not None and second is not None
    assert second["y"] > first["y"] + first["height"] - 1  # one under the other


def test_a_tampered_script_is_refused_by_the_policy(
    browser: Browser, s400: Path, tmp_path: Path
) -> None:
    html = (s400 / "story-s400.html").read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    tampered.write_text(html.replace("root.setAttribute(", "root.setAttribute( "), "utf-8")
    watched = open_page(browser, tampered)
    assert watched.page.evaluate("document.documentElement.dataset.js") is None


@pytest.mark.parametrize("name", ["index.html", "story-s400.html"])
def test_no_serious_accessibility_violation(browser: Browser, s400: Path, name: str) -> None:
    if not AXE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core missing: npm install --prefix tests/browser")
        pytest.skip("axe-core not installed (npm install --prefix tests/browser)")
    # The audit script is injected by the test, so the page's policy is bypassed for it only.
    page = open_page(browser, s400 / name, bypass_csp=True).page
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document)).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious)


def test_injected_payloads_never_run(browser: Browser, tmp_path: Path) -> None:
    records = []
    for index, payload in enumerate(XSS):
        records.append(
            {
                "id": f"x{index}",
                "outlet": f"Outlet {index % 2} {payload}",
                "title": f"Title {payload}",
                "url": f"https://news.example/{index}?q={payload}",
                "story": f"story {index % 2} {payload}",
                "group": f"group {index % 3} {payload}",
                "text": f"The threat {payload} was deadly, officials said. "
                f"\u201cIt is {payload} a sovereign choice,\u201d the minister said.\n\n"
                f"The radar {payload} works, according to the maker.",
            }
        )
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    lexicon = tmp_path / "hostile.tsv"
    lexicon.write_text(
        "# name: hostile\n# title: <script>window.__xss=11</script>\n"
        "# category: x | <img src=x onerror=window.__xss=12> | <svg onload=window.__xss=13>\n"
        "term\tcategory\tweight\tnote\nthreat\tx\t1\t<script>window.__xss=14</script>\n",
        encoding="utf-8",
    )
    out = tmp_path / "report"
    assert main(["report", str(corpus), "-o", str(out), "--lexicon", str(lexicon)]) == 0
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= 3
    for path in pages:
        watched = open_page(browser, path)
        assert watched.page.evaluate("window.__xss") is None, path.name
        assert watched.dialogs == [] and watched.network == [] and watched.errors == [], path.name
