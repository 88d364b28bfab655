from pathlib import Path

from test_attack25_claim_speakers import _another_person, _claim_inside, _set


def prepare(input: Path) -> None:
    row, claim, quote = _claim_inside(input, "direct")
    _set(input, "claims", row, claimant_id=_another_person(input, claim["article_id"], quote["speaker_id"]))
