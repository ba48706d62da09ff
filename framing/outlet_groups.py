"""``--outlets FILE``: put outlets into groups without editing every article.

An editor comparing "state-affiliated" with "independent" outlets, or one country's press with
another's, writes one small table instead of a ``group`` field on every article:

    outlet,group
    Lodestar Wire,United States
    Sever Telegraph Agency,Russia

CSV or tab-separated (by the file's suffix ``.tsv``), UTF-8, with that header. The file's group
wins over an article's own ``group`` field; outlets it does not name keep theirs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from framing.decoding import read_option_file
from framing.errors import InputError, InputProblem, input_error
from framing.model import Article, Corpus


def read_outlet_groups(path: Path) -> dict[str, str]:
    """Read an outlets file into outlet -> group; every problem reported with its line."""
    text = read_option_file(path, "outlets")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or [cell.strip().lower() for cell in rows[0]] != ["outlet", "group"]:
        raise input_error(
            path,
            "the first line must be the header 'outlet,group'",
            "add it, then one outlet and its group per line",
            line=1,
        )
    groups: dict[str, str] = {}
    problems: list[InputProblem] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            problems.append(
                InputProblem(
                    str(path), number, None, "expected an outlet and a group", "fill both cells"
                )
            )
            continue
        outlet, group = row[0].strip(), row[1].strip()
        if outlet in groups and groups[outlet] != group:
            problems.append(
                InputProblem(
                    str(path),
                    number,
                    "group",
                    f"'{outlet}' is already in group '{groups[outlet]}'",
                    "give each outlet one group",
                )
            )
            continue
        groups[outlet] = group
    if problems:
        raise InputError(problems)
    return groups


def apply_outlet_groups(corpus: Corpus, groups: dict[str, str]) -> tuple[Corpus, list[str]]:
    """Set each article's group from the table; return the outlets the table names in vain."""
    articles: Sequence[Article] = tuple(
        replace(article, group=groups[article.outlet]) if article.outlet in groups else article
        for article in corpus
    )
    present = {article.outlet for article in corpus}
    unknown = sorted(outlet for outlet in groups if outlet not in present)
    return replace(corpus, articles=tuple(articles)), unknown
