"""The subject after a reporting verb (`," said Ann Lee`, `," said Norcom chief economist Tom
Berry`): the first mention after the verb, or the person its role words and possessives lead to.
"""

from __future__ import annotations

import re

from landstrikes.extract import gazetteer as gz
from landstrikes.extract.cues import SENTENCE_BREAK
from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.candidates import speaking_mentions, spokesperson_for
from landstrikes.extract.speakers.words import pronoun_in


def subject_after(text: str, start: int, end: int, mentions) -> Speaker:
    """The subject right after a reporting verb in [start, end): the first mention there that can
    speak (or the person its role words lead to) unless a pronoun comes first, else that pronoun."""
    found = [m for m in speaking_mentions(text, mentions, start, min(end, start + 60))
             if not _NOT_AFTER_VERB.search(text, max(start, m.start - 12), m.start)]  # (`said on ZDF television`)
    pronoun = pronoun_in(text, start, min(end, start + 15), first=True)
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
"""Between a body and a person after the verb: a comma, or one to three role words (`chairman`,
`chief executive`, `Chairman`, `chief Asian strategist`), the last maybe closed by an apposition
comma (`chief economist, Ann Lee`)."""
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
