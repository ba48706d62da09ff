"""framing: show how different news outlets frame the same story, with evidence."""

__version__ = "0.1.0"

__all__ = ["__version__", "compare"]


def __getattr__(name: str) -> object:
    """``framing.compare`` without importing scikit-learn and NLTK on ``import framing``."""
    if name == "compare":
        from framing.notebook import compare

        return compare
    raise AttributeError(name)
