"""attack9: the silver validates whatever sits at the edges of the spans the extractor proposes:
combining marks (one, a run past MAX_MARKS, after ZWJ), variation selectors, astral letters and
symbols, CRLF, other scripts, and control characters, pushed into made-up news texts at the edges
of quotation marks, cues ("said", "according to", "told"), speaker names, entity mentions,
claims and quantities. (No dev-news text is used.)"""

from __future__ import annotations

import random
import unicodedata

import pytest
from landstrikes.cli import main
from landstrikes.extract import extract_article
from landstrikes.schema.controls import UNWRITABLE_RANGES, writable
from landstrikes.schema.tableio import read_table

TEMPLATES = [
    "Strikes on land\n\n“We are going to start hitting land,” the President said on Thursday.\n\nMexico’s president, "
    "Claudia Sheinbaum, said the country would not accept intervention. According to officials, at least 35 people "
    "were killed in Sinaloa last week.\n\nThe Pentagon declined to comment, a spokesman told Reuters. \"It is a "
    "sovereign matter,\" she said.\n\nAnalysts say cartels earn $3 billion a year, according to a report by the "
    "Treasury Department. Jobs are at risk according to a report.\n",
    "Cartel violence\r\n\r\nDefense Secretary Pete Hegseth told reporters that 12 boats had been destroyed. 'We will "
    "not stop,' he said.\r\n\r\nAccording to the United Nations, more than 1,200 migrants crossed the border in March, "
    "up 40 percent.\r\n\r\n“This is madness,” said Senator Ana Ruiz, who added that the strikes “violate "
    "international law.”\r\n",
]
AT_EDGES = ["\u0301", "\u093f", "\u20dd", "\ufe0f", "\U000e0100", "\u200d", "\ua7cb", "\U0001d400", "\U00010400",
            "\U0001f600", "\u0430", "\u03b1", "\u0628", "\u4e2d", "\u00b2", "\u0301" * 33, "\u0301\u200d",
            "\u200d\u0301", "\r\n", "\u00a0", "e\u0301", "\U0001f1fa\U0001f1f8", "\u0915\u094d\u200d", "\ufeff",
            "\u2028", "\u3000", "\u00ad", "\u2060", "\U0001f3fb", "\u0e31", "\u3099", "\x0b", "\x0c", "\x85", "\x9c"]


def word_edges(text: str) -> list[int]:
    """Offsets where a word, a quotation mark or a blank starts or ends: where spans begin and end."""
    return [i for i in range(1, len(text)) if text[i - 1].isalnum() != text[i].isalnum()
            or {text[i - 1], text[i]} & set("“”\"'’ ")]


def hostile_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        text = rng.choice(TEMPLATES)
        if rng.random() < 0.3:  # every accent written as its own code point
            text = unicodedata.normalize("NFD", text.replace("a", "á").replace("e", "é").replace("o", "ö"))
        edges = word_edges(text)
        for at in sorted(rng.sample(edges, rng.choice([1, 3, 10, 30])), reverse=True):
            glue = text[at] == " " and rng.random() < 0.5  # the character takes the blank's place: two words glued
            text = text[:at] + rng.choice(AT_EDGES) + text[at + glue:]
        texts.append(text)
    return texts


@pytest.mark.parametrize("seed", [1, 2])
def test_hostile_characters_at_every_kind_of_span_edge_give_a_silver_that_validates(tmp_path, seed, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, text in enumerate(hostile_texts(seed, 250)):
        (raw / f"h{i:04d}.txt").write_bytes(text.encode("utf-8"))
    assert main(["extract", str(raw), "--out", str(tmp_path / "out"), "--num-proc", "2"]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "out")]) == 0, capsys.readouterr().out[-3000:]


UNWRITABLE = [chr(c) for lo, hi in UNWRITABLE_RANGES for c in range(lo, hi + 1)]


def test_a_claim_holding_any_control_character_gives_a_proposition_that_validates(tmp_path, capsys):
    """The claim stays the verbatim slice; its proposition (not a copy of the text, so held to what
    a YAML source can hold) has a space where the text has a control character."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, char in enumerate(UNWRITABLE):
        (raw / f"c{i:03d}.txt").write_text(f"At least 35 people were{char}killed in Sinaloa last week.\n", encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "out")]) == 0, capsys.readouterr().out[-3000:]
    propositions = set(read_table(tmp_path / "out" / "data" / "claim_clusters")["proposition"])
    assert propositions == {"At least 35 people were killed in Sinaloa last week"}
    texts = read_table(tmp_path / "out" / "data" / "claims")["text"]
    assert len(texts) == len(UNWRITABLE) and all(t[23] in UNWRITABLE for t in texts)


def test_writable_replaces_exactly_what_a_source_cannot_hold():
    kept = "\t\n\r\x85 aZ\u00a0é\u2028\ufffd\U0001f600"
    assert writable(kept) == kept
    assert writable("".join(UNWRITABLE)) == " " * len(UNWRITABLE)
    assert extract_article("a", "At least 35 people were\x0ckilled in Sinaloa.")["claim_clusters"][0]["proposition"] == (
        "At least 35 people were killed in Sinaloa")
