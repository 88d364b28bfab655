from pathlib import Path

from test_attack25_stance_evidence_speakers import _give_quoted_evidence_another_holder


def prepare(input: Path) -> None:
    _give_quoted_evidence_another_holder(input)
