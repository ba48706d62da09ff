"""``--facts FILE``: a checklist of claims a teacher or an editor wants to look for.

One fact per line, as a short sentence in your own words; optionally an id and a tab before it
(``turkey_paid<TAB>Turkey has paid an advance on the contract.``). Words the fact cannot do
without go in square brackets, with alternatives after ``|``
(``Turkey has [paid|payment|deposit] an advance.``): a sentence then only counts when it has
one of them (see ``framing.facts``). Blank lines and lines starting with ``#`` are skipped.
The report then says, for every outlet, whether it reports each fact, with the sentence that
matched.
"""

from __future__ import annotations

from pathlib import Path

from framing.decoding import read_option_file
from framing.errors import InputError, InputProblem, input_error
from framing.facts import parse_fact


def read_facts(path: Path) -> dict[str, str]:
    """Read a facts file into id -> fact, reporting every bad line."""
    text = read_option_file(path, "facts")
    facts: dict[str, str] = {}
    problems: list[InputProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fact_id, sep, fact = stripped.partition("\t")
        if not sep:
            fact_id, fact = f"fact-{len(facts) + 1}", stripped
        fact_id, fact = fact_id.strip(), fact.strip()
        if not fact or not fact_id:
            problems.append(
                InputProblem(
                    str(path), number, None, "a tab but no id or no fact", "write id<TAB>fact"
                )
            )
        elif fact_id in facts:
            problems.append(
                InputProblem(
                    str(path),
                    number,
                    "id",
                    f"the id '{fact_id}' is used twice",
                    "give each fact its own id",
                )
            )
        else:
            try:
                parse_fact(fact_id, fact)
            except ValueError as error:
                problems.append(
                    InputProblem(
                        str(path),
                        number,
                        "fact",
                        str(error),
                        "write essential words as [word|other word], or drop the brackets",
                    )
                )
                continue
            facts[fact_id] = fact
    if problems:
        raise InputError(problems)
    if not facts:
        raise input_error(path, "has no facts", "write one fact per line")
    return facts
