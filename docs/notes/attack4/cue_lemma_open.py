"""Open (attack4, reproduced only): cue_lemma pairs the morphology rule gets wrong.

Run: .venv/bin/python docs/notes/attack4/cue_lemma_open.py  (prints each pair and the verdict)
- false VALID: a shorter, different word that the cue happens to extend by a suffix passes as
  its lemma ('noted' -> 'not', 'comment' -> 'com', 'question' -> 'quest', 'stated' -> 'stat').
  Telling them apart needs a word list (is 'not' a verb?), which the rule deliberately avoids.
- false finding: a cue of more than its verb and trailing particles ('said in a statement',
  'told reporters') is refused with the lemma of its verb: Q5 cues are the verb (+ particles).
"""

from landstrikes.schema.cue_lemma import is_lemma_of

FALSE_VALID = [("noted", "not"), ("comment", "com"), ("question", "quest"), ("stated", "stat"),
               ("hoped", "hop"), ("mention", "ment"), ("reported", "reporte")]
FALSE_FINDING = [("said in a statement", "say"), ("told reporters", "tell")]

if __name__ == "__main__":
    for cue, lemma in FALSE_VALID:
        print(f"false VALID   {cue!r:24} -> {lemma!r:10} accepted: {is_lemma_of(cue, lemma)}")
    for cue, lemma in FALSE_FINDING:
        print(f"false finding {cue!r:24} -> {lemma!r:10} accepted: {is_lemma_of(cue, lemma)}")
