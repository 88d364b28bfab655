"""Who a cue belongs to (Q6): the subject near a cue after a quotation (`," Trump said`, `," said
Trump`), a participle's sentence subject (`, claiming that`), a with-clause (`with one resident
saying`) and `<Outlet> quoted <someone> as saying`, as `marked` and `indirect` ask for them.
"""

from __future__ import annotations

import re

from landstrikes.extract.cues import SENTENCE_BREAK
from landstrikes.extract.entities import Mention
from landstrikes.extract.limits import WINDOW
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.after_verb import subject_after
from landstrikes.extract.speakers.before_verb import subject_before
from landstrikes.extract.speakers.candidates import (
    before_apposition, person_of, relative_phrase, speaking_mentions, spokesperson_for,
)
from landstrikes.extract.speakers.groups import unnamed_in
from landstrikes.extract.speakers.unnamed import unnamed_subject
from landstrikes.extract.speakers.words import PREPOSITION_BEFORE, PRONOUN_GENDER, pronoun_in


def subject_near(text: str, pre_start: int, verb_start: int, verb_end: int, mentions) -> Speaker:
    """Cue after a quote: `, Trump said` (subject before the verb) or `, said Trump` (after)."""
    if text[verb_start:verb_end].endswith("ing") and (quoted := _quoted_as(text, pre_start, verb_start, mentions)) is not None:
        return quoted  # `," <Outlet> quoted <someone> as saying`
    found = speaking_mentions(text, mentions, pre_start, verb_start)
    head = before_apposition(text, found, pre_start, verb_start)
    if head is not None:
        return Speaker("attributed", head)
    if found:
        return spokesperson_for(text, Speaker("attributed", person_of(text, found, max(found, key=lambda m: (m.end, -m.start)))))
    pronoun = pronoun_in(text, pre_start, verb_start)
    if pronoun:
        return pronoun
    unnamed = unnamed_in(text, pre_start, verb_start, mentions)
    if unnamed:
        return unnamed
    unnamed = unnamed_subject(text, pre_start, verb_start) or relative_phrase(text, pre_start, verb_start, mentions)
    if unnamed:
        return unnamed  # `," one student told`, `," the masked man says`, `," Ann Lee's mum said`
    if text[verb_start:verb_end].lower() in ("told", "tells", "telling"):
        return Speaker("unattributed")  # `" ... told Reuters`: what follows is the hearer, not the speaker
    end = _PARAGRAPH_STOP.search(text, verb_end, min(len(text), verb_end + 50))  # (`," the officer said.\n\nHe ...`: not he)
    after = subject_after(text, verb_end, end.start() if end else min(len(text), verb_end + 50), mentions)
    if after.status == "unattributed":  # `," said a police source.`: an unnamed source after the verb
        stop = _CLAUSE_STOP.search(text, verb_end, verb_end + 30)
        return (unnamed_in(text, verb_end, stop.start() if stop else min(len(text), verb_end + 30), mentions)
                or unnamed_subject(text, verb_end, end.start() if end else min(len(text), verb_end + 50), after=True) or after)
    return after


_CLAUSE_STOP = re.compile(r"[.\n]")
_PARAGRAPH_STOP = re.compile(r"\n")
"""A reporting clause after its verb never goes on into the next paragraph."""


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
        return sentence_subject(text, starts[-1] if starts else floor, verb_start, mentions)
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
    found = speaking_mentions(text, mentions, start, end)
    if found:
        return Speaker("attributed", person_of(text, found, found[-1]))
    return pronoun_in(text, start, end, first=True) or unnamed_in(text, start, end, mentions) or unnamed_subject(text, start, end + 1, governed=True)


def _absolute_subject(text: str, floor: int, verb_start: int, mentions) -> Speaker | None:
    """`..., with one resident saying:`, `with Norcom adding that`: in a with-clause (an absolute
    construction) the participle's subject is the noun phrase between `with` and it, not the
    sentence's subject nor a name before (`Norcom was named by the Herald, with a cousin telling the Herald:`);
    None when that phrase is no speaker (a document, a pronoun) or there is no such clause."""
    m = _WITH_PARTICIPLE.search(text, max(floor, verb_start - 60), verb_start)
    if m is None:
        return None
    found = speaking_mentions(text, mentions, m.start("np"), verb_start)
    if found:
        return Speaker("attributed", person_of(text, found, found[-1]))
    return unnamed_subject(text, m.start("np"), verb_start, governed=True)


def sentence_subject(text: str, sentence_start: int, verb_start: int, mentions) -> Speaker:
    """A participle cue (", claiming that") shares the subject of its sentence's main clause."""
    found = speaking_mentions(text, mentions, sentence_start, verb_start)
    people = [m for m in found if m.type == "PERSON"]
    pronoun = pronoun_in(text, sentence_start, verb_start, first=True)
    if (owner := _POSSESSIVE_OPENING.match(text, sentence_start, verb_start)) is not None:
        # `His message to the mayor was: "..."`: the owner of the subject speaks (not the mayor)
        word = owner.group("pronoun")
        pronoun = Speaker("pronoun", Mention(owner.start("pronoun"), owner.end("pronoun"), "", "PERSON", "PRONOUN", 0.5,
                                             PRONOUN_GENDER[word.lower()]))
    if people and (pronoun is None or people[0].start < pronoun.mention.start):
        return Speaker("attributed", people[0])
    if pronoun is not None:
        return pronoun
    subjects = [m for m in found if not PREPOSITION_BEFORE.search(text, max(0, m.start - 18), m.start)]
    return Speaker("attributed", subjects[0]) if subjects else Speaker("unattributed")


_POSSESSIVE_OPENING = re.compile(r"\s*(?P<pronoun>His|Her) (?:[a-z]+ ){1,2}(?:to|for|on|about|was|is)\b")
"""A sentence opening with his or her and a noun (`His message to the mayor was:`, `Her reply was:`)."""
