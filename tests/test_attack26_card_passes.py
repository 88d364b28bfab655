"""The card lists the claims passes the DATASHEET lists: the registered ones
(`claimspass_registry.CLAIMS_PASSES`), each once, in their order.

The card's agreement block listed every key of agreement.json that ended in `_pass` and held a
`span_overlap`, while the DATASHEET lists the registered passes: an agreement.json holding a
`ninetieth_pass` (a newer tool's, a hand copy of the eighth) put a pass no folder holds into the card
build writes and a release publishes, and a key holding a line break wrote lines of its own into
the card (attack26). The DATASHEET said neither."""

from __future__ import annotations

import json
from pathlib import Path

from landstrikes.documents.claimspass_registry import CLAIMS_PASSES
from landstrikes.releases.card import agreement_block

FIGURES = json.loads((Path(__file__).resolve().parent.parent / "dataset" / "agreement.json").read_text(encoding="utf-8"))


def _pass_lines(block: str) -> list[str]:
    return [line for line in block.splitlines() if "(claims of" in line]


def test_the_card_lists_the_registered_claims_passes_in_order():
    lines = _pass_lines(agreement_block({"agreement": FIGURES}))
    assert [line.split(" pass ")[0].strip(" -") for line in lines] == [each.name for each in CLAIMS_PASSES]


def test_a_pass_agreement_json_holds_beyond_the_registry_is_not_in_the_card():
    figures = {**FIGURES, "ninetieth_pass": FIGURES["eighth_pass"], "x\n## Injected heading\n_pass": FIGURES["eighth_pass"]}
    block = agreement_block({"agreement": figures})
    assert "ninetieth" not in block and "Injected" not in block
    assert block == agreement_block({"agreement": FIGURES})
