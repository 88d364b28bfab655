"""Marked quotations (Q1-Q4): quotation-mark pairs classified as direct, partial or scare, and orphans.

Pairs and stray marks come from the shared scanner (`landstrikes.quotemarks`), so each gets
exactly one row (Q2). A pair's cue is a reporting verb after it (`", he said`), before it
(`He said: "`), a colon, or a quoted sentence of its own after a reporting sentence; split and
continued quotations reuse the previous quotation's speaker (Q3).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from landstrikes.extract.guard import with_words
from landstrikes.extract.cues import CUE_VERBS, LEMMA, SENTENCE_BREAK, VERBS, used_as_noun
from landstrikes.extract.entities import Mention
from landstrikes.extract.limits import MAX_NESTING, WINDOW, TooComplex
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.speakers.after_verb import subject_after
from landstrikes.extract.speakers.before_verb import subject_before
from landstrikes.extract.speakers.colons import colon_subject, document_colon
from landstrikes.extract.speakers.cue_subjects import cue_subject, subject_near
from landstrikes.extract.speakers.uncued import person_talked_about, previous_sentence_speaker, pronoun_subject_before
from landstrikes.extract.speakers.words import mentions_in
from landstrikes.extract.text import Span, lines
from landstrikes.quotemarks import BLANKS, captions_only


_CUE_AFTER = with_words(r"^[,.!?;]?\s*(?P<pre>[^.!?“”\"\n]{0,60}?)\b(?P<verb><CUE_VERB>)\b", CUE_VERB=CUE_VERBS)
_ABBREVIATION_STOP = re.compile(r"\b(?:Mrs?|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Cpl|Maj|Adm|Rep|Sen|Gov|Rev|Det|Insp|Supt|Jr|Sr|St|[A-Z])\.")
"""The full stop of a title or an initial in a reporting clause (`," Army Col. Ann Lee said`,
`," U.S. Rep. Ann Lee told Fox`): no sentence end."""


def _cue_after(after: str) -> re.Match | None:
    """`_CUE_AFTER` on the words after a closing mark; where it fails for a title's or an
    initial's full stop, again with those stops read as letters (same offsets); where it fails
    for a long appositive after a name (`," Ann Lee, professor of botany at the University of
    Norland's School of Plant Sciences, told us`), `_CUE_AFTER_APPOSED`."""
    m = _CUE_AFTER.match(after)
    if m is None and "." in after[:62] and _ABBREVIATION_STOP.search(after, 0, 62):
        m = _CUE_AFTER.match(_ABBREVIATION_STOP.sub(lambda a: a.group()[:-1] + "_", after[:62]) + after[62:])
    if m is None and after[:1] == " " and after[1:2].isupper():
        m = _CUE_AFTER_APPOSED.match(after)
    return m


_CUE_AFTER_APPOSED = with_words(r" (?P<pre>(?:[A-Z][\w’'-]*\.? ){1,3}[A-Z][\w’'-]*, [^.!?“”\"\n;:,]{3,130}, (?:[a-z]+ly )?)"
                                r"(?P<verb><CUE_VERB>)\b", CUE_VERB=CUE_VERBS)
"""A name, a comma, an appositive of up to 130 characters (no sentence stop, no other comma) and a
comma, then the reporting verb: the speaker is the name (`speakers.candidates.before_apposition`)."""
_NAME_APPOSED = re.compile(r"(?:[A-Z][\w’'-]*\.? ){1,3}[A-Z][\w’'-]*, [^,]{3,130}, (?:[a-z]+ly )?")
_CUE_BEFORE = with_words(r"(?P<verb>\b<CUE_VERB>\b)(?P<mid>[^.!?“”\"\n]{0,40}?)(?P<that>\bthat\s*)?(?P<punct>[,:])?\s*$", CUE_VERB=CUE_VERBS)
_VERB_OR_LABEL = with_words(r"\b<VERB>\b|(?<![-‑])\b(?:calling|called|described as|describing)\b", VERB=VERBS)


def marked_quotes(real: str, text: str, mentions: list[Mention], pairs, strays, everything: list[Mention] = ()) -> list[Quote]:
    """`mentions` are those outside quotation marks (where a cue's subject is); `everything`
    holds the ones inside too, for a nested quotation's cue inside its parent (Q4)."""
    line_of = _line_finder(text)
    out: list[Quote] = []
    previous: Quote | None = None
    previous_close, previous_continued = -1, False
    open_closes: list[int] = []  # closes of the pairs enclosing the current one (pairs never cross)
    open_opens: list[int] = []  # and their opening marks
    chain: list[int] = []  # indices in `out` of the parts of the current continued quotation
    current: tuple[Quote, int] | None = None  # the last direct quotation with a named speaker, and its close
    for pair in pairs:
        line = line_of(pair.open)
        while open_closes and open_closes[-1] < pair.open:
            open_closes.pop()
            open_opens.pop()
        enclosing = bool(open_closes)
        parent_span = (open_opens[-1] + 1, open_closes[-1]) if enclosing else None
        open_closes.append(pair.close)
        open_opens.append(pair.open)
        if len(open_closes) > MAX_NESTING:
            raise TooComplex(f"quotation marks nested more than {MAX_NESTING} deep (at character {pair.open})")
        continued = _goes_on(real, pair.close)
        new_sentence = _AFTER_SENTENCE_END.search(real, max(line.start, pair.open - 8), pair.open) is not None
        quote = _classify_pair(real[pair.open + 1:pair.close], text, pair.open, pair.close, line, mentions, enclosing, continued,
                               new_sentence)
        if parent_span is not None and (nested := _nested_cue(real, parent_span, pair.open, pair.close, everything)) is not None:
            quote = nested
        between = text[previous_close + 1:pair.open] if previous is not None else ""
        if previous_continued and not enclosing and (real[previous_close:pair.open].strip(BLANKS) == ""
                                                      or captions_only(real, previous_close, pair.open)):
            quote = _continuation(quote, previous, pair.open)
            chain.append(len(out))
            out.append(quote)
            previous, previous_close, previous_continued = quote, pair.close, continued
            continue
        if real[previous_close:previous_close + 1] in BLANKS and previous is not None:
            between = "\0"  # ended at its words mid-sentence (`that "...`): no quoted next sentence
        continues = (
            previous is not None and quote.cue is None
            and (previous.speaker.mention is not None or previous.speaker.status == "unnamed_source")  # (`One local said: "..."`)
            and (quote.kind in ("direct", "partial") or quote.kind == "scare" and new_sentence)  # `"... 1 April." "Let us ..."`
            and not enclosing and previous_close < pair.open
            and (previous.cue is not None and previous_close < previous.cue[0] < pair.open and "\n" not in between  # split (Q3)
                 and _ANOTHER_SENTENCE.search(text, previous.cue[1], pair.open) is None
                 or between.strip() == "" and _starts_line(text, pair.open, line)  # continued paragraph
                 or between.strip(" \t.,;") == "" and "\n" not in between)  # the next sentence, quoted too
        )
        if continues:
            quote = replace(quote, kind="direct", speaker=previous.speaker, cue=previous.cue, confidence=0.65)
        elif not enclosing and current is not None and quote.kind == "direct" and quote.cue is None \
                and quote.speaker.status == "unattributed" and _same_speaker_goes_on(text, current, pair.open, mentions):
            quote = replace(quote, speaker=Speaker("implicit", current[0].speaker.mention), confidence=0.45)
        if not enclosing and quote.kind == "direct":
            named = quote.speaker.status in ("attributed", "pronoun") and quote.speaker.mention is not None
            current = (quote, pair.close) if named else None
        if not enclosing:
            _speaker_back(out, chain)
            chain = [len(out)]
        out.append(quote)
        if not enclosing:
            previous, previous_close, previous_continued = quote, pair.close, continued
    _speaker_back(out, chain)
    out.extend(_orphans(text, strays, pairs))
    return out


_NESTED_CUE_AFTER = with_words(r"[,.!?]?\s*(?P<pre>[^.!?“”\"‘’'\n]{0,40}?)\b(?P<verb><CUE_VERB>)\b", CUE_VERB=CUE_VERBS)


def _nested_cue(real: str, parent: tuple[int, int], open_: int, close: int, everything: list[Mention]) -> Quote | None:
    """A quotation inside another with a reporting clause of its own inside the outer one (Q4):
    `"He said, 'We won.' Then he left."`, `"'We won,' she told me."`. The clause's words are the
    outer speaker's, so they are read in the real text and its subject among every mention; a
    first-person subject (`I asked`) is the outer quotation's speaker (`resolve_pronouns`)."""
    floor = max(parent[0], open_ - WINDOW)
    before = real[floor:open_]
    b = _CUE_BEFORE.search(before)
    if b and b.group("punct") and not b.group("that") and len(b.group("mid").split()) <= 4:
        verb_start, verb_end = floor + b.start("verb"), floor + b.end("verb")
        speaker = subject_before(real, floor, verb_start, everything)
        kind = "direct"
    else:
        m = _NESTED_CUE_AFTER.match(real, close + 1, min(parent[1], close + 1 + WINDOW))
        if m is None or len(m.group("pre").split()) > 4:
            return None
        verb_start, verb_end = m.start("verb"), m.end("verb")
        speaker = subject_near(real, m.start("pre"), verb_start, verb_end, everything)
        kind = "direct" if real[max(floor, open_ - 3):open_].strip() in ("", ",", ":") or before.rstrip()[-1:] in ".!?" else "partial"
    if speaker.status not in ("attributed", "pronoun"):
        return None
    return Quote(open_ + 1, close, kind, speaker, (verb_start, verb_end, LEMMA[real[verb_start:verb_end].lower()]), None, 0.6)


def _speaker_back(out: list[Quote], chain: list[int]) -> None:
    """A continued quotation has one speaker: parts before the first one a reporting clause
    attributes (`"We are pleased. "It is a great day," said Ann Lee.`) take that speaker."""
    named = next((out[i] for i in chain if out[i].speaker.status == "attributed"), None)
    if named is None or len(chain) < 2:
        return
    for i in chain:
        if out[i] is named:
            return
        if out[i].speaker.status in ("unattributed", "implicit"):
            out[i] = replace(out[i], speaker=named.speaker, cue=named.cue, confidence=0.65)


def _same_speaker_goes_on(text: str, current: tuple[Quote, int], open_: int, mentions: list[Mention]) -> bool:
    """A quotation with no cue and nobody named just before it (Q9, implicit) goes on in the words
    of the last direct quotation's speaker (`She said: "..." / He urged ... to "...". / "..."`)
    when the narration between them is short (up to `WINDOW`), names nobody else (a nationality is
    nobody: it names no speaker here), asks no question (an interview's turns) and has no line
    without a sentence end (a heading or caption)."""
    quote, close = current
    if open_ - close > WINDOW:
        return False
    gap = text[close + 1:open_]
    if "?" in gap or any(ln.strip() and not _LINE_DONE.search(ln) for ln in gap.split("\n")[:-1]):
        return False
    speaker = quote.speaker.mention
    for m in mentions_in(mentions, close + 1, open_):
        if m.kind != "PRONOUN" and m.type != "NORP" and m.name != speaker.name:
            return False  # another person or body named between: a new speaker may be talking
    return True


_LINE_DONE = re.compile(r"[.!:”\"’']\s*$")


_ANOTHER_SENTENCE = re.compile(r"[.!?]\s+\S")
"""Between a split quotation's cue and its next part: a sentence that ends and another that begins
(`"A," he said. The minister said X. "B."`) means the next part is not the split one's (Q3)."""
_AFTER_SENTENCE_END = re.compile(r"[.!?…][”\"’']?[ \t]+$")
"""In the raw text (the masked one has lost a quoted title's full stop): `... on “Radio 5.” “I heard ...`."""
_SENTENCE_DONE = re.compile(r"[.!?…][’'”)\]]?$")


def _goes_on(real: str, close: int) -> bool:
    """The scanner ended this quotation at its words, not at a closing mark, because a new
    opening mark follows (Q2), and its words end a sentence or a paragraph: the quotation goes on
    in the next part (`"We won. "Now we rest."`). An opening mark after a word that does not end a
    sentence (`urged that "...`) starts a new quotation instead."""
    if real[close:close + 1] not in BLANKS:
        return False
    if _SENTENCE_DONE.search(real, max(0, close - 2), close):
        return True
    rest = real[close:close + WINDOW]
    return "\n" in rest[:len(rest) - len(rest.lstrip(BLANKS))]  # the blanks before the next opening mark


def _continuation(quote: Quote, previous: Quote, open_: int) -> Quote:
    """The next part of a continued quotation (a new opening mark, no closing one before it) is
    direct speech of the same speaker, unless a reporting clause after it names its own
    (`"We won. "And we will win again," she added`)."""
    own_cue_after = quote.cue is not None and quote.cue[0] > open_
    if own_cue_after and quote.speaker.status != "unattributed":
        return replace(quote, kind="direct")
    if previous.speaker.status in ("unattributed", "term") and quote.speaker.status == "attributed":
        return replace(quote, kind="direct")
    speaker = previous.speaker if previous.speaker.status != "term" else Speaker("unattributed")
    return replace(quote, kind="direct", speaker=speaker, cue=previous.cue, confidence=0.65)


def _line_finder(text: str):
    """pos -> the line holding it, by bisection over line starts (not a scan per mark)."""
    spans = lines(text)
    starts = [ln.start for ln in spans]

    def line_of(pos: int) -> Span:
        i = bisect.bisect_right(starts, pos) - 1
        return spans[i] if i >= 0 else Span(0, len(text))

    return line_of


def _starts_line(text: str, pos: int, line: Span) -> bool:
    return _NON_SPACE.search(text, max(line.start, pos - WINDOW), pos) is None and (pos - line.start <= WINDOW or text[line.start:pos].isspace())


_NON_SPACE = re.compile(r"\S")


def _classify_pair(inner: str, text: str, open_: int, close: int, line: Span, mentions: list[Mention], nested: bool,
                   continued: bool = False, new_sentence: bool = False) -> Quote:
    start, end = open_ + 1, close
    words = inner.split()
    floor = max(line.start, open_ - WINDOW)
    before, after = text[floor:open_], text[close + 1:min(line.end, close + 1 + WINDOW)]
    line = Span(floor, line.end)  # offsets below are relative to the window's start
    if nested:
        sentence_like = bool(words) and inner.rstrip()[-1:] in "?!." and len(words) >= 3
        return Quote(start, end, "direct" if sentence_like else "scare", Speaker("unattributed" if sentence_like else "term"), None, None, 0.5)
    cue, speaker, kind, conf = None, Speaker("unattributed"), None, 0.5
    # a closing mark after sentence punctuation ends a sentence too: `months." "Nothing ...`
    at_sentence_start = before.strip() == "" or before.rstrip()[-1:] in ".!?:—–-(" or _QUOTED_SENTENCE_END.search(before) is not None
    m = _cue_after(after) if at_sentence_start or not _ENDS_AFTER_CLOSE.match(after) else None
    according_after = _ACCORDING_AFTER.match(after) if at_sentence_start else None
    according_before = _ACCORDING_BEFORE.search(before) if "ccording to" in before else None  # (its words, found in C first)
    if m and _cue_subject_length_ok(m.group("pre"), inner) and _cue_clause_after_ok(inner, after, m) and not _cue_before_ends_sentence(inner, after, before):
        cue = (close + 1 + m.start("verb"), close + 1 + m.end("verb"), LEMMA[m.group("verb").lower()])
        speaker = subject_near(text, close + 1 + m.start("pre"), cue[0], cue[1], mentions)
        kind = "direct" if at_sentence_start or before.rstrip()[-1:] == "," else "partial"
        conf = 0.8
    elif according_after is not None or according_before is not None:
        # `"We won," according to Ann Lee.` / `According to Ann Lee, "we won"` (Q5: the cue is "according to")
        if according_after is not None:
            cue = (close + 1 + according_after.start("cue"), close + 1 + according_after.end("cue"), "according to")
            speaker = subject_after(text, cue[1], min(line.end, cue[1] + 60), mentions)
        else:
            cue = (line.start + according_before.start("cue"), line.start + according_before.end("cue"), "according to")
            speaker = subject_after(text, cue[1], open_, mentions)
        kind = "direct" if according_after is not None or _CAPITALISED.match(inner[:1] or "a") and len(words) >= 3 else "partial"
        conf = 0.7
    else:
        colon = before.rstrip().endswith(":")
        b = _CUE_BEFORE.search(before)
        if b and colon and (doc := document_colon(text, line.start, line.start + before.rstrip().rfind(":"))) is not None \
                and line.start + b.start("verb") >= doc:
            b = None  # `a note that reads:`, `a sign that says:`: the verb is the document's, the colon the cue
        if b and (b.group("that") or b.group("punct") or before.endswith(" ")) and len(b.group("mid").split()) <= 4:
            verb_start = line.start + b.start("verb")
            cue = (verb_start, line.start + b.end("verb"), LEMMA[b.group("verb").lower()])
            speaker = cue_subject(text, line.start, verb_start, cue[1], mentions)  # (a participle: the sentence's subject)
            if speaker.status == "unattributed" and speaker.phrase is None and cue[2] != "tell" and b.group("punct") and not b.group("that"):
                speaker = subject_after(text, cue[1], open_, mentions)  # `"A," said Ann Lee, before adding, "B"`
            kind = "direct" if b.group("punct") and not b.group("that") else "partial"
            conf = 0.75
        elif colon and len(words) >= 3:
            c = line.start + before.rstrip().rfind(":")
            cue = (c, c + 1, ":")
            speaker = colon_subject(text, line.start, c, mentions)
            kind, conf = "direct", 0.6
        elif not new_sentence and (found := _last_cue(before)) is not None:
            # (a quotation opening a new sentence is not embedded in the sentence before it)
            cue = (line.start + found[0], line.start + found[1], found[2])
            speaker = cue_subject(text, line.start, cue[0], cue[1], mentions)
            kind, conf = "partial", 0.55
    if kind is None and before.strip() == "" and (colon_cue := _colon_ending_previous_line(text, line.start)) is not None:
        # `He said:` ending one paragraph, the quotation opening the next (British and wire style)
        cue = (colon_cue, colon_cue + 1, ":")
        speaker = colon_subject(text, text.rfind("\n", 0, colon_cue) + 1, colon_cue, mentions)  # (`he argues that ..., as:`: he)
        kind, conf = "direct", 0.6
    if kind is None:
        if continued or at_sentence_start and _stands_alone(inner, after):
            # a sentence of its own after a sentence that reports speech: `Wimpey said. "We ..."`
            speaker = previous_sentence_speaker(text, open_, mentions)
            if speaker.status == "unattributed":
                speaker = pronoun_subject_before(text, open_) or person_talked_about(text, open_, mentions)
            return Quote(start, end, "direct", speaker, None, None, 0.5 if speaker.status == "attributed" else 0.35)
        return Quote(start, end, "scare", Speaker("term"), None, None, 0.55 if len(words) <= 4 else 0.35)
    return Quote(start, end, kind, speaker, cue, None, conf)


_ENDS_AFTER_CLOSE = re.compile(r"\.(?!\.)")
"""A full stop right after the closing mark of quoted words inside a sentence (`was "far too
small". Ann Lee said ...`) ends that sentence: the next sentence's reporting verb is its own
report, not their cue (Q3). (A quotation that is a sentence of its own keeps the old reading.)"""
_ACCORDING_AFTER = re.compile(r"[,.]?\s*(?P<cue>according to)\b")
_ACCORDING_BEFORE = re.compile(r"(?P<cue>\b[Aa]ccording to)\b[^.!?:;“”\"\n]{1,60},\s*$")
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


def _colon_ending_previous_line(text: str, line_start: int) -> int | None:
    """Offset of the colon that ends the previous non-blank line (within the window), else None."""
    floor = max(0, line_start - WINDOW)
    previous = text[floor:line_start].rstrip()
    if not previous.endswith(":") or "\n" not in text[floor:line_start]:
        return None
    return floor + len(previous) - 1


def _cue_clause_after_ok(inner: str, after: str, m: re.Match) -> bool:
    """After a quotation closed by a full stop the next words start a new sentence; its verb is
    this quotation's cue only in a short reporting clause (`"..." he said.`, `"..." said Ann Lee.`),
    not in a sentence that goes on (`"..." But a spokeswoman insisted Ben Ode had ...`). After a
    question or exclamation mark the same holds when the next word is capitalised (`Ann asks, "Is
    it true?" He claims that ...`), while `"Is it?" he asked` goes on in the same sentence."""
    last = inner.rstrip()[-1:]
    if last not in ".?!" or last in "?!" and (m.group("pre") or m.group("verb"))[:1].islower():
        return True
    tail = after[m.end("verb"):]
    stop = re.search(r"[.,;:!?\n]", tail)
    if stop is not None and stop.group() == ":" and last == ".":
        return False  # `"... years." Tom Ode said: "..."`: a clause ending in a colon opens the next quotation
    return len(tail[:stop.start() if stop else len(tail)].split()) <= 4 and len(m.group("pre").split()) <= 4


def _cue_before_ends_sentence(inner: str, after: str, before: str) -> bool:
    """A reporting clause with a comma or colon before a quotation that ends its sentence
    (`Ann Lee said, "We won." When Tom Ode asked ...`, `... told Tom Ode: "We won". Norcom's posters
    say ...`) is its cue: the next sentence's verb belongs to another report (or opens the next
    quotation: `Ann Lee said: "Go." Tom Ode added: "..."`)."""
    last = before.rstrip()[-1:]
    if last not in ",:" or not (inner.rstrip()[-1:] == "." or after[:1] == "."):
        return False
    if last == ":":
        return True
    b = _CUE_BEFORE.search(before)
    return b is not None and bool(b.group("punct")) and not b.group("that") and len(b.group("mid").split()) <= 4


def _cue_subject_length_ok(pre: str, inner: str) -> bool:
    """Words between a closing mark and its verb: a pronoun or name (`" he said`) is short, a
    titled name (`," Israel's Defence Minister Ana Lopez had reportedly said`) up to eight words,
    but only after a quotation left open by a comma (after a full stop a new sentence starts)."""
    words = _PARENTHETICAL.sub(",", pre).split()
    if inner.rstrip()[-1:] == "," and _NAME_APPOSED.fullmatch(pre):
        return True  # `," Ann Lee, a professor of botany at Norland University, told us`
    if len(words) <= 5:
        return True  # (`," Ann Lee, who joined in 2001, said`: the relative clause or age aside)
    return len(words) <= 8 and inner.rstrip()[-1:] in ",?!" and sum(w[:1].isupper() for w in words) >= 2


_PARENTHETICAL = re.compile(r",\s*(?:(?:who|which|whose|where)\b[^,]{1,50}|\d{1,3}),\s*$")
"""An aside between a speaker and the verb after a quotation: `, who joined the club in 2001,` or an age."""


_LABEL_LEMMAS = {"calling": "call", "called": "call", "described as": "describe", "describing": "describe"}


def _last_cue(before: str) -> tuple[int, int, str] | None:
    """The last reporting (or labelling: "calling it") verb earlier in the sentence, for partial quotes."""
    sentence = SENTENCE_BREAK.split(before)[-1]
    found = [m for m in _VERB_OR_LABEL.finditer(sentence) if not used_as_noun(sentence, m.start(), m.group())]
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
