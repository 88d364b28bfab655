from pathlib import Path

from test_attack25_unstamped_auto_rows import _relabel_as_extracted


def prepare(input: Path) -> None:
    _relabel_as_extracted(input, "claims", lambda c: c["quantity_unit"] == "boats", quantity_unit="ships")
