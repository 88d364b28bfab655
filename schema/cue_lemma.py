"""`quotes.cue_lemma` must be the base form of `quotes.cue_text` (guideline Q5).

The lemma is a derived column, and a derived column that contradicts its source passed validation
(attack3: cue 'said' with lemma 'shout'). The rule is English morphology, not a list of the cues
seen so far, so a new reporting verb validates without a code change when its lemma is right:
a cue word is a form of a lemma word when it is the lemma itself, a regular inflection of it
(-s, -es, -ed, -ing, y -> ies/ied, e dropped before -ing, a doubled final consonant, British
-ise for -ize; a one-syllable lemma ending consonant-vowel-consonant doubles its last letter
before a vowel, so 'noted' is not a form of 'not' nor 'hoped' of 'hop', and -es follows only
s, x, z, ch, sh, o or y -> i, so 'notes' is not a form of 'not'), a noun made from it (-ation, -ion, -ment, -al, -ance, -ence: 'declaration' ->
'declare'), or one of the irregular past forms reporting verbs have ('said', 'told', 'wrote').
A multi-word lemma matches the cue word by word ('calling for' -> 'call for', 'According to'
-> 'according to'), its words apart by one space; a lemma may leave out a trailing particle of the cue ('described as' ->
'describe'). Case is ignored. Checked once per distinct (cue_text, cue_lemma) pair. The rule
checks that the lemma fits the cue, not that it is a dictionary headword ('calling for' ->
'calling' passes).
"""

from __future__ import annotations

import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.report import Report

IRREGULAR = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "went": "go", "goes": "go", "gone": "go", "thought": "think", "saw": "see", "seen": "see", "heard": "hear",
    "meant": "mean", "felt": "feel", "knew": "know", "known": "know", "taught": "teach", "gave": "give",
    "given": "give", "made": "make", "forbade": "forbid", "swore": "swear", "sworn": "swear", "bade": "bid",
    "admission": "admit", "admissions": "admit", "denial": "deny", "denials": "deny", "threat": "threaten",
    "threats": "threaten", "explanation": "explain", "explanations": "explain",
    "sought": "seek", "held": "hold", "found": "find", "understood": "understand", "began": "begin", "begun": "begin",
    "took": "take", "taken": "take", "stood": "stand", "brought": "bring", "chose": "choose", "chosen": "choose",
    "led": "lead", "conclusion": "conclude", "conclusions": "conclude", "decision": "decide", "decisions": "decide",
    "description": "describe", "descriptions": "describe", "permission": "permit", "response": "respond",
    "responses": "respond", "complaint": "complain", "complaints": "complain",
}
"""Forms no suffix rule derives: irregular pasts and participles, and nouns whose stem changes."""

PARTICLES = frozenset({"as", "for", "to", "on", "that", "out", "up", "of", "about", "in", "back", "off"})
"""Words a lemma may leave out at the end of a cue ('described as' -> 'describe')."""

_INFLECTIONS = ("s", "es", "ed", "ing")
"""No bare '-d': 'declared' is the e-dropped stem 'declar' + '-ed' already, and '-d' on any stem let
'said' pass as a form of 'sai' and 'told' of 'tol'."""
_NOUN_SUFFIXES = ("ation", "ations", "ion", "ions", "ment", "ments", "al", "als", "ance", "ence", "ings")
_VOWELS = frozenset("aeiou")
_ES_AFTER = ("s", "x", "z", "ch", "sh", "o", "i")
"""-es follows a sibilant or o ('stresses', 'goes'), or a y turned i ('replies'); elsewhere it is -s."""


def is_form_of(word: str, lemma: str) -> bool:
    """Whether one cue word is the lemma word itself, an inflection of it or a noun made from it."""
    word, lemma = word.lower(), lemma.lower()
    if word == lemma or IRREGULAR.get(word) == lemma:
        return True
    spellings = {lemma}  # British -ise and American -ize, either way round ('emphasized' -> 'emphasise')
    if lemma.endswith("ize") or lemma.endswith("ise"):
        spellings |= {lemma[:-3] + "ise", lemma[:-3] + "ize"}
    return any(word == spelling or _inflected(word, spelling) for spelling in spellings)


def _inflected(word: str, lemma: str) -> bool:
    """Whether `word` is `lemma` with an inflection or a noun suffix (both lower case)."""
    stems = {lemma}
    if lemma.endswith("e"):
        stems.add(lemma[:-1])  # arguing, declaration
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        stems.add(lemma[:-1] + "i")  # denied, replies
    if len(lemma) > 2 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS:
        stems.add(lemma + lemma[-1])  # admitted, signalled
    return any(word == stem + suffix and _suffix_fits(stem, suffix, lemma)
               for stem in stems for suffix in _INFLECTIONS + _NOUN_SUFFIXES)


def _suffix_fits(stem: str, suffix: str, lemma: str) -> bool:
    """English spelling rules a naive suffix-stripper breaks ('noted' -> 'not', 'notes' -> 'not')."""
    if suffix == "es" and not stem.endswith(_ES_AFTER):
        return False
    return not (stem == lemma and suffix != "es" and suffix[0] in _VOWELS and _doubles_before_a_vowel(lemma))


def _doubles_before_a_vowel(word: str) -> bool:
    """A one-syllable word ending consonant, one vowel, consonant (not w, x, y) doubles its last
    letter before a vowel suffix: stop -> stopped, plan -> planning, so 'noted' cannot be not+ed.
    ('qu' counts as a consonant: quit -> quitting. Before -es it need not: 'buses', 'gases'.)"""
    letters = word.replace("qu", "q")
    if len(letters) < 3 or letters[-1] in _VOWELS | {"w", "x", "y"} or letters[-2] not in _VOWELS or letters[-3] in _VOWELS:
        return False
    return sum(1 for i, c in enumerate(letters) if c in _VOWELS and (i == 0 or letters[i - 1] not in _VOWELS)) == 1


def is_lemma_of(cue_text: str, cue_lemma: str) -> bool:
    """Whether `cue_lemma` is the base form of the whole cue, word by word (see the module doc)."""
    words, lemma_words = cue_text.split(), cue_lemma.split()
    if not lemma_words or len(lemma_words) > len(words) or cue_lemma != " ".join(lemma_words):
        return False  # a base form has its words apart by one space: 'say\u00a0' is not 'say'
    if any(word.lower() not in PARTICLES for word in words[len(lemma_words):]):
        return False
    return all(is_form_of(word, lemma) for word, lemma in zip(words, lemma_words))


def check_cue_lemmas(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) == 0 or "cue_text" not in quotes or "cue_lemma" not in quotes:
        return
    cue_text = arrow_column(tables, "quotes", "cue_text", pa.string())
    cue_lemma = arrow_column(tables, "quotes", "cue_lemma", pa.string())
    pairs = pa.table({"text": cue_text, "lemma": cue_lemma}).group_by(["text", "lemma"], use_threads=False).aggregate([])
    wrong = {(text, lemma) for text, lemma in zip(pairs.column("text").to_pylist(), pairs.column("lemma").to_pylist())
             if not _consistent(text, lemma)}
    if not wrong:
        return
    quote_ids = arrow_column(tables, "quotes", "quote_id", pa.string()).to_pylist()
    for quote_id, text, lemma in zip(quote_ids, cue_text.to_pylist(), cue_lemma.to_pylist()):
        if (text, lemma) in wrong:
            report.add("quotes", "cue-lemma-mismatch", _message(text, lemma), quote_id, "cue_lemma", lemma)


def _consistent(text: str | None, lemma: str | None) -> bool:
    if text is None or lemma is None:
        return text is None and lemma is None
    return is_lemma_of(text, lemma)


def _message(text: str | None, lemma: str | None) -> str:
    if lemma is None:
        return f"cue_text {text!r} has no cue_lemma: a cue has a base form (Q5)"
    if text is None:
        return "cue_lemma without a cue_text: there is no cue to give the base form of (Q5)"
    return f"cue_lemma {lemma!r} is not the base form of cue_text {text!r} (Q5)"
