"""The subject before a reporting verb (`Ann Lee said`): the nearest speaker in its clause, past
what sits between a subject and its verb and is not who speaks: asides (`, who ...,`),
parentheses, a name inside a modifier (`a commander for the Norland Dawn group`), an owned noun
(`the trust's budget`); a web site as subject (`Snopes.com writes`).
"""

from __future__ import annotations

import bisect

import re

from landstrikes.extract.cues import VERB_RE
from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.candidates import (
    before_apposition, person_of, relative_phrase, speaking_mentions, spokesperson_for,
)
from landstrikes.extract.speakers.groups import unnamed_end, unnamed_in
from landstrikes.extract.speakers.nominals import POSSESSIVE_ROLE
from landstrikes.extract.speakers.unnamed import (
    DOCUMENTS, NOT_A_HEAD, NOT_SUBJECT_HEADS, RECORD_HEADS, VERB_IN_PHRASE, document_subject, unnamed_subject,
)
from landstrikes.extract.speakers.words import BODY_TYPES, GROUP_OWNERS, PREPOSITION_BEFORE, pronoun_in


_AFTER_PLACE_WORD = re.compile(r"\b(?:in|on|at|into|to|from|with|by|near|through|via)\s+(?:the\s+)?$", re.IGNORECASE)

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
    if m is None or not (speaking_mentions(text, mentions, clause_start, m.start()) or pronoun_in(text, clause_start, m.start())):
        return verb_start
    return m.start()


def _not_inside_a_mention(mentions, at: int, floor: int) -> int:
    """`at`, or the start of the mention it falls inside (never before `floor`): the search window
    never cuts a name in two (extract45: "<Given> de <Surname>, <a long appositive>, said:" lost
    its subject when the 90 characters before the verb began inside the name)."""
    i = bisect.bisect_right(mentions, at, key=lambda m: m.start) - 1
    if i >= 0 and mentions[i].start < at < mentions[i].end and mentions[i].start >= floor:
        return mentions[i].start
    return at


_COORDINATED = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:also|later|then|yet|still|now|further)\s+)?$")
"""`She described the delay as a disgrace and said`, `The operator confirmed it, but said`: the verb
shares the subject of the predicate before the conjunction; no subject stands between."""
_SUBORDINATE_OPENING = re.compile(r"(?:When|After|As|If|Although|Though|While|Whilst|Before|Since|Because|Once|Until|Unless)\b[^,;:]*,\s*")
_FIRST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|(?:is|was|are|were|has|had|have|spoke|told|said|says|wrote|gave|took|made|met|saw|sent|"
                         r"left|held|won|lost|went|came|knew|thought|felt|began|became|rang|sought|brought|kept|led|paid|"
                         r"sold|bought|stood|ran|put|set|cut|hit|let|read|heard|found|spent|meant|showed|drew|grew|threw)\b)")
"""The first verb of a sentence's main clause, as far as a past form or a common irregular one shows it."""


_DASH_OR_PARENTHESIS = re.compile(r"\([^()]*\)|\s[—–-]\s[^—–]*?\s[—–-]\s|,\s*(?:who|whom|which|whose|where)\b[^,;:]{1,200},")
"""Asides whose verbs are not the first predicate's: brackets, dashes, and a relative clause between
commas (attack49: `Tom Varley, who Ann Lee praised, smiled and said` took `praised` for the first verb
and gave Ann Lee the quote, which the nearest-subject rule before extract47 gave Tom Varley)."""


def _coordinated_subject(text: str, floor: int, verb_start: int, mentions) -> Speaker | None:
    """The subject a coordinated cue shares with the predicate before its `and` or `but`: the
    subject before the sentence's first verb (extract47: the nearest name before the cue, inside
    that first predicate's object, had been taken, or none at all). None when the cue is no such
    verb or the sentence's first verb cannot be found before the conjunction."""
    conj = _COORDINATED.search(text, max(floor, verb_start - 24), verb_start)
    if conj is None:
        return None
    window = text[max(floor, verb_start - _LONG_CLAUSE):conj.start()]
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"), window.rfind("”"), window.rfind('"'))
    if cut == -1 and verb_start - _LONG_CLAUSE > floor:
        return None  # (the sentence starts before the window)
    start = max(floor, verb_start - _LONG_CLAUSE) + cut + 1
    start += len(text[start:conj.start()]) - len(text[start:conj.start()].lstrip())
    opening = _SUBORDINATE_OPENING.match(text, start, conj.start())
    if opening is not None:
        start = opening.end()
    asides = [a.span() for a in _DASH_OR_PARENTHESIS.finditer(text, start, conj.start())]
    verbs = sorted((*_FIRST_VERB.finditer(text, start, conj.start()), *VERB_RE.finditer(text, start, conj.start())), key=lambda m: m.start())
    # (`<Body>'s counsel admits ... but says`; not a verb inside an aside, `In reply to X — he has not sued — <Body> admits`)
    first = next((v for v in verbs if not any(a <= v.start() < b for a, b in asides)), None)
    if first is None or first.start() == start:
        return None
    that = (_THAT_CLAUSE.match(text, first.end(), conj.start())
            if not conj.group().startswith(",") and VERB_RE.fullmatch(text, first.start(), first.end()) else None)
    if that is not None:
        # `<Outlet> reports that Ann Lee visited ... and said`: the cue is coordinated inside the that-clause,
        # with its first verb, whose subject speaks (extract48: extract47 gave the outlet). Only a subject
        # named there: `<Name> admitted that <a noun> was ... but argued`, `... said that he had ... and
        # said` coordinate with the first verb, as does `..., and said` after a comma (dev-news diff)
        inner = next((v for v in verbs if v.start() > that.end() and not any(a <= v.start() < b for a, b in asides)), None)
        if inner is not None and inner.group() not in _AUXILIARIES:
            # (`<Body> confirmed that <Name> was arrested / had been charged / has resigned ... and said`: a
            # passive or perfect that-clause is what the body reports, and the body speaks on; attack51)
            speaker = _subject_before(text, that.end(), inner.start(), mentions)
            if speaker.status == "attributed" and speaker.mention is not None and speaker.mention.kind == "NAME":
                return speaker
    speaker = _subject_before(text, start, first.start(), mentions)
    return speaker if speaker.status != "unattributed" else None


_AUXILIARIES = frozenset("is was are were has had have".split())
"""A that-clause's first verb that only opens a passive, perfect or progressive predicate."""
_THAT_CLAUSE = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|later|[A-Z][a-z]+)){0,3}\s+that\s+")
"""After a reporting verb, up to three words of time or place (`on Monday`), then `that`."""


def subject_before(text: str, floor: int, verb_start: int, mentions) -> Speaker:
    """The subject of a cue: the nearest mention, pronoun or unnamed group before it in its clause,
    or for a cue coordinated with an earlier verb (`... and said`), that verb's subject."""
    return _coordinated_subject(text, floor, verb_start, mentions) or _subject_before(text, floor, verb_start, mentions)


def _subject_before(text: str, floor: int, verb_start: int, mentions) -> Speaker:
    """The nearest mention, pronoun or unnamed group before the cue in its clause."""
    clause_start = _not_inside_a_mention(mentions, max(floor, verb_start - 90), floor)
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
    found = speaking_mentions(text, mentions, clause_start, limit)  # (the names in an aside are not who)
    pronoun = pronoun_in(text, clause_start, limit)
    unnamed = unnamed_in(text, clause_start, limit, mentions)
    if aside is not None and not (found or pronoun or unnamed):
        pronoun = pronoun_in(text, clause_start, verb_start)  # `The soldier, who said he ..., added:`: he is the subject
    verb_start = limit
    apposed = before_apposition(text, found, clause_start, verb_start)
    if apposed is not None and apposed.type == "PERSON":
        unnamed = None  # `Ann Lee, an analyst at Norcom, said:`: the appositive's role word describes her, no one else
    best = apposed or (person_of(text, found, max(found, key=lambda m: (m.end, -m.start))) if found else None)
    if best is not None and (best.type != "PERSON" and text.startswith(("’s", "'s"), best.end)
                             or best.kind == "NOMINAL" and POSSESSIVE_ROLE.match(text, best.start)):
        # `Ann Lee al-Tamimi, Norland's police chief, told`: the body owns the role of the person in apposition
        people = [m for m in found if m.type == "PERSON" and m.end <= best.start and _OWNER_APPOSED.fullmatch(text, m.end, best.start)]
        best = people[-1] if people else best
    place = best is not None and best.type == "GPE" and PREPOSITION_BEFORE.search(text, max(clause_start, best.start - 18), best.start)
    if best is not None and (place or _AFTER_PLACE_WORD.search(text, max(clause_start, best.start - 12), best.start)):
        # `X was quoted in the Herald saying:`, `she posted images of Norland and wrote,`: where, not who, when a subject comes before it
        free = [m for m in found if m.end <= best.start and not PREPOSITION_BEFORE.search(text, max(clause_start, m.start - 18), m.start)]
        best = free[-1] if free else None if place and (pronoun or unnamed) else best
    if best is not None and not (pronoun or unnamed) and (owned := _subject_after_owner(text, best, limit)) is not None:
        return owned
    candidates = [(best.end, Speaker("attributed", best))] if best else []
    if best is not None and (best.kind == "NAME" or best.kind == "NOMINAL" and best.type in BODY_TYPES) \
            and (modified := _name_in_modifier(text, clause_start, verb_start, best)) is not None:
        candidates = [modified]  # `A commander for the Norland Dawn group said`: the commander, not the group
    if pronoun:
        candidates.append((pronoun.mention.end, pronoun))
    if unnamed:
        candidates.append((unnamed_end(text, clause_start, verb_start), unnamed))
    if not candidates:
        return (unnamed_subject(text, clause_start, limit) or relative_phrase(text, clause_start, limit, mentions)
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
    if head in DOCUMENTS or head[:-1] in DOCUMENTS or head in NOT_A_HEAD or head in NOT_SUBJECT_HEADS or head in RECORD_HEADS \
            or head in _VERB_AS_HEAD or head.endswith("ed") or VERB_IN_PHRASE.search(m.group("np")):
        return None
    end = name.end + len(text[name.end:verb_start].rstrip())
    if m.group("prep") in _SPEAKS_FOR and name.type in GROUP_OWNERS and name.type != "NORP" and end == name.end:
        return end, Speaker("attributed", Mention(m.start("np"), end, name.name, name.type, "NOMINAL", 0.45))
    return end, Speaker("unnamed_source", phrase=(m.start("np"), end))
