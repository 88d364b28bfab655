"""Word-level differences between a variant and its cluster's reference (misquotations stand out)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal


@dataclass(frozen=True)
class Piece:
    """`same`: in both; `added`: only in the variant; `missing`: only in the reference."""

    op: Literal["same", "added", "missing"]
    text: str


def tokens(text: str) -> list[str]:
    """Words with their trailing whitespace, so joining the tokens gives the text back."""
    lead = re.match(r"\s*", text).group()
    toks = re.findall(r"\S+\s*", text)
    if lead:
        toks = [lead] + toks
    return toks


def word_key(token: str) -> str:
    """Compare words, not typography: case, curly apostrophes and edge punctuation are ignored."""
    word = token.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"^[^\w]+|[^\w]+$", "", word) or word


def word_diff(reference: str, variant: str) -> list[Piece]:
    """The variant's words in order, marked against the reference; reference-only words inserted."""
    ref, var = tokens(reference), tokens(variant)
    matcher = SequenceMatcher(None, [word_key(t) for t in ref], [word_key(t) for t in var], autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(var[j1:j2])))
            continue
        missing = "".join(ref[i1:i2]).strip()  # CSS margins separate it from its neighbours
        if missing:
            pieces.append(Piece("missing", missing))
        if j2 > j1:
            pieces.append(Piece("added", "".join(var[j1:j2])))
    return pieces


def variant_text(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if p.op != "missing")
