"""Speakers (Q6): who a cue belongs to, nominal and pronoun mentions, and pronoun resolution.

A speaker is the mention next to the cue ("Trump said", "said Trump", "According to him"); a role
or body nominal ("the minister", "the committee") refers to the nearest fitting name before it; a
pronoun is resolved to the nearest previous speaker or person whose gender does not contradict it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from landstrikes.extract.guard import with_words
from landstrikes.extract import gazetteer as gz
from landstrikes.extract.cues import SENTENCE_BREAK, VERB_RE
from landstrikes.extract.entities import Mention
from landstrikes.extract.limits import WINDOW
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.text import all_sentences, lowered


_PRONOUN = re.compile(r"\b(?:he|she|He|She|him|her|Him|Her|it|It|they|They|I|we|We)\b")
_TITLE_AFTER = with_words(r"(?:’s|'s)?\s+<TITLE>\b", re.IGNORECASE, TITLE=sorted(gz.TITLES, key=len, reverse=True))
_GENDERED = with_words(r"\b<GENDERED>\b", GENDERED="he she him her his hers He She His Her".split())
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female", "it": "neuter",
                   "i": "first", "we": "first"}
"""`first`: I/we as a cue's subject inside a quotation is the quoting speaker (Q4), else nobody here."""
_BODY_TYPES = ("ORG", "MEDIA")
"""What "it said" refers to: a company, ministry, party or outlet."""
LOOKBACK = 64
"""Earlier speakers or persons a pronoun is compared with, most recent first."""
_ROLE_WORDS = sorted({w.lower().rstrip(".") for w in gz.TITLES if len(w) > 3 and not w.endswith(".")} | {"mp", "mep", "msp"},
                     key=len, reverse=True)
"""(`the MP`, `the Labour MEP`: short titles that are roles too)"""
_DEFINITE_ROLE = with_words(r"\b(?:[Tt]he|[Hh]is|[Hh]er) (?:(?:ex|former)[- ])?(?:[A-Za-z]+ ){0,2}?<ROLE>\b(?! (?-i:[A-Z]))", re.IGNORECASE, ROLE=_ROLE_WORDS)
"""`(?-i:...)`: under IGNORECASE a plain [A-Z] would match any next word and reject every role."""
_POSSESSIVE_ROLE = with_words(r"(?P<owner>[\w-]+)[’']s (?:(?:ex|former)[- ])?(?:[A-Za-z]+ ){0,2}<ROLE>\b(?! (?-i:[A-Z]))", re.IGNORECASE,
                              ROLE=_ROLE_WORDS)
"""A role owned by a body (`the reform group's general secretary`, `Norcom's chief executive`):
a role nominal like `the chief executive`, whose holder is a person, not the body before `'s`."""
_ROLE_START = re.compile(r"[th](?<!\w.)(?:he|is|er) ")
"""Where a role nominal can start, in the lowered text (`text.lowered`): `\\b(?:the|his|her) `."""


def definite_roles(text: str):
    """`_DEFINITE_ROLE.finditer(text)`, found faster: the case-blind regex is tried only where
    the lowered text has `the `, `his ` or `her ` at a word start (every match starts there), in
    order and past the previous match, as `finditer` tries positions (tests/test_extract_fast.py).
    A text `lowered` refuses (İ ı ſ K) gets the plain scan."""
    low = lowered(text)
    if low is None:
        yield from _DEFINITE_ROLE.finditer(text)
        return
    done = 0
    for start in _ROLE_START.finditer(low):
        if start.start() < done:
            continue
        m = _DEFINITE_ROLE.match(text, start.start())
        if m is not None:
            done = m.end()
            yield m

_BODY_HEADS = (
    "committee", "government", "company", "firm", "group", "bank", "council", "ministry", "department", "party",
    "board", "union", "agency", "court", "commission", "executive", "trust", "authority", "club", "hospital",
    "university", "airline", "charity", "organisation", "organization", "institute", "association", "federation",
    "foundation", "office", "service", "assembly", "parliament", "senate", "newspaper", "network", "channel", "church",
    "retailer", "carrier", "insurer", "lender", "broadcaster", "magazine", "watchdog", "regulator", "college", "school",
    "embassy", "museum",
)
_GENERIC_HEADS = {
    "company": "ORG", "firm": "ORG", "group": "ORG", "retailer": "ORG", "carrier": "ORG", "airline": "ORG",
    "insurer": "ORG", "lender": "ORG", "bank": "ORG", "club": "ORG", "agency": "ORG",
    "newspaper": "MEDIA", "broadcaster": "MEDIA", "magazine": "MEDIA", "channel": "MEDIA", "network": "MEDIA",
}
"""Heads that name what kind of body a name is, not part of it: `Tesco ... the retailer said`
refers back to the nearest organisation (or outlet) named before, whatever its name holds."""
_NOT_DESCRIBED = frozenset({"government", "office", "service", "party", "executive", "group", "company", "firm"})
"""Heads whose description alone does not pick one body (`the Labour government` is a GPE's,
`the foreign office` has a name); `the company` without a named one before is nobody here."""


_DEFINITE_BODY = with_words(
    r"\b[Tt]he (?P<modifiers>(?:[a-z]+ ){0,2})(?P<head><HEAD>)\b(?! (?:of|for) )", 0,
    r"[Tt](?<!\w.)he (?P<modifiers>(?:[a-z]+ ){0,2})(?P<head><HEAD>)\b(?! (?:of|for) )", HEAD=_BODY_HEADS,
)
"""(Scanned opening with a character class, `[Tt](?<!\\w.)he` for `\\b[Tt]he`: the engine skips to a T in C.)"""


def _body_nominals(text: str, everything: list[Mention]) -> list[Mention]:
    """'the committee', 'the assembly government': a body noun refers to the nearest previous
    organisation or place whose name holds that noun ('Welsh Assembly Government'), as in M3; a
    kind of body (`the retailer`) to the nearest one of that kind; and a described body never
    named (`the environment select committee`) is an entity of its own, a definite description
    (E1), which a later `the committee` refers back to."""
    bodies = [m for m in everything if m.kind == "NAME" and m.type in ("ORG", "MEDIA", "GPE")]
    starts = [m.start for m in bodies]
    out: list[Mention] = []
    described: list[Mention] = []
    for m in _DEFINITE_BODY.finditer(text):
        head = m.group("head")
        i = bisect.bisect_left(starts, m.start())
        earlier = bodies[max(0, i - LOOKBACK):i]
        named = next((b for b in reversed(earlier) if head in b.name.lower().split()), None)
        if named is None and head in _GENERIC_HEADS:  # the nearest of that kind in a subject's place, else the nearest
            wanted, nearest = _GENERIC_HEADS[head], None
            for b in reversed(earlier):
                if b.type == wanted:
                    nearest = nearest or b
                    if not _NOT_A_SUBJECT.search(text, max(0, b.start - 48), b.start):
                        named = b
                        break
            named = named or nearest
        if named is None:
            named = next((d for d in reversed(described[-LOOKBACK:]) if d.name.split()[-1] == head), None)
        if named is None and m.group("modifiers") and head not in _NOT_DESCRIBED:
            named = Mention(m.start(), m.end(), (m.group("modifiers") + head).lower(), "ORG", "NOMINAL", 0.4)
            described.append(named)
        if named is not None:
            out.append(Mention(m.start(), m.end(), named.name, named.type, "NOMINAL", 0.45 if named.kind == "NAME" else 0.4))
    return out


_APPOSED = re.compile(r",\s+(?:[A-Z][a-z]*\.?\s+){0,3}")
"""Between a role and the person in apposition after it: a comma and up to three title words
(`the army press secretary, Rear Adm. Ann Lee`)."""
_NOT_THE_HOLDER = re.compile(r"(?:deputy|vice|former|ex|shadow|junior|assistant)[- ]$")
_UNOWNED_SPOKESPERSON = re.compile(r"[Tt]he (?:[a-z-]+ ){0,2}spokes(?:man|woman|person)")


def _unowned_spokesperson(role: str) -> bool:
    """`the spokesman`, `the police spokeswoman`: a spokesperson speaks for a body or a person and
    is rarely the person named just before (often the one the story is about: `<Name> was attacked
    ... The spokesman said`), so such a role takes a holder only named with that role (`spokesman
    Tom Hale`, `Tom Hale, the spokesman`). Not `his spokesman` nor `the <Name> family spokesperson`:
    those name whom the spokesperson speaks for."""
    return _UNOWNED_SPOKESPERSON.fullmatch(role) is not None


def _holder_of_role(text: str, role: re.Match, earlier: list[Mention], near: int | None = None) -> Mention | None:
    """Who `the prime minister` is: the person named earlier with that role as a title (`Prime
    Minister Ann Lee`, not `Deputy Prime Minister ...`) or in apposition (`Ann Lee, the prime
    minister`); else the nearest earlier person in a subject's place (after no preposition and no
    verb: `Ann Lee dismissed reports she told Tom Hale ... the prime minister said` is Ann Lee);
    else the nearest earlier person. `earlier` is sorted by start, nearest last. With `near`, a
    person in a subject's place counts only within that many characters before, and nobody else
    does (None)."""
    phrase = " ".join(role.group().lower().split()[1:])
    for p in reversed(earlier):
        before = text[max(0, p.start - len(phrase) - 40):p.start].lower()
        at = before.rfind(phrase)
        if at != -1 and re.fullmatch(r"(?:\s+[a-z]+)?\s+", before[at + len(phrase):]) and not _NOT_THE_HOLDER.search(before, 0, at):
            return p
        if text[p.end:p.end + len(phrase) + 8].lower().startswith((", the " + phrase, ", " + phrase)):
            return p
    if _unowned_spokesperson(role.group()):
        return None
    for p in reversed(earlier):
        if near is not None and p.start < role.start() - near:
            return None
        if not _NOT_A_SUBJECT.search(text, max(0, p.start - 48), p.start):
            return p
    return earlier[-1] if near is None else None


_SPOKESPERSONS = ("spokesman", "spokeswoman", "spokesperson", "official", "officer", "source")


def _owner_of_spokesperson(text: str, role: re.Match, bodies: list[Mention], body_ends: list[int]) -> Mention | None:
    """`the spokeswoman` after `a BaFin spokeswoman`: the body the earlier one spoke for (bounded:
    the last few occurrences of the word in the WINDOW before it)."""
    word = role.group().split()[-1].lower()
    if word not in _SPOKESPERSONS:
        return None
    floor = max(0, role.start() - 2 * WINDOW)
    for found in reversed(list(re.finditer(r"\b" + word + r"\b", text[floor:role.start()], re.IGNORECASE))[-4:]):
        at = floor + found.start()
        i = bisect.bisect_right(body_ends, at) - 1
        if i >= 0 and _JUST_BEFORE.fullmatch(text, bodies[i].end, at):
            return bodies[i]
    return None


_SPOKES_WORD = re.compile(r"spokes(?:man|woman|person)\b|official\b|source\b")
_SPOKES_LITERALS = ("spokes", "official", "source")
_BODY_BEFORE_SPOKES = with_words(r"\b[Aa]n? (?P<head><HEAD>) $", 0, HEAD=_BODY_HEADS)
"""`a college spokesman`, `a council official`: someone speaking for a body of that kind (the
role word is found first, the article and body noun looked for just before it)."""


def _body_spokespersons(text: str, bodies: list[Mention], starts: list[int]) -> list[Mention]:
    """`A college spokesman added:` speaks for the nearest body named before whose name holds
    that noun (`Norland Vocational College`), the whole phrase being the mention (as Q9's named
    groups); nobody when no such body was named."""
    out = []
    for literal in _SPOKES_LITERALS:  # (str.find runs in C: most texts hold one of these words somewhere)
        at = text.find(literal)
        while at != -1:
            word = _SPOKES_WORD.match(text, at)
            m = _BODY_BEFORE_SPOKES.search(text, max(0, at - 24), at) if word is not None else None
            if m is not None:
                head = m.group("head").lower()
                i = bisect.bisect_left(starts, m.start())
                named = next((b for b in reversed(bodies[max(0, i - LOOKBACK):i]) if head in b.name.lower().split()), None)
                if named is not None:
                    out.append(Mention(m.start(), word.end(), named.name, named.type, "NOMINAL", 0.45))
            at = text.find(literal, at + 1)
    return sorted(out, key=lambda x: x.start)


def possessive_roles(text: str, everything: list[Mention]):
    """`_POSSESSIVE_ROLE` matches whose owner is a named body or place or a body noun (`Ann Lee's
    lawyer`, `the man's attorney` are someone else, whom the rules here cannot name), and whose
    role is not one that speaks for the owner (`Norcom's spokesman`: Q9's unnamed source):
    found from each `'s` (str.find in C), not scanned for."""
    body_ends = {m.end for m in everything if m.type in _GROUP_OWNERS}
    for mark in ("’s ", "'s "):
        at = text.find(mark)
        while at != -1:
            word = _OWNER_WORD.search(text, max(0, at - 40), at)
            m = _POSSESSIVE_ROLE.match(text, word.start()) if word is not None else None
            if m is not None and m.end("owner") == at and (at in body_ends or m.group("owner").lower() in _BODY_HEADS) \
                    and m.group().split()[-1].lower() not in _SPOKESPERSONS:
                yield m
            at = text.find(mark, at + 1)


_OWNER_WORD = re.compile(r"[\w-]+$")
_OWNED_ROLE_REACH = 400
"""A body's role (`the group's general secretary`) names a person in a subject's place at most
this many characters before it (`Norland Society's Tom Hale said ...`), else nobody."""


def with_nominals(text: str, mentions: list[Mention], everything: list[Mention]) -> list[Mention]:
    """'the US President', 'The ex-president': a role refers to the nearest previous person (M3)."""
    out = list(mentions) + _body_nominals(text, everything)
    people = [p for p in everything if p.type == "PERSON" and p.kind == "NAME"]
    starts = [p.start for p in people]
    bodies = [b for b in everything if b.kind == "NAME" and b.type in _GROUP_OWNERS and b.type != "NORP"]
    body_ends = [b.end for b in bodies]
    out += _body_spokespersons(text, bodies, [b.start for b in bodies])
    owned = set()
    for m in (*definite_roles(text), *(owned.add(r.start()) or r for r in possessive_roles(text, everything))):
        i = bisect.bisect_left(starts, m.start())
        owner = _owner_of_spokesperson(text, m, bodies, body_ends)
        if owner is not None:
            out.append(Mention(m.start(), m.end(), owner.name, owner.type, "NOMINAL", 0.45))
        elif i < len(people) and _APPOSED.fullmatch(text, m.end(), people[i].start):
            person = people[i]  # `The US president, Ann Lee, said`: the name in apposition
            out.append(Mention(m.start(), m.end(), person.name, "PERSON", "NOMINAL", 0.45, person.gender))
        elif i and (person := _holder_of_role(text, m, people[max(0, i - 16):i], _OWNED_ROLE_REACH if m.start() in owned else None)):
            out.append(Mention(m.start(), m.end(), person.name, "PERSON", "NOMINAL", 0.45, person.gender))
    title = _TITLE_AFTER
    persons = sorted((p for p in everything if p.type == "PERSON"), key=lambda p: p.end)
    ends = [p.end for p in persons]
    by_start = {p.start: p for p in persons}
    for m in mentions:
        if m.type not in ("GPE", "NORP", "ORG"):
            continue
        t = title.match(text, m.end)
        if not t or text[t.end():t.end() + 1] == " " and text[t.end() + 1:t.end() + 2][:1].isupper():
            continue  # "President Claudia Sheinbaum": the name itself follows
        det = re.search(r"\b(?:[Tt]he)\s+$", text[max(0, m.start - 4):m.start])
        start = m.start - (len(det.group()) if det else 0)
        named = _NAME_AFTER_ROLE.match(text, t.end())
        holder = by_start.get(named.end()) if named is not None else None
        if holder is not None:  # the role's holder is named right after it
            if named.group("comma"):  # `Norland's President, Ann Lee, said`: the person in apposition
                out.append(Mention(start, named.start("comma"), holder.name, "PERSON", "NOMINAL", 0.5, holder.gender))
            continue  # `Norcom chief economist Ann Lee said`: the name itself is the subject
        i = bisect.bisect_right(ends, m.start)
        if not i:
            continue
        person = persons[i - 1]
        out.append(Mention(start, t.end(), person.name, "PERSON", "NOMINAL", 0.5, person.gender))
    return sorted(out, key=lambda x: (x.start, x.end))


_NAME_AFTER_ROLE = re.compile(r"(?:\s+(?!(?:and|or|but|of|to|in|on|at|for|with|by|from|said|says|told|tells|added|adds|has|had|have|"
                              r"is|was|were|are|will|would|who|which|that|the|a|an)\b|[a-z-]+ed\b)[a-z][a-z-]*){0,2}(?P<comma>\s*,)?\s+")
"""Between a body's role (`Norcom's chief`, `Portugal's President`) and a person's name that
follows it: up to two more role words (`chief economist`) and an optional apposition comma; the
name there holds the role, not the person named before (M3: a role refers to its holder). A past
form is a verb, no role word (`Norcom's spokesman criticised Ann Lee`)."""


def colon_subject(text: str, floor: int, colon: int, mentions) -> Speaker:
    """Who a colon introduces: the subject of its sentence when the words before the colon are
    no reporting clause (`Ann Lee, his lawyer, appeared on TV to discuss the tape: "..."`,
    `began his reply with the quip: "..."`), else the subject next to it (`X said:` is a verb cue)."""
    window = text[max(floor, colon - WINDOW):colon]
    # (past a full stop and its space, or past a line break alone: `He told ...:` opening a paragraph keeps its He)
    stops = [window.rfind(stop) + len(stop) for stop in (". ", "! ", "? ", "\n") if stop in window]
    sentence_start = colon - len(window) + max(stops, default=0)
    if (document := _document_before(text, sentence_start, colon)) is not None:
        return _document_issuer(text, sentence_start, document, mentions)
    subject = _sentence_subject(text, sentence_start, colon, mentions)
    if subject.status != "unattributed":
        return subject
    subject = subject_before(text, floor, colon, mentions)
    m = subject.mention
    if m is not None and m.kind == "NAME" and _PREPOSITION_BEFORE.search(text, max(0, m.start - 18), m.start):
        return Speaker("unattributed")  # `... allowed into Britain with the slogan: "..."`: a place is not who
    return subject


_DOCUMENT_COLON = re.compile(
    r"(?:\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}|(?P<possessive>[’']s\s+)(?:[a-z-]+\s+){0,2}|\b)"
    r"(?P<doc>statement|note|letter|message|caption|tagline|sign|banner|placard|notice|inscription|memo|plaque|card|poster|"
    r"motto|bio|captioned)s?\b"
    r"(?P<tail>(?:\s+(?:that|which|simply|still))?\s+(?:reads|reading|read|says|saying|states|stating|was|is)"
    r"|\s+(?:issued|released|posted|published|sent|left|written)\s[^.!?:;,“”\"\n]{0,40}?\s(?:reading|saying|stating)|)\s*$")
"""A colon after a document, sign or caption (`a statement issued at noon reading:`, `a note that
reads:`, `with the caption:`, `Her tagline is:`): the words are the document's, spoken by its
issuer, not by the nearest name (Q6)."""


def document_colon(text: str, start: int, colon: int) -> int | None:
    """Where the document phrase before a colon starts (`a note that reads:`), for `note` or
    `says` inside it to be no reporting verb of the sentence's subject; None when there is none."""
    m = _document_before(text, max(start, colon - WINDOW), colon)
    return None if m is None else m.start()


def _document_before(text: str, start: int, colon: int) -> re.Match | None:
    """`_DOCUMENT_COLON` before a colon, unless the document follows a preposition (`said in a
    statement:`, `wrote on his blog:`): then it is where the sentence's subject spoke."""
    m = _DOCUMENT_COLON.search(text, start, colon)
    if m is None or _IN_DOCUMENT.search(text, max(start, m.start() - 40), m.start("owner") if m.group("owner") else m.start("doc")):
        return None
    return m


_IN_DOCUMENT = re.compile(r"\b(?:in|on|via|through)\s+(?:(?:a|an|the|this|its|their)\s+)?(?:[a-z-]+\s+){0,2}$")


_ISSUING = re.compile(r"\b(?:issued|released|posted|published|put out|sent|wrote|shared|tweeted|uploaded|left|signed|carried|held|"
                      r"issues|releases|posts|publishes|sends|writes|shares|tweets|uploads|leaves|signs|carries|holds)\b")


_UNNAMED_OWNER = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne) (?:[a-z-]+ ){0,2}[a-z-]+$")
"""`His wife's sign read:`: the owner is a person the text does not name (Q9 unnamed source)."""
_VERB_BEFORE_OBJECT = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:a|an|the|this|these|that|its|their)\s+(?:[a-z-]+\s+){0,2}$")
"""`<Subject> offered this statement:`, `He included the caption:`: the document is the object of
the sentence's verb, whose subject issued it."""
_NOT_A_VERB = frozenset("with in of on at for from by to under into about and or as than via after before like without".split())


def _document_issuer(text: str, sentence_start: int, document: re.Match, mentions) -> Speaker:
    """Who issued the document before a colon: the owner in `his note`, `<Name>'s statement`,
    `his wife's sign` (unnamed); else the subject of the verb whose object it is (`<Body> offered
    this statement:`) or of an issuing verb before it in the sentence (`<Name> posted a picture ...,
    with the caption:`); else nobody (no nearby name stands in for an unnamed issuer)."""
    if (word := document.group("owner")) is not None:
        return Speaker("pronoun", Mention(document.start("owner"), document.end("owner"), "", "PERSON", "PRONOUN", 0.5,
                                          _PRONOUN_GENDER[word.lower()]))
    if document.group("possessive") is not None:
        owners = [m for m in _mentions_in(mentions, sentence_start, document.start()) if m.end == document.start()]
        if owners:
            return Speaker("attributed", owners[-1])
        owner = _UNNAMED_OWNER.search(text, sentence_start, document.start())
        return Speaker("unnamed_source", phrase=(owner.start(), owner.end())) if owner else Speaker("unattributed")
    verb = _VERB_BEFORE_OBJECT.search(text, sentence_start, document.start("doc"))
    if verb is None or verb.group("verb").lower() in _NOT_A_VERB:
        verb = _ISSUING.search(text, sentence_start, document.start("doc"))
    if verb is None:
        return Speaker("unattributed")
    unnamed = unnamed_subject(text, sentence_start, verb.start())
    if unnamed is not None and text[unnamed.phrase[1]:verb.start()].strip() == "":
        return unnamed  # `A <Nationality> man fighting for <Group> posted ...`: the man, not a name in his phrase
    return _sentence_subject(text, sentence_start, verb.start(), mentions)


def pronoun_subject_before(text: str, open_: int) -> Speaker | None:
    """A quoted paragraph or sentence with no cue after a sentence whose subject is he or she
    (`He ended with an appeal to the members.\n\n"..."`): that pronoun, resolved later like any
    speaker pronoun (the subject who introduced the words); None otherwise."""
    floor = max(0, open_ - WINDOW)
    body = text[floor:open_].rstrip(" \t\r\n“\"‘")
    if not body.endswith((".", "!", "?", ":")):
        return None
    cut = max(body.rfind(". ", 0, len(body) - 1), body.rfind("! ", 0, len(body) - 1), body.rfind("? ", 0, len(body) - 1),
              body.rfind("\n"))
    if cut == -1 and floor > 0:
        return None  # (the sentence starts before the window)
    m = _SUBJECT_PRONOUN.match(text, floor + cut + 1, floor + len(body))
    if m is None:
        return None
    word = m.group("pronoun")
    return Speaker("pronoun", Mention(m.start("pronoun"), m.end("pronoun"), "", "PERSON", "PRONOUN", 0.5, _PRONOUN_GENDER[word.lower()]))


def person_talked_about(text: str, open_: int, mentions) -> Speaker:
    """A quoted sentence with no cue at all is taken as the words of the person named last in
    the sentences just before it (`Roche headed for the door. "They busted out ..."`): implicit
    (Q9), no mention in its sentence, low confidence."""
    floor = max(0, open_ - WINDOW)
    people = [m for m in _mentions_in(mentions, floor, open_) if m.type == "PERSON" and m.kind == "NAME"]
    opener = _paragraph_subject(text, floor, open_, people)
    return Speaker("implicit", opener or people[-1]) if people else Speaker("unattributed")


_PARAGRAPH_BEFORE = re.compile(r"\n[ \t]*\n?(?P<para>[^\n]+)\n\s*[“\"‘']?$")
_VERB_FOLLOWS = re.compile(r"\s+[a-z]")


def _paragraph_subject(text: str, floor: int, open_: int, people: list[Mention]) -> Mention | None:
    """A quotation paragraph with no cue after a paragraph that opens with a person as its subject
    (`Ann Lee told the radio she and Tom share custody of their son Jack.` / `"..."`): the words
    are that subject's, not those of the person the paragraph names last (a child, an ex-husband
    talked about). Only the paragraph right before, only a name that opens it and a verb after it."""
    m = _PARAGRAPH_BEFORE.search(text, floor, open_)
    if m is None:
        return None
    start = m.start("para") + len(m.group("para")) - len(m.group("para").lstrip())
    return next((p for p in people if p.start == start and _VERB_FOLLOWS.match(text, p.end)), None)


_REPORTED_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def previous_sentence_speaker(text: str, open_: int, mentions) -> Speaker:
    """The subject of the first reporting verb of the sentence before a quotation (same or previous
    paragraph): `..., Wimpey said. "We ..."` -> Wimpey; nobody if that sentence reports no speech."""
    floor = max(0, open_ - WINDOW)
    window = text[floor:open_].rstrip(" \t\r\n“\"‘")
    if not _REPORTED_SENTENCE_END.search(window):
        return Speaker("unattributed")
    body = window.rstrip(".!?: ")
    cut = max(body.rfind(". "), body.rfind("! "), body.rfind("? "), body.rfind("\n"))
    sentence_start = floor + cut + 1
    verb = VERB_RE.search(text, sentence_start, floor + len(body))  # the main clause's verb comes first
    if verb is None:
        return Speaker("unattributed")  # the sentence reports no speech
    speaker = cue_subject(text, sentence_start, verb.start(), verb.end(), mentions)
    if speaker.status == "unattributed" and verb.group().lower() not in _TELL:
        speaker = subject_after(text, verb.end(), floor + len(body), mentions)  # (after `told`: the hearer)
        if speaker.status == "unattributed":  # `"...” states the village priest. “..."`
            speaker = unnamed_subject(text, verb.end(), floor + len(body) + 1, after=True) or speaker
    return speaker


_TELL = frozenset({"told", "tells", "telling"})


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
_LOCATIVE_BEFORE = re.compile(r"\b(?<!officials )(?<!authorities )(?<!police )(?<!prosecutors )(?:in|at|from|near|outside|inside|across|around|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
"""(`officials in Powys`, `police in Leeds`: the place's own officials, who speak for it, Q9)"""


_RELATIVE_AFTER = re.compile(r"[’']s (?:[a-z]+ )?(?:aunt|uncle|mother|father|sister|brother|wife|husband|son|daughter|"
                             r"cousin|friend|lawyer|attorney|family|neighbour|neighbor|"
                             r"girlfriend|boyfriend|partner|grandmother|grandfather|niece|nephew|widow|parents|"
                             r"mom|mum|dad|mother-in-law|father-in-law|stepmother|stepfather|stepson|stepdaughter|"
                             r"grandson|granddaughter|fiance|fiancee|fiancé|fiancée|spouse|children|kids)\b")
"""`Ann Lee's aunt said`: the aunt speaks, not Ann Lee (a spokesman speaks for them: not here)."""


_COMPOUND_AFTER = re.compile(r"-(?:[a-z]+ed|born|run|made|built|grown|held)\b")
"""A name joined by a hyphen to a participle (`a Paris-based trader`, `the Norcom-owned paper`,
`Norland-backed rebels`) is part of a modifier of the noun after it: that noun speaks. (Only a
participle: a name's own lower-case part after a hyphen, as many transliterated names have, is
no modifier.)"""


def _relative_phrase(text: str, start: int, end: int, mentions) -> Speaker | None:
    """`," Ann Lee's mum said`: a person's relative right before the verb is an unnamed source, the
    phrase `<Name>'s <relative>` its words (the relative speaks, and is not named here)."""
    for m in reversed(_mentions_in(mentions, start, end)):
        rel = _RELATIVE_AFTER.match(text, m.end) if m.type == "PERSON" and text[m.end:m.end + 1] in "’'" else None
        if rel is not None and not text[rel.end():end].strip():
            return Speaker("unnamed_source", phrase=(m.start, rel.end()))
    return None


_SPOKESPERSON_AFTER = re.compile(r"\s+(?:(?:chief|senior|official|press|deputy)\s+)?spokes(?:man|woman|person)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+$")


def spokesperson_for(text: str, speaker: Speaker) -> Speaker:
    """`a Norcom spokesman said`, `," a Norcom spokesperson told`: the spokesperson speaks, for the
    body (AUDIT note 8; as Q9's `Norcom officials`), so the mention is the whole phrase linked to
    the body, not the body's bare name before the role word."""
    m = speaker.mention
    if speaker.status != "attributed" or m is None or m.kind != "NAME" or m.type not in _GROUP_OWNERS or m.type == "NORP":
        return speaker
    word = _SPOKESPERSON_AFTER.match(text, m.end)
    if word is None:
        return speaker
    article = _ARTICLE_BEFORE.search(text, max(0, m.start - 9), m.start)
    return Speaker("attributed", Mention(article.start() if article else m.start, word.end(), m.name, m.type, "NOMINAL", 0.45))


def _candidates(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions in [start, end) that can speak: not a nationality, not a place after a
    locative preposition (`Police in Nottingham said`, `the company, based in Leeds, said`):
    that place is where, not who; and not a name inside a hyphenated modifier."""
    return [m for m in _mentions_in(mentions, start, end) if m.type in _SPEAKER_TYPES
            and not (m.type == "GPE" and _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start))
            and not _COMPOUND_AFTER.match(text, m.end)
            and not (m.type == "PERSON" and text[m.end:m.end + 1] in "’'" and _RELATIVE_AFTER.match(text, m.end))]


def subject_near(text: str, pre_start: int, verb_start: int, verb_end: int, mentions) -> Speaker:
    """Cue after a quote: `, Trump said` (subject before the verb) or `, said Trump` (after)."""
    if text[verb_start:verb_end].endswith("ing") and (quoted := _quoted_as(text, pre_start, verb_start, mentions)) is not None:
        return quoted  # `," <Outlet> quoted <someone> as saying`
    found = _candidates(text, mentions, pre_start, verb_start)
    head = _before_apposition(text, found, pre_start, verb_start)
    if head is not None:
        return Speaker("attributed", head)
    if found:
        return spokesperson_for(text, Speaker("attributed", _person_of(text, found, max(found, key=lambda m: (m.end, -m.start)))))
    pronoun = _pronoun_in(text, pre_start, verb_start)
    if pronoun:
        return pronoun
    unnamed = _unnamed_in(text, pre_start, verb_start, mentions)
    if unnamed:
        return unnamed
    unnamed = unnamed_subject(text, pre_start, verb_start) or _relative_phrase(text, pre_start, verb_start, mentions)
    if unnamed:
        return unnamed  # `," one student told`, `," the masked man says`, `," Ann Lee's mum said`
    if text[verb_start:verb_end].lower() in ("told", "tells", "telling"):
        return Speaker("unattributed")  # `" ... told Reuters`: what follows is the hearer, not the speaker
    end = _PARAGRAPH_STOP.search(text, verb_end, min(len(text), verb_end + 50))  # (`," the officer said.\n\nHe ...`: not he)
    after = subject_after(text, verb_end, end.start() if end else min(len(text), verb_end + 50), mentions)
    if after.status == "unattributed":  # `," said a police source.`: an unnamed source after the verb
        stop = _CLAUSE_STOP.search(text, verb_end, verb_end + 30)
        return (_unnamed_in(text, verb_end, stop.start() if stop else min(len(text), verb_end + 30), mentions)
                or unnamed_subject(text, verb_end, end.start() if end else min(len(text), verb_end + 50), after=True) or after)
    return after


_CLAUSE_STOP = re.compile(r"[.\n]")
_PARAGRAPH_STOP = re.compile(r"\n")
"""A reporting clause after its verb never goes on into the next paragraph."""
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
    if before and before[-1].type != "PERSON" and _PREPOSITION_BEFORE.search(text, max(0, before[-1].start - 18), before[-1].start):
        # `the chairman of Norcom, Sir Ann Lee, said`: the body completes a role; the person in apposition is who
        apposed = [m for m in found if opening < m.start and m.end <= end.start() and m.type == "PERSON"]
        return apposed[0] if apposed else before[-1]
    return before[-1] if before else None


_ROLE_AT_BODY = r"\s*,\s*(?:(?:an?|the)\s+)?(?:[a-z][a-z-]*\s+){1,3}(?:of|at|from|with|for)\s+(?:the\s+)?"
_AFFILIATION = re.compile(_ROLE_AT_BODY + r"|\s*,\s*|\s+(?:of|at|from|with)\s+(?:the\s+)?")
"""Between a person and the body they belong to, right before the verb: `Ann Lee, Norcom Trust
said`, `Ann Lee of the Norcom Institute said`, `Ann Lee, an analyst at Norcom told`."""


_AFTER_PLACE_WORD = re.compile(r"\b(?:in|on|at|into|to|from|with|by|near|through|via)\s+(?:the\s+)?$", re.IGNORECASE)


def _person_of(text: str, found: list[Mention], nearest: Mention) -> Mention:
    """The subject when the name next to the verb is a body a person belongs to: that person
    (`Ann Lee of the Norcom Institute said`, `Ann Lee, Norcom Trust said:`), not the body."""
    if nearest.kind != "NAME":
        return nearest
    i = found.index(nearest)
    person = found[i - 1] if i else None
    if (person is None or person.type != "PERSON" or person.end > nearest.start
            or not _AFFILIATION.fullmatch(text, person.end, nearest.start)
            or nearest.type == "PERSON" and not _ROLE_AT.fullmatch(text, person.end, nearest.start)
            or _PREPOSITION_BEFORE.search(text, max(0, person.start - 18), person.start)):
        return nearest
    return person


_ROLE_AT = re.compile(_ROLE_AT_BODY)
"""`Ann Lee, an analyst at Nomura told`: a role at a place of work names a body, whatever type the
entity layer gave that name (a firm named like a person)."""


_ASIDE = re.compile(r"(?:,\s*\d{1,3})?(?:,\s*(?:who|which|whose|where)\b[^,;:]{1,80}"
                    r"|\s+(?:living|based|working|born|visiting|staying)\s+(?:in|at|from|near|outside)\b[^;:]{1,60}),\s*$")
"""A relative clause or a participle phrase of place (and an age) between a subject and its verb."""


_LONG_ASIDE = re.compile(r"(?:,\s*(?:who|which|whose)\b[^,;:.!?“”\"\n]{1,200},"
                         r"|\s+[-–—]\s+(?:who|which|whose)\b[^;:.!?“”\"\n–—]{1,200}?\s[-–—])\s*$")
"""A relative clause too long for `_ASIDE` (`Ann Lee, who is a member of ... and was part of ...,
told`), or one between dashes (`Ann Lee - who chairs the committee which ... - said`)."""
_LONG_CLAUSE = 260


def _long_aside(text: str, floor: int, verb_start: int, clause_start: int) -> tuple[int, re.Match | None]:
    """The clause start and the aside when a long relative clause stands before the verb: the
    clause then starts at its sentence's start up to `_LONG_CLAUSE` characters back."""
    start = max(floor, verb_start - _LONG_CLAUSE)
    if text.find(" wh", start, verb_start) == -1:
        return clause_start, None  # (no who, which or whose: most clauses, found in C)
    aside = _LONG_ASIDE.search(text, start, verb_start)
    if aside is None:
        return clause_start, None
    window = text[start:aside.start()]
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"), window.rfind("”"), window.rfind('"'))
    if cut == -1 and start > floor:
        return clause_start, None  # (the sentence starts before the window: no subject to be sure of)
    return start + cut + 1, aside


_OWNER_APPOSED = re.compile(r"[^,.;:!?]{0,30},\s*")
"""Between a person and a possessive body in apposition after them (`Ann Lee al-Tamimi, Norland's`)."""


_WEBSITE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?P<site>[A-Z][\w-]*(?:\.[a-z]{2,4}){1,2})\s+(?:(?:also|then|later|now)\s+)?$")


def website_subject(text: str, start: int, end: int) -> Speaker | None:
    """`Snopes.com writes:`, `Norcom.org says`: a web site right before the verb is the subject
    (the entity layer finds no name in a domain); the site is the mention. None without one."""
    m = _WEBSITE_BEFORE.search(text, start, end)
    if m is None:
        return None
    site = m.group("site")
    return Speaker("attributed", Mention(m.start("site"), m.end("site"), site, "MEDIA", "NOMINAL", 0.45))


_PARENTHESIS_BEFORE_VERB = re.compile(r"\s*\((?:[^()\n]{0,80}\b[a-z]{2,}\b[^()\n]{0,80}|[DRI]\.?(?:-|,\s*)[A-Z][A-Za-z.]{1,5})\)\s*,?\s*$")


def _before_parenthesis(text: str, clause_start: int, verb_start: int, mentions) -> int:
    """`<Name> (who <Outlet> suggests was one of them), said`, `Rep. <Name> (R-CA) told`: a
    parenthesis between the subject and its verb is an aside (a clause, or a party and state
    label); the names in it are not who speaks, when a name or pronoun stands before it. Not an
    abbreviation (`the Norland Trade Council (NTC) said`: the same body, whose long name the entity
    layer may have cut up)."""
    m = _PARENTHESIS_BEFORE_VERB.search(text, clause_start, verb_start)
    if m is None or not (_candidates(text, mentions, clause_start, m.start()) or _pronoun_in(text, clause_start, m.start())):
        return verb_start
    return m.start()


def subject_before(text: str, floor: int, verb_start: int, mentions) -> Speaker:
    """The subject of a cue: the nearest mention, pronoun or unnamed group before it in its clause."""
    clause_start = max(floor, verb_start - 90)
    window = text[clause_start:verb_start]
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"), window.rfind("”"), window.rfind('"'))
    if cut != -1:
        clause_start += cut + 1
    aside = _ASIDE.search(text, clause_start, verb_start) if window.rstrip().endswith(",") else None
    if aside is None and window.rstrip().endswith((",", "-", "–", "—")):
        clause_start, aside = _long_aside(text, floor, verb_start, clause_start)
    limit = aside.start() if aside is not None else verb_start  # `Ann Lee, 48, who was visiting from Kendal, said:`
    if aside is None:
        limit = _before_parenthesis(text, clause_start, verb_start, mentions)
    found = _candidates(text, mentions, clause_start, limit)  # (the names in an aside are not who)
    pronoun = _pronoun_in(text, clause_start, limit)
    unnamed = _unnamed_in(text, clause_start, limit, mentions)
    if aside is not None and not (found or pronoun or unnamed):
        pronoun = _pronoun_in(text, clause_start, verb_start)  # `The soldier, who said he ..., added:`: he is the subject
    verb_start = limit
    apposed = _before_apposition(text, found, clause_start, verb_start)
    if apposed is not None and apposed.type == "PERSON":
        unnamed = None  # `Ann Lee, an analyst at Norcom, said:`: the appositive's role word describes her, no one else
    best = apposed or (_person_of(text, found, max(found, key=lambda m: (m.end, -m.start))) if found else None)
    if best is not None and (best.type != "PERSON" and text.startswith(("’s", "'s"), best.end)
                             or best.kind == "NOMINAL" and _POSSESSIVE_ROLE.match(text, best.start)):
        # `Ann Lee al-Tamimi, Norland's police chief, told`: the body owns the role of the person in apposition
        people = [m for m in found if m.type == "PERSON" and m.end <= best.start and _OWNER_APPOSED.fullmatch(text, m.end, best.start)]
        best = people[-1] if people else best
    place = best is not None and best.type == "GPE" and _PREPOSITION_BEFORE.search(text, max(clause_start, best.start - 18), best.start)
    if best is not None and (place or _AFTER_PLACE_WORD.search(text, max(clause_start, best.start - 12), best.start)):
        # `X was quoted in the Herald saying:`, `she posted images of Norland and wrote,`: where, not who, when a subject comes before it
        free = [m for m in found if m.end <= best.start and not _PREPOSITION_BEFORE.search(text, max(clause_start, m.start - 18), m.start)]
        best = free[-1] if free else None if place and (pronoun or unnamed) else best
    if best is not None and not (pronoun or unnamed) and (owned := _subject_after_owner(text, best, limit)) is not None:
        return owned
    candidates = [(best.end, Speaker("attributed", best))] if best else []
    if best is not None and (best.kind == "NAME" or best.kind == "NOMINAL" and best.type in _BODY_TYPES) \
            and (modified := _name_in_modifier(text, clause_start, verb_start, best)) is not None:
        candidates = [modified]  # `A commander for the Norland Dawn group said`: the commander, not the group
    if pronoun:
        candidates.append((pronoun.mention.end, pronoun))
    if unnamed:
        candidates.append((unnamed_end(text, clause_start, verb_start), unnamed))
    if not candidates:
        return (unnamed_subject(text, clause_start, limit) or _relative_phrase(text, clause_start, limit, mentions)
                or document_subject(text, clause_start, limit) or website_subject(text, clause_start, limit) or Speaker("unattributed"))
        # (`The mood is:` no: a verb follows a space)
    return spokesperson_for(text, max(candidates, key=lambda c: c[0])[1])


_OWNED_NOUN = re.compile(r"[’']s\s+[a-z][a-z-]*\s+(?=(?:[Tt]he|[Aa]n?)\s)")


def _subject_after_owner(text: str, best: Mention, verb_start: int) -> Speaker | None:
    """`In a review of the trust's budget the panel said:`: a body that owns a noun (`the
    trust's budget`) sits inside a phrase before the subject; a noun phrase opening right after that
    owned noun and reaching the verb is who speaks (an unnamed body or person, Q9), not the owner."""
    owned = _OWNED_NOUN.match(text, best.end, verb_start)
    return unnamed_subject(text, owned.end(), verb_start) if owned is not None else None


_HEAD_BEFORE_NAME = re.compile(
    r"(?<![\w’'-])(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[\w’'-]+\s+){0,2}?(?P<head>[a-z][a-z-]*)\s+"
    r"(?P<prep>for|of|at|from|with|following|close\s+to|familiar\s+with)\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}?)$")
_AFTER_NAME_IN_NP = re.compile(r"(?:[’']s(?:\s+[a-z]+){1,2}|\s+(?!(?:which|who|that|whose)\b)[a-z]+)?\s*")
_VERB_AS_HEAD = frozenset("came comes come went goes go took takes got gets made makes gave gives rose fell is are was were has had have "
                          "do does did says said tells told".split())
"""(`The plan came from the Norland Trust, which said`: a verb before the preposition, no head noun.)"""
_SPEAKS_FOR = frozenset({"for", "of", "at", "from"})
_CLAUSE_OPENING = re.compile(r"(?:.*[,;:]\s*|\s*(?:(?:But|And|Yet|So|Meanwhile|However),?\s+)?)", re.DOTALL)
"""Before a subject: nothing but the clause's opening (a conjunction, or anything up to a comma)."""


def _name_in_modifier(text: str, clause_start: int, verb_start: int, name: Mention) -> tuple[int, Speaker] | None:
    """A name inside a modifier of the subject's head noun (`A commander for the Norland Dawn group
    said`, `A source close to Ann Lee's campaign said`, `The president of Portugal said`):
    the head noun is who speaks, and the whole phrase is the mention. After for, of, at or from a
    body or place it speaks for that entity (Q9, as `Norland officials`); else it is an unnamed
    source. None when the name is no such modifier or the head is a document (`A report from ...`)."""
    m = _HEAD_BEFORE_NAME.search(text, clause_start, name.start)
    after = _AFTER_NAME_IN_NP.fullmatch(text, name.end, verb_start)
    if m is None or after is None or not _CLAUSE_OPENING.fullmatch(text, clause_start, m.start("np")) or re.search(r"\b(?:has|have|had|is|was|are|were|will|would)\b", text[name.end:verb_start]):
        return None
    head = m.group("head")
    if head in _DOCUMENTS or head[:-1] in _DOCUMENTS or head in _NOT_A_HEAD or head in _NOT_SUBJECT_HEADS or head in _RECORD_HEADS \
            or head in _VERB_AS_HEAD or head.endswith("ed") or _VERB_IN_PHRASE.search(m.group("np")):
        return None
    end = name.end + len(text[name.end:verb_start].rstrip())
    if m.group("prep") in _SPEAKS_FOR and name.type in _GROUP_OWNERS and name.type != "NORP" and end == name.end:
        return end, Speaker("attributed", Mention(m.start("np"), end, name.name, name.type, "NOMINAL", 0.45))
    return end, Speaker("unnamed_source", phrase=(m.start("np"), end))


_DOCUMENTS = frozenset(
    "statement report article letter message post newsletter document note memo email e-mail tweet headline video "
    "caption sign banner website site page blog study survey paper book story release notice text transcript poster "
    "advert advertisement slogan filing complaint lawsuit ruling judgment verdict order petition bill law plan proposal "
    "question answer survey poll book column editorial leaflet manifesto bulletin account footage clip recording "
    "entry listing description motto title label warning line reply response comment comments correction update version "
    "inscription minutes".split())
"""What speaks in `the statement said`, `the article warns`: a document, not an unnamed person (Q6 gives it its
issuer, which these rules do not find), so it stays unattributed."""
_NOT_A_HEAD = frozenset("one other same following latter former first last next time day week year way thing also".split())
"""(Not a head: a pronoun-like word, a time, or `also` after a name, `The Conservatives also said`; an
auxiliary anywhere in the phrase is _VERB_IN_PHRASE's: `The Liberal Democrats have said`.)"""
_SUBJECT_NP = (r"(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[\w’'-]+\s+){0,2}?(?P<head>[a-z][a-z-]*)"
               r"(?:\s+(?:of|for|at|from|in|with|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
               r"|(?P<bare>[Oo]ne|[Aa]nother|[Pp]olice))")
_UNNAMED_SUBJECT = re.compile(r"(?:^|(?<=[\s,(—–-]))" + _SUBJECT_NP
                              + r"(?:\s*,\s*(?:who|[a-z]+ing|[a-z]+ed)\b[^,;:.]{0,50},)?\s+(?:(?:has|have|had|is|was|are|were|will|would|also|later|further|then|again|earlier|now|once|today|yesterday)\s+)*"
                              r"(?:[a-z]+ly\s+)?$")
"""A subject that is a noun phrase naming nobody right before a reporting verb: `One local said`,
`an army officer, speaking anonymously, said`, `the masked man says`, `one student from the school
told`, `Another said:`, `police wrote:` (Q9: an unnamed person or group, `unnamed_source`)."""
_UNNAMED_AFTER = re.compile(r"\s+" + _SUBJECT_NP + r"\s*(?:[,.;!?\n]|$)")
"""The same after the verb, ending the clause: `," says the fisherman.`, `," said another.`"""


def unnamed_subject(text: str, start: int, end: int, after: bool = False, governed: bool = False) -> Speaker | None:
    """`unnamed_source` when the clause's subject, right before the verb in [start, end) (or right
    after it, `after`), is an unnamed person or group; None for a document or no such phrase.
    Asked only where no name, pronoun or listed group was found. `governed`: the phrase follows a
    word that makes it a subject all the same (`with one resident saying`)."""
    m = (_UNNAMED_AFTER.match if after else _UNNAMED_SUBJECT.search)(text, start, end)
    if m is None:
        return None
    head, phrase = m.group("head"), m.group().lower()
    if head is not None and (head in _DOCUMENTS or head[:-1] in _DOCUMENTS or head in _NOT_A_HEAD or head in _NOT_SUBJECT_HEADS or head.endswith("est") and head not in _NOUNS_IN_EST
                             or phrase.lstrip().startswith("the ") and head in _NOT_DESCRIBED):
        return None  # (`the clearest signals`: an adjective; `the government`: a body not resolved, not an unnamed one)
    if _VERB_IN_PHRASE.search(m.group("np") or ""):
        return None  # `," said the plan would fail`: a clause with a verb, not a subject
    if "’s " in phrase or "'s " in phrase or phrase.rstrip().endswith((" the", " a", " an")) or not after and not governed and _PREPOSITION_BEFORE.search(text, max(0, m.start() - 18), m.start()):
        return None  # `the charity's director`: someone known; `In one post ...`: no subject
    return Speaker("unnamed_source", phrase=(m.start("np"), m.end("np")))


_RECORD_HEADS = frozenset("code review instalment installment analysis announcement interview ad ads posting investigation autopsy "
                          "data figures research records documents filings estimates calculations map chart photo photos".split())
_RECORD_ENDINGS = ("tion", "ment", "sis", "ed")


def according_source(text: str, start: int, end: int) -> Speaker | None:
    """`according to one neighbour,` / `, according to the union officials.`: the unnamed person or group after
    `according to` is the source (Q9, as `one neighbour said`); not a document, record or inquiry
    (`according to the leaflet`, `according to an internal review`: Q6 gives those their issuer,
    which is not found here), so the row stays unattributed then."""
    m = _UNNAMED_AFTER.match(text, start, end)
    head = m.group("head") if m is not None else None
    if head is not None and (head in _RECORD_HEADS or head.endswith(_RECORD_ENDINGS)):
        return None
    return unnamed_subject(text, start, end, after=True)


def document_subject(text: str, start: int, end: int) -> Speaker | None:
    """A document as the subject right before the verb (`The report said:`, `the statement
    added`): still no speaker, but its phrase is kept (`phrase` on an `unattributed` speaker) for
    `resolve_pronouns` to give it its issuer (`_issuer_before`)."""
    m = _UNNAMED_SUBJECT.search(text, start, end)
    if m is None or m.group("head") is None or not m.group("np").lower().startswith("the "):
        return None
    head = m.group("head")
    if (head in _DOCUMENTS or head[:-1] in _DOCUMENTS) and not _VERB_IN_PHRASE.search(m.group("np")) and "’s " not in m.group("np") \
            and "'s " not in m.group("np") and not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 18), m.start()):
        return Speaker("unattributed", phrase=(m.start("np"), m.end("np")))
    return None


_VERB_IN_PHRASE = re.compile(r"\b(?:would|will|could|should|can|may|might|must|shall|is|are|was|were|has|have|had|be|been|do|does|did|not)\b",
                             re.IGNORECASE)
"""An auxiliary or modal inside the phrase makes it a clause (`the plan would fail`), not a noun phrase."""
_NOT_SUBJECT_HEADS = frozenset("it this that which who he she they we there here".split())
_NOUNS_IN_EST = frozenset("priest guest protest contest interest forest request inquest arrest".split())
"""(A head in -est is a superlative left without its noun, `the clearest signals` read as `the clearest` + verb, but for these.)"""


def unnamed_end(text: str, start: int, end: int) -> int:
    last = -1
    for m in re.finditer(r"\b\w+\b", text[start:end]):
        if m.group().lower() in gz.UNNAMED_SOURCES:
            last = start + m.end()
    return last


def subject_after(text: str, start: int, end: int, mentions) -> Speaker:
    found = [m for m in _candidates(text, mentions, start, min(end, start + 60))
             if not _NOT_AFTER_VERB.search(text, max(start, m.start - 12), m.start)]  # (`said on ZDF television`)
    pronoun = _pronoun_in(text, start, min(end, start + 15), first=True)
    if found and not (pronoun is not None and pronoun.mention.start < found[0].start):
        first = found[0]
        # (the next mention after the first, not a role nominal over it: `said Norcom chief economist, Ann Lee`)
        second = next((m for m in found[1:] if m.start >= first.end), None)
        role = _ROLE_BETWEEN.fullmatch(text, first.end, second.start) if second is not None and second.type == "PERSON" else None
        if role is None:
            role, second = _premodified_name(text, start, first, found)
        if role is not None and (first.type != "PERSON" or _LOWER_WORD.search(role.group()) or _BARE_POSSESSIVE.fullmatch(role.group())):
            # `said the coach of Leeds United, Tom Berry`, `said Norcom chairman Tom Berry`: the person, not the body
            # (nor a firm the entity layer typed as a person: `said Norbank Amro chief strategist Ed Wong`)
            return Speaker("attributed", second)
        return spokesperson_for(text, Speaker("attributed", first))
    return pronoun or Speaker("unattributed")  # (`" and says he plans to contact the regulator`: he)


_NOT_AFTER_VERB = re.compile(r"\b(?:on|to|in|into|onto|via|through|during|after|before)\s+(?:the\s+)?$", re.IGNORECASE)
"""After a reporting verb a name after these prepositions is where, when or to whom, not who."""
_ROLE_BETWEEN = re.compile(r"\s*,\s*|\s+(?:(?:(?!(?:and|or|but|to|by|with|from|of|at|in|on|for|told|said|says)\b)[a-z][a-z-]*|[A-Z][a-z]+(?:an|ese|ish)|"
                           + "|".join(sorted(re.escape(t) for t in gz.TITLES if t[:1].isupper())) + r")(?:\s*,)?\s+){1,3}")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}")
_BARE_POSSESSIVE = re.compile(r"[’']s\s+")
"""`said ABN Norbank's Tom Berry`: a name owning a person's name with nothing between is a firm
whatever the entity layer typed it (a person owns a role, `Ann Lee's husband Tom`)."""
_PREMODIFIERS = re.compile(
    r"[’']s\s+|(?:[’']s)?(?:\s+(?:and\s+(?=[A-Z][\w&-]*[’']s\s))?"
    r"(?!(?:and|or|but|nor|to|by|with|from|of|at|in|on|for|as|than|that|who|which|when|while|after|before|told|said|says|the|a|an)\b)"
    r"(?:(?:[A-Z]\.){2,}|[A-Za-z][\w&-]*)(?:[’']s)?){1,5}(?:\s*,)?\s+")
"""Words that can open a name's noun phrase after the verb: an owner's possessive, capitalised
words of a longer body name, role words, `and` inside a firm's name before its possessive
(`'s principal analyst `, ` First Boston analyst `, ` Federal Judge `, ` and Young's `), or the
owner's possessive alone (`said Norcom Bank's Tom Berry`: the firm's member speaks); never a
sentence end, a preposition or a clause word."""


def _premodified_name(text: str, verb_end: int, first: Mention, found: list[Mention]) -> tuple[re.Match | None, Mention | None]:
    """`said Norcom's chief analyst Tom Berry`, `said Norbank First Boston analyst Tom Berry`,
    `added Ernst and Young's Tom Berry`: after the verb the subject's head is the person its
    premodifiers lead to, not the body or place that opens them (the first mention after the verb).
    Not past a sentence end (`," the letter added. Norcom's chief Tom Berry said`: a new subject)."""
    if SENTENCE_BREAK.search(text, verb_end, first.start):
        return None, None
    for m in found:
        if m.start >= first.end and m.type == "PERSON" and not text.startswith(("’s", "'s"), m.end):  # (an owner is no head)
            return _PREMODIFIERS.fullmatch(text, first.end, m.start), m
    return None, None
"""Between a body and a person after the verb: a comma, or one to three role words (`chairman`,
`chief executive`, `Chairman`, `chief Asian strategist`), the last maybe closed by an apposition
comma (`chief economist, Ann Lee`)."""


def cue_subject(text: str, floor: int, verb_start: int, verb_end: int, mentions) -> Speaker:
    """The speaker of a cue: its subject, or for a participle (", claiming that"; coordinated with
    one, ", noting ... and insisting that") the sentence's."""
    if text[verb_start:verb_end].endswith("ing") and (absolute := _absolute_subject(text, floor, verb_start, mentions)) is not None:
        return absolute
    if text[verb_start:verb_end].endswith("ing") and (quoted := _quoted_as(text, floor, verb_start, mentions)) is not None:
        return quoted
    if text[verb_start:verb_end].endswith("ing") and text[max(floor, verb_start - 8):verb_start].rstrip().endswith((",", " and")):
        floor = max(floor, verb_start - WINDOW)
        window = text[floor:verb_start]
        starts = [floor + m.end() for m in SENTENCE_BREAK.finditer(window)]
        return _sentence_subject(text, starts[-1] if starts else floor, verb_start, mentions)
    return subject_before(text, floor, verb_start, mentions)


_WITH_PARTICIPLE = re.compile(r"\b[Ww]ith\s+(?P<np>(?:(?!(?:and|or|but|nor)\b)[\w’'-]+\s+){1,4}?)$")
"""(Not across a conjunction: in `noting talks with Norland and insisting that`, the participle
after `and` is coordinated with the one before, and shares its subject.)"""


_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(?!by\b)(?P<np>[^.,;:!?\n\"“”]{1,60}?)\s+as\s+$")


def _quoted_as(text: str, floor: int, verb_start: int, mentions) -> Speaker | None:
    """`<Outlet> quoted <someone> as saying`, `<Outlet> quoted Ann Lee as telling`: the one quoted
    speaks, the outlet (the sentence's subject) only reports it. None when there is no such phrase
    or it names nobody; not the passive (`Ann Lee was quoted by the Herald as saying`: the agent
    after `by` is the outlet, the subject speaks)."""
    m = _QUOTED_AS.search(text, max(floor, verb_start - 90), verb_start)
    if m is None:
        return None
    start, end = m.start("np"), m.end("np")
    found = _candidates(text, mentions, start, end)
    if found:
        return Speaker("attributed", _person_of(text, found, found[-1]))
    return _pronoun_in(text, start, end, first=True) or _unnamed_in(text, start, end, mentions) or unnamed_subject(text, start, end + 1, governed=True)


def _absolute_subject(text: str, floor: int, verb_start: int, mentions) -> Speaker | None:
    """`..., with one resident saying:`, `with Norcom adding that`: in a with-clause (an absolute
    construction) the participle's subject is the noun phrase between `with` and it, not the
    sentence's subject nor a name before (`Norcom was named by the Herald, with a cousin telling the Herald:`);
    None when that phrase is no speaker (a document, a pronoun) or there is no such clause."""
    m = _WITH_PARTICIPLE.search(text, max(floor, verb_start - 60), verb_start)
    if m is None:
        return None
    found = _candidates(text, mentions, m.start("np"), verb_start)
    if found:
        return Speaker("attributed", _person_of(text, found, found[-1]))
    return unnamed_subject(text, m.start("np"), verb_start, governed=True)


def _sentence_subject(text: str, sentence_start: int, verb_start: int, mentions) -> Speaker:
    """A participle cue (", claiming that") shares the subject of its sentence's main clause."""
    found = _candidates(text, mentions, sentence_start, verb_start)
    people = [m for m in found if m.type == "PERSON"]
    pronoun = _pronoun_in(text, sentence_start, verb_start, first=True)
    if (owner := _POSSESSIVE_OPENING.match(text, sentence_start, verb_start)) is not None:
        # `His message to the mayor was: "..."`: the owner of the subject speaks (not the mayor)
        word = owner.group("pronoun")
        pronoun = Speaker("pronoun", Mention(owner.start("pronoun"), owner.end("pronoun"), "", "PERSON", "PRONOUN", 0.5,
                                             _PRONOUN_GENDER[word.lower()]))
    if people and (pronoun is None or people[0].start < pronoun.mention.start):
        return Speaker("attributed", people[0])
    if pronoun is not None:
        return pronoun
    subjects = [m for m in found if not _PREPOSITION_BEFORE.search(text, max(0, m.start - 18), m.start)]
    return Speaker("attributed", subjects[0]) if subjects else Speaker("unattributed")


_POSSESSIVE_OPENING = re.compile(r"\s*(?P<pronoun>His|Her) (?:[a-z]+ ){1,2}(?:to|for|on|about|was|is)\b")
"""A sentence opening with his or her and a noun (`His message to the mayor was:`, `Her reply was:`)."""
_PERSONAL_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+"
_NOT_A_SUBJECT = re.compile(r"\b(?:(?:for|of|in|at|from|with|by|to|on|against|near|about|into|over|under)\s+(?:the\s+)?"
                            r"|(?!(?:said|added|reported|quoted)\b)(?:[a-z]+ed|told|met|sent|gave|saw|tells|meets|asks|urges|blames)\s+)"
                            r"(?:[A-Z][a-z]+\.?\s+){0,3}$")
"""Before a name that is an object: a preposition (`criticism from Ann Lee`, `hosted by Deputy
Prime Minister Ann Lee`) or a verb (`told Ann Lee`, `blamed Mr Lee`), titles between."""
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|in|at|from|with|by|to|on|against|near|about|into|over|under)\s+(?:the\s+)?"
                                 r"(?:" + _PERSONAL_TITLE + r")?$", re.IGNORECASE)
"""A body or place after a preposition is no subject (`In a statement to Reuters, Norcom said`,
`a man fighting for Norland posted ... with the caption:`), nor a person after one (`standing next
to Mr Lee he added`)."""
_FRONTED_PHRASE = re.compile(r"\s*(?:In|At|On|After|Before|During|Following|Since|Despite|Amid|Under|Without|"
                             r"Speaking|Asked|Writing|Earlier|Later|Though|Although|While|Whilst|When|Once|Because|Unless|If)\b[^,.;:!?\"“”\n]{0,200},"
                             r"(?!\s*(?:who|whose|which)\b)")
"""A sentence opening with a fronted phrase (`In his first interview following the Maduro operation,
Trump told ...`) or a subordinate clause (`Though Tom Hale is away, Ann Lee says ...`): its subject
comes after the comma, not among the names inside the phrase. A comma that opens a relative clause
closes no fronted phrase (`Earlier Mr Lee, whose party opposes it, said`: Mr Lee is the subject)."""
_TITLED = re.compile(_PERSONAL_TITLE + "$")
"""A name after Mr, Mrs, Dr ... is a person's, whatever type the entity layer gave it."""


def _pronoun_in(text: str, start: int, end: int, first: bool = False) -> Speaker | None:
    found = list(_PRONOUN.finditer(text, start, end))
    if not found:
        return None
    p = found[0] if first else found[-1]
    mention = Mention(p.start(), p.end(), "", "PERSON", "PRONOUN", 0.5, _PRONOUN_GENDER.get(p.group().lower()))
    return Speaker("pronoun", mention)


def _unnamed_in(text: str, start: int, end: int, mentions=()) -> Speaker | None:
    heads = [m for m in _WORD.finditer(text, start, end) if m.group().lower() in gz.UNNAMED_SOURCES]
    if not heads:
        return None
    return _named_group(text, start, end, mentions) or Speaker("unnamed_source", phrase=_group_phrase(text, start, heads[-1]))


_WORD = re.compile(r"\b\w+\b")
_MODIFIER = re.compile(r"(?:^|(?<=\s))(?P<word>[\w’'-]+)\s+$")
_NOT_A_MODIFIER = frozenset(
    "and or but nor that which who whom whose while as of to in on at for with by from into than "
    "said says say told tells added adds also have has had is are was were be been will would could should may might "
    "not according".split())


def _group_phrase(text: str, floor: int, head: re.Match) -> tuple[int, int]:
    """The phrase naming an unnamed group, its head and up to three words before it that modify it
    (`Security analysts`, `some legal experts`, `Western diplomats`), within [floor, head)."""
    begin = head.start()
    for _ in range(3):
        m = _MODIFIER.search(text, max(floor, begin - 40), begin)
        if m is None or m.group("word").lower() in _NOT_A_MODIFIER or "\n" in text[m.start():begin]:
            break
        begin = m.start()
    return begin, head.end()


_OFFICIAL_GROUPS = ("officials", "official", "sources", "source", "diplomats", "diplomat", "authorities", "lawmakers",
                    "legislators", "leaders", "insiders", "insider", "politicians", "police", "prosecutors")
"""Groups that speak for a body (`Mexican officials`, `Kurdish sources`); residents, analysts or
critics of a place do not speak for it."""
_UNNAMED_WORD = re.compile(r"\b(?:" + "|".join(sorted(_OFFICIAL_GROUPS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_GROUP_OWNERS = ("GPE", "ORG", "NORP", "MEDIA")


def _named_group(text: str, start: int, end: int, mentions) -> Speaker | None:
    """`US officials`, `Kurdish sources`, `Norcom insiders`: a group qualified by a named place,
    body or nationality right before it speaks for that entity (Q9: "Mexican officials" are
    attributed to Mexico), the whole phrase being the mention. A nationality stands for the
    country named in the article whose name it is formed from (Mexican: Mexico), else for itself."""
    words = list(_UNNAMED_WORD.finditer(text, start, end))
    if not words:
        return None
    word = words[-1]
    owners = [m for m in _mentions_in(mentions, max(start, word.start() - 80), word.start()) if m.type in _GROUP_OWNERS]
    if not owners or not _JUST_BEFORE.fullmatch(text, owners[-1].end, word.start()):
        return None
    owner = owners[-1]
    if owner.type == "NORP":  # (the mentions near it only: bounded work per group, however long the text)
        i = bisect.bisect_left(mentions, owner.start, key=lambda m: m.start)
        owner = next((m for m in mentions[max(0, i - 4 * LOOKBACK):i + 4 * LOOKBACK] if m.type == "GPE" and m.kind == "NAME"
                      and " " not in m.name and text[owner.start:owner.end].startswith(m.name.rstrip("aeiouy"))), owner)
    return Speaker("attributed", Mention(owners[-1].start, word.end(), owner.name, owner.type, "NOMINAL", 0.45))


_JUST_BEFORE = re.compile(r"(?:’s|'s)?\s+(?:[a-z]+\s+)?")
"""Between the owner and the group word: a possessive and at most one modifier (`Israeli security sources`)."""


def learn_genders(text: str, mentions: list[Mention]) -> dict[str, str]:
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


def resolve_pronouns(quotes: list[Quote], mentions: list[Mention], genders: dict[str, str], text: str | None = None,
                     masked: str | None = None, outside: list[Mention] | None = None) -> list[Quote]:
    """Pronoun speaker -> the subject of its clause or of the sentences just before it (`outside`
    quotation marks, whose words `masked` has blanked), else the nearest previous compatible
    speaker, else nearest previous person."""
    subjects = _LazySubjects(text, masked, outside) if text is not None and masked is not None and outside is not None else None
    persons = [m for m in mentions if m.type == "PERSON"]
    person_starts = [m.start for m in persons]
    bodies = [m for m in mentions if m.type in _BODY_TYPES and m.kind == "NAME"]
    body_starts = [m.start for m in bodies]
    speakers: list[Mention] = []
    out = []
    outer: list[Quote] = []  # marked quotes enclosing the current one (quotes come sorted by (start, -end))
    for q in quotes:
        while outer and outer[-1].end <= q.start:
            outer.pop()
        sp = q.speaker
        if sp.status == "unattributed" and sp.phrase is not None:  # a document (`document_subject`)
            issuer = _issuer_before(sp.phrase[0], out)
            sp = Speaker("unattributed") if issuer is None else Speaker(
                "attributed", Mention(sp.phrase[0], sp.phrase[1], issuer.name, issuer.type, "NOMINAL", 0.4))
        if sp.status == "pronoun":
            pronoun = sp.mention
            if pronoun.gender == "first":  # `"I asked her, 'Will you go?'"`: the outer quotation's speaker
                quoting = outer[-1].speaker if outer and outer[-1].end >= q.end else None
                target = quoting.mention if quoting is not None and quoting.status == "attributed" else None
            elif pronoun.gender == "neuter":  # "it said": the nearest earlier speaking body, else body named
                i = bisect.bisect_left(body_starts, pronoun.start)
                target = next((m for m in reversed(speakers[-LOOKBACK:]) if m.type in _BODY_TYPES), bodies[i - 1] if i else None)
            else:
                earlier = persons[max(0, bisect.bisect_left(person_starts, pronoun.start) - LOOKBACK):bisect.bisect_left(person_starts, pronoun.start)]
                target = _mistyped_speaker_before(pronoun, out, persons, person_starts) or (
                    subjects.antecedent(pronoun, genders) if subjects is not None else None) or _antecedent(
                    pronoun, speakers[-LOOKBACK:], earlier, genders)
                if isinstance(target, Speaker):  # an unnamed person is the subject the pronoun goes back to
                    sp, target = target, None
            plural = None
            if target is None and pronoun.gender in ("male", "female"):
                target = _recent_speaker(pronoun, speakers[-LOOKBACK:])
            elif target is None and pronoun.gender is None:
                plural = _previous_group(pronoun, out)
                target = plural.mention if plural is not None else None
            if plural is not None and plural.status == "unnamed_source":
                sp = Speaker("unnamed_source", phrase=(pronoun.start, pronoun.end))  # Q16: "they warn" -> they
            elif sp.status == "unnamed_source":
                sp = Speaker("unnamed_source", phrase=(pronoun.start, pronoun.end))  # Q16: the cue's subject, he/she
            elif target is None:
                sp = Speaker("unattributed")
            else:
                sp = Speaker("attributed", replace(pronoun, name=target.name, type=target.type, confidence=0.5))
                q = replace(q, confidence=round(q.confidence * 0.85, 4))
        if sp.mention is not None and sp.status == "attributed":
            speakers.append(sp.mention)
        q = q if sp is q.speaker else replace(q, speaker=sp)  # (replace() is slow: only when it changes)
        if q.kind in ("direct", "partial", "scare"):
            outer.append(q)
        out.append(q)
    return out


_RECENT_SPEAKER_REACH = 400
"""How far back (characters) a pronoun no person or body fits looks for the last speaker."""
_PLURAL_SPEAKERS = ("ORG", "NORP")


def _recent_speaker(pronoun: Mention, speakers: list[Mention]) -> Mention | None:
    """He or she that found no person refers to the speaker of the report just before it (within
    `_RECENT_SPEAKER_REACH`) when that name, typed a body by the entity layer, reads as a
    person's (`The Archbishop of Norton said ... He added`, an unknown two-word name)."""
    for m in reversed(speakers):
        if m.start >= pronoun.start:
            continue
        if m.start < pronoun.start - _RECENT_SPEAKER_REACH:
            return None
        return m if _reads_as_a_person(m) else None
    return None


_NEXT_QUOTE_REACH = 300
"""How far (characters) he or she may stand after the cue of the report before it to be that report's speaker."""


def _mistyped_speaker_before(pronoun: Mention, earlier: list[Quote], persons: list[Mention], person_starts: list[int]) -> Mention | None:
    """He or she right after a report whose speaker was named (`"...," <Given> <Surname> said. "...,"
    he said`) is that speaker when the entity layer typed the name a body that reads as a person's
    (`_reads_as_a_person`: two words or more, no body noun): the resolver looks for persons and
    would pass over it to a person named further back, or inside the quotation. Only when the
    report before is the nearest one with a cue, within `_NEXT_QUOTE_REACH`, and no person is named
    between its cue and the pronoun."""
    for q in reversed(earlier[-LOOKBACK:]):
        if q.cue is None or q.kind in ("scare", "orphan") or q.cue[0] >= pronoun.start:
            continue
        if q.cue[1] < pronoun.start - _NEXT_QUOTE_REACH:
            return None
        m = q.speaker.mention
        if q.speaker.status != "attributed" or m is None or m.kind != "NAME" or not _surely_a_persons_name(m):
            return None
        after = max(q.cue[1], m.end)
        if bisect.bisect_left(person_starts, pronoun.start) > bisect.bisect_left(person_starts, after):
            return None  # a person named in between
        return m
    return None


def _surely_a_persons_name(m: Mention) -> bool:
    """`_reads_as_a_person`, and more: every word capitalised, none all capitals (a headline, an
    initialism), none a place, and the last no common English word (`<Club> <City>`, `<Name>
    Presidency`, `Archbishop of <City>`, `<Initials> Tour` are no persons)."""
    if not _reads_as_a_person(m):
        return False
    words = m.name.split()
    places = gz.places()
    return (all(w[:1].isupper() and not (len(w) > 2 and w.isupper()) and w not in places for w in words)
            and not gz.is_common_word(words[-1]))


def _previous_group(pronoun: Mention, earlier: list[Quote]) -> Speaker | None:
    """`they` (never resolved to a person) as a speaker is the group that made the report just
    before it, within `_RECENT_SPEAKER_REACH`: a body or group named (`the Tories insisted ...
    They said`) or an unnamed group (`union officials denied ... They said`: that phrase, Q9);
    nobody when the report before was a person's or an outlet's (`friends told the Post`)."""
    for q in reversed(earlier[-LOOKBACK:]):
        if q.cue is None or q.kind in ("scare", "orphan") or q.cue[0] >= pronoun.start:
            continue
        if q.cue[0] < pronoun.start - _RECENT_SPEAKER_REACH:
            return None
        sp = q.speaker
        if sp.status == "unnamed_source" and sp.phrase is not None or sp.status == "attributed" and sp.mention.type in _PLURAL_SPEAKERS:
            return sp
        return None
    return None


def _issuer_before(start: int, earlier: list[Quote]) -> Mention | None:
    """`The NAO urged ... It said ... The report said:`: a definite document as a speaker is the
    body (or outlet, or state) that made the report just before it, within `_RECENT_SPEAKER_REACH`
    (Q6 gives a document its issuer); nobody when that report was a person's or had no speaker."""
    for q in reversed(earlier[-LOOKBACK:]):
        if q.cue is None or q.kind in ("scare", "orphan") or q.cue[0] >= start:
            continue
        if q.cue[0] < start - _RECENT_SPEAKER_REACH:
            return None
        m = q.speaker.mention
        return m if q.speaker.status == "attributed" and m is not None and m.type in _ISSUERS else None
    return None


_ISSUERS = ("ORG", "MEDIA", "GPE")


def _reads_as_a_person(m: Mention) -> bool:
    words = m.name.lower().split()
    return m.type == "ORG" and m.kind == "NAME" and len(words) >= 2 and not any(w in _BODY_HEADS or w in _GENERIC_HEADS for w in words)


_SUBJECT_PRONOUN = re.compile(r"\s*(?:(?:And|But|So|Then|Later|Earlier|However|Yet|Now|Meanwhile),?\s+)?(?P<pronoun>[Hh]e|[Ss]he)\b")
"""A sentence that opens with he or she has that pronoun as subject (`But he added that ...`)."""


class _LazySubjects:
    """A `_SubjectFinder` built on the first he or she to resolve (most articles have none)."""

    def __init__(self, text: str, masked: str, outside: list[Mention]):
        self.args, self.finder = (text, masked, outside), None

    def antecedent(self, pronoun: Mention, genders: dict[str, str]) -> Mention | None:
        if pronoun.gender not in ("male", "female"):
            return None
        if self.finder is None:
            self.finder = _SubjectFinder(*self.args)
        return self.finder.antecedent(pronoun, genders)


class _SubjectFinder:
    """He or she as a speaker refers to the subject of the sentence it is in or of the nearest one
    before it that has a person as subject (`Earlier Ann Lee defended the plan. "...," he told MPs`;
    `Ann Lee's e-mail named Tom Hale. In it, she said:`), not to a speaker further back. A sentence's
    subject is its first person mentioned outside quotation marks and after no preposition (a lone
    surname stands for the full name given earlier); a
    sentence whose subject is the same pronoun (`He said that ... Tom Hale ... . He added: "..."`)
    passes the question on to the sentence before it."""

    SENTENCES_BACK = 4
    """Sentences with a person in them looked at before giving up."""
    SENTENCES_WALKED = 12
    """Sentences walked back in all, with a person or not (bounded work per pronoun: a text of
    thousands of `"Yes," he said.` is linear)."""

    def __init__(self, text: str, masked: str, outside: list[Mention]):
        self.text = masked
        self.people = [m for m in outside if m.type == "PERSON" and m.kind in ("NAME", "NOMINAL")
                       or m.kind == "NAME" and _TITLED.search(text, max(0, m.start - 6), m.start)]
        self.starts = [m.start for m in self.people]
        self.named = [m.start for m in outside if m.kind == "NAME"]  # (sorted: mentions come in text order)
        self.fullest: dict[str, str] = {}  # a surname -> the first full name with it (`Mr Kennedy` is Charles Kennedy)
        for m in self.people:
            if m.kind == "NAME" and m.type == "PERSON" and " " in m.name:
                self.fullest.setdefault(m.name.rsplit(" ", 1)[-1].lower(), m.name)
        self.sentences = all_sentences(text)
        self.sentence_starts = [sp.start for sp in self.sentences]

    def antecedent(self, pronoun: Mention, genders: dict[str, str]) -> Mention | Speaker | None:
        if pronoun.gender not in ("male", "female"):
            return None
        subject = _SUBJECT_WORD.fullmatch(self.text, pronoun.start, pronoun.end) is not None  # (not the hearer `him`)
        i = bisect.bisect_right(self.sentence_starts, pronoun.start) - 1
        seen, floor = 0, max(-1, i - self.SENTENCES_WALKED)
        while i > floor and seen < self.SENTENCES_BACK:
            sentence = self.sentences[i]
            end = min(sentence.end, pronoun.start)
            j = bisect.bisect_left(self.starts, sentence.start)
            same = _SUBJECT_PRONOUN.match(self.text, sentence.start, end)
            if same is not None and same.start("pronoun") != pronoun.start and _PRONOUN_GENDER[same.group("pronoun").lower()] == pronoun.gender:
                seen += 1
                i -= 1
                continue  # `He said ... Tom Hale ...`: the same pronoun is this sentence's subject
            unnamed = _unnamed_person_subject(self.text, sentence.start, end, pronoun.gender) if subject else None
            if unnamed is not None:
                return unnamed
            if bisect.bisect_left(self.named, end) > bisect.bisect_left(self.named, sentence.start):
                subject = False  # a name between (`Georgy has filed a complaint. He said:`): no unnamed one further back
            fronted = _FRONTED_PHRASE.match(self.text, sentence.start, end)
            subject_from = fronted.end() if fronted else sentence.start
            if end == sentence.end and (last := self._speaker_after_closing_verb(sentence, j)) is not None:
                seen += 1
                if genders.get(last.name, pronoun.gender) == pronoun.gender:
                    full = self.fullest.get(last.name.lower()) if " " not in last.name else None
                    return last if full is None and last.type == "PERSON" else replace(last, name=full or last.name, type="PERSON")
                i -= 1
                continue
            while j < len(self.people) and self.people[j].start < end:
                m = self.people[j]
                if m.start >= subject_from and not _PREPOSITION_BEFORE.search(self.text, max(sentence.start, m.start - 18), m.start):
                    seen += 1
                    if genders.get(m.name, pronoun.gender) == pronoun.gender:
                        full = self.fullest.get(m.name.lower()) if " " not in m.name else None
                        return m if full is None and m.type == "PERSON" else replace(m, name=full or m.name, type="PERSON")
                    break  # the subject does not fit: look further back
                j += 1
            i -= 1
        return None


    def _speaker_after_closing_verb(self, sentence, j: int) -> Mention | None:
        """`The lawyer who had represented Tom Hale said the law was fair, said Mr Lee.`: a sentence
        closed by a reporting verb and a person has that person as its subject, not the first person
        it names (the next sentence's he is Mr Lee). Not after `told`: the person there is the hearer."""
        k = bisect.bisect_left(self.starts, sentence.end) - 1
        if k < j:
            return None
        last = self.people[k]
        if not _CLOSING_END.fullmatch(self.text, last.end, sentence.end):
            return None
        verb = _CLOSING_VERB.search(self.text, max(sentence.start, last.start - 30), last.start)
        return last if verb is not None else None


_UNNAMED_PERSON_OPENING = re.compile(
    r"\s*(?:(?:And|But|So|Then|Later|Earlier|However|Yet|Now|Meanwhile),?\s+)?(?P<np>(?:A|An|One|Another)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<head>spokes(?:man|woman|person)|official|source|insider|analyst|economist|expert|diplomat|witness|resident)"
    r"(?:\s+(?:for|at|from|of|with)\s+[^.,;:!?\n]{1,60}?)?)"
    r"\s+(?:(?:also|later|then)\s+)?(?:said|says|told|tells|added|adds|explained|insisted|warned|stated|confirmed)\b")
_SUBJECT_WORD = re.compile(r"[Hh]e|[Ss]he")
_HEAD_GENDER = {"spokesman": "male", "spokeswoman": "female"}


def _unnamed_person_subject(text: str, start: int, end: int, gender: str) -> Speaker | None:
    """`A spokesman said the find showed promise. But he added: "..."`: a sentence whose subject is
    one unnamed person (an indefinite spokesman, official, source ...) before its reporting verb is
    the sentence he or she goes back to; the pronoun is that unnamed source (Q9), not a person named
    further back (the chief executive of the sentence before). Not a head of the other gender, nor
    past a sentence that names anyone (`_SubjectFinder.antecedent`)."""
    m = _UNNAMED_PERSON_OPENING.match(text, start, end)
    if m is None or m.end() > end or _HEAD_GENDER.get(m.group("head"), gender) != gender:
        return None
    return Speaker("unnamed_source", phrase=(m.start("np"), m.end("np")))


_CLOSING_VERB = with_words(r"(?:^|[,\s])(?:<VERB>)\s+(?:" + _PERSONAL_TITLE + r")?$", 0,
                           VERB="said says added adds explained insisted argued warned claimed noted continued".split())
_CLOSING_END = re.compile(r"\s*[.!?]?[\"”’']?\s*")


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
