"""Colons (Q6): who a colon introduces: the subject of its sentence, or the issuer of a document,
sign or caption before it (`a statement issued at noon reading:`, `his note read:`), never the
nearest name.
"""

from __future__ import annotations

import re

from landstrikes.extract.entities import Mention
from landstrikes.extract.limits import WINDOW
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.before_verb import subject_before
from landstrikes.extract.speakers.cue_subjects import sentence_subject
from landstrikes.extract.speakers.unnamed import unnamed_subject
from landstrikes.extract.speakers.words import PREPOSITION_BEFORE, PRONOUN_GENDER, mentions_in


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
    subject = sentence_subject(text, sentence_start, colon, mentions)
    if subject.status != "unattributed":
        return subject
    subject = subject_before(text, floor, colon, mentions)
    m = subject.mention
    if m is not None and m.kind == "NAME" and PREPOSITION_BEFORE.search(text, max(0, m.start - 18), m.start):
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
                                          PRONOUN_GENDER[word.lower()]))
    if document.group("possessive") is not None:
        owners = [m for m in mentions_in(mentions, sentence_start, document.start()) if m.end == document.start()]
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
    return sentence_subject(text, sentence_start, verb.start(), mentions)
