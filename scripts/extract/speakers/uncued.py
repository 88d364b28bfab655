"""Quotations with no cue of their own: their speaker comes from the text before them, the he or
she subject of the sentence before, the subject of the previous sentence's reporting verb, or the
person that the paragraph before opens with or last names (Q9 implicit).
"""

from __future__ import annotations

import re

from landstrikes.extract.cues import VERB_RE
from landstrikes.extract.entities import Mention
from landstrikes.extract.limits import WINDOW
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.after_verb import subject_after
from landstrikes.extract.speakers.antecedents import SUBJECT_PRONOUN
from landstrikes.extract.speakers.cue_subjects import cue_subject
from landstrikes.extract.speakers.unnamed import unnamed_subject
from landstrikes.extract.speakers.words import PRONOUN_GENDER, mentions_in


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
    m = SUBJECT_PRONOUN.match(text, floor + cut + 1, floor + len(body))
    if m is None:
        return None
    word = m.group("pronoun")
    return Speaker("pronoun", Mention(m.start("pronoun"), m.end("pronoun"), "", "PERSON", "PRONOUN", 0.5, PRONOUN_GENDER[word.lower()]))


def person_talked_about(text: str, open_: int, mentions) -> Speaker:
    """A quoted sentence with no cue at all is taken as the words of the person named last in
    the sentences just before it (`Roche headed for the door. "They busted out ..."`): implicit
    (Q9), no mention in its sentence, low confidence."""
    floor = max(0, open_ - WINDOW)
    people = [m for m in mentions_in(mentions, floor, open_) if m.type == "PERSON" and m.kind == "NAME"]
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
