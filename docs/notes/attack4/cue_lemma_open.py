"""Open (attack4, reproduced only): cue_lemma pairs the morphology rule gets wrong.

Run: .venv/bin/python docs/notes/attack4/cue_lemma_open.py  (prints each pair and the verdict)
- false VALID: a shorter, different word that the cue happens to extend by a suffix passes as
  its lemma ('comment' -> 'com', 'question' -> 'quest', 'mention' -> 'ment', 'reported' ->
  'reporte'). Telling them apart needs a word list (is 'com' a verb?), which the rule
  deliberately avoids. Fixed since (spelling rules, tests/test_cue_lemma.py): 'noted' -> 'not',
  'stated' -> 'stat', 'hoped' -> 'hop' (a one-syllable consonant-vowel-consonant word doubles
  before -ed) and 'notes' -> 'not' (-es only after a sibilant or o).
- false finding: a cue of more than its verb and trailing particles ('said in a statement',
  'told reporters') is refused with the lemma of its verb: Q5 cues are the verb (+ particles).
"""

from landstrikes.schema.cue_lemma import is_lemma_of

FALSE_VALID = [("comment", "com"), ("question", "quest"), ("mention", "ment"), ("reported", "reporte")]
FALSE_FINDING = [("said in a statement", "say"), ("told reporters", "tell")]

if __name__ == "__main__":
    for cue, lemma in FALSE_VALID:
        print(f"false VALID   {cue!r:24} -> {lemma!r:10} accepted: {is_lemma_of(cue, lemma)}")
    for cue, lemma in FALSE_FINDING:
        print(f"false finding {cue!r:24} -> {lemma!r:10} accepted: {is_lemma_of(cue, lemma)}")
