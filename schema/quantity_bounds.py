"""C5 (2.36): `quantity_bound` says how the claim's words bound its number: `exact` for a point
value stated as such ("97%", "15 metric tons"), `range` for two stated ends, low below high
("between 250,000 and 300,000"), `at_least` / `at_most` for one stated end ("at least 35"),
`approximate` for a hedged one ("roughly 40%") or a vague phrase (C5's fixed table).

attack55: "at least 35 boats" given `exact`, `approximate` or `at_most`, "97%" given `approximate`
or `at_least`, "roughly 40%" given `exact`, "between 250,000 and 300,000" given `approximate`, each
validated: `quantity-bound-mismatch` asks only that a point bound has low = high, and the census
had called the bound a free choice [quantity-bound-not-its-words]. Judged where the words decide:
the number is written in digits (as `quantity-not-in-text` reads them) and every place it is
written disagrees with the bound: a point quantity's qualifier right before it ("at least",
"more than", "up to", "roughly", ...) or after it ("or more", "+"); a two-ended one given
`approximate` with both ends written and no hedge, or `range` with equal ends. A number written
only in words, and the extractor's rows (it reads numbers its own way), are not judged. No
release (1.0.0-2.35.2) has such a claim.

extract57 (review56's finding 4): a qualifier is the quantity's own modifier. A word that is also
a preposition ("about", "over", "around", "under", "above", "below") right after a word that
governs it ("talked about 35 boats", "the dispute over 35 islands", "sailed around 35 islands") is
that word's preposition, no bound; elsewhere ("about 35 boats were seized", "seized over 35
boats") it is still read as one. A hedge or bound after the quantity ("250 to 300 boats,
roughly", "35 boats or so", "35-odd", "35 boats at least") is read as one before it is."""

from __future__ import annotations

import re

import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.quantity_numbers import _NUMERAL, _SCALES, _SEPARATORS, _same, annotated_quantities
from landstrikes.schema.report import Report

CHECK = "quantity-bound-not-its-words"
_AT_LEAST = r"at least|more than|over|upwards of|in excess of|a minimum of|no fewer than|no less than|exceeding|above"
_AT_MOST = r"at most|up to|fewer than|less than|under|no more than|a maximum of|below|as many as|as much as"
_HEDGE = r"roughly|about|around|approximately|nearly|almost|some|an estimated|estimated|close to|circa|more or less|an average of|~"
_BEFORE = {kind: re.compile(r"(?i)(?:^|[^\w])(?:" + words + r")[\s\u00a0\u202f\u2009]*[$€£¥]?[\s\u00a0\u202f\u2009]*$")
           for kind, words in (("at_least", _AT_LEAST), ("at_most", _AT_MOST), ("approximate", _HEDGE))}
_ENDS = r"(?=\s*(?:[,.;:!?)\]—–\"”’]|$))"
"""A word that may also lead a phrase of its own ("roughly 20 miles", "at least 10 of them", "at least
for now") bounds the number before it only where the phrase ends with it: "35 boats, roughly." (review61)."""
_NO_NUMBER = r"(?!\s*(?:than\b|[$€£¥~]?\s*\d))"
""""plus", "or more", "or fewer" before another number or "than" join two quantities: "35 boats plus 10
rafts", "35 boats and more than 10 rafts" (review61)."""
_AFTER = {"at_least": re.compile(r"(?i)^(?:\s*%)?(?:\+" + _NO_NUMBER + r"|(?:\s+[^\W\d]+)?(?:\s+(?:or|and) more\b" + _NO_NUMBER
                                + r"|\s+plus\b" + _NO_NUMBER + r"|,?\s+at (?:the )?(?:very )?least\b" + _ENDS + r"|,?\s+or above\b"
                                + _NO_NUMBER + "))"),
          "at_most": re.compile(r"(?i)^(?:\s*%)?(?:\s+[^\W\d]+)?(?:\s+or (?:fewer|less|under|below)\b" + _NO_NUMBER
                                + r"|,?\s+at (?:the )?most\b" + _ENDS + ")"),
          "approximate": re.compile(r"(?i)^(?:\s*%)?(?:-odd\b|\s+odd\s+[^\W\d]+s\b|(?:\s+[^\W\d]+){0,3}?(?:,?\s+give or take\b"
                                    r"|,?\s+(?:or so|or thereabouts)\b" + _NO_NUMBER + r"|,?\s+(?:roughly|approximately|more or less"
                                    r"|at a guess|at an estimate)\b" + _ENDS + "))")}
"""After the number, its word at most: "35 or more", "35 boats or more", "40+", "35 boats at least",
"35 boats, at the most"; a hedge after the number and its words: "35 boats or so", "250 to 300 boats,
roughly", "300 deaths a year, more or less", "35-odd boats", "35 odd years" (extract57). A word that may
lead its own phrase only where the phrase ends with it ("35 boats more or less every week" is no hedge
of 35), none before another number, and "odd" only right after the number ("35 people on odd days";
review61)."""
_WINDOW = 24
_PREPOSITIONS = {
    "about": "talk speak spoke spoken think thought worry worried care cared know knew known learn learnt hear heard ask "
             "argue complain write wrote written concern question information news story stories joke feel felt forget "
             "forgot forgotten remind boast brag lie lied lying doubt fear feared fret fretted debate inquire enquire inquiry "
             "enquiry curious anxious nervous excited upset angry unsure uncertain sure certain wrong clear confused "
             "nothing something anything everything",
    "over": "dispute row clash fight fought battle war argue argument quarrel feud tension standoff stand-off power "
            "authority sovereignty jurisdiction concern worry worried debate negotiation talk protest rule ruled reign "
            "preside presided sanction lawsuit sue sued anger outrage fury uproar criticism criticise criticised criticize "
            "criticized split divided wrangle spat hover loom loomed grip sway struggle confrontation disagreement rift",
    "around": "sail sailed tour toured circle circled centre centred center centered revolve revolved scattered wrap "
              "wrapped ring ringed roam roamed wander wandered",
    "under": "hide hid hidden bury buried trap trapped live lived living serve served",
    "above": "rise rose risen hover hovered tower towered",
    "below": "sink sank sunk",
}
"""Words that govern a preposition which is also a bound word: "talked about 35 boats", "the dispute
over 35 islands", "sailed around 35 islands" (extract57). Each word stands with its inflections
(-s, -es, -ed, -d, -ing). After one the words do not decide: the preposition may head its phrase
or bound the number ("sailed around 35 miles"), so the place agrees with `exact` and with the
bound the word would give. Verbs that take a counted object ("seized over 35 boats", "flew over
35 missions", "read about 35 pages") are not listed: after them the word is the number's bound."""
_GOVERNORS = {prep: frozenset(w + end for w in words.split() for end in ("", "s", "es", "ed", "d", "ing"))
              for prep, words in _PREPOSITIONS.items()}
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[\s\u00a0]+$")
_COLUMNS = ("claim_id", "text", "quantity_low", "quantity_high", "quantity_bound")


def check_quantity_bounds(tables, report: Report) -> None:
    claims = tables.get("claims")
    if claims is None or len(claims) == 0 or not all(c in claims for c in _COLUMNS):
        return
    rows = annotated_quantities(claims, "quantity_bound")
    if not len(rows):
        return
    take = pa.array(rows)
    columns = [arrow_column(tables, "claims", c, t).take(take).to_pylist()
               for c, t in (("text", pa.string()), ("quantity_low", pa.float64()), ("quantity_high", pa.float64()),
                            ("quantity_bound", pa.string()))]
    ids = None
    for n, (text, low, high, bound) in enumerate(zip(*columns)):
        why = _mismatch(text, low, high, bound)
        if why:
            ids = ids or arrow_column(tables, "claims", "claim_id", pa.string()).take(take).to_pylist()
            report.add("claims", CHECK, f"{why} (C5: the bound is how the words bound the number)", ids[n], "quantity_bound", bound)


def _mismatch(text: str, low: float, high: float, bound: str) -> str | None:
    """Why the words do not give `bound`, or None (also where they do not decide)."""
    if low != high:
        if bound == "approximate" and _written(text, low) and _written(text, high) and \
                not any("approximate" in kinds | maybe for kinds, maybe in _qualifiers(text, low) + _qualifiers(text, high)):
            # a hedge before either end hedges the range ("between 250 and roughly 300"; review56)
            return f"both ends, {low:g} and {high:g}, are written with no hedge: a `range`"
        return None
    if bound == "range":
        return f"a range has two ends, low below high, not {low:g} twice"
    places = _qualifiers(text, low)
    if not places:
        return None  # written in words only: not judged
    want = {"exact": set(), "at_least": {"at_least"}, "at_most": {"at_most"}, "approximate": {"approximate"}}.get(bound)
    if want is None:
        return None
    if any(((kinds | maybe) & want) if want else not kinds for kinds, maybe in places):
        return None
    said = sorted(set().union(*(kinds for kinds, _ in places)))
    return (f"{low:g} is written " + (f"after or before a qualifier ({', '.join(said)})" if said else "with no qualifier")
            + f", not as `{bound}` states")


def _written(text: str, value: float) -> bool:
    return bool(_qualifiers(text, value))


def _qualifiers(text: str, value: float) -> list[tuple[set[str], set[str]]]:
    """For each place the text writes `value` in digits, the bound kinds its neighbouring words give,
    and those a governed preposition may give (`_PREPOSITIONS`: the place agrees with either reading)."""
    places = []
    for match in _NUMERAL.finditer(text):
        number = float(_SEPARATORS.sub("", match.group(1)) + (match.group(2) or ""))
        scale = match.group(3) or match.group(4)
        if not (_same(value, number) or (scale and _same(value, number * _SCALES[scale.lower()]))):
            continue
        before, after = text[max(0, match.start() - _WINDOW):match.start()], text[match.end():match.end() + 2 * _WINDOW]
        kinds, maybe = set(), set()
        for kind, pattern in _BEFORE.items():
            if (found := pattern.search(before)) is not None:
                governed = _governed(text, match.start() - len(before) + found.start(), found.group())
                (maybe if governed else kinds).add(kind)
        kinds |= {kind for kind, pattern in _AFTER.items() if pattern.search(after)}
        places.append((kinds, maybe))
    return places


def _governed(text: str, at: int, qualifier: str) -> bool:
    """Whether the qualifier found at `at` (with the character before it, if any) is a preposition
    the word before it governs ("talked about", "the dispute over"), not the number's bound."""
    word = qualifier.strip(" \t\u00a0\u202f\u2009$€£¥").lower()
    word = word[1:].lstrip() if word[:1] and not word[0].isalpha() else word
    if word not in _GOVERNORS:
        return False
    start = at + qualifier.lower().find(word)
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in _GOVERNORS[word]
