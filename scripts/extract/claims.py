"""Numeric claims: sentences that state a quantity, with the quantity normalised (C4, C5).

"between 250,000 and 300,000 Americans were dying every year" -> 250000..300000 deaths/year
(range); "at least 35 boats" -> 35..35 boats (at_least); "97%" -> 97 percent (exact);
"hundreds of thousands of deaths" -> 200000..999999 (range). Years, dates, ordinals and
numbers inside names are not quantities.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from landstrikes.extract.article_pairs import STOPS_INSIDE_MARKS as _STOPS_INSIDE_MARKS, ArticlePairs, mended
from landstrikes.extract.guard import folded, guarded, rewritten
from landstrikes.extract.limits import MAX_SPAN, WINDOW, check_rows
from landstrikes.extract.text import Span, all_sentences, inside_word, is_word_character, lowered, match_key, trimmed, without_final_punctuation
from landstrikes.schema.auto_constants import claim_confidence
from landstrikes.schema.mark_pairs import CLOSERS, breaks_a_pair, open_marks

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a dozen": 12, "dozen": 12,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_VAGUE = {  # "hundreds of thousands" -> the span of numbers the phrase can mean
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999), "thousands": (2000, 9999),
    "hundreds": (200, 999), "dozens": (24, 99), "millions": (2e6, 9999999), "tens of millions": (2e7, 99999999),
}
_HEDGES = (r"between|from|at least|at most|more than|over|fewer than|less than|under|up to|nearly|almost|about|around|"
           r"roughly|approximately|some|an estimated|estimated|as many as|as much as")
"""The words a quantity's match may start with, before its number or currency sign."""
_VALUE = r"(?:(?P<num>" + _NUM + r")|(?P<word>" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r"))(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k)\b)?"
_QUANTITY = guarded(re.compile(
    r"(?P<pre>\b(?:" + _HEDGES + r")\s+)?"
    r"(?P<cur>[$€£])?" + _VALUE.replace("(?P<num>", "(?P<num1>").replace("(?P<word>", "(?P<word1>").replace("(?P<scale>", "(?P<scale1>")
    + r"(?:\s*(?:-|–|to|and)\s*(?P<cur2>[$€£])?" + _VALUE.replace("(?P<num>", "(?P<num2>").replace("(?P<word>", "(?P<word2>").replace("(?P<scale>", "(?P<scale2>") + r")?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
))
_VAGUE_RE = guarded(re.compile(r"\b(?:" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + r")\b(?:\s+of)?", re.IGNORECASE))
_UNIT_WORD = re.compile(r"^\s+(?:(?:[a-z][\w‑-]*)\s+){0,2}?(?P<unit>[a-z][a-z‑-]+)", re.IGNORECASE)
_PER_YEAR = guarded(re.compile(r"\b(?:every year|each year|per year|a year|annually|yearly|per annum)\b", re.IGNORECASE))
_DEATH = guarded(re.compile(r"\b(?:dying|died|die|deaths?|killed|killing|dead|overdoses?|fatalities)\b", re.IGNORECASE))
_DECREASE = re.compile(r"\b(?:drop|decline|reduction|decrease|fall|fell|cut|down)\b", re.IGNORECASE)
_INCREASE = re.compile(r"\b(?:rise|increase|growth|jump|surge|rose|up)\b", re.IGNORECASE)
_REPORTING = guarded(re.compile(r"\b(?:said|says|claimed|claims|alleged|asserted|asserting|claiming|stated|told|according to|argued|warned)\b", re.IGNORECASE))
_CLAUSE_START = guarded(re.compile(r"(?:\bthat\s+|:\s+|,\s+(?:asserting|claiming|saying|adding|noting)\s+(?:that\s+)?)", re.IGNORECASE))
_PEOPLE = {"people", "persons", "americans", "mexicans", "civilians", "residents", "citizens", "migrants", "individuals"}
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DATE_NEAR = re.compile(_MONTHS + r"\s*$|^\s*" + _MONTHS)


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    low: float
    high: float
    unit: str
    bound: str
    hedging: str
    confidence: float
    cue_start: int | None


def find_claims(text: str) -> list[Claim]:
    """One claim per sentence clause that states at least one quantity (the first one is normalised)."""
    out: dict[tuple[int, int], Claim] = {}
    lowered_text = lowered(text)  # the case-blind scans run case-sensitively on it (same spans)
    positions = _number_positions(text, lowered_text)
    if not positions:
        return []
    pairs = ArticlePairs(text)
    for sentence in all_sentences(text):
        i = bisect.bisect_left(positions, sentence.start)
        if i == len(positions) or positions[i] >= sentence.end:
            continue
        if lowered_text is None:
            cue = _REPORTING.search(text, sentence.start, sentence.end)  # once per sentence
        else:
            cue = _REPORTING_FOLDED.search(lowered_text, sentence.start, sentence.end)
        for quantity in _quantities(text, sentence, lowered_text):
            claim = _claim(text, sentence, quantity, cue, pairs)
            if claim is not None:
                out.setdefault((claim.start, claim.end), claim)
                check_rows("claim", len(out))
    return sorted(out.values(), key=lambda c: (c.start, c.end))


DIGITS_OR_MAGNITUDE = re.compile(r"\d+|[Tt]housand|[Hh]undred|[Dd]ozen|[Mm]illion|[Bb]illion")
"""A run of digits (its start is enough to find its sentence) or a magnitude word; the two never
overlap, so one scan finds the starts of both."""
_DIGITS_OR_MAGNITUDE = rewritten(
    DIGITS_OR_MAGNITUDE, r"[\dTtHhDdMmBb](?:(?<=\d)\d*|(?<=[Tt])housand|(?<=[Hh])undred|(?<=[Dd])ozen|(?<=[MmBb])illion)"
)
_PRE_WORD_NUMBER = guarded(re.compile(
    r"\b(?:between|from|at least|at most|more than|over|fewer than|less than|under|up to|nearly|almost|about|around|"
    r"roughly|approximately|some|an estimated|estimated|as many as|as much as) (?:" + "|".join(_WORD_NUMBERS) + r")\b",
    re.IGNORECASE,
))


_PRE_WORD_NUMBER_FOLDED = folded(_PRE_WORD_NUMBER)
_VAGUE_FOLDED = folded(_VAGUE_RE)
_QUANTITY_FOLDED = folded(_QUANTITY)
_REPORTING_FOLDED = folded(_REPORTING)


def _number_positions(text: str, lowered_text: str | None = None) -> list[int]:
    """Where a quantity may start, found in one pass: most sentences hold none and are skipped."""
    found = {m.start() for m in _DIGITS_OR_MAGNITUDE.finditer(text)}
    if lowered_text is None:
        found.update(m.start() for m in _PRE_WORD_NUMBER.finditer(text))
    else:
        found.update(m.start() for m in _PRE_WORD_NUMBER_FOLDED.finditer(lowered_text))
    return sorted(found)


def _quantities(text: str, sentence: Span, lowered_text: str | None = None):
    """Quantities of one sentence. With `lowered_text` (`text.lowered`) the case-blind scans run
    case-sensitively on it, inside the sentence's window: the character before a sentence is a
    blank or none, so a window and a copy of the sentence give the same matches; groups then
    hold lowered text, and are read case-blind below."""
    if lowered_text is None:
        scanned, base, pos, endpos = text[sentence.start:sentence.end], sentence.start, 0, sentence.end - sentence.start
        vague, quantity = _VAGUE_RE, _QUANTITY
    else:
        scanned, base, pos, endpos = lowered_text, 0, sentence.start, sentence.end
        vague, quantity = _VAGUE_FOLDED, _QUANTITY_FOLDED
    for m in vague.finditer(scanned, pos, endpos):
        low, high = _VAGUE[_TRAILING_OF.sub("", match_key(m.group()))]
        yield base + m.start(), base + m.end(), float(low), float(high), "range", False
    for m in quantity.finditer(scanned, pos, endpos):
        if not (m.group("num1") or m.group("word1")):
            continue
        if m.group("word1") and not m.group("pre") and not m.group("scale1"):
            continue  # "one of the", "two countries" are too often not claims
        start, end = base + m.start(), base + m.end()
        if _not_a_quantity(text, m, start, end):
            continue
        low = _value(m.group("num1"), m.group("word1"), m.group("scale1") or m.group("scale2"))
        high = low
        pre = match_key((m.group("pre") or "").strip())
        bound = "exact"
        if m.group("num2") or m.group("word2"):
            high = _value(m.group("num2"), m.group("word2"), m.group("scale2"))
            bound = "range"
            if high < low:
                continue
        elif pre in ("at least", "more than", "over"):
            bound = "at_least"
        elif pre in ("at most", "fewer than", "less than", "under", "up to", "as many as", "as much as"):
            bound = "at_most"  # "as many as 40" sets a ceiling, as "up to 40" does (newuser48)
        elif pre:
            bound = "approximate"
        if pre in ("between", "from") and bound != "range":
            bound = "exact"
        yield start, end, low, high, bound, bool(m.group("pct"))


_TRAILING_OF = re.compile(r"\s+of$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b")
_CAPITALS_BEFORE = re.compile(r"[A-Z]{2,}\s*$")
_LABEL_BEFORE = re.compile(
    r"\b(?:order|no|number|act|resolution|article|section|code|route|flight|line|page|chapter|room|vol)\.?\W{0,2}$", re.IGNORECASE
)
_UNIT_AFTER_OF = re.compile(r"^\s+of\s+(?:\w+\s+){0,1}?(?P<unit>[a-z][a-z‑-]+)")
_NOT_A_TO_Z = re.compile(r"[^a-z]")
"""The patterns of the checks below, compiled once (not looked up in `re`'s cache per quantity)."""


def _not_a_quantity(text: str, m, start: int, end: int) -> bool:
    num = m.group("num1") or ""
    if _YEAR.fullmatch(num) and not m.group("num2") and not m.group("pct"):
        return True  # a year
    if _DATE_NEAR.search(text[max(0, start - 10):start]) or _DATE_NEAR.search(text[end:end + 10]):
        return True
    prev = text[start - 1] if start > 0 else " "  # a text start is not a name before the number
    nxt = text[end:end + 2]
    if is_word_character(prev) or prev in "‑-/#" or is_word_character(nxt[:1] or " ") or _ORDINAL_SUFFIX.match(nxt):
        return True  # part of a name, code or ordinal (EO 13864, F-16, 3rd)
    if _CAPITALS_BEFORE.search(text[max(0, start - 6):start]):
        return True
    if _LABEL_BEFORE.search(text[max(0, start - 14):start]):
        return True
    if _TIME_OR_ERA_AFTER.match(text, end):
        return True  # "2200 GMT", "10 AM", "198 AD": a clock time or a date, no quantity (extract45)
    return False


_TIME_OR_ERA_AFTER = re.compile(r"\s?(?:GMT|BST|UTC|CET|EST|EDT|CST|CDT|PST|PDT|AM|PM|[ap]\.m\.|[ap]m|AD|BC|A\.D\.|B\.C\.)(?![\w])")


def _value(num: str | None, word: str | None, scale: str | None) -> float:
    value = float(num.replace(",", "")) if num else float(_WORD_NUMBERS[match_key(word)])
    return value * _SCALE.get(match_key(scale or ""), 1.0)


def _claim(text: str, sentence: Span, quantity, cue, pairs: ArticlePairs) -> Claim | None:
    q_start, q_end, low, high, bound, percent = quantity
    unit = _unit(text, sentence, q_start, q_end, percent)
    if unit is None:
        return None
    clause_start = _word_start_from(text, max(sentence.start, q_start - MAX_SPAN), q_start)
    for m in _CLAUSE_START.finditer(text, clause_start, q_start):
        clause_start = m.end()
    limit = _word_end_before(text, min(sentence.end, q_end + MAX_SPAN), q_end)
    cut = _CLAIM_END.search(text, q_end, limit)
    span = without_final_punctuation(text, trimmed(text, clause_start, cut.start() if cut else limit))
    span = keeping_quote_pairs(text, span, pairs)
    if span is None or span.end <= span.start:
        return None
    hedging = "attributed" if cue else "asserted"
    confidence = claim_confidence(bound, low, high)  # G6
    return Claim(span.start, span.end, low, high, unit, bound, hedging, confidence, cue.start() if cue else None)


def keeping_quote_pairs(text: str, span: Span, pairs: ArticlePairs | None = None) -> Span | None:
    """The span with every quotation mark paired (G2 2.6: a span never breaks a pair of marks;
    validate's `span-breaks-quote-pair`, one rule: `schema.mark_pairs`). A sentence opening with a
    quotation starts the claim at its mark while the claim stops before the closing one: the lone
    opening mark is left out. A claim ending inside a quotation (`... fell 40%, “a record”.`,
    whose closing mark the final punctuation took) gets the closing mark back, with a stop the
    writer put inside it, as the gold keeps `“sick man.”`. A span still breaking a pair after
    that (one running from inside a quotation into the next) is no claim: precision before recall.
    With the article's `pairs`, the same repairs are made for the pairs the text alone cannot
    show (straight and single marks: `article_pairs`), and a span still breaking one is no claim."""
    start, end = span
    if pairs is not None:
        span = mended(text, Span(start, end), pairs)
        if span is None:
            return None
        start, end = span
    if start < end and text[start] in _OPENING and breaks_a_pair(text[start:end]):
        start = trimmed(text, start + 1, end).start
    stray, unclosed = open_marks(text[start:end])
    if start < end and not stray and len(unclosed) == 1:
        after = end
        while after < len(text) and after - end < 3 and text[after] in _STOPS_INSIDE_MARKS:
            after += 1
        if after < len(text) and text[after] in CLOSERS[unclosed]:
            end = after + 1
    if start < end and text[end - 1] in _CLOSING and breaks_a_pair(text[start:end]):
        end = without_final_punctuation(text, trimmed(text, start, end - 1)).end
    if start >= end or breaks_a_pair(text[start:end]) or (pairs is not None and pairs.broken(start, end)):
        return None
    return Span(start, end)


_OPENING = "“„\""
_CLOSING = "”“\""


def _word_start_from(text: str, at: int, stop: int) -> int:
    """`at`, or the next word start after it (never past `stop`): a claim cut at MAX_SPAN in a
    long sentence (a price list) never starts inside a word (S5: claims are clauses)."""
    while at < stop and inside_word(text, at):
        at += 1
    return at


def _word_end_before(text: str, at: int, stop: int) -> int:
    """`at`, or the previous word end before it (never before `stop`)."""
    while at > stop and inside_word(text, at):
        at -= 1
    return at


_CURRENCIES = {"$": "usd", "€": "eur", "£": "gbp"}


_HEDGE = re.compile(r"(?:" + _HEDGES + r")\s+", re.IGNORECASE)


def _currency(text: str, q_start: int) -> str | None:
    """The currency sign at or just before the quantity, or after the hedge or bound its match
    starts with ("roughly $210 million" had taken the next word for its unit; newuser43), none
    before offset 0: never text[-1]."""
    hedge = _HEDGE.match(text, q_start)
    at = hedge.end() if hedge else q_start
    here = text[at] if at < len(text) else ""
    before = text[q_start - 1] if q_start > 0 else ""
    return _CURRENCIES.get(here) or _CURRENCIES.get(before)


_DETERMINERS = frozenset(
    "a an the its his her their our my your this that these those such more other another further additional "
    "extra some any each every all both several many few fewer less no own same".split()
)
"""Words that stand before a quantity's noun and are never its unit (extract44: "14 of its steel
support cables" had the unit `its`, "35 of the ferries" the unit `the`)."""
_NOT_A_UNIT = frozenset(
    "it them they we us you he she him i me who whom whose which what where when why how there here "
    "is are was were be been being am has have had will would shall should can could may might must do does did "
    "of and or nor but to in on at for by from with as than per into onto upon over under about after before "
    "during since until via against among between within without across through toward towards off out up "
    "down if while because though although whereas not also only just even still already then now so yet".split()
)
"""Pronouns, auxiliaries, prepositions and conjunctions: a quantity followed by one of these
("40 of them were arrested", "12 were injured") names no unit, and is no claim (as a quantity
with no word after it)."""
_NO_NOUN = _NOT_A_UNIT | _DETERMINERS
_NEXT_WORD = re.compile(r"\s+(?P<unit>[a-z][a-z‑-]+)\b", re.IGNORECASE)

_INITIALISM_WORD = re.compile(r"[A-Z]{2,5}")
"""A word in capitals after the number ("30 US soldiers", "200 IS fighters") is a name modifying the
noun, never the pronoun or verb its lower case spells (extract45: such claims had been dropped)."""
_IRREGULAR_PLURALS = frozenset("people men women children staff personnel cattle feet teeth".split())
_SINGULARS_IN_S = frozenset("news series species means lens gas bus plus".split())
_HEAD_REACH = 2
"""How many words past the first content word the head noun may be ("14 steel support cables")."""


def _plural(word: str) -> bool:
    """A plural noun by its form: `cables`, `jobs`, `women`; not `news`, `glass`, `census`."""
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _SINGULARS_IN_S


def _head_noun(rest: str, first: str, after: int) -> str:
    """The phrase's head: the first plural among the first content word and the next `_HEAD_REACH`
    words, read while no function word or punctuation intervenes ("4 former directors" ->
    `directors`, "14 steel support cables" -> `cables`; extract45: the unit had been the first
    modifier). With no plural among them the first word stays the unit (singular heads, and
    verbs, cannot be told apart from modifiers by their form)."""
    if _plural(first):
        return first
    for _ in range(_HEAD_REACH):
        m = _NEXT_WORD.match(rest, after)
        if m is None:
            break
        word = m.group("unit").lower()
        if word in _DETERMINERS or word in _NOT_A_UNIT:
            break
        if _plural(word):
            return word
        after = m.end()
    return first


_CLAIM_END = re.compile(r",\s+(?:asserting|claiming|saying|adding|noting|while|but)\b|;")


def _unit(text: str, sentence: Span, q_start: int, q_end: int, percent: bool) -> str | None:
    if percent:
        around = text[max(sentence.start, q_start - 40):min(sentence.end, q_end + 30)]
        if _DECREASE.search(around):
            return "percent_decrease"
        if _INCREASE.search(around):
            return "percent_increase"
        return "percent"
    currency = _currency(text, q_start)
    if currency is not None:
        return currency
    rest = text[q_end:min(sentence.end, q_end + WINDOW)]
    m = _UNIT_WORD.match(rest)
    if not m:
        return None
    unit = m.group("unit").lower()
    if unit in ("of", "and", "to", "the", "in", "on", "at", "for", "by", "from", "with", "a", "an", "or"):
        m2 = _UNIT_AFTER_OF.match(rest)
        if not m2:
            return None
        unit = m2.group("unit").lower()
        m = m2
    after = m.end()
    for _ in range(3):  # "14 of its steel cables", "3 more tractors", "30 US soldiers": the noun follows its modifiers
        initialism = unit not in _DETERMINERS and _INITIALISM_WORD.fullmatch(m.group("unit"))
        if unit not in _DETERMINERS and not initialism:
            break
        following = _NEXT_WORD.match(rest, after)
        if initialism and (following is None or following.group("unit").lower() in _NO_NOUN):
            break  # "12,600 MW of power": no noun after the capitals, which are the unit
        if following is None:
            return None
        m = following
        unit, after = m.group("unit").lower(), m.end()
    if unit in _DETERMINERS or unit in _NOT_A_UNIT:
        return None  # "40 of them were", "12 were injured", "of those who": no noun, no unit
    words = rest.split()
    if len(words) >= 2 and words[0].lower() in ("metric", "short", "long", "square", "cubic") and unit == words[0].lower():
        unit = f"{words[0].lower()}_{_NOT_A_TO_Z.sub('', words[1].lower())}"
    else:
        unit = _head_noun(rest, unit, after)
    if unit in ("year", "years", "percent"):
        return None if unit != "percent" else "percent"
    clause = rest
    if unit in _PEOPLE or _DEATH.match(unit):
        if _DEATH.search(clause[:80]) or _DEATH.match(unit) or _DEATH.search(text, max(sentence.start, q_start - 30), q_start):
            unit = "deaths"
        elif unit in _PEOPLE:
            unit = "people"
    if _PER_YEAR.search(clause[:120]):
        unit += "/year"
    return unit
