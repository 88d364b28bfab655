"""Which earlier sentence a speaker he or she goes back to: the subject of its own sentence or of
the nearest one before with a person as subject (not a speaker further back), or an unnamed
person who opened it (`A spokesman said ... But he added`). Built lazily: most articles have no
such pronoun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from landstrikes.extract.entities import Mention
from landstrikes.extract.guard import with_words
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.words import PERSONAL_TITLE, PREPOSITION_BEFORE, PRONOUN_GENDER
from landstrikes.extract.text import all_sentences


_FRONTED_PHRASE = re.compile(r"\s*(?:In|At|On|After|Before|During|Following|Since|Despite|Amid|Under|Without|"
                             r"Speaking|Asked|Writing|Earlier|Later|Though|Although|While|Whilst|When|Once|Because|Unless|If)\b[^,.;:!?\"“”\n]{0,200},"
                             r"(?!\s*(?:who|whose|which)\b)")
"""A sentence opening with a fronted phrase (`In his first interview following the Maduro operation,
Trump told ...`) or a subordinate clause (`Though Tom Hale is away, Ann Lee says ...`): its subject
comes after the comma, not among the names inside the phrase. A comma that opens a relative clause
closes no fronted phrase (`Earlier Mr Lee, whose party opposes it, said`: Mr Lee is the subject)."""
_TITLED = re.compile(PERSONAL_TITLE + "$")
"""A name after Mr, Mrs, Dr ... is a person's, whatever type the entity layer gave it."""

SUBJECT_PRONOUN = re.compile(r"\s*(?:(?:And|But|So|Then|Later|Earlier|However|Yet|Now|Meanwhile),?\s+)?(?P<pronoun>[Hh]e|[Ss]he)\b")
"""A sentence that opens with he or she has that pronoun as subject (`But he added that ...`)."""


class LazySubjects:
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
            same = SUBJECT_PRONOUN.match(self.text, sentence.start, end)
            if same is not None and same.start("pronoun") != pronoun.start and PRONOUN_GENDER[same.group("pronoun").lower()] == pronoun.gender:
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
                if m.start >= subject_from and not PREPOSITION_BEFORE.search(self.text, max(sentence.start, m.start - 18), m.start):
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


_CLOSING_VERB = with_words(r"(?:^|[,\s])(?:<VERB>)\s+(?:" + PERSONAL_TITLE + r")?$", 0,
                           VERB="said says added adds explained insisted argued warned claimed noted continued".split())
_CLOSING_END = re.compile(r"\s*[.!?]?[\"”’']?\s*")
