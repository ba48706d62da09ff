"""Load a corpus from a folder or a file into frozen Articles, reporting every problem at once.

This module decides *which* files are read and in what order, and checks what only the whole
corpus can show (duplicate ids); the per-format readers in ``framing.formats`` turn one file
into Articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from framing.errors import InputError, InputProblem, input_error
from framing.formats import FORMATS, READERS, SourceFile
from framing.formats.record import default_id, quote
from framing.model import Article, Corpus

__all__ = ["iter_articles", "load_corpus"]

# Files that sit beside articles in a corpus folder but are not articles (any suffix).
_NOT_ARTICLES = {
    "README": "documentation file, not an article",
    "LICENSE": "documentation file, not an article",
    "CHANGELOG": "documentation file, not an article",
    "ANSWER_KEY": "answer key, not an article",
}


def load_corpus(path: str | Path, *, require_outlet: bool = True) -> Corpus:
    """Read every article under ``path`` (a folder, read recursively, or one file).

    Parameters
    ----------
    path:
        A ``.txt``/``.md``/``.jsonl``/``.csv`` file, or a folder of them.
    require_outlet:
        If false, a missing outlet becomes ``""`` instead of an error (for ``framing annotate``,
        whose input may hold only ids and text).

    Raises
    ------
    InputError
        With one problem per bad record or file, across all files: nothing is silently dropped.

    Examples
    --------
    >>> corpus = load_corpus("corpora/s400")  # doctest: +SKIP
    >>> corpus.skipped  # doctest: +SKIP
    ('ANSWER_KEY.md: answer key, not an article',)
    """
    skipped: list[str] = []
    articles = tuple(_read(path, require_outlet, skipped))
    return Corpus(articles, tuple(skipped))


def iter_articles(path: str | Path, *, require_outlet: bool = True) -> Iterator[Article]:
    """Yield the articles under ``path`` one at a time, in the order ``load_corpus`` gives.

    JSONL and CSV files are streamed, so memory stays flat on large exports. Problems are
    collected as reading goes on and raised together, as one ``InputError``, after the last
    article: a caller that writes output while iterating must write it atomically.
    """
    return _read(path, require_outlet, [])


def _read(path: str | Path, require_outlet: bool, skipped: list[str]) -> Iterator[Article]:
    given = os.fspath(path)
    files, problems = _find_files(Path(given), given, skipped)
    first_seen: dict[str, tuple[str, int]] = {}
    for file in files:
        reader = READERS[file.path.suffix.lower()]
        try:
            for item in reader(file, require_outlet):
                if isinstance(item, InputProblem):
                    problems.append(item)
                elif item.id in first_seen:
                    problems.append(_duplicate(item, file, first_seen[item.id]))
                else:
                    first_seen[item.id] = (file.shown, item.source_line)
                    yield item
        except InputError as error:
            problems.extend(error.problems)
        except OSError as error:
            problems.append(_unreadable(file.shown, error))
    if problems:
        raise InputError(problems)
    if not first_seen:
        passed = f" ({len(skipped)} file(s) skipped: {'; '.join(skipped[:3])})" if skipped else ""
        raise input_error(
            given,
            f"contains no articles{passed}",
            f"framing reads {FORMATS} files; put articles in one of these formats there",
        )


def _find_files(
    root: Path, given: str, skipped: list[str]
) -> tuple[list[SourceFile], list[InputProblem]]:
    """Return the files to read in sorted path order, and folders that could not be listed."""
    if not root.exists():
        raise input_error(given, "does not exist", "check the path (a file or a folder)")
    if root.is_dir():
        return _walk(root, given, skipped)
    if root.suffix.lower() not in READERS:
        raise input_error(
            given,
            f"is not a corpus format ({FORMATS})",
            "convert it to one of these formats, or give the folder that holds the articles",
        )
    # A file named directly is read whatever its name: the user asked for it. Articles record
    # only its name, so reports and JSON never carry the user's absolute paths; error messages
    # still show the path as given.
    return [SourceFile(root, given, root.name)], []


def _walk(
    root: Path, given: str, skipped: list[str]
) -> tuple[list[SourceFile], list[InputProblem]]:
    """List a folder recursively, noting in ``skipped`` what is passed over, and why."""
    problems: list[InputProblem] = []
    found: list[tuple[tuple[str, ...], SourceFile | str]] = []

    def unreadable(error: OSError) -> None:
        problems.append(_unreadable(os.fspath(error.filename or given), error))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        here = Path(folder).relative_to(root)
        for name in list(subfolders):
            reason = _skip_reason(name, is_folder=True)
            if reason is None and Path(folder, name).is_symlink():
                reason = "link to a folder, not followed (link loops would never end)"
            if reason is not None:
                subfolders.remove(name)  # os.walk does not descend into removed folders
                found.append(((here / name).parts, f"{(here / name).as_posix()}/: {reason}"))
        for name in names:
            relative = here / name
            reason = _skip_reason(name, is_folder=False)
            if reason is not None:
                found.append((relative.parts, f"{relative.as_posix()}: {reason}"))
            else:
                shown = os.path.join(given, *relative.parts)
                file = SourceFile(root / relative, shown, relative.as_posix())
                found.append((relative.parts, file))
    files: list[SourceFile] = []
    for _, entry in sorted(found, key=lambda item: item[0]):
        if isinstance(entry, str):
            skipped.append(entry)
        else:
            files.append(entry)
    return files, problems


def _skip_reason(name: str, *, is_folder: bool) -> str | None:
    """Return why a file or folder in a corpus folder is not read, or None to read it."""
    if name.startswith("."):
        return "hidden (name starts with '.')"
    if name.startswith("_"):
        return "left out (name starts with '_')"
    if is_folder:
        return None
    if Path(name).suffix.lower() not in READERS:
        return f"not a corpus format ({FORMATS})"
    for prefix, reason in _NOT_ARTICLES.items():
        if name.upper().startswith(prefix):
            return reason
    return None


def _duplicate(article: Article, file: SourceFile, first: tuple[str, int]) -> InputProblem:
    where = f"{first[0]}:{first[1]}"
    if article.id == default_id(article.outlet, article.title, article.text):
        return file.problem(
            article.source_line,
            None,
            f"the same article (outlet, title and text) is already at {where}",
            "remove one of the two copies",
        )
    return file.problem(
        article.source_line,
        "id",
        f"id {quote(article.id)} is already used at {where}",
        "give every article its own id (or leave ids out and framing will make them)",
    )


def _unreadable(shown: str, error: OSError) -> InputProblem:
    return InputProblem(
        shown,
        None,
        None,
        f"could not be read ({error.strerror or error})",
        "check that the file exists and that you may read it",
    )
