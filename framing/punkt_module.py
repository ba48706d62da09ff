"""Load NLTK's Punkt module (``nltk.tokenize.punkt``) without running NLTK's package imports.

Why: ``import nltk.tokenize.punkt`` first runs ``nltk/__init__.py``, which imports nearly all
of NLTK (parsers, classifiers, corpora readers) and with it SciPy's ``stats`` and
scikit-learn: about 1.1 s on a 2-core machine (measured with ``python -X importtime``), while
Punkt itself and the handful of NLTK modules it imports load in about 0.06 s. ``framing
annotate`` needs Punkt and nothing else of NLTK, and that second was a twentieth of annotating
20,000 articles with two processes, spent before any worker starts. NLTK's issue #67 ("import
nltk is slow") is the same cost seen from the other side.

How: the two packages on the way, ``nltk`` and ``nltk.tokenize``, are registered as empty
package modules (from their own specs, so submodules are found where NLTK keeps them) while
``nltk.tokenize.punkt`` is imported; then every ``nltk`` module this loaded is taken out of
``sys.modules`` again. The Punkt module stays alive through the references held here, and
nothing of NLTK is left half-initialised for others: a later ``import nltk`` (a report's
stemmer, or the user's own program) imports the whole package, its own Punkt included, as if
this had never run. If NLTK is already imported, its own Punkt module is used.

``tests/test_punkt_module.py`` checks both orders in fresh interpreters and that the module is
Punkt's own (the sentence splitter's equivalence tests compare against it).

One limit: for the ~60 ms the two empty packages are registered, another *thread* importing
``nltk`` for the first time would get the empty package. framing loads Punkt when
``framing.punkt_news`` is first imported (by ``framing.text`` and every analyzer); a program
that starts threads which import NLTK themselves should import those first.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

__all__ = ["load_punkt"]

_PUNKT = "nltk.tokenize.punkt"


def load_punkt() -> ModuleType:
    """Return NLTK's ``nltk.tokenize.punkt`` module, importing as little of NLTK as it needs."""
    if "nltk" in sys.modules:
        return importlib.import_module(_PUNKT)
    package_spec = importlib.util.find_spec("nltk")
    if package_spec is None or package_spec.submodule_search_locations is None:
        raise ModuleNotFoundError("NLTK is not installed: pip install nltk", name="nltk")
    tokenize_spec = importlib.machinery.PathFinder.find_spec(
        "nltk.tokenize", package_spec.submodule_search_locations
    )
    if tokenize_spec is None:
        raise ModuleNotFoundError("NLTK has no nltk.tokenize package", name="nltk.tokenize")
    loaded_before = set(sys.modules)
    try:
        for spec in (package_spec, tokenize_spec):
            sys.modules[spec.name] = importlib.util.module_from_spec(spec)
        return importlib.import_module(_PUNKT)
    finally:
        for name in set(sys.modules) - loaded_before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]
