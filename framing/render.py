"""Render page data with Jinja: one environment, autoescape on, CSS and JS inlined under a CSP.

The stylesheet and the one small script are inlined so each page is one self-contained file;
the Content-Security-Policy allows exactly those two (by their SHA-256 hashes) and nothing else:
no other script, no external loads, so a hostile article cannot make a report run code or
contact a server.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from framing import __version__
from framing.report_context import StoryPage
from framing.report_index import IndexPage


@dataclass(frozen=True)
class Renderer:
    """Renders index and story pages; build one per run."""

    @cached_property
    def environment(self) -> Environment:
        return Environment(
            loader=PackageLoader("framing", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    @cached_property
    def css(self) -> str:
        return (resources.files("framing") / "static" / "report.css").read_text(encoding="utf-8")

    @cached_property
    def script(self) -> str:
        return (resources.files("framing") / "static" / "report.js").read_text(encoding="utf-8")

    @cached_property
    def style_hash(self) -> str:
        return _csp_hash(self.css)

    @cached_property
    def script_hash(self) -> str:
        return _csp_hash(self.script)

    def _render(self, template: str, page: IndexPage | StoryPage) -> str:
        # The stylesheet is the package's own file, never data: it is the one value passed
        # through unescaped, because escaping would turn its quotes and ">" into entities that
        # a <style> element does not decode (and break the CSP hash). A "</style" in it would
        # end the element early, so refuse that outright.
        if "</" in self.css or "</" in self.script:
            raise ValueError("report.css and report.js must not contain '</'")
        return self.environment.get_template(template).render(
            page=page,
            css=Markup(self.css),
            script=Markup(self.script),
            style_hash=self.style_hash,
            script_hash=self.script_hash,
            tool_version=__version__,
        )

    def index(self, page: IndexPage) -> str:
        return self._render("index.html", page)

    def story(self, page: StoryPage) -> str:
        return self._render("story.html", page)

    def fragment(self, template: str, page: StoryPage) -> str:
        """A piece of a page for embedding (a notebook cell): same data, same escaping; its
        styles are inline attributes on a few elements, so it does not restyle the host."""
        return self.environment.get_template(template).render(page=page, tool_version=__version__)


def _csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
