"""The committed sample report is exactly what the current code renders.

``reports/s400/`` is the rendered teaching example that ships with the repository. When a change
alters the report on purpose, refresh it with

    framing report corpora/s400 -o reports/s400

and commit the new files with the change (the README says the same).
"""

from __future__ import annotations

from pathlib import Path

from framing.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports" / "s400"


def test_committed_sample_report_is_up_to_date(tmp_path: Path) -> None:
    assert main(["report", str(ROOT / "corpora" / "s400"), "-o", str(tmp_path)]) == 0
    rendered = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in SAMPLE.iterdir())
    assert rendered == committed
    stale = [
        name for name in rendered if (tmp_path / name).read_bytes() != (SAMPLE / name).read_bytes()
    ]
    assert not stale, f"reports/s400 is stale ({stale}); refresh it as the docstring says"
