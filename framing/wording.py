"""Small wording helpers shared by the pages' display values."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """``1 article``, ``2,345 articles``: a count with its noun, thousands separated."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")
