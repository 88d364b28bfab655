from pathlib import Path

from hostile_tools import flip_stance_rehashed


def prepare(input: Path) -> None:
    """Flip one stance label to another legal label, keep schema and metadata, re-hash the entry."""
    flip_stance_rehashed(input / "releases" / "1.0.0")
