"""Allow ``python -m framing``."""

from framing.cli import main_entry

main_entry()
