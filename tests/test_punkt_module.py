"""``framing.punkt_module``: Punkt without the rest of NLTK, and without breaking NLTK for others.

Each case runs in a fresh interpreter, since what is tested is what an import leaves in
``sys.modules``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def _run(script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_annotating_imports_no_nltk_package_scipy_stats_or_sklearn() -> None:
    """The annotate command's modules load Punkt alone: nothing of NLTK stays registered, and
    neither SciPy's stats nor scikit-learn (the second of start-up this avoids) is imported."""
    out = _run(
        """
        import sys
        import framing.cli, framing.annotate, framing.execution
        from framing.text import prepare

        prepared = prepare("a", "The U.S. Senate voted. He met Gen. Smith on Jan. 5.")
        print(prepared.n_sentences)
        heavy = ("nltk", "scipy.stats", "sklearn")
        print(sorted(name for name in sys.modules if name.split(".")[0] == "nltk"
                     or name.startswith(heavy)))
        """
    )
    assert out.splitlines() == ["2", "[]"]


def test_nltk_imported_afterwards_is_whole_and_working() -> None:
    """A program that imports NLTK after framing gets all of it, its own Punkt included."""
    out = _run(
        """
        from framing.sentences import split_sentences
        from framing.punkt_news import news_tokenizer
        import nltk
        import nltk.tokenize.punkt
        from nltk.stem.snowball import SnowballStemmer

        print(nltk.tokenize.punkt.PunktSentenceTokenizer.__module__)
        print(SnowballStemmer("english").stem("running"))
        print(hasattr(nltk, "sent_tokenize"), hasattr(nltk, "corpus"))
        # framing's private Punkt is a separate copy of the same code
        print(type(news_tokenizer()).__name__, type(news_tokenizer()) is not
              nltk.tokenize.punkt.PunktSentenceTokenizer)
        print(len(split_sentences("It rained. The U.S. Senate met.")))
        """
    )
    assert out.splitlines() == [
        "nltk.tokenize.punkt",
        "run",
        "True True",
        "PunktSentenceTokenizer True",
        "2",
    ]


def test_nltk_imported_first_is_used_as_it_is() -> None:
    """When NLTK is already imported, framing uses NLTK's own Punkt module, not a copy."""
    out = _run(
        """
        import nltk.tokenize.punkt
        from framing.punkt_module import load_punkt
        from framing.punkt_news import news_tokenizer

        print(load_punkt() is nltk.tokenize.punkt)
        print(type(news_tokenizer()) is nltk.tokenize.punkt.PunktSentenceTokenizer)
        """
    )
    assert out.splitlines() == ["True", "True"]


def test_missing_nltk_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without NLTK installed the loader says so (the package is a hard dependency)."""
    import importlib.util

    from framing import punkt_module

    monkeypatch.delitem(sys.modules, "nltk", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    with pytest.raises(ModuleNotFoundError, match="pip install nltk"):
        punkt_module.load_punkt()
