"""M1: a `NAME` is "a proper name or its abbreviation: 'Trump', 'U.S.', 'SRE'", a `NOMINAL` "a
definite description". A mention whose words are some of its own entity's name's words, in their
order and letter case ("Saucedo" of `david-saucedo`, named "David Saucedo"; "Trump" of "Donald
Trump", M1's own example), is a proper name, a NAME, whatever the catalogue lists.

attack55: a NAME mention turned NOMINAL while the alias it matched was dropped from its entity's
aliases (that alias named no other mention) validated: `mention-kind-mismatch` asks only whether a
mention's whole text is a catalogued name or alias, and nothing asked it of a part of one
[nominal-is-part-of-its-name]. No release (1.0.0-2.35.2) has such a NOMINAL.

Judged only where it cannot be a description: an annotated NOMINAL (the extractor's are proposals)
of an entity that has a proper name (it lists an alias: E1's office-holders named by description
list none) that opens on a capital and on no determiner or possessive (`nominal_determiners`), whose
words are a run of its entity's name's or an alias's words; a text that is a whole catalogued name or
alias is `mention-kind-mismatch`'s (one corruption, one finding). Runs of up to 8 words are indexed
per entity the candidates name, so the cost is linear in the candidates and their entities' names."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import _shared, article_numbers, article_text, article_texts, arrow_column, key_positions
from landstrikes.schema.nominal_determiners import _OPENS, annotated_nominals
from landstrikes.schema.report import Report

CHECK = "nominal-is-part-of-its-name"
_MAX_WORDS = 8
"""The longest part of a name looked for (a NOMINAL of more words is not judged here)."""


def check_nominal_names(tables, report: Report) -> None:
    mentions, entities = tables.get("mentions"), tables.get("entities")
    if mentions is None or entities is None or len(mentions) == 0 or len(entities) == 0 or \
            not all(c in mentions for c in ("mention_id", "entity_id", "kind", "text")) or \
            not all(c in entities for c in ("entity_id", "name", "aliases")):
        return
    rows = annotated_nominals(mentions, "text", "entity_id")
    if not len(rows):
        return
    text = arrow_column(tables, "mentions", "text", pa.string()).take(pa.array(rows))
    capital = pc.fill_null(pc.match_substring_regex(text, r"^\p{Lu}"), False)
    opens = pc.fill_null(pc.match_substring_regex(text, _OPENS), True)
    keep = pc.and_(capital, pc.invert(opens)).to_numpy(zero_copy_only=False)
    rows, text = rows[keep], text.filter(pa.array(keep))
    if not len(rows):
        return
    owner = key_positions(tables, "mentions", "entity_id", "entities", "entity_id")[rows]
    names = arrow_column(tables, "entities", "name", pa.string())
    aliases = arrow_column(tables, "entities", "aliases", pa.list_(pa.string()))
    whole = {" ".join(str(v).split()) for v in names.to_pylist() if v} | \
            {" ".join(str(v).split()) for v in pc.list_flatten(aliases).to_pylist() if v}
    runs: dict[int, set[tuple[str, ...]]] = {}
    found = []
    for row, entity, value in zip(rows.tolist(), owner.tolist(), text.to_pylist()):
        words = tuple(value.split())
        if entity < 0 or not words or len(words) > _MAX_WORDS or " ".join(words) in whole:
            continue
        if entity not in runs:
            listed = aliases[entity].as_py() or []
            runs[entity] = _runs([names[entity].as_py()] + listed) if listed else set()
        if words in runs[entity]:
            found.append((row, value))
    if found:  # a capital a sentence's start explains, on words the texts also write in lower case (review56)
        numbers, starts = article_numbers(tables, "mentions"), arrow_column(tables, "mentions", "start", pa.int64())
        found = [(row, value) for row, value in found
                 if not (_opens_a_sentence(tables, int(numbers[row]), starts[int(row)].as_py()) and _common_words(tables, value.split()))]
    if not found:
        return
    ids = arrow_column(tables, "mentions", "mention_id", pa.string())
    entity_ids = arrow_column(tables, "mentions", "entity_id", pa.string())
    for row, value in found:
        report.add("mentions", CHECK,
                   f"a NOMINAL whose words are part of its entity's name ({entity_ids[int(row)].as_py()!r}) is a proper "
                   "name, a NAME (M1: 'Trump'), and its text an alias of the entity (M2)", ids[int(row)].as_py(), "kind", value, value_of="its text")


def _opens_a_sentence(tables, number: int, start) -> bool:
    """Whether the mention at `start` of article `number` opens a sentence, a line or a quotation
    (its capital says nothing of a proper name there)."""
    text = article_text(tables, number) if number >= 0 else None
    if text is None or not isinstance(start, int) or not 0 <= start <= len(text):
        return False
    before = text[max(0, start - 200):start].rstrip(" \t\xa0")
    return not before or before[-1] in "\n\r\x0b\x0c\x85\u2028\u2029.!?:;\"'\u201c\u201d\u2018\u2019(\u2014\u2013"


def _common_words(tables, words: list[str]) -> bool:
    """Whether every word also stands in lower case somewhere in the articles' texts: at a sentence's
    start, a common noun that a name happens to hold ("Police said ..." of "Mexico City Police",
    "Navy", "Ministry") is a description, not a proper name (review56). The texts are read once, and only
    when a finding is in view; each word once."""
    blob = _shared(tables, ("texts-bytes",), lambda: article_texts(tables).data().tobytes())
    seen = _shared(tables, ("lower-words",), dict)
    for word in words:
        lower = word.lower()
        if lower not in seen:
            seen[lower] = lower != word and re.search(rb"(?<![\w])" + re.escape(lower.encode()) + rb"(?![\w])", blob) is not None
        if not seen[lower]:
            return False
    return True


def _runs(spellings: list) -> set[tuple[str, ...]]:
    """Every run of up to `_MAX_WORDS` consecutive words of each spelling."""
    out = set()
    for spelling in spellings:
        words = str(spelling or "").split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + _MAX_WORDS) + 1):
                out.add(tuple(words[i:j]))
    return out
