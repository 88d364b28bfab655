"""Reporting verbs: the cue lexicon that marked quotes, indirect speech and speakers share.

One list of verb forms and their lemmas (`LEMMA`), so a cue found by any rule names the same verb
the same way. Quote-only verbs introduce marked quotations but not that-clauses.
"""

from __future__ import annotations

import re

from landstrikes.extract.guard import with_words


_VERBS = {
    "say": "say said says saying", "tell": "told tells telling", "state": "stated states stating",
    "claim": "claimed claims claiming", "allege": "alleged alleges alleging", "assert": "asserted asserts asserting",
    "warn": "warned warns warning", "argue": "argued argues arguing", "add": "added adds adding",
    "note": "noted notes noting", "insist": "insisted insists insisting", "explain": "explained explains explaining",
    "announce": "announced announces announcing", "declare": "declared declares declaring",
    "report": "reported reports reporting", "mention": "mentioned mentions mentioning", "acknowledge": "acknowledged acknowledges acknowledging",
    "admit": "admitted admits admitting", "confirm": "confirmed confirms confirming", "deny": "denied denies denying",
    "reiterate": "reiterated reiterates reiterating", "emphasize": "emphasized emphasised emphasizes emphasises emphasizing emphasising",
    "stress": "stressed stresses stressing", "reveal": "revealed reveals revealing", "vow": "vowed vows vowing",
    "promise": "promised promises promising", "threaten": "threatened threatens", "predict": "predicted predicts predicting",
    "caution": "cautioned cautions cautioning", "maintain": "maintained maintains", "contend": "contended contends contending",
    "write": "wrote writes writing", "post": "posted", "tweet": "tweeted tweets", "reply": "replied replies",
    "ask": "asked asks asking", "declare ": "declaration", "indicate": "indicated indicates indicate",
    "agree": "agreed agrees agree", "rule": "ruled rules", "signal": "signaled signalled signals", "admonish": "admonish admonished admonishes",
    "warn ": "warn", "note ": "note", "argue ": "argue", "claim ": "claim", "insist ": "insist", "caution ": "caution",
}


_QUOTE_ONLY_VERBS = {
    "retort": "retorted retort retorts", "press": "pressed presses", "continue": "continued continues",
    "recall": "recalled recalls recalling", "remember": "remembered remembers", "explain": "explains",
    "exclaim": "exclaimed exclaims", "shout": "shouted shouts", "joke": "joked jokes", "quip": "quipped quips",
    "conclude": "concluded concludes", "observe": "observed observes", "remark": "remarked remarks",
    "urge": "urged urges", "plead": "pleaded pleads", "sigh": "sighed", "laugh": "laughed", "boast": "boasted boasts",
    "complain": "complained complains", "concede": "conceded concedes", "respond": "responded responds",
    "answer": "answered answers", "interject": "interjected",
}
"""Verbs that introduce a marked quotation (`"...," he recalled`) but whose that-clause is not
reported speech (`he remembered that ...` is memory), so they are cues for marked quotes only."""


LEMMA = {form: lemma.strip() for lemma, forms in _VERBS.items() for form in forms.split()}
VERBS = tuple(sorted(LEMMA, key=len, reverse=True))
"""The reporting verbs' forms (`<VERB>` in a `guard.with_words` template)."""
VERB = r"(?:" + "|".join(VERBS) + r")"
LEMMA.update({form: lemma for lemma, forms in _QUOTE_ONLY_VERBS.items() for form in forms.split() if form not in LEMMA})
LEMMA.update({"went on": "go on", "goes on": "go on"})  # (two words: not split like the forms above)


CUE_VERBS = tuple(sorted(LEMMA, key=len, reverse=True))
"""Those and the quote-only verbs (`<CUE_VERB>`)."""
CUE_VERB = r"(?:" + "|".join(CUE_VERBS) + r")"
VERB_RE = with_words(r"\b<VERB>\b", VERB=VERBS)
SENTENCE_BREAK = re.compile(r"[.!?]\s+")
_DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ", "these ", "These ", "those ", "Those ", "his ", "His ", "her ", "Her ",
                "their ", "Their ", "its ", "Its ", "our ", "Our ", "such ", "Such ", "any ", "Any ", "no ", "No ")
_ARTICLES = ("the ", "The ", "a ", "A ", "an ", "An ", "such ", "Such ", "any ", "Any ", "no ", "No ")


def used_as_noun(text: str, verb_start: int, verb: str) -> bool:
    """A verb form right after a determiner is a noun (`if the claims were true`, `his claims`,
    `a post`): no cue. A form in -ing stays a verb after a possessive or `those` (`her saying she
    would go`, `those warning that ...`), a noun only after an article (`a warning that`)."""
    before = text[max(0, verb_start - 7):verb_start]
    wanted = _ARTICLES if verb.endswith("ing") else _DETERMINERS
    if not before.endswith(wanted):
        return False
    word = _LAST_WORD.search(before, 0, len(before) - 1)
    return word is not None and word.group() + " " in wanted  # (a whole word: `Khan claims` is no `an`)


_LAST_WORD = re.compile(r"\w+$")


def in_compound(text: str, verb_start: int) -> bool:
    """A verb form joined by a hyphen to the word before it is part of a compound adjective
    (`the internationally-agreed plan`, `a long-promised review`): no cue."""
    return verb_start > 0 and text[verb_start - 1] in "-‑"


PAST_VERBS = tuple(form for form in VERBS if form.endswith("ed") or form in ("said", "told", "wrote"))
"""The past forms, which head a second reporting clause after `and` (`argued that ... and said ...`)."""
