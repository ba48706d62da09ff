"""Users' lexicon files: reading them safely, and combining them with the built-in ones.

Split from :mod:`framing.lexicon` (the format and its checks): this module is about where a
lexicon comes from and how a user's list joins or overrides the shipped ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicon import Lexicon, parse_lexicon


def read_lexicon_text(path: Path) -> str:
    """Read a user's lexicon file as UTF-8 (a BOM is allowed), with a one-line error if not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file; check the path") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a folder; give a .tsv lexicon file") from None
    except OSError as error:
        raise LexiconError(f"{path}: cannot read ({error.strerror}); check permissions") from None
    if b"\x00" in data[:4096]:
        raise LexiconError(f"{path}: looks binary, not a TSV lexicon; give a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LexiconError(
            f"{path}:{line}: not valid UTF-8; save the file as UTF-8 and try again"
        ) from None


def read_lexicon_file(path: Path) -> Lexicon:
    """Read and parse a user's lexicon file."""
    return parse_lexicon(read_lexicon_text(path), str(path))


def merge_lexicons(base: Sequence[Lexicon], extra: Sequence[Lexicon]) -> tuple[Lexicon, ...]:
    """Add users' lexicons to the built-in ones; a lexicon with a built-in's name overrides it.

    Overriding works per category: a category the user's file lists replaces the built-in
    category's entries (and label) entirely; new categories are added; the built-in's other
    categories stay. The merged lexicon's version says it was changed (``1.0.0+local``) so a
    report never passes off an edited list as the shipped one.
    """
    merged = list(base)
    for lexicon in extra:
        index = next((i for i, b in enumerate(merged) if b.name == lexicon.name), None)
        if index is None:
            merged.append(lexicon)
            continue
        old = merged[index]
        replaced = set(lexicon.category_ids)
        categories = [lexicon.category(c.id) if c.id in replaced else c for c in old.categories] + [
            c for c in lexicon.categories if c.id not in set(old.category_ids)
        ]
        entries = [e for e in old.entries if e.category not in replaced] + list(lexicon.entries)
        merged[index] = replace(
            old,
            version=f"{old.version}+local",
            categories=tuple(categories),
            entries=tuple(entries),
            origin=f"{old.origin}, categories {', '.join(lexicon.category_ids)} from "
            f"{lexicon.origin}",
        )
    return tuple(merged)
