"""Role nominals (M3): `the prime minister`, `Norcom's chief executive`, `the spokeswoman`,
`Norland's President` refer to the person who holds the role (or the body a spokesperson speaks
for). `with_nominals` adds these and the body nominals (`body_nominals`) to an article's
speaker mentions.
"""

from __future__ import annotations

import bisect
import re

from landstrikes.extract import gazetteer as gz
from landstrikes.extract.entities import Mention
from landstrikes.extract.guard import with_words
from landstrikes.extract.limits import WINDOW
from landstrikes.extract.speakers.body_nominals import BODY_HEADS, body_nominals, body_spokespersons, place_bodies
from landstrikes.extract.speakers.words import GROUP_OWNERS, JUST_BEFORE, NOT_A_SUBJECT
from landstrikes.extract.text import lowered


_TITLE_AFTER = with_words(r"(?:’s|'s)?\s+<TITLE>\b", re.IGNORECASE, TITLE=sorted(gz.TITLES, key=len, reverse=True))

_ROLE_WORDS = sorted({w.lower().rstrip(".") for w in gz.TITLES if len(w) > 3 and not w.endswith(".")} | {"mp", "mep", "msp"},
                     key=len, reverse=True)
"""(`the MP`, `the Labour MEP`: short titles that are roles too)"""
_DEFINITE_ROLE = with_words(r"\b(?:[Tt]he|[Hh]is|[Hh]er) (?:(?:ex|former)[- ])?(?:[A-Za-z]+ ){0,2}?<ROLE>\b(?! (?-i:[A-Z]))", re.IGNORECASE, ROLE=_ROLE_WORDS)
"""`(?-i:...)`: under IGNORECASE a plain [A-Z] would match any next word and reject every role."""
POSSESSIVE_ROLE = with_words(r"(?P<owner>[\w-]+)[’']s (?:(?:ex|former)[- ])?(?:[A-Za-z]+ ){0,2}<ROLE>\b(?! (?-i:[A-Z]))", re.IGNORECASE,
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
        if not NOT_A_SUBJECT.search(text, max(0, p.start - 48), p.start):
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
        if i >= 0 and JUST_BEFORE.fullmatch(text, bodies[i].end, at):
            return bodies[i]
    return None


def possessive_roles(text: str, everything: list[Mention]):
    """`POSSESSIVE_ROLE` matches whose owner is a named body or place or a body noun (`Ann Lee's
    lawyer`, `the man's attorney` are someone else, whom the rules here cannot name), and whose
    role is not one that speaks for the owner (`Norcom's spokesman`: Q9's unnamed source):
    found from each `'s` (str.find in C), not scanned for."""
    body_ends = {m.end for m in everything if m.type in GROUP_OWNERS}
    for mark in ("’s ", "'s "):
        at = text.find(mark)
        while at != -1:
            word = _OWNER_WORD.search(text, max(0, at - 40), at)
            m = POSSESSIVE_ROLE.match(text, word.start()) if word is not None else None
            if m is not None and m.end("owner") == at and (at in body_ends or m.group("owner").lower() in BODY_HEADS) \
                    and m.group().split()[-1].lower() not in _SPOKESPERSONS:
                yield m
            at = text.find(mark, at + 1)


_OWNER_WORD = re.compile(r"[\w-]+$")
_OWNED_ROLE_REACH = 400
"""A body's role (`the group's general secretary`) names a person in a subject's place at most
this many characters before it (`Norland Society's Tom Hale said ...`), else nobody."""


def with_nominals(text: str, mentions: list[Mention], everything: list[Mention]) -> list[Mention]:
    """'the US President', 'The ex-president': a role refers to the nearest previous person (M3)."""
    out = list(mentions) + body_nominals(text, everything) + place_bodies(text, everything)
    people = [p for p in everything if p.type == "PERSON" and p.kind == "NAME"]
    starts = [p.start for p in people]
    bodies = [b for b in everything if b.kind == "NAME" and b.type in GROUP_OWNERS and b.type != "NORP"]
    body_ends = [b.end for b in bodies]
    out += body_spokespersons(text, bodies, [b.start for b in bodies])
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
