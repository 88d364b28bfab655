"""Offset checker/builder for review60b's independent quotes pass (step 1).

Every row below is a reading by hand of the raw text; this script only turns
(text, occurrence) anchors into [start, end) code-point offsets, checks that
each slice equals its text, and writes docs/notes/review60b_quotes.tsv.
Run: python docs/notes/review60b_quotes_build.py  (from the repository root)
"""
import csv, os, re, sys

RAW = {"002": "dataset/raw/002_f6c5fed12bcb1118.txt", "003": "dataset/raw/003_53ec89303f4de55c.txt"}
ART = {"002": "002_f6c5fed12bcb1118", "003": "003_53ec89303f4de55c"}

def find(t, s, n=1, after=0):
    i = after - 1
    for _ in range(n):
        i = t.find(s, i + 1)
        if i < 0:
            sys.exit("not found: %r" % s)
    return i, i + len(s)

def last_before(t, w, pos):
    """Nearest whole-word occurrence of w ending at or before pos."""
    m = None
    for x in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", t[:pos]):
        m = x
    if m is None:
        sys.exit("no %r before %d" % (w, pos))
    return m.start(), m.end()

# row: (rid, art, text, n, kind, parent, status, speaker_id, speaker_ids, spk_text, spk_n,
#       cue_text, cue_n, cue_lemma, event_id, confidence, note)
# anchors: quote text with its occurrence number (G4 style, 1-based); the speaker words and
# the cue are the nearest whole-word occurrence before the quote (their n columns are unused).
R = []
def row(*a):
    R.append(a)

# ---------------- article 003 ----------------
row("p003-01", "003", "US to Commence Land Strikes on Cartels in Mexico", 1, "indirect", "", "attributed", "donald-trump", "", "Trump", 1, "Declares", 1, "declare", "", "high",
    "Q1 headline verb + infinitive clause, ends before the comma phrase; occasion not named in the headline (Q14 null)")
row("p003-02", "003", "US to Commence Land Strikes on Cartels in Mexico", 2, "indirect", "", "attributed", "donald-trump", "", "Trump", 2, "Declares", 2, "declare", "", "high",
    "Q7 repeated headline annotated again")
row("p003-03", "003", "the US will begin land-based strikes aimed at drug cartels, including in Mexico", 1, "indirect", "", "attributed", "donald-trump", "", "Trump", 3, "said", 1, "say", "", "high",
    "takeaway bullet, zero-that clause; 'including in Mexico' is content (Q13); no occasion named in the bullet")
row("p003-04", "003", "terra firma mathematical processes could violate sovereignty and international law", 1, "indirect", "", "unnamed_source", "", "", "Critics", 1, "warn", 1, "warn", "", "high",
    "takeaway bullet; zero-that")
row("p003-05", "003", "US forces will “start now hitting land” to target drug cartels", 1, "indirect", "", "attributed", "donald-trump", "", "he", 1, "said", 2, "say", "fox-news-interview-2026", "medium",
    "zero-that content clause holding the partial (Q4 parent); 'In an interview on Fox News' names the occasion (Q14); 'he' = 'he said'")
row("p003-06", "003", "start now hitting land", 1, "partial", "p003-05", "attributed", "donald-trump", "", "he", 1, "said", 2, "say", "fox-news-interview-2026", "high",
    "Q1 example (a003); nested in p003-05 (Q4)")
row("p003-07", "003", "cartels are “running Mexico” and causing widespread harm", 1, "indirect", "", "attributed", "donald-trump", "", "He", 1, "claimed", 1, "claim", "fox-news-interview-2026", "medium",
    "zero-that; coordinated 'and causing widespread harm' continues the content (Q13); paragraph continues the interview (Q14)")
row("p003-08", "003", "running Mexico", 1, "partial", "p003-07", "attributed", "donald-trump", "", "He", 1, "claimed", 1, "claim", "fox-news-interview-2026", "high",
    "nested in p003-07 (Q4)")
row("p003-09", "003", "Mexico must “get its act together” or risk US involvement", 1, "indirect", "", "attributed", "donald-trump", "", "He", 2, "stressed", 1, "stress", "fox-news-interview-2026", "medium",
    "that-clause holding the partial; 'or risk US involvement' is content; event by continuation (Q14), low-medium on event")
row("p003-10", "003", "get its act together", 1, "partial", "p003-09", "attributed", "donald-trump", "", "He", 2, "stressed", 1, "stress", "fox-news-interview-2026", "high",
    "nested in p003-09 (Q4)")
row("p003-11", "003", "Mexico seeks closer coordination with the US, but not foreign strikes", 1, "indirect", "", "attributed", "claudia-sheinbaum", "", "Sheinbaum", 2, "said", 3, "say", "", "high",
    "zero-that; ', but not foreign strikes' is elliptical content with the same subject, not a new-subject but-clause (Q13). Next sentence 'She called for diplomatic engagement' is Q10 (no quote)")
row("p003-12", "003", "homicide rates have fallen under domestic operations", 1, "indirect", "", "attributed", "claudia-sheinbaum", "", "She", 2, "noted", 1, "note", "", "high",
    "zero-that. 'Her administration cited security cooperation progress' has an NP object (Q10, no quote)")
row("p003-13", "003", "any action on its territory must respect sovereignty", 1, "indirect", "", "attributed", "mexico", "", "Mexico", 5, "insists", 1, "insist", "", "high",
    "Q9 example 'Mexico insists' -> attributed to mexico; the next sentence is the reporter's (Q13)")
row("p003-14", "003", "such actions blur the line between the practice of law enforcement and armed conflict", 1, "indirect", "", "unnamed_source", "", "", "Legal experts", 1, "say", 1, "say", "", "high",
    "next sentence ('Delegate cartels ...') is a new sentence: reporter's (Q13)")
row("p003-15", "003", "ground procedures inside Mexico could trigger major backlash", 1, "indirect", "", "unnamed_source", "", "", "Critics", 2, "admonish", 1, "admonish", "", "high",
    "that-clause")
row("p003-16", "003", "such strikes may exceed presidential authority", 1, "indirect", "", "unnamed_source", "", "", "Legal scholars", 1, "indicate", 1, "indicate", "", "high",
    "Q5 names legal scholars 'indicate that' as a cue")
row("p003-17", "003", "these assertions risk intensifying engagement in the Western Hemisphere", 1, "indirect", "", "unnamed_source", "", "", "Critics", 3, "say", 2, "say", "", "high",
    "zero-that")
row("p003-18", "003", "cartels pose a serious threat", 1, "indirect", "", "multiple", "", "united-states;mexico", "Both governments", 1, "agree", 1, "agree", "", "high",
    "Q9 example 'Both governments agree' -> multiple [united-states, mexico]")
row("p003-19", "003", "talks are crucial to avoiding escalation", 1, "indirect", "", "unnamed_source", "", "", "Observers", 1, "say", 3, "say", "", "high",
    "Q9 example 'Observers say'")

# ---------------- article 002 ----------------
row("p002-01", "002", "it could order military strikes against drug cartels operating on Mexican soil", 1, "indirect", "", "attributed", "united-states", "", "United States", 1, "signaled", 1, "signal", "", "medium",
    "Q5 names 'has signaled it could' as a cue; I end before ', marking a sharp escalation ...' (the reporter's comment on the signal); running to 'threats' is arguable under Q13")
row("p002-02", "002", "targets narcotics trafficking", 1, "indirect", "", "attributed", "united-states", "", "Washington", 1, "says", 1, "say", "", "high",
    "Q1 example (relative clause whose gap the content fills). '—a claim Maduro denies' has an NP object (no content clause): no row")
row("p002-03", "002", "flooding", 1, "partial", "", "attributed", "donald-trump", "", "Trump", 3, "accused", 1, "accuse", "", "high",
    "quoted word inside 'accused Mexico of ...' (Q8 partial); 'accused X of V-ing' has no content clause, so no indirect parent (medium on that)")
row("p002-04", "002", "authorities have already made notable inroads against traffickers", 1, "indirect", "", "attributed", "donald-trump", "", "Trump", 4, "told", 1, "tell", "", "high",
    "Q5 (2.14): the verb is the cue of its that-clause row. Event: 'told Fox News’ Sean Hannity' implies the Hannity interview, but no mention of the event entity in a002 that I can see -> null (low confidence on event)")
row("p002-05", "002", "We’ve knocked out 97% of the drugs coming in by water, and we are going to start now hitting land with regard to the cartels.", 1, "direct", "", "attributed", "donald-trump", "", "Trump", 4, ":", "colon1", ":", "", "high",
    "Q5 (2.14): the colon is the cue of the direct quote; speaker mention the subject 'Trump'")
row("p002-06", "002", "The cartels are running Mexico. It’s very,very sad to watch and see what’s happened to that country.", 1, "direct", "", "attributed", "donald-trump", "", "The ex-president", 1, "saying", 1, "say", "", "high",
    "Q6 example ('The ex-president’s rhetoric ... saying' -> 'The ex-president'). 'what he described as a cartel-dominated landscape' has no content clause: no row")
row("p002-07", "002", "she had directed her foreign minister to work with U.S. counterparts to strengthen coordination,if necessary directly with the president,to stabilize cross-border cooperation", 1, "indirect", "", "attributed", "claudia-sheinbaum", "", "Claudia Sheinbaum", 1, "said", 1, "say", "", "high",
    "zero-that; runs to the end of the sentence (Q13). 'responded by framing the comments as ...' has no content clause: no row")
row("p002-08", "002", "serious threat to regional stability,", 1, "partial", "", "attributed", "mexico-foreign-ministry", "", "Mexico’s Foreign Ministry", 1, "condemned", 1, "condemn", "", "high",
    "Q8 ('condemned X as “...”' attributes the words); comma inside the marks stays (G2). Speaker span: I assume the NAME mention covers 'Mexico’s Foreign Ministry' (medium on span). 'underlining how ...' is the reporter's gloss: no row")
row("p002-09", "002", "sick man.", 1, "partial", "", "attributed", "donald-trump", "", "he", 1, "described", 2, "describe", "", "high",
    "'whom he described as a “sick man.”' -> partial, speaker 'he' (Trump). Event: the article does not say the words were said on the call (null, low). 'described the call as cordial' has no content clause: no row")
row("p002-10", "002", "sustained progress against drug trafficking requires obvious rules of engagement, clear consent for cross-border actions, and robust civilian oversight to prevent escalation from spiraling into broader conflict", 1, "indirect", "", "unnamed_source", "", "", "Experts", 1, "note", 1, "note", "", "high",
    "appended 'evergreen insights' section (G3); the next sentence is the reporter's")
row("p002-11", "002", "Consent.", 1, "orphan", "", "unattributed", "", "", "", 0, "", 0, "", "", "high",
    "Q1 example: a closing mark with no partner; span from paragraph start to the mark")
row("p002-12", "002", "hard‑line", 1, "partial", "", "attributed", "donald-trump", "", "Donald Trump", 1, "calling for", 1, "call for", "", "medium",
    "quoted word inside Trump's speech act 'calling for' (Q8: a cue attributes it; Q5 'calling for' -> 'call for'); could be read as a label (scare) but the cue attributes it")
row("p002-13", "002", "enhanced interdiction", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "Q8 example: wording quoted from an order is a term")
row("p002-14", "002", "National Security and Anti‑Cartel Act", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "Q1 example (a name)")
row("p002-15", "002", "strong‑hand", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "Q1 example")
row("p002-16", "002", "If the Venezuelan cartel network can’t be stopped in Caracas, then we’ll take the fight to the source—right on Mexican soil.", 1, "direct", "", "attributed", "donald-trump", "", "Trump", 0, "declared", 1, "declare", "june-2024-press-conference", "high",
    "bullet 'June 15 2024 press event – Trump declared, “...”'; occasion named (Q14)")
row("p002-17", "002", "America will not tolerate drug lords using our neighbors as a shield. the U.S. will act decisively, with or without Mexico’s consent.", 1, "direct", "", "implicit", "donald-trump", "", "", 0, "", 0, "", "june-2024-tweet", "high",
    "Q9 implicit example; Q5: a bullet quote introduced by a dash has no cue; Q14 written occasion")
row("p002-18", "002", "strategic cartel leadership hubs.", 1, "partial", "", "unnamed_source", "", "", "Trump’s former National Security Council staff", 1, "citing", 1, "cite", "july-2024-memo-leak", "medium",
    "Q9 (2.13): former NSC staff are an unnamed group. Speaker words: I give the staff phrase; the cue's grammatical subject is 'A draft from Trump’s former National Security Council staff' (Q16 'any of/for/at-phrase'): the longer span is defensible. Event: the written occasion 'Policy memo leak (July 2024)' (Q14), medium")
row("p002-19", "002", "imminent threat", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "table cell: wording attributed to the executive order (a LAW is no speaker, Q8)")
row("p002-20", "002", "urgent.", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "table: wording of the War Powers Resolution (Q8 term); stop inside the marks stays (G2)")
row("p002-21", "002", "Ley de Seguridad Nacional.", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "a law's name; stop inside the marks stays (G2)")
row("p002-22", "002", "cross‑border strikes require either UN Security Council authorization or self‑defence proof", 1, "indirect", "", "attributed", "international-court-of-justice", "", "International Court of Justice", 1, "ruled", 1, "rule", "", "high",
    "Q5 names 'has ruled that' as a cue; the ICJ is an ORG (a speaker, Q6)")
row("p002-23", "002", "Merida initiative", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "Q1 example")
row("p002-24", "002", "Joint Anti‑Drug Force", 1, "scare", "", "term", "", "", "", 0, "", 0, "", "", "high",
    "a name")
row("p002-25", "002", "any unilateral strike will be seen as an act of aggression.", 1, "partial", "", "attributed", "mexico-foreign-ministry", "", "Mexico’s foreign ministry", 1, "warned", 1, "warn", "", "high",
    "Q1 example (introduced by 'that' -> partial, no indirect parent). Speaker span medium: 'Mexico’s foreign ministry' (NOMINAL with possessive) vs the NAME 'SRE' in parentheses")

COLS = ["row_id", "article_id", "start", "end", "text", "kind", "parent_row", "speaker_status", "speaker_id",
        "speaker_ids", "speaker_start", "speaker_end", "speaker_text", "cue_start", "cue_end", "cue_text",
        "cue_lemma", "event_id", "confidence", "note"]
texts = {a: open(p, encoding="utf-8").read() for a, p in RAW.items()}
out = []
for (rid, a, text, n, kind, parent, status, sid, sids, spk, spk_n, cue, cue_n, lemma, ev, conf, note) in R:
    t = texts[a]
    s, e = find(t, text, n)
    assert t[s:e] == text
    ss = se = cs = ce = ""
    spk_text = ""
    if spk:
        ss, se = last_before(t, spk, s)  # nearest whole-word occurrence before the quote
        spk_text = t[ss:se]
    cue_text = ""
    if cue:
        if cue_n == "colon1":
            cs = s - 3; ce = s - 2  # ": “" before the quote
            assert t[cs] == ":", t[cs - 5:s]
        else:
            cs, ce = last_before(t, cue, s)
        cue_text = t[cs:ce]
    ids = sids if sids else (sid if status in ("attributed", "implicit") else "")
    out.append([rid, ART[a], s, e, text, kind, parent, status, sid, ids, ss, se, spk_text, cs, ce, cue_text, lemma, ev, conf, note])
with open("docs/notes/review60b_quotes.tsv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(COLS)
    w.writerows(out)
print(len(out), "rows")
for r in out:
    print(r[0], r[2], r[3], r[5], r[7], r[9], repr(r[12]), r[10], r[11], repr(r[15]), r[13], r[14])
