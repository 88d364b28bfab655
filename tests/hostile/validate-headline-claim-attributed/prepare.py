from pathlib import Path

from test_attack25_headline_claims import _attribute_first_claim_in


def prepare(input: Path) -> None:
    _attribute_first_claim_in(input, "headline")
