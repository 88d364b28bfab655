"""C5: a claim's quantity is the number it states ("between 250,000 and 300,000 Americans were
dying" -> 250000, 300000; "97%" -> 97). An annotated claim whose text writes numbers in digits
holds its `quantity_low` and `quantity_high` among them (a scale word after a numeral counts:
"1.5 million", or its abbreviation: "£4bn", "35m"). attack25 stored "97%" as 79, "at least 35 boats" as 53 and a range as a tenth of
itself, bounds kept consistent: all validated [quantity-not-in-text]. Not judged: C5's vague
quantities (`approximate` with low < high: the fixed table, `vague-quantity-off-table`), a claim
writing its numbers only in words ("three boats"), and the extractor's rows, which keep their own
reading of numbers (as for C5's units)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, frame_nulls, is_in
from landstrikes.schema.report import Report

_NUMERAL = re.compile(r"(?<![\w.])(\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+|\d+)(\.\d+)?"
                      r"(?:\s*(thousand|million|billion|trillion)\b|\s?(k|m|mn|mln|bn|bln|tn)\b)?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\u00a0\u2009\u202f]")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12}
"""A scale word, or news style's abbreviation of one ("£4bn", "35m people"): without them a claim
stating 4 billion was a finding for its quantity 4e9 (attack29). The number as written stays a
reading too ("a 35m boat" is 35 metres)."""
_COLUMNS = ("claim_id", "text", "quantity_low", "quantity_high", "quantity_bound")


def check_quantity_numbers(tables, report: Report) -> None:
    claims = tables.get("claims")
    if claims is None or len(claims) == 0 or not all(c in claims for c in _COLUMNS):
        return
    rows = annotated_quantities(claims)
    if not len(rows):
        return
    take = pa.array(rows)
    texts = arrow_column(tables, "claims", "text", pa.string()).take(take).to_pylist()
    lows = arrow_column(tables, "claims", "quantity_low", pa.float64()).take(take).to_pylist()
    highs = arrow_column(tables, "claims", "quantity_high", pa.float64()).take(take).to_pylist()
    bounds = arrow_column(tables, "claims", "quantity_bound", pa.string()).take(take).to_pylist()
    ids = None
    for n, (text, low, high, bound) in enumerate(zip(texts, lows, highs, bounds)):
        if bound == "approximate" and low != high:
            continue  # a vague quantity: C5's fixed table, judged by vague-quantity-off-table
        written = numbers_in(text)
        if not written:
            continue  # numbers in words only: not judged
        for column, value in (("quantity_low", low), ("quantity_high", high)):
            if not any(_same(value, number) for number in written):
                ids = ids or arrow_column(tables, "claims", "claim_id", pa.string()).take(take).to_pylist()
                report.add("claims", "quantity-not-in-text",
                           f"the claim writes the numbers {sorted(written)[:6]}, not {value:g} (C5: the quantity is the number it states)",
                           ids[n], column, value)
                break


def annotated_quantities(claims, *known: str) -> np.ndarray:
    """Rows of the annotators' claims with a quantity and a text (and the `known` columns set): C5's
    word rules judge these; the extractor reads numbers its own way."""
    stated = ~frame_nulls(claims, "quantity_low") & ~frame_nulls(claims, "quantity_high") & ~frame_nulls(claims, "text")
    for name in known:
        stated = stated & ~frame_nulls(claims, name)
    if "source" in claims:
        stated &= ~is_in(claims, "source", ("auto",))
    return np.flatnonzero(stated)


def numbers_in(text: str) -> set[float]:
    """The numbers a text writes in digits, each also times the scale word after it."""
    found = set()
    for match in _NUMERAL.finditer(text):
        value = float(_SEPARATORS.sub("", match.group(1)) + (match.group(2) or ""))
        found.add(value)
        scale = match.group(3) or match.group(4)
        if scale:
            found.add(value * _SCALES[scale.lower()])
    return found


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


_KILLING = re.compile(r"(?i)deaths?|dead|die[sd]?|dying|kill\w*|fatal\w*")
"""A word naming death or killing (guideline_rules' `_KILLING_WORDS`, as one word)."""
_NUMBER_WORDS = re.compile(
    r"(?i)\b(?:hundreds|thousands|millions|billions|dozens|scores|tens|hundred|thousand|million|billion|dozen|several|few"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)\b")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[,;:.!?()\[\]—–]")
_LINKS_AFTER = frozenset(
    "of a an the year years each every per annually annual yearly day days week weeks month months are were is was have "
    "has had been being be will would could may might reportedly now still who that which or so more fewer less roughly "
    "about hundreds thousands millions billions dozens hundred thousand million billion dozen".split())
"""What may stand between a number and what it counts besides one word of its own ("300 people a year
are killed", "thousands of deaths annually"): time words, auxiliaries, relatives, magnitudes."""
_LINKS_BEFORE = frozenset(
    "a an the of some about around nearly almost over up to at least most more than fewer less estimated roughly "
    "approximately as many much between and an average no upwards in excess".split())
"""What may stand between a killing word and the number it counts ("killing 250,000", "the deaths of
some 300 people", "killed an estimated 300"): determiners and C5's qualifiers."""
_BE = frozenset("are were is was been being be".split())
"""After one the number's verb is passive: its participle and one more word may stand before the killing
word ("300 people a year are shot dead", "are found dead", "are reported killed", "are beaten to death";
review61), where an active verb ends the phrase ("flee cartel killings")."""
_MEASURED_BY = frozenset(
    "is are was were stood reached rose climbed grew jumped increased fell dropped declined hit topped totalled totaled "
    "exceeded surpassed passed numbered amounted toll tolls number count total tally rate figure annual yearly".split())
"""What may stand between a killing word that is the subject and the number its verb measures it by:
"overdose deaths reached 70,000 a year", "the death toll is 300", "deaths rose to 300 a year", "the number of
killings was 300" (review61); an action verb ("killings force 50,000 people a year to flee") is no such word."""


def killing_is_counted(text: str) -> bool:
    """Whether a death or killing word is what the claim's number counts (C5: `deaths/year` where the
    words name deaths or killing): the word is inside the number's own phrase, right after it and at
    most one word of its own ("250,000 drug deaths", "300 people a year are killed", "thousands of
    deaths annually"), after a passive verb ("300 people a year are shot dead"), or before it across
    qualifiers ("killing 250,000", "the deaths of some 300 people") or a verb measuring it ("overdose
    deaths reached 70,000 a year", review61). A killing word that another verb or noun governs is not counted: "50,000 people a year
    flee cartel killings" counts people (review56's finding 5, extract57). A text with no number found
    falls back to any killing word."""
    places = [(m.start(), m.end()) for m in _NUMERAL.finditer(text)] + [(m.start(), m.end()) for m in _NUMBER_WORDS.finditer(text)]
    if not places:
        return any(_KILLING.fullmatch(t.group()) for t in _TOKEN.finditer(text))
    return any(_killing_after(text, end) or _killing_before(text, start) for start, end in places)


def _killing_after(text: str, end: int) -> bool:
    own = 0
    linked = False
    passive = 0
    for token in _TOKEN.finditer(text, end, min(len(text), end + 120)):
        word = token.group().lower()
        if _KILLING.fullmatch(word):
            return True
        if word in _BE:
            linked, passive = True, 2  # "are shot dead", "are beaten to death", "were reported killed" (review61)
        elif word in _LINKS_AFTER:
            linked = True
        elif passive and word[0].isalpha():
            passive -= 1
        elif linked or own == 1 or not word[0].isalpha():
            return False  # a word after the links, a second word of its own, or punctuation: the phrase ends
        else:
            own += 1
    return False


def _killing_before(text: str, start: int) -> bool:
    tokens = [t.group().lower() for t in _TOKEN.finditer(text, max(0, start - 80), start)]
    for word in reversed(tokens[-6:]):
        if _KILLING.fullmatch(word):
            return True
        if word not in _LINKS_BEFORE and word not in _MEASURED_BY:
            return False
    return False
