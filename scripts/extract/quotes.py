"""Quotes: marked quotations (Q1-Q4), orphans, indirect speech by reporting verbs, and speakers (Q6).

Marks come from the same scanner the coverage check uses, so every pair and stray mark gets
exactly one row (Q2). A speaker is the mention next to the cue ("Trump said", "said Trump",
"According to him"); a pronoun is resolved to the nearest previous speaker or person whose
gender does not contradict it; a split or continued quote reuses the previous quote's speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from landstrikes.extract import gazetteer as gz
from landstrikes.extract.entities import Mention
from landstrikes.extract.guard import guarded
from landstrikes.extract.text import Span, all_sentences, lines, trimmed, without_final_punctuation
from landstrikes.extract.limits import MAX_NESTING, MAX_SPAN, WINDOW, TooComplex, check_rows
from landstrikes.quotemarks import scan_quote_marks

_VERBS = {
    "say": "say said says saying", "tell": "told tells telling", "state": "stated states stating",
    "claim": "claimed claims claiming", "allege": "alleged alleges alleging", "assert": "asserted asserts asserting",
    "warn": "warned warns warning", "argue": "argued argues arguing", "add": "added adds adding",
    "note": "noted notes noting", "insist": "insisted insists insisting", "explain": "explained explains explaining",
    "announce": "announced announces announcing", "declare": "declared declares declaring",
    "report": "reported reports reporting", "mention": "mentioned mentions mentioning", "acknowledge": "acknowledged acknowledges acknowledging",
    "admit": "admitted admits admitting", "confirm": "confirmed confirms confirming", "deny": "denied denies denying",
    "reiterate": "reiterated reiterates reiterating", "emphasize": "emphasized emphasised emphasizes emphasises emphasizing emphasising",
    "stress": "stressed stresses stressing", "reveal": "revealed reveals revealing", "vow": "vowed vows vowing",
    "promise": "promised promises promising", "threaten": "threatened threatens", "predict": "predicted predicts predicting",
    "caution": "cautioned cautions cautioning", "maintain": "maintained maintains", "contend": "contended contends contending",
    "write": "wrote writes writing", "post": "posted", "tweet": "tweeted tweets", "reply": "replied replies",
    "ask": "asked asks asking", "declare ": "declaration", "indicate": "indicated indicates indicate",
    "agree": "agreed agrees agree", "rule": "ruled rules", "signal": "signaled signalled signals", "admonish": "admonish admonished admonishes",
    "warn ": "warn", "note ": "note", "argue ": "argue", "claim ": "claim", "insist ": "insist", "caution ": "caution",
}
_QUOTE_ONLY_VERBS = {
    "reply": "retorted retort retorts", "press": "pressed presses", "continue": "continued continues",
    "recall": "recalled recalls recalling", "remember": "remembered remembers", "explain": "explains",
    "exclaim": "exclaimed exclaims", "shout": "shouted shouts", "joke": "joked jokes", "quip": "quipped quips",
    "conclude": "concluded concludes", "observe": "observed observes", "remark": "remarked remarks",
    "urge": "urged urges", "plead": "pleaded pleads", "sigh": "sighed", "laugh": "laughed", "boast": "boasted boasts",
    "complain": "complained complains", "concede": "conceded concedes", "respond": "responded responds",
    "answer": "answered answers", "interject": "interjected",
}
"""Verbs that introduce a marked quotation (`"...," he recalled`) but whose that-clause is not
reported speech (`he remembered that ...` is memory), so they are cues for marked quotes only."""
LEMMA = {form: lemma.strip() for lemma, forms in _VERBS.items() for form in forms.split()}
_VERB = r"(?:" + "|".join(sorted(LEMMA, key=len, reverse=True)) + r")"
LEMMA.update({form: lemma for lemma, forms in _QUOTE_ONLY_VERBS.items() for form in forms.split() if form not in LEMMA})
LEMMA.update({"went on": "go on", "goes on": "go on"})  # (two words: not split like the forms above)
_CUE_VERB = r"(?:" + "|".join(sorted(LEMMA, key=len, reverse=True)) + r")"
_CUE_AFTER = re.compile(r"^[,.!?;]?\s*(?P<pre>[^.!?“”\"\n]{0,60}?)\b(?P<verb>" + _CUE_VERB + r")\b")
_CUE_BEFORE = guarded(re.compile(r"(?P<verb>\b" + _CUE_VERB + r"\b)(?P<mid>[^.!?“”\"\n]{0,40}?)(?P<that>\bthat\s*)?(?P<punct>[,:])?\s*$"))
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_THAT_CLAUSE = re.compile(r"^(?P<obj>(?:\s+[\w.’'-]+){0,4}?)\s+that\s+")
_NEXT_CUE = re.compile(r",\s+(?:and\s+)?(?:" + _VERB + r")\b|;|\s+(?:but|while|although|whereas)\s+")
_PRONOUN = re.compile(r"\b(?:he|she|He|She|him|her|Him|Her|it|It|they|They|I|we|We)\b")
_VERB_RE = guarded(re.compile(r"\b" + _VERB + r"\b"))
_VERB_OR_LABEL = guarded(re.compile(r"\b" + _VERB + r"\b|(?<![-‑])\b(?:calling|called|described as|describing)\b"))
_SENTENCE_BREAK = re.compile(r"[.!?]\s+")
_TITLE_AFTER = re.compile(r"(?:’s|'s)?\s+(?:" + "|".join(re.escape(w) for w in sorted(gz.TITLES, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_GENDERED = guarded(re.compile(r"\b(?:he|she|him|her|his|hers|He|She|His|Her)\b"))
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female", "it": "neuter"}
_BODY_TYPES = ("ORG", "MEDIA")
"""What "it said" refers to: a company, ministry, party or outlet."""
LOOKBACK = 64
"""Earlier speakers or persons a pronoun is compared with, most recent first."""


@dataclass(frozen=True)
class Speaker:
    """Who spoke: an entity mention (a name or a resolved pronoun), or only a status."""

    status: str
    mention: Mention | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    kind: str
    speaker: Speaker
    cue: tuple[int, int, str] | None
    parent: tuple[int, int] | None
    confidence: float


def find_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Every quote row the rules find, in text order; pronoun speakers resolved in that order."""
    genders = _learn_genders(text, mentions)
    double_marks = text.count("“") + text.count("”") + text.count('"')
    check_rows("quotation mark", double_marks // 2)  # at least this many rows: refuse before pairing
    pairs, strays = scan_quote_marks(text)
    check_rows("quotation mark", len(pairs) + len(strays))
    masked = _masked(text, pairs)
    # a speaker is never inside quoted words: search names and pronouns outside them
    outside = [m for m in mentions if masked[m.start] == text[m.start]]  # blanked = inside quotation marks
    outside = _with_nominals(masked, outside, mentions)
    marked = _marked_quotes(text, masked, outside, pairs, strays)
    inside = sorted((q.start, q.end) for q in marked if q.kind != "orphan")
    indirect = _indirect_quotes(masked, outside, inside, all_sentences(text))
    taken = {(q.start, q.end) for q in marked}
    indirect = [q for q in indirect if (q.start, q.end) not in taken]
    quotes = _resolve_pronouns(sorted(marked + indirect, key=lambda q: (q.start, -q.end)), mentions, genders)
    return _with_parents(quotes)


# --- marked quotes -------------------------------------------------------------------------


def _marked_quotes(real: str, text: str, mentions: list[Mention], pairs, strays) -> list[Quote]:
    line_of = _line_finder(text)
    out: list[Quote] = []
    previous: Quote | None = None
    previous_close = -1
    open_closes: list[int] = []  # closes of the pairs enclosing the current one (pairs never cross)
    for pair in pairs:
        line = line_of(pair.open)
        while open_closes and open_closes[-1] < pair.open:
            open_closes.pop()
        enclosing = bool(open_closes)
        open_closes.append(pair.close)
        if len(open_closes) > MAX_NESTING:
            raise TooComplex(f"quotation marks nested more than {MAX_NESTING} deep (at character {pair.open})")
        quote = _classify_pair(real[pair.open + 1:pair.close], text, pair.open, pair.close, line, mentions, enclosing)
        between = text[previous_close + 1:pair.open] if previous is not None else ""
        continues = (
            previous is not None and quote.cue is None and quote.kind in ("direct", "partial") and previous.speaker.mention is not None
            and not enclosing and previous_close < pair.open
            and (previous.cue is not None and previous_close < previous.cue[0] < pair.open and "\n" not in between  # split (Q3)
                 or between.strip() == "" and _starts_line(text, pair.open, line)  # continued paragraph
                 or between.strip(" \t.,;") == "" and "\n" not in between)  # the next sentence, quoted too
        )
        if continues:
            quote = replace(quote, kind="direct", speaker=previous.speaker, cue=previous.cue, confidence=0.65)
        out.append(quote)
        if not enclosing:
            previous, previous_close = quote, pair.close
    out.extend(_orphans(text, strays, pairs))
    return out


def _line_finder(text: str):
    """pos -> the line holding it, by bisection over line starts (not a scan per mark)."""
    spans = lines(text)
    starts = [ln.start for ln in spans]

    def line_of(pos: int) -> Span:
        i = bisect.bisect_right(starts, pos) - 1
        return spans[i] if i >= 0 else Span(0, len(text))

    return line_of


def _masked(text: str, pairs) -> str:
    """The text with every quotation's words blanked (same offsets), for finding cues and subjects.

    Nested pairs are merged first, so every character is blanked once (linear, however deep).
    """
    pieces, done = [], 0
    for p in pairs:  # sorted by opening mark
        start, end = max(p.open + 1, done), p.close
        if end <= start:
            continue
        pieces.append(text[done:start])
        inner = text[start:end]
        pieces.append(_BLANK.sub(" ", inner))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


_BLANK = re.compile(r"[^\n\r]")


_ROLE_WORDS = sorted({w.lower().rstrip(".") for w in gz.TITLES if len(w) > 3 and not w.endswith(".")}, key=len, reverse=True)
_DEFINITE_ROLE = guarded(re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er) (?:(?:ex|former)[- ])?(?:[A-Za-z]+ ){0,2}?(?:" + "|".join(_ROLE_WORDS) + r")\b(?! (?-i:[A-Z]))", re.IGNORECASE))
"""`(?-i:...)`: under IGNORECASE a plain [A-Z] would match any next word and reject every role."""


_BODY_HEADS = (
    "committee", "government", "company", "firm", "group", "bank", "council", "ministry", "department", "party",
    "board", "union", "agency", "court", "commission", "executive", "trust", "authority", "club", "hospital",
    "university", "airline", "charity", "organisation", "organization", "institute", "association", "federation",
    "foundation", "office", "service", "assembly", "parliament", "senate", "newspaper", "network", "channel", "church",
)
_DEFINITE_BODY = re.compile(r"\b[Tt]he (?:[a-z]+ ){0,2}(?P<head>" + "|".join(_BODY_HEADS) + r")\b(?! (?:of|for) )")


def _body_nominals(text: str, everything: list[Mention]) -> list[Mention]:
    """'the committee', 'the assembly government': a body noun refers to the nearest previous
    organisation or place whose name holds that noun ('Welsh Assembly Government'), as in M3."""
    bodies = [m for m in everything if m.kind == "NAME" and m.type in ("ORG", "MEDIA", "GPE")]
    starts = [m.start for m in bodies]
    out = []
    for m in _DEFINITE_BODY.finditer(text):
        head = m.group("head")
        i = bisect.bisect_left(starts, m.start())
        named = next((b for b in reversed(bodies[max(0, i - LOOKBACK):i]) if head in b.name.lower().split()), None)
        if named is not None:
            out.append(Mention(m.start(), m.end(), named.name, named.type, "NOMINAL", 0.45))
    return out


def _with_nominals(text: str, mentions: list[Mention], everything: list[Mention]) -> list[Mention]:
    """'the US President', 'The ex-president': a role refers to the nearest previous person (M3)."""
    out = list(mentions) + _body_nominals(text, everything)
    people = [p for p in everything if p.type == "PERSON" and p.kind == "NAME"]
    starts = [p.start for p in people]
    for m in _DEFINITE_ROLE.finditer(text):
        i = bisect.bisect_left(starts, m.start())
        if i:
            person = people[i - 1]
            out.append(Mention(m.start(), m.end(), person.name, "PERSON", "NOMINAL", 0.45, person.gender))
    title = _TITLE_AFTER
    persons = sorted((p for p in everything if p.type == "PERSON"), key=lambda p: p.end)
    ends = [p.end for p in persons]
    for m in mentions:
        if m.type not in ("GPE", "NORP", "ORG"):
            continue
        t = title.match(text, m.end)
        if not t or text[t.end():t.end() + 1] == " " and text[t.end() + 1:t.end() + 2][:1].isupper():
            continue  # "President Claudia Sheinbaum": the name itself follows
        i = bisect.bisect_right(ends, m.start)
        if not i:
            continue
        person = persons[i - 1]
        det = re.search(r"\b(?:[Tt]he)\s+$", text[max(0, m.start - 4):m.start])
        start = m.start - (len(det.group()) if det else 0)
        out.append(Mention(start, t.end(), person.name, "PERSON", "NOMINAL", 0.5, person.gender))
    return sorted(out, key=lambda x: (x.start, x.end))


def _starts_line(text: str, pos: int, line: Span) -> bool:
    return _NON_SPACE.search(text, max(line.start, pos - WINDOW), pos) is None and (pos - line.start <= WINDOW or text[line.start:pos].isspace())


_NON_SPACE = re.compile(r"\S")


def _classify_pair(inner: str, text: str, open_: int, close: int, line: Span, mentions: list[Mention], nested: bool) -> Quote:
    start, end = open_ + 1, close
    words = inner.split()
    floor = max(line.start, open_ - WINDOW)
    before, after = text[floor:open_], text[close + 1:min(line.end, close + 1 + WINDOW)]
    line = Span(floor, line.end)  # offsets below are relative to the window's start
    if nested:
        sentence_like = bool(words) and inner.rstrip()[-1:] in "?!." and len(words) >= 3
        return Quote(start, end, "direct" if sentence_like else "scare", Speaker("unattributed" if sentence_like else "term"), None, None, 0.5)
    cue, speaker, kind, conf = None, Speaker("unattributed"), None, 0.5
    m = _CUE_AFTER.match(after)
    # a closing mark after sentence punctuation ends a sentence too: `months." "Nothing ...`
    at_sentence_start = before.strip() == "" or before.rstrip()[-1:] in ".!?:—–-" or _QUOTED_SENTENCE_END.search(before) is not None
    if m and _cue_subject_length_ok(m.group("pre"), inner) and _cue_clause_after_ok(inner, after, m):
        cue = (close + 1 + m.start("verb"), close + 1 + m.end("verb"), LEMMA[m.group("verb").lower()])
        speaker = _subject_near(text, close + 1 + m.start("pre"), cue[0], cue[1], mentions)
        kind = "direct" if at_sentence_start or before.rstrip()[-1:] == "," else "partial"
        conf = 0.8
    else:
        b = _CUE_BEFORE.search(before)
        colon = before.rstrip().endswith(":")
        if b and (b.group("that") or b.group("punct") or before.endswith(" ")) and len(b.group("mid").split()) <= 4:
            verb_start = line.start + b.start("verb")
            cue = (verb_start, line.start + b.end("verb"), LEMMA[b.group("verb").lower()])
            speaker = _subject_before(text, line.start, verb_start, mentions)
            kind = "direct" if b.group("punct") and not b.group("that") else "partial"
            conf = 0.75
        elif colon and len(words) >= 3:
            c = line.start + before.rstrip().rfind(":")
            cue = (c, c + 1, ":")
            speaker = _colon_subject(text, line.start, c, mentions)
            kind, conf = "direct", 0.6
        elif (found := _last_cue(before)) is not None:
            cue = (line.start + found[0], line.start + found[1], found[2])
            speaker = _cue_subject(text, line.start, cue[0], cue[1], mentions)
            kind, conf = "partial", 0.55
    if kind is None and before.strip() == "" and (colon_cue := _colon_ending_previous_line(text, line.start)) is not None:
        # `He said:` ending one paragraph, the quotation opening the next (British and wire style)
        cue = (colon_cue, colon_cue + 1, ":")
        speaker = _subject_before(text, text.rfind("\n", 0, colon_cue) + 1, colon_cue, mentions)
        kind, conf = "direct", 0.6
    if kind is None:
        if at_sentence_start and _stands_alone(inner, after):
            # a sentence of its own after a sentence that reports speech: `Wimpey said. "We ..."`
            speaker = _previous_sentence_speaker(text, open_, mentions)
            if speaker.status == "unattributed":
                speaker = _person_talked_about(text, open_, mentions)
            return Quote(start, end, "direct", speaker, None, None, 0.5 if speaker.status == "attributed" else 0.35)
        return Quote(start, end, "scare", Speaker("term"), None, None, 0.55 if len(words) <= 4 else 0.35)
    return Quote(start, end, kind, speaker, cue, None, conf)


_QUOTED_SENTENCE_END = re.compile(r"[.!?\s][”\"’']\s+$")
"""In the masked text a quotation's words are blanks, so a closing mark after a blank ends one."""
_NEXT_STARTS_SENTENCE = re.compile(r"[\s.,!?]*(?:$|[^\W\d_a-z]|[“\"‘'(—–-])")
_CAPITALISED = re.compile(r"[^\W\d_a-z]")


def _stands_alone(inner: str, after: str) -> bool:
    """Quoted words that form a sentence of their own (not a title or a term): they start with a
    capital, run to at least four words, are not title case, and what follows starts a new sentence."""
    words = inner.split()
    if len(words) < 4 or not _CAPITALISED.match(inner.lstrip(" .…")[:1] or "a"):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    if capitalised > 0.5 * len(words):
        return False  # "Mad Dog in the Morning", "The Lord of the Rings": a title
    return _NEXT_STARTS_SENTENCE.match(after) is not None


def _colon_subject(text: str, floor: int, colon: int, mentions) -> Speaker:
    """Who a colon introduces: the subject of its sentence when the words before the colon are
    no reporting clause (`Ann Lee, his lawyer, appeared on TV to discuss the tape: "..."`,
    `began his reply with the quip: "..."`), else the subject next to it (`X said:` is a verb cue)."""
    window = text[max(floor, colon - WINDOW):colon]
    sentence_start = colon - len(window) + max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"), -2) + 2
    subject = _sentence_subject(text, sentence_start, colon, mentions)
    return subject if subject.status != "unattributed" else _subject_before(text, floor, colon, mentions)


def _colon_ending_previous_line(text: str, line_start: int) -> int | None:
    """Offset of the colon that ends the previous non-blank line (within the window), else None."""
    floor = max(0, line_start - WINDOW)
    previous = text[floor:line_start].rstrip()
    if not previous.endswith(":") or "\n" not in text[floor:line_start]:
        return None
    return floor + len(previous) - 1


def _person_talked_about(text: str, open_: int, mentions) -> Speaker:
    """A quoted sentence with no cue at all is taken as the words of the person named last in
    the sentences just before it (`Roche headed for the door. "They busted out ..."`): implicit
    (Q9), no mention in its sentence, low confidence."""
    floor = max(0, open_ - WINDOW)
    people = [m for m in _mentions_in(mentions, floor, open_) if m.type == "PERSON" and m.kind == "NAME"]
    return Speaker("implicit", people[-1]) if people else Speaker("unattributed")


_REPORTED_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def _previous_sentence_speaker(text: str, open_: int, mentions) -> Speaker:
    """The subject of the first reporting verb of the sentence before a quotation (same or previous
    paragraph): `..., Wimpey said. "We ..."` -> Wimpey; nobody if that sentence reports no speech."""
    floor = max(0, open_ - WINDOW)
    window = text[floor:open_].rstrip(" \t\r\n“\"‘")
    if not _REPORTED_SENTENCE_END.search(window):
        return Speaker("unattributed")
    body = window.rstrip(".!?: ")
    cut = max(body.rfind(". "), body.rfind("! "), body.rfind("? "), body.rfind("\n"))
    sentence_start = floor + cut + 1
    verb = _VERB_RE.search(text, sentence_start, floor + len(body))  # the main clause's verb comes first
    if verb is None:
        return Speaker("unattributed")  # the sentence reports no speech
    speaker = _cue_subject(text, sentence_start, verb.start(), verb.end(), mentions)
    if speaker.status == "unattributed":
        speaker = _subject_after(text, verb.end(), floor + len(body), mentions)
    return speaker


def _cue_clause_after_ok(inner: str, after: str, m: re.Match) -> bool:
    """After a quotation closed by a full stop the next words start a new sentence; its verb is
    this quotation's cue only in a short reporting clause (`"..." he said.`, `"..." said Ann Lee.`),
    not in a sentence that goes on (`"..." But a spokeswoman insisted Ben Ode had ...`)."""
    if not inner.rstrip().endswith("."):
        return True
    tail = after[m.end("verb"):]
    stop = re.search(r"[.,;:!?\n]", tail)
    return len(tail[:stop.start() if stop else len(tail)].split()) <= 4 and len(m.group("pre").split()) <= 4


def _cue_subject_length_ok(pre: str, inner: str) -> bool:
    """Words between a closing mark and its verb: a pronoun or name (`" he said`) is short, a
    titled name (`," Israel's Defence Minister Ana Lopez had reportedly said`) up to eight words,
    but only after a quotation left open by a comma (after a full stop a new sentence starts)."""
    words = pre.split()
    if len(words) <= 5:
        return True
    return len(words) <= 8 and inner.rstrip()[-1:] in ",?!" and sum(w[:1].isupper() for w in words) >= 2


_LABEL_LEMMAS = {"calling": "call", "called": "call", "described as": "describe", "describing": "describe"}


def _last_cue(before: str) -> tuple[int, int, str] | None:
    """The last reporting (or labelling: "calling it") verb earlier in the sentence, for partial quotes."""
    sentence = _SENTENCE_BREAK.split(before)[-1]
    found = list(_VERB_OR_LABEL.finditer(sentence))
    if not found:
        return None
    last, offset = found[-1], len(before) - len(sentence)
    word = last.group().lower()
    lemma = LEMMA.get(word) or _LABEL_LEMMAS.get(word)
    if word in _LABEL_LEMMAS and len(sentence[last.end():].split()) > 3:
        return None  # "calling it “…”" labels the quoted words only when it stands right before them
    return (offset + last.start(), offset + last.end(), lemma) if lemma else None


def _orphans(text: str, strays, pairs) -> list[Quote]:
    """Each unmatched mark: the run from the previous mark (or paragraph start) to it, or from it onward (Q1)."""
    marks = sorted({p.open for p in pairs} | {p.close for p in pairs} | {s.position for s in strays})
    line_of = _line_finder(text)
    spans: dict[int, tuple[int, int]] = {}
    for stray in strays:
        line = line_of(stray.position)
        i = bisect.bisect_left(marks, stray.position)  # marks[i] is the stray itself
        if stray.opens:
            later = marks[i + 1] if i + 1 < len(marks) and marks[i + 1] <= line.end else None
            spans[stray.position] = (stray.position + 1, later if later is not None else max(line.end, stray.position + 1))
        else:
            earlier = marks[i - 1] if i > 0 and marks[i - 1] >= line.start else None
            spans[stray.position] = ((earlier + 1) if earlier is not None else line.start, stray.position)
    # an opening mark that ends its line and a closing mark that starts the next share one row
    openers = {s.position: s for s in strays if s.opens}
    for stray in strays:
        if not stray.opens:
            start = spans[stray.position][0]
            other = openers.get(start - 1)
            if other is not None and spans[other.position] != spans[stray.position]:
                spans[other.position] = spans[stray.position]
    unique = sorted(set(spans.values()))
    return [Quote(s, e, "orphan", Speaker("unattributed"), None, None, 0.9) for s, e in unique]


# --- indirect speech -----------------------------------------------------------------------


def _indirect_quotes(text: str, mentions: list[Mention], marked: list[tuple[int, int]], sentences: tuple[Span, ...]) -> list[Quote]:
    """Reported speech by cue verbs and "according to", scanned in the masked text sentence by
    sentence; the sentences are those of the raw text, split once per article and shared with the
    gender and claim rules (a quotation's inner full stops are no sentence end in the masked text,
    but its verbs are blanked there, so no cue is found inside it either way)."""
    out = []
    # one scan of the whole text for verbs and "according to", dealt out to sentences in order
    # (not a slice and two scans per sentence); sentences cover every word, words never cross them
    verbs, accordings = _VERB_RE.finditer(text), _ACCORDING.finditer(text)
    verb, according = next(verbs, None), next(accordings, None)
    for sentence in sentences:
        while verb is not None and verb.start() < sentence.start:
            verb = next(verbs, None)
        while according is not None and according.start() < sentence.start:
            according = next(accordings, None)
        in_sentence = []
        while verb is not None and verb.end() <= sentence.end:
            in_sentence.append(verb)
            verb = next(verbs, None)
        for m in in_sentence:
            verb_start, verb_end = m.start(), m.end()
            if m.group() == "declaration":  # (verbs inside quotation marks are blanked in `text`)
                continue
            lemma = LEMMA[m.group().lower()]
            content = _content_clause(text, verb_end, sentence, lemma in _ZERO_THAT_LEMMAS, _ZERO_THAT_REACH.get(lemma, 6))
            if content is None:
                continue
            speaker = _cue_subject(text, sentence.start, verb_start, verb_end, mentions)
            if speaker.status == "unattributed":
                speaker = _subject_after(text, verb_end, content.start, mentions)
            out.append(Quote(content.start, content.end, "indirect", speaker, (verb_start, verb_end, LEMMA[m.group().lower()]), None, 0.5))
        preposed = _preposed_report(text, sentence, mentions, marked)
        if preposed is not None:
            out.append(preposed)
        if according is not None and according.end() <= sentence.end:
            m, according = according, next(accordings, None)  # one per sentence: later ones would repeat its span
            cue_start, cue_end = m.start(), m.end()
            rest = text[cue_end:min(sentence.end, cue_end + WINDOW)]
            comma = rest.find(",")
            if cue_start == sentence.start and comma != -1:
                span = without_final_punctuation(text, trimmed(text, cue_end + comma + 1, min(sentence.end, cue_end + comma + 1 + MAX_SPAN)))
            elif cue_start > sentence.start:
                span = without_final_punctuation(text, trimmed(text, max(sentence.start, cue_start - MAX_SPAN), cue_start))
            else:
                span = None
            if span is not None and span.end - span.start >= 10 and not _overlaps_marked(span, marked):
                speaker = _subject_after(text, cue_end, cue_end + (comma if comma != -1 else len(rest)), mentions)
                out.append(Quote(span.start, span.end, "indirect", speaker, (cue_start, cue_end, "according to"), None, 0.5))
    unique: dict[tuple[int, int], Quote] = {}
    for q in out:
        unique.setdefault((q.start, q.end), q)
    return list(unique.values())


_PREPOSED_SUBJECT_FIRST = re.compile(
    r",\s+(?P<subject>(?:[^\s,.!?]+\s+){1,8}?)(?:(?:has|have|had)\s+)?(?P<verb>" + _VERB + r")(?P<tail>(?:\s+[^\s,.!?]+){0,5})\s*[.!?]?$"
)
_PREPOSED_VERB_FIRST = re.compile(r",\s+(?P<verb>" + _VERB + r")(?P<subject>(?:\s+[^\s,.!?]+){1,6})\s*[.!?]?$")


_TAIL_STARTS = frozenset("on in at to last this yesterday today earlier later recently during after before on".split())


def _adverbial_tail(tail: str, lemma: str) -> bool:
    """After `X said` only a time or place may follow (`on Monday`, `in a statement`); after
    `told` its hearer (`told jurors`). Anything else means the verb heads a clause of its own
    (`a move Washington says targets drugs`)."""
    words = tail.split()
    if not words or lemma == "tell":
        return len(words) <= 4
    return len(words) <= 4 and words[0].lower() in _TAIL_STARTS


def _preposed_report(text: str, sentence: Span, mentions, marked: list[tuple[int, int]]) -> Quote | None:
    """Reported content before its cue, the news lead's order (Q1): `[Anglers could face court],
    a committee of MPs has warned.` / `[...], said the Beijing News.` The span is the sentence up
    to the comma that opens the short reporting clause at its end."""
    comma = text.rfind(",", sentence.start, sentence.end)
    if comma == -1 or sentence.end - comma > 120:
        return None
    tail = text[comma:sentence.end]
    if any(ch in tail for ch in ':;“”"—–'):
        return None  # the clause goes on into a quotation or another clause
    m = _PREPOSED_SUBJECT_FIRST.match(tail) or _PREPOSED_VERB_FIRST.match(tail)
    if m is None or m.group("verb") == "declaration" or m.group("verb").endswith("ing"):
        return None  # (a participle, ", arguing ...", belongs to the clause before)
    if m.re is _PREPOSED_SUBJECT_FIRST and not _adverbial_tail(m.group("tail"), LEMMA[m.group("verb").lower()]):
        return None
    span = trimmed(text, sentence.start, comma)
    if len(text[span.start:span.end].split()) < 4 or text[span.start:span.start + 1] in "“\"‘'" or _overlaps_marked(span, marked):
        return None  # too short for a clause, or a marked quotation (it has its own row)
    verb_start, verb_end = comma + m.start("verb"), comma + m.end("verb")
    if m.re is _PREPOSED_VERB_FIRST:
        speaker = _subject_after(text, verb_end, sentence.end, mentions)
    else:
        speaker = _subject_before(text, comma + 1, verb_start, mentions)
    return Quote(span.start, span.end, "indirect", speaker, (verb_start, verb_end, LEMMA[m.group("verb").lower()]), None, 0.5)


def _overlaps_marked(span: Span, marked: list[tuple[int, int]]) -> bool:
    """A marked quote inside the span covers most of it (marked is sorted by start)."""
    i = bisect.bisect_left(marked, (span.start, -1))
    while i < len(marked) and marked[i][0] <= span.end:
        a, b = marked[i]
        if b <= span.end and (b - a) > 0.6 * (span.end - span.start):
            return True
        i += 1
    return False


_ZERO_THAT_LEMMAS = frozenset({"say", "claim", "argue", "insist", "add", "assert", "allege", "warn", "state", "write", "tweet", "post", "note", "agree", "caution", "admonish", "indicate", "signal"})
_NOT_A_SUBJECT = frozenset("to in on at for with by from about of as into after before during over so yes no nothing hello thanks goodbye up down out off again also only just very more less".split())
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|may|might|must|should|shall|has|have|had|do|does|did|\w+ed|\w+s"
    r"|made|went|took|gave|got|came|saw|knew|thought|found|left|felt|kept|held|brought|began|ran|set|put|cut|hit"
    r"|won|lost|paid|sold|built|met|meant|told|said|became|stood|fell|rose|spent|led|wrote|broke|chose|drove)\b"
)
_CONTRACTED_SUBJECT = re.compile(r"(?:he|she|it|they|we|you|i|there|that|who)(?:’|')(?:s|re|ve|ll|d|m)\b", re.IGNORECASE)
"""A finite verb shows that a clause, not a noun phrase, follows (so does a contracted subject,
`_CONTRACTED_SUBJECT`: he's, they're; a possessive like "Washington's" does not)."""
_ZERO_THAT_REACH = {"say": 12}
"""Words after the cue a zero-that clause's verb is looked for in: "said the plan ... would" is
common after "say", so its clauses are read further; other cues keep the first six words."""


def _content_clause(text: str, verb_end: int, sentence: Span, zero_that: bool, reach: int = 6) -> Span | None:
    """The reported clause after a cue: `that ...` or a zero-that clause (Q1); None if there is none."""
    rest = text[verb_end:min(sentence.end, verb_end + WINDOW)]
    that = _THAT_CLAUSE.match(rest)
    if that and "," not in that.group("obj"):
        start = verb_end + that.end()
    elif zero_that and rest[:1] == " " and not rest[1:2] in "“\"‘" and len(rest.split()) >= 4:
        words = rest.split()
        finite = _FINITE.search(" ".join(words[1:reach])) or _CONTRACTED_SUBJECT.match(words[0])
        if words[0].lower().strip(",.;:") in _NOT_A_SUBJECT or not finite:
            return None
        start = verb_end + 1
    else:
        return None
    if text[start:start + 1] in "“\"‘'":
        return None  # a marked quotation follows: it has its own row
    limit = min(sentence.end, start + MAX_SPAN)
    cut = _NEXT_CUE.search(text, start, limit)
    end = cut.start() if cut else limit
    span = without_final_punctuation(text, trimmed(text, start, end))
    return span if span.end - span.start >= 8 and len(text[span.start:span.end].split()) >= 3 else None


# --- speakers ------------------------------------------------------------------------------


def _mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions inside [start, end); mentions are sorted by start, so bisect to the window."""
    i = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")  # a nationality ("Mexicans say") is an unnamed group


def _subject_near(text: str, pre_start: int, verb_start: int, verb_end: int, mentions) -> Speaker:
    """Cue after a quote: `, Trump said` (subject before the verb) or `, said Trump` (after)."""
    found = [m for m in _mentions_in(mentions, pre_start, verb_start) if m.type in _SPEAKER_TYPES]
    head = _before_apposition(text, found, pre_start, verb_start)
    if head is not None:
        return Speaker("attributed", head)
    if found:
        return Speaker("attributed", max(found, key=lambda m: (m.end, -m.start)))
    pronoun = _pronoun_in(text, pre_start, verb_start)
    if pronoun:
        return pronoun
    unnamed = _unnamed_in(text, pre_start, verb_start)
    if unnamed:
        return unnamed
    if text[verb_start:verb_end].lower() in ("told", "tells", "telling"):
        return Speaker("unattributed")  # `" ... told Reuters`: what follows is the hearer, not the speaker
    return _subject_after(text, verb_end, min(len(text), verb_end + 50), mentions)


_APPOSITION_END = re.compile(r",\s*(?:[a-z]+\s+){0,2}$")
"""`Ana Lopez, chief executive of Borland Trust, had said`: the verb follows a closing comma."""


def _before_apposition(text: str, found: list[Mention], start: int, verb_start: int) -> Mention | None:
    """The clause's subject when an appositive sits between it and the verb: the mention right
    before the appositive's opening comma, not the nearest name inside the appositive."""
    end = _APPOSITION_END.search(text, start, verb_start)
    if end is None or not found:
        return None
    opening = text.rfind(",", start, end.start())
    if opening == -1:
        return None
    before = [m for m in found if m.end <= opening and text[m.end:opening].strip() == ""]
    return before[-1] if before else None


def _subject_before(text: str, floor: int, verb_start: int, mentions) -> Speaker:
    """The subject of a cue: the nearest mention, pronoun or unnamed group before it in its clause."""
    clause_start = max(floor, verb_start - 90)
    window = text[clause_start:verb_start]
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"), window.rfind("”"), window.rfind('"'))
    if cut != -1:
        clause_start += cut + 1
    found = [m for m in _mentions_in(mentions, clause_start, verb_start) if m.type in _SPEAKER_TYPES]
    pronoun = _pronoun_in(text, clause_start, verb_start)
    unnamed = _unnamed_in(text, clause_start, verb_start)
    best = _before_apposition(text, found, clause_start, verb_start) or (max(found, key=lambda m: (m.end, -m.start)) if found else None)
    candidates = [(best.end, Speaker("attributed", best))] if best else []
    if pronoun:
        candidates.append((pronoun.mention.end, pronoun))
    if unnamed:
        candidates.append((unnamed_end(text, clause_start, verb_start), unnamed))
    if not candidates:
        return Speaker("unattributed")
    return max(candidates, key=lambda c: c[0])[1]


def unnamed_end(text: str, start: int, end: int) -> int:
    last = -1
    for m in re.finditer(r"\b\w+\b", text[start:end]):
        if m.group().lower() in gz.UNNAMED_SOURCES:
            last = start + m.end()
    return last


def _subject_after(text: str, start: int, end: int, mentions) -> Speaker:
    found = [m for m in _mentions_in(mentions, start, min(end, start + 60)) if m.type in _SPEAKER_TYPES]
    if found:
        return Speaker("attributed", found[0])
    pronoun = _pronoun_in(text, start, min(end, start + 15))
    return pronoun or Speaker("unattributed")


def _cue_subject(text: str, floor: int, verb_start: int, verb_end: int, mentions) -> Speaker:
    """The speaker of a cue: its subject, or for a participle (", claiming that") the sentence's."""
    if text[verb_start:verb_end].endswith("ing") and text[max(floor, verb_start - 3):verb_start].strip() == ",":
        floor = max(floor, verb_start - WINDOW)
        window = text[floor:verb_start]
        starts = [floor + m.end() for m in _SENTENCE_BREAK.finditer(window)]
        return _sentence_subject(text, starts[-1] if starts else floor, verb_start, mentions)
    return _subject_before(text, floor, verb_start, mentions)


def _sentence_subject(text: str, sentence_start: int, verb_start: int, mentions) -> Speaker:
    """A participle cue (", claiming that") shares the subject of its sentence's main clause."""
    found = [m for m in _mentions_in(mentions, sentence_start, verb_start) if m.type in _SPEAKER_TYPES]
    people = [m for m in found if m.type == "PERSON"]
    pronoun = _pronoun_in(text, sentence_start, verb_start, first=True)
    if people and (pronoun is None or people[0].start < pronoun.mention.start):
        return Speaker("attributed", people[0])
    if pronoun is not None:
        return pronoun
    return Speaker("attributed", found[0]) if found else Speaker("unattributed")


def _pronoun_in(text: str, start: int, end: int, first: bool = False) -> Speaker | None:
    found = list(_PRONOUN.finditer(text, start, end))
    if not found:
        return None
    p = found[0] if first else found[-1]
    mention = Mention(p.start(), p.end(), "", "PERSON", "PRONOUN", 0.5, _PRONOUN_GENDER.get(p.group().lower()))
    return Speaker("pronoun", mention)


def _unnamed_in(text: str, start: int, end: int) -> Speaker | None:
    words = re.findall(r"\b\w+\b", text[start:end].lower())
    return Speaker("unnamed_source") if any(w in gz.UNNAMED_SOURCES for w in words) else None


def _learn_genders(text: str, mentions: list[Mention]) -> dict[str, str]:
    """A person's gender: from a title, else the first he/she that follows them in one sentence."""
    genders = {m.name: m.gender for m in mentions if m.gender}
    persons = [m for m in mentions if m.type == "PERSON"]  # mentions are sorted by start
    starts = [m.start for m in persons]
    for sentence in all_sentences(text):
        inside = persons[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
        if not inside:
            continue
        ends = [m.end for m in inside]
        for p in _GENDERED.finditer(text, sentence.start, sentence.end):
            i = bisect.bisect_right(ends, p.start())
            if i and inside[i - 1].name not in genders:
                genders[inside[i - 1].name] = _PRONOUN_GENDER[p.group().lower()]
    return genders


def _resolve_pronouns(quotes: list[Quote], mentions: list[Mention], genders: dict[str, str]) -> list[Quote]:
    """Pronoun speaker -> nearest previous compatible speaker, else nearest previous person."""
    persons = [m for m in mentions if m.type == "PERSON"]
    person_starts = [m.start for m in persons]
    bodies = [m for m in mentions if m.type in _BODY_TYPES and m.kind == "NAME"]
    body_starts = [m.start for m in bodies]
    speakers: list[Mention] = []
    out = []
    for q in quotes:
        sp = q.speaker
        if sp.status == "pronoun":
            pronoun = sp.mention
            if pronoun.gender == "neuter":  # "it said": the nearest earlier speaking body, else body named
                i = bisect.bisect_left(body_starts, pronoun.start)
                target = next((m for m in reversed(speakers[-LOOKBACK:]) if m.type in _BODY_TYPES), bodies[i - 1] if i else None)
            else:
                earlier = persons[max(0, bisect.bisect_left(person_starts, pronoun.start) - LOOKBACK):bisect.bisect_left(person_starts, pronoun.start)]
                target = _antecedent(pronoun, speakers[-LOOKBACK:], earlier, genders)
            if target is None:
                sp = Speaker("unattributed")
            else:
                sp = Speaker("attributed", replace(pronoun, name=target.name, type=target.type, confidence=0.5))
                q = replace(q, confidence=round(q.confidence * 0.85, 4))
        if sp.mention is not None and sp.status == "attributed":
            speakers.append(sp.mention)
        out.append(q if sp is q.speaker else replace(q, speaker=sp))  # (replace() is slow: only when it changes)
    return out


def _antecedent(pronoun: Mention, speakers, persons, genders) -> Mention | None:
    word_gender = pronoun.gender
    if word_gender is None:
        return None  # they/we/I: a group or the speaker inside a quote, not resolved here

    def compatible(m: Mention) -> bool:
        return m.type == "PERSON" and genders.get(m.name, word_gender) == word_gender and m.start < pronoun.start

    for m in reversed(speakers):
        if compatible(m):
            return m
    for m in reversed(persons):
        if compatible(m):
            return m
    return None


def _encloses(p: Quote, q: Quote) -> bool:
    return p.start <= q.start and q.end <= p.end and (p.start, p.end) != (q.start, q.end)


def _with_parents(quotes: list[Quote]) -> list[Quote]:
    """A quote inside another (marked or indirect) gets the innermost enclosing one as parent (Q4)."""
    enclosing = _innermost_enclosing(quotes)
    # reported speech inside a quotation is the quoted speaker's wording, not a row of its own
    dropped = {i for i, q in enumerate(quotes) if q.kind == "indirect" and enclosing[i][0] is not None}
    out = []
    for i, q in enumerate(quotes):
        if q.kind == "orphan" or i in dropped:
            if q.kind == "orphan":
                out.append(q)
            continue
        marked_parent, indirect_parent = enclosing[i]
        if indirect_parent is not None and indirect_parent in dropped:
            indirect_parent = None
        candidates = [quotes[j] for j in (marked_parent, indirect_parent) if j is not None]
        parent = min(candidates, key=lambda p: p.end - p.start) if candidates else None
        if parent is not None and q.speaker.status in ("unattributed",) and parent.speaker.mention is not None and q.kind == "direct":
            q = replace(q, speaker=Speaker("implicit", parent.speaker.mention))
        elif parent is not None and parent.kind == "indirect" and q.kind == "scare" and parent.speaker.mention is not None:
            q = replace(q, kind="partial", speaker=parent.speaker, cue=parent.cue, confidence=0.5)  # Q4, Q8
        span = (parent.start, parent.end) if parent else None
        out.append(q if span == q.parent else replace(q, parent=span))
    return out


def _innermost_enclosing(quotes: list[Quote]) -> list[tuple[int | None, int | None]]:
    """Per quote: (index of the innermost enclosing marked quote, of the innermost enclosing indirect one).

    One sweep in start order. Marked quotes never cross (mark pairing is a stack), so the
    marked quotes still open form a chain and the innermost one enclosing a quote is near its
    top; an indirect quote is one clause of one sentence, so only the last few started are
    looked at (LOOKBACK). Quotes are sorted by (start, -end).
    """
    out: list[tuple[int | None, int | None]] = []
    chain: list[int] = []  # open marked quotes, outermost first
    indirect: list[int] = []
    for i, q in enumerate(quotes):
        if q.kind == "orphan":
            out.append((None, None))
            continue
        while chain and quotes[chain[-1]].end < q.start:
            chain.pop()
        marked_parent = None
        for j in reversed(chain[-LOOKBACK:]):
            if _encloses(quotes[j], q):
                marked_parent = j
                break
        indirect_parent = None
        for j in reversed(indirect[-8:]):  # an indirect quote is one clause: only recent ones can enclose
            if _encloses(quotes[j], q) and (indirect_parent is None or quotes[j].end - quotes[j].start < quotes[indirect_parent].end - quotes[indirect_parent].start):
                indirect_parent = j
        out.append((marked_parent, indirect_parent))
        (indirect if q.kind == "indirect" else chain).append(i)
    return out
