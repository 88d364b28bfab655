"""Pronoun resolution (Q6, Q16): each pronoun speaker, in text order, becomes the person, body or
group it refers to (`it said`: a body; `they`: the group before; `I` inside a quotation: the
quoting speaker), and a document subject its issuer. `learn_genders` reads each person's gender
off the text.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from landstrikes.extract import gazetteer as gz
from landstrikes.extract.entities import Mention
from landstrikes.extract.guard import with_words
from landstrikes.extract.quoterow import Quote, Speaker
from landstrikes.extract.speakers.antecedents import LazySubjects
from landstrikes.extract.speakers.body_nominals import BODY_HEADS, GENERIC_HEADS
from landstrikes.extract.speakers.words import BODY_TYPES, LOOKBACK, PRONOUN_GENDER
from landstrikes.extract.text import all_sentences


_GENDERED = with_words(r"\b<GENDERED>\b", GENDERED="he she him her his hers He She His Her".split())


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
                genders[inside[i - 1].name] = PRONOUN_GENDER[p.group().lower()]
    return genders


def resolve_pronouns(quotes: list[Quote], mentions: list[Mention], genders: dict[str, str], text: str | None = None,
                     masked: str | None = None, outside: list[Mention] | None = None) -> list[Quote]:
    """Pronoun speaker -> the subject of its clause or of the sentences just before it (`outside`
    quotation marks, whose words `masked` has blanked), else the nearest previous compatible
    speaker, else nearest previous person."""
    subjects = LazySubjects(text, masked, outside) if text is not None and masked is not None and outside is not None else None
    persons = [m for m in mentions if m.type == "PERSON"]
    person_starts = [m.start for m in persons]
    bodies = [m for m in mentions if m.type in BODY_TYPES and m.kind == "NAME"]
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
                i = bisect.bisect_left(body_starts, pronoun.start)  # (a quote read earlier may name its speaker after the pronoun)
                target = next((m for m in reversed(speakers[-LOOKBACK:]) if m.type in BODY_TYPES and m.start < pronoun.start),
                              bodies[i - 1] if i else None)
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
    return m.type == "ORG" and m.kind == "NAME" and len(words) >= 2 and not any(w in BODY_HEADS or w in GENERIC_HEADS for w in words)


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
