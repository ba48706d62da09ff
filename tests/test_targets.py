"""Researchers' ``targets``: character spans in JSONL records, validated with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.errors import InputError
from framing.loading import load_corpus


def write(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_targets_are_read_as_spans_with_labels(tmp_path: Path) -> None:
    text = "Turkey bought it. Washington objected."
    path = write(
        tmp_path,
        {
            "id": "a",
            "text": text,
            "targets": [{"start": 0, "end": 6, "label": "Turkey"}, {"start": 18, "end": 28}],
        },
    )
    (article,) = load_corpus(path, require_outlet=False)
    assert article.targets == ((0, 6, "Turkey"), (18, 28, ""))
    assert text[18:28] == "Washington"


@pytest.mark.parametrize(
    "targets",
    [
        "Turkey",
        [{"start": 5, "end": 2}],
        [{"start": 0, "end": 999}],
        [{"start": "0", "end": 3}],
        [[0, 3]],
        [{"start": True, "end": 3}],
    ],
)
def test_bad_targets_name_the_file_line_and_field(tmp_path: Path, targets: object) -> None:
    path = write(
        tmp_path,
        {"id": "ok", "text": "Fine text."},
        {"id": "b", "text": "Short.", "targets": targets},
    )
    with pytest.raises(InputError) as caught:
        load_corpus(path, require_outlet=False)
    assert str(caught.value).startswith(f"{path}:2: field 'targets': ")


def test_annotate_reports_the_tone_toward_each_target_and_the_actors_named(
    tmp_path: Path,
) -> None:
    from framing.cli import main

    text = (
        "Turkey was praised for a wonderful, generous deal. The threat from Atlantis is terrible."
    )
    path = write(
        tmp_path,
        {
            "id": "a",
            "text": text,
            "targets": [
                {"start": 0, "end": 6, "label": "Turkey"},
                {
                    "start": text.index("Atlantis"),
                    "end": text.index("Atlantis") + 8,
                    "label": "Atlantis",
                },
            ],
        },
    )
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(path), "-o", str(out)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    tones = {t["label"]: t for t in record["targets"]}
    assert tones["Turkey"]["tone"] > 0.3 and tones["Atlantis"]["tone"] < -0.3
    assert all(t["sentences"] == 1 for t in tones.values())
    assert {"actor": "Turkey", "start": 0, "end": 6, "in_title": False} in record["mentions"]


def test_a_users_actor_table_names_new_actors(tmp_path: Path) -> None:
    from framing.cli import main

    table = tmp_path / "actors.tsv"
    table.write_text(
        "# name: my-actors\nactor\tkind\talias\nAtlantis\tcountry\tAtlantis\n"
        "Atlantis\tcountry\tAtlantean\n",
        encoding="utf-8",
    )
    path = write(tmp_path, {"id": "a", "text": "The Atlantean navy sailed. Atlantis said so."})
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(path), "-o", str(out), "--actors", str(table)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [m["actor"] for m in record["mentions"]] == ["Atlantis", "Atlantis"]
