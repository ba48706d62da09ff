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
