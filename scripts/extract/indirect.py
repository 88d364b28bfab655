"""Indirect speech (Q1): reported clauses after a cue verb (`said that ...`, zero-that),
`according to`, and content before its cue in the news lead's order (`..., officials said.`).

Scanned in the masked text (quoted words blanked), so nothing inside a quotation is a cue.
"""

from __future__ import annotations

import bisect
import re

from landstrikes.extract.cues import LEMMA, PAST_VERBS, VERB_RE, VERBS, in_compound, used_as_noun
from landstrikes.extract.guard import rewritten, with_words
from landstrikes.extract.entities import DATELINE_DATE, Mention
from landstrikes.extract.limits import MAX_SPAN, WINDOW, refuse_past_cap
from landstrikes.extract.quoterow import Quote
from landstrikes.extract.speakers.after_verb import subject_after
from landstrikes.extract.speakers.before_verb import subject_before
from landstrikes.extract.speakers.cue_subjects import cue_subject
from landstrikes.extract.speakers.unnamed import according_source
from landstrikes.extract.text import Span, trimmed, without_final_punctuation


_ACCORDING = rewritten(re.compile(r"\b[Aa]ccording to\b"), r"[Aa](?<!\w.)ccording to\b")
"""(Found faster opening with a character class: the engine skips to an A in C.)"""
_THAT_CLAUSE = re.compile(r"^(?P<obj>(?:\s+[\w.’'-]+){0,4}?)\s+that\s+")
_NEXT_CUE = with_words(r",\s+(?:and\s+)?<VERB>\b|\s+and\s+(?:also\s+)?<PAST>\b|;|(?<!\bas)\s+though\s+"
                       r"|\s+(?:but|while|although|whereas)\s+(?!that\b|(?:did|does|do|was|were|is|are|had|has|have|would|could|will|can|not)\b)",
                       VERB=VERBS, PAST=PAST_VERBS)
"""Where a content clause ends: another reporting clause (`, he added`; `and said`, `and warned`:
a second report of the same subject), a semicolon, or a contrasting clause (`but ...`, `while
...`, `though ...`). After `but` a second that-clause (`but that ...`) or a verb phrase with no
subject of its own (`but did not go ahead`) still belongs to the report (Q1)."""


def indirect_quotes(text: str, mentions: list[Mention], marked: list[tuple[int, int]], sentences: tuple[Span, ...], real: str = "") -> list[Quote]:
    """Reported speech by cue verbs and "according to", scanned in the masked text sentence by
    sentence; the sentences are those of the raw text, split once per article and shared with the
    gender and claim rules (a quotation's inner full stops are no sentence end in the masked text,
    but its verbs are blanked there, so no cue is found inside it either way). Rows are counted
    (one per span) as they are found: past the row cap the text is refused there, before the rest
    of its cues' subjects are sought (a cue every few characters, `said said ...`, had each sought)."""
    unique: dict[tuple[int, int], Quote] = {}

    def add(q: Quote) -> None:
        unique.setdefault((q.start, q.end), q)
        refuse_past_cap("quote", len(unique))

    # one scan of the whole text for verbs and "according to", dealt out to sentences in order
    # (not a slice and two scans per sentence); sentences cover every word, words never cross them
    verbs, accordings = VERB_RE.finditer(text), _ACCORDING.finditer(text)
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
            if m.group() == "declaration" or used_as_noun(text, verb_start, m.group()) or in_compound(text, verb_start):  # (verbs inside quotation marks are blanked in `text`)
                continue
            lemma = LEMMA[m.group().lower()]
            if _AFTER_CLOSING_MARK.search(text, max(sentence.start, verb_start - 4), verb_start):
                continue  # `"...," said Ann Lee of Borland`: the quotation's cue; its subject follows, no clause
            content = _content_clause(text, verb_end, sentence, lemma in _ZERO_THAT_LEMMAS, _ZERO_THAT_REACH.get(lemma, 6))
            if content is None and lemma == "tell":
                content = _told_clause(text, verb_end, sentence)
            if content is None:
                continue
            content = through_closing_quotation(text, content, sentence, marked)
            speaker = cue_subject(text, sentence.start, verb_start, verb_end, mentions)
            if speaker.status == "unattributed" and speaker.phrase is None:  # (a document before the verb: `document_subject`)
                speaker = subject_after(text, verb_end, content.start, mentions)
            add(Quote(content.start, content.end, "indirect", speaker, (verb_start, verb_end, LEMMA[m.group().lower()]), None, 0.5))
        preposed = None
        if _verb_after_last_comma(text, sentence, in_sentence) and not _QUOTATION_LEFT_OPEN.search(real, max(0, sentence.start - 8), sentence.start):
            preposed = _preposed_report(text, sentence, mentions, marked)
        # (after `"...,"` the sentence is the quotation's reporting clause: `Ann Lee, its head, told us.`)
        if preposed is not None:
            add(preposed)
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
                phrase_end = cue_end + (comma if comma != -1 else len(rest))
                speaker = subject_after(text, cue_end, phrase_end, mentions)
                if speaker.status == "unattributed":  # `according to one neighbour,`: an unnamed source (Q9), as `one neighbour said`
                    speaker = according_source(text, cue_end, phrase_end) or speaker
                add(Quote(span.start, span.end, "indirect", speaker, (cue_start, cue_end, "according to"), None, 0.5))
    return list(unique.values())


_QUOTATION_LEFT_OPEN = re.compile(r"[,?!—–-][”\"’']\s*$")
"""In the raw text: a quotation closed after a comma (or ?, !, a dash) leaves its sentence open."""
_AFTER_CLOSING_MARK = re.compile(r"[”\"’'],?\s*$")
"""A cue right after a closing mark (`," said X`) is the quotation's inverted reporting clause."""
_CLAUSE_AFTER_VERB = re.compile(
    r"\s*(?:(?:he|she|they|it|we|i|there|you)\b|.*\b(?:is|are|was|were|will|would|could|can|may|might|must|should|shall|has|have|had|do|does|did|(?-i:[a-z]+ed))\b)",
    re.IGNORECASE,
)
"""What follows a verb-first reporting clause is its subject (`, said the Daily Courier.`), never a
clause: one that starts with a subject pronoun or holds an auxiliary or a past form is content."""


_PREPOSED_SUBJECT_FIRST = with_words(
    r",\s+(?P<subject>(?:[^\s,.!?]+\s+){1,8}?)(?:(?:has|have|had)\s+)?(?P<verb><VERB>)(?P<tail>(?:\s+[^\s,.!?]+){0,5})\s*[.!?]?$", VERB=VERBS
)


_PREPOSED_VERB_FIRST = with_words(r",\s+(?P<verb><VERB>)(?P<subject>(?:\s+[^\s,.!?]+){1,6})\s*[.!?]?$", VERB=VERBS)
_TAIL_STARTS = frozenset("on in at to last this yesterday today earlier later recently during after before on".split())


def _adverbial_tail(tail: str, lemma: str) -> bool:
    """After `X said` only a time or place may follow (`on Monday`, `in a statement`); after
    `told` its hearer (`told jurors`). Anything else means the verb heads a clause of its own
    (`a move Washington says targets drugs`)."""
    words = tail.split()
    if not words or lemma == "tell":
        return len(words) <= 4
    return len(words) <= 4 and words[0].lower() in _TAIL_STARTS


def _verb_after_last_comma(text: str, sentence: Span, verbs: list) -> bool:
    """Can the sentence end in a preposed report (`_preposed_report`)? Only if one of its verbs
    (`VERB_RE` matches in the sentence, in order) starts after its last comma: both of that rule's
    regexes read a whole reporting verb after the comma. Most sentences have none, and are not
    matched against those regexes at all (tests/test_extract_fast.py)."""
    return bool(verbs) and verbs[-1].start() > text.rfind(",", sentence.start, sentence.end)


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
    if m.re is _PREPOSED_VERB_FIRST and _CLAUSE_AFTER_VERB.match(m.group("subject")):
        return None  # `X, who represents Y, said the plan would fail` / `said he wanted answers`: a clause follows, no subject
    span = trimmed(text, sentence.start, comma)
    if (dateline := _DATELINE_OPENING.match(text, span.start, span.end)) is not None:
        span = Span(dateline.end(), span.end)  # `LARCHMOUTH — A ferry was withdrawn ..., the operator said.`: where, not what was said
    if len(text[span.start:span.end].split()) < 4 or text[span.start:span.start + 1] in "“\"‘'" or _overlaps_marked(span, marked):
        return None  # too short for a clause, or a marked quotation (it has its own row)
    verb_start, verb_end = comma + m.start("verb"), comma + m.end("verb")
    if m.re is _PREPOSED_VERB_FIRST:
        speaker = subject_after(text, verb_end, sentence.end, mentions)
    else:
        speaker = subject_before(text, comma + 1, verb_start, mentions)
    return Quote(span.start, span.end, "indirect", speaker, (verb_start, verb_end, LEMMA[m.group("verb").lower()]), None, 0.5)


_DATELINE_OPENING = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
                               + DATELINE_DATE + r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[—–]|--?)[ \t]+")
"""A dateline opening a paragraph (`LARCHMOUTH —`, `KESWATER, Cumbria -`, `LONDON (Reuters) -`, and with a
date, `LARCHMOUTH, March 3 (Reuters) -`, `KESWATER, Cumbria, Jan. 12, 2015 -`): no part of the reported
content after it (extract47; the dated form had stayed in the span, extract71)."""


def through_closing_quotation(text: str, span: Span, sentence: Span, marked: list[tuple[int, int]]) -> Span:
    """A content clause that ends in a partial quotation (`said the change was "long overdue".`)
    runs to its closing mark (Q1: the span is the clause up to the end of the reported content);
    trimming the sentence's final punctuation would stop it before the opening mark, the quoted
    words being blanks in the masked text. Only a quotation that ends the clause: nothing but
    closing marks and final punctuation after it, or the start of what ends a content clause
    (`"a disaster for the city" and promised a review`, `..." but did not ...`: `_NEXT_CUE`).
    Without that second case the clause stopped at its opening mark, `the plan was` (newuser48)."""
    i = bisect.bisect_left(marked, (span.end - 1, -1))
    if i == len(marked) or marked[i][0] > span.end + 3 or marked[i][0] < span.start:
        return span
    close = marked[i][1]
    if close >= sentence.end + 1 or close >= len(text) or text[close] not in _CLOSING_MARKS:
        return span
    if text[span.end:marked[i][0]].strip(_BEFORE_OPEN) != "":
        return span
    if text[close + 1:sentence.end].strip(_AFTER_CLOSE) != "" and _NEXT_CUE.match(text, close + 1, sentence.end) is None:
        return span
    return Span(span.start, close + 1)


_CLOSING_MARKS = "”\"’'"
_AFTER_CLOSE = ".!?,;:)”\"’' \t"
_BEFORE_OPEN = "“\"‘' \t"


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
    r"\b(?:is|are|was|were|will|would|could|can|may|might|must|should|shall|has|have|had|do|does|did|[a-z]\w*ed|[a-z]\w*s"
    r"|made|went|took|gave|got|came|saw|knew|thought|found|left|felt|kept|held|brought|began|ran|set|put|cut|hit"
    r"|won|lost|paid|sold|built|met|meant|told|said|became|stood|fell|rose|spent|led|wrote|broke|chose|drove)\b"
)


_CONTRACTED_SUBJECT = re.compile(r"(?:he|she|it|they|we|you|i|there|that|who)(?:’|')(?:s|re|ve|ll|d|m)\b", re.IGNORECASE)
"""A finite verb shows that a clause, not a noun phrase, follows (so does a contracted subject,
`_CONTRACTED_SUBJECT`: he's, they're; a possessive like "Washington's" does not). A verb form is
lower case: a capitalised word in -s or -ed is a name (`, said director Ann Hawkins.`: the
inverted reporting clause's subject, no content clause)."""


_ZERO_THAT_REACH = {"say": 12}
"""Words after the cue a zero-that clause's verb is looked for in: "said the plan ... would" is
common after "say", so its clauses are read further; other cues keep the first six words."""


_TITLE_WORDS = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|President|Prime|Chancellor|Secretary|Senator|Judge)\b"
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:am|is|are|was|were|be|been|being)|[’']m|[’']s|[’']re)\s+$", re.IGNORECASE)
_TOLD_OBJECT = re.compile(
    r" (?:(?:him|her|them|us|me|you)"
    r"|(?:(?:the|a|an|local|state|foreign|fellow|his|her|their)\s+)?(?:reporters|journalists|police|officers|investigators|officials"
    r"|court|jury|inquiry|committee|newspaper|paper|magazine|station|broadcaster|agency|website|audience|crowd|parliament|MPs"
    r"|lawmakers|senators|congress|news conference|press conference|hearing|council|students|supporters|colleagues|friends"
    r"|neighbours|neighbors|family|relatives|officers|detectives|doctors|staff|workers|members|delegates|viewers|listeners|readers)"
    r"|(?:the\s+)?(?!" + _TITLE_WORDS + r")[A-Z][\w.&’'-]*(?:\s+(?!" + _TITLE_WORDS + r")[A-Z][\w.&’'-]*){0,2}(?:\s+\d{1,3}(?![\w’']))?"
    r"(?:\s+(?:newspaper|paper|news agency|agency|programme|program|affiliate|magazine|website|channel|station|committee|show"
    r"|podcast|broadcaster|radio|television)(?:\s+(?!" + _TITLE_WORDS + r")[A-Z][\w’'-]*)?"
    r"|\s+(?:members|MPs|delegates|supporters|activists|voters|officials|leaders|colleagues|staff))?)"
    r"(?:\s+(?:on|last|this|earlier|late)\s+[A-Za-z]+|\s+(?:yesterday|today|recently))?(?= [A-Za-z])")
"""Whom a report is told to, and a time after it, before a zero-that clause (`told reporters on Monday the
plan had failed`, `told the <Outlet> the boy had died`, `told him it was over`)."""


_PARTICIPLE = re.compile(r"[a-z]+ed\s+(?:to|by|in|at|on|for|from|with|as)\b")


def _told_clause(text: str, verb_end: int, sentence: Span) -> Span | None:
    """The zero-that clause after `told <whom>` (extract49: `told reporters the boy had died` had no
    indirect row; `told reporters that ...` had one). What follows the object must read as a clause by
    the zero-that test (a subject, then a finite verb within six words): `told him to leave`, `told
    the court of the attack`, `told the story` give none; nor does a passive (`I'm told`, `was told`). The
    object may be a name with its kind after it (`told the <Outlet> newspaper`), never a titled person's
    name, which opens the clause (`told the <Outlet> Mr <Name> had ...`)."""
    obj = _TOLD_OBJECT.match(text, verb_end, min(sentence.end, verb_end + 80))
    if obj is None or _PASSIVE_BEFORE.search(text, max(sentence.start, verb_end - 12), verb_end - len("told")):
        return None  # ("I'm told <Name> will ...": no one tells here)
    clause = _content_clause(text, obj.end(), sentence, True, 6)
    if clause is not None and _PARTICIPLE.match(text, clause.start, clause.end):
        return None  # ("telling a press conference convened to ...": a participle, no subject)
    if clause is not None:
        relative = _CONTACT_RELATIVE.match(text, clause.start, clause.end)
        if relative is not None and not _FINITE_AFTER.search(text, relative.end(), clause.end):
            return None  # ("told him the truth she knew": the object and its relative clause, no report; attack53)
    return clause


_CONTACT_RELATIVE = re.compile(
    r"(?:the|a|an|his|her|their|its|our|my|your|this|these|those|some|all)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:he|she|they|we|I|you|it)\s+(?:(?:had|has|have|would|will|could|did|was|were|is|are)\s+"
    r"(?!(?:was|were|is|are|had|has|have)\b)[\w’'-]+|[\w’'-]+)")
"""`the <noun> <pronoun> <verb>`: an object that a relative clause without `that` follows (`told him the truth
she knew`); the zero-that test reads `she knew` as a clause's subject and verb."""
_FINITE_AFTER = re.compile(
    r"\b(?:was|were|is|are|had|has|have|would|will|could|should|might|must|may|can|did|does|do|[a-z]{2,}ed)\b")
"""A finite verb after the relative clause: its noun phrase is then the reported clause's subject (`told
police the man she saw was tall`)."""


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
