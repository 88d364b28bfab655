from pathlib import Path

from attack25_tools import rows_of, write_rows


def prepare(input: Path) -> None:
    claims = rows_of(input, "claims")
    next(c for c in claims if c["contradicted_by"]).update(contradicted_by=[], consistency="corroborated")
    write_rows(input, "claims", claims)
