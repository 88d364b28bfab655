"""Subjects that name nobody (Q9 `unnamed_source`): a noun phrase right before or after a
reporting verb (`one local said`, `," says the fisherman`), after `according to`, and a document
as a subject (`the report said`), whose phrase waits for its issuer. One module, so that every
rule refuses the same documents, records and clauses as speakers.
"""

from __future__ import annotations

import re

from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.body_nominals import NOT_DESCRIBED
from landstrikes.extract.speakers.words import PREPOSITION_BEFORE


DOCUMENTS = frozenset(
    "statement report article letter message post newsletter document note memo email e-mail tweet headline video "
    "caption sign banner website site page blog study survey paper book story release notice text transcript poster "
    "advert advertisement slogan filing complaint lawsuit ruling judgment verdict order petition bill law plan proposal "
    "question answer survey poll book column editorial leaflet manifesto bulletin account footage clip recording "
    "entry listing description motto title label warning line reply response comment comments correction update version "
    "inscription minutes".split())
"""What speaks in `the statement said`, `the article warns`: a document, not an unnamed person (Q6 gives it its
issuer, which these rules do not find), so it stays unattributed."""
NOT_A_HEAD = frozenset("one other same following latter former first last next time day week year way thing also".split())
"""(Not a head: a pronoun-like word, a time, or `also` after a name, `The Conservatives also said`; an
auxiliary anywhere in the phrase is VERB_IN_PHRASE's: `The Liberal Democrats have said`.)"""
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
    if head is not None and (head in DOCUMENTS or head[:-1] in DOCUMENTS or head in NOT_A_HEAD or head in NOT_SUBJECT_HEADS or head.endswith("est") and head not in _NOUNS_IN_EST
                             or phrase.lstrip().startswith("the ") and head in NOT_DESCRIBED):
        return None  # (`the clearest signals`: an adjective; `the government`: a body not resolved, not an unnamed one)
    if VERB_IN_PHRASE.search(m.group("np") or ""):
        return None  # `," said the plan would fail`: a clause with a verb, not a subject
    if "’s " in phrase or "'s " in phrase or phrase.rstrip().endswith((" the", " a", " an")) or not after and not governed and PREPOSITION_BEFORE.search(text, max(0, m.start() - 18), m.start()):
        return None  # `the charity's director`: someone known; `In one post ...`: no subject
    return Speaker("unnamed_source", phrase=(m.start("np"), m.end("np")))


RECORD_HEADS = frozenset("code review instalment installment analysis announcement interview ad ads posting investigation autopsy "
                         "data figures research records documents filings estimates calculations map chart photo photos".split())
_RECORD_ENDINGS = ("tion", "ment", "sis", "ed")


def according_source(text: str, start: int, end: int) -> Speaker | None:
    """`according to one neighbour,` / `, according to the union officials.`: the unnamed person or group after
    `according to` is the source (Q9, as `one neighbour said`); not a document, record or inquiry
    (`according to the leaflet`, `according to an internal review`: Q6 gives those their issuer,
    which is not found here), so the row stays unattributed then."""
    m = _UNNAMED_AFTER.match(text, start, end)
    head = m.group("head") if m is not None else None
    if head is not None and (head in RECORD_HEADS or head.endswith(_RECORD_ENDINGS)):
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
    if (head in DOCUMENTS or head[:-1] in DOCUMENTS) and not VERB_IN_PHRASE.search(m.group("np")) and "’s " not in m.group("np") \
            and "'s " not in m.group("np") and not PREPOSITION_BEFORE.search(text, max(0, m.start() - 18), m.start()):
        return Speaker("unattributed", phrase=(m.start("np"), m.end("np")))
    return None


VERB_IN_PHRASE = re.compile(r"\b(?:would|will|could|should|can|may|might|must|shall|is|are|was|were|has|have|had|be|been|do|does|did|not)\b",
                            re.IGNORECASE)
"""An auxiliary or modal inside the phrase makes it a clause (`the plan would fail`), not a noun phrase."""
NOT_SUBJECT_HEADS = frozenset("it this that which who he she they we there here".split())
_NOUNS_IN_EST = frozenset("priest guest protest contest interest forest request inquest arrest".split())
"""(A head in -est is a superlative left without its noun, `the clearest signals` read as `the clearest` + verb, but for these.)"""
