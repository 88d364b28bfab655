"""review39's independent pass (step 1): segments, quality flags and labels from the guidelines
(2.33) and the raw texts only. Spans are given by their text and occurrence number and resolved
to [start, end) code points here, each slice checked. Writes review39_segments.tsv,
review39_flags.tsv and review39_labels.tsv next to this file."""
import csv, glob, os

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "..", "dataset", "raw")
T = {}
for f in sorted(glob.glob(os.path.join(RAW, "*.txt"))):
    aid = os.path.basename(f)[:-4]
    T[aid[:3]] = (aid, open(f, encoding="utf-8", newline="").read())


def find(a, s, n=1):
    t = T[a][1]
    i = -1
    for _ in range(n):
        i = t.find(s, i + 1)
        assert i >= 0, (a, s, n)
    return i, i + len(s)


def line_start(a, s, n=1):
    return find(a, s, n)[0]


# ---- segments: (article, first words of block, occurrence, kind); each runs to the next block
SEG = {
    "000": [("After Maduro Operation", 1, "headline"), ("After Maduro Operation", 2, "headline"),
            ("Days after the dramatic", 1, "body"), ("Prev Article", 1, "navigation"),
            ("Related to this topic:", 1, "navigation")],
    "001": [("Trump Threatens Land Strikes", 1, "headline"), ("Trump Hints at Land", 1, "headline"),
            ("President Donald Trump has signalled", 1, "body"), ("From Sea to Land", 1, "section_heading"),
            ("In an interview with Fox News", 1, "body"), ("Regional Power Play", 1, "section_heading"),
            ("The strategy aligns", 1, "body"), ("A 'Negotiation Weapon'", 1, "section_heading"),
            ("Analysts view Trump", 1, "body")],
    "002": [("Home » world » ", 1, "navigation"), ("Trump threatens US strikes", 1, "headline"),
            ("Trump threatens US strikes", 2, "headline"), ("by Omar El Sayed", 1, "byline"),
            ("Breaking: White House", 1, "headline"), ("The United States has signaled", 1, "body"),
            ("Key Facts at a Glance", 1, "fact_table"), ("evergreen insights", 1, "appended"),
            ("Reader questions", 1, "prompt"), ("For additional context", 1, "body"),
            ("Consent.”", 1, "appended"), ("You may also like", 1, "navigation"),
            ("Leave a Comment", 1, "prompt"), ("Adblock Detected", 1, "advertisement")],
    "003": [("Trump Declares US", 1, "headline"), ("Trump Declares US", 2, "headline"),
            ("Quick Takeaways", 1, "summary"), ("President Donald Trump indicated", 1, "body"),
            ("Mexican Government Rejects", 1, "section_heading"), ("Mexico’s government strongly", 1, "body"),
            ("US Anti-Drug Strategy Shifts", 1, "section_heading"), ("The land-rap signal", 1, "body"),
            ("Diplomatic and Legal Implications", 1, "section_heading"), ("Land strikes against cartels", 1, "body"),
            ("What Comes Next for", 1, "section_heading"), ("Mexico and the US have long", 1, "body"),
            ("Leave a Reply", 1, "prompt")],
    "004": [("In a bold and controversial", 1, "body"), ("Escalation in Anti-Cartel", 1, "section_heading"),
            ("Trump’s declaration that", 1, "body"), ("Mexico’s Strong Reaction", 1, "section_heading"),
            ("Mexico’s President Claudia", 1, "body"), ("Legal and International Implications", 1, "section_heading"),
            ("If the United States were", 1, "body"), ("The Cartels: Power", 1, "section_heading"),
            ("Mexican drug cartels have long", 1, "body"), ("Broader Geopolitical Context", 1, "section_heading"),
            ("Trump’s latest announcement", 1, "body"), ("What Comes Next: Uncertainty", 1, "section_heading"),
            ("With details sparse", 1, "body"), ("A Defining Moment", 1, "section_heading"),
            ("The announcement that Trump", 1, "body"), ("Subscribe to trusted", 1, "prompt")],
}

# ---- flags: (article, evidence text, occurrence, flag, note, rule, confidence)
H, M, L = "high", "medium", "low"
FL = [
    # a000
    ("000", "After Maduro Operation, Trump Signals Land Strikes Against Mexico’s Drug Cartels", 2, "duplicate_headline",
     "The title repeated as a second headline.", "AQ1", H),
    ("000", "Prev Article", 1, "boilerplate", "Prev/next article links (navigation block).", "AQ1 AQ3", H),
    ("000", "Related to this topic", 1, "boilerplate", "Related-articles navigation heading.", "AQ1 AQ3", H),
    ("000", "It’s very sad to watch what’s happened to that country", 1, "misquotation",
     "Trump said “It’s very, very sad to watch and see what’s happened to that country” (Hannity interview; a002’s variant): a “very” and the verb “see” dropped inside the quote.",
     "Q15 AQ1", M),
    ("000", "I’ve asked her numerous times, ‘Would you like us to take out the cartels?’ And she says no", 1, "misquotation",
     "Unsure: as I recall the record Trump quoted Sheinbaum’s answer (“No, no, no, Mr. President ...”) rather than saying “And she says no”.",
     "Q15 AQ1", L),
    # a001
    ("001", "Trump Hints at Land Strikes on Mexican Drug Cartels", 1, "duplicate_headline",
     "A second title line (the page's other headline) repeating the story's title in other words.", "AQ1 SG2", L),
    ("001", "My own mortality. My own mind. It’s the only thing that can stop me", 1, "misquotation",
     "Trump told the New York Times “My own morality. My own mind. It’s the only thing that can stop me”: “mortality” for “morality”.",
     "Q15 AQ1", H),
    # a002
    ("002", "Home » world »", 1, "boilerplate", "Breadcrumb path (navigation).", "AQ1 AQ3 SG2", H),
    ("002", "Trump threatens US strikes on Mexican soil against drug cartels after Maduro raid", 1, "duplicate_headline",
     "Copy of the title after the breadcrumb path.", "AQ1 SG2", H),
    ("002", "ex-president", 1, "factual_error", "Trump is the sitting president, not an ex-president.", "AQ1", H),
    ("002", "Trump’s dialogue style", 1, "spun_text", "Likely original “Trump’s communication style”.", "AQ4", L),
    ("002", "frequently enough collide", 1, "spun_text", "Likely original “often collide” (“often” spun to “frequently enough”).", "AQ4", M),
    ("002", "obvious rules of engagement", 1, "spun_text", "Likely original “clear rules of engagement”.", "AQ4", M),
    ("002", "Reader questions", 1, "boilerplate", "Reader-questions prompt block.", "AQ1 AQ3", L),
    ("002", "Consent.”", 1, "truncation_artifact",
     "Stray fragment of a cut sentence (“... with or without Mexico’s consent.”) left between two blocks.", "AQ1", H),
    ("002", "2016‑2020 presidency", 1, "factual_error", "Trump's first presidency was 2017-2021.", "AQ1", H),
    ("002", "EO\u202f13864 authorizing “enhanced interdiction” against transnational criminal organizations", 1, "fabricated_content",
     "EO 13864 (March 2019) is on free inquiry at colleges and universities; no order authorises “enhanced interdiction” of cartels.", "AQ1 AQ5", H),
    ("002", "The 2020 “National Security and Anti‑Cartel Act” (H.R.\u202f4245)", 1, "fabricated_content",
     "No such act was passed or received bipartisan support; no law grants the military strike authority against cartels.", "AQ1 AQ5", H),
    ("002", "Intelligence briefing (March\u202f2024) – U.S. Central Intelligence Agency (CIA) disclosed a covert operation targeting Venezuelan President Nicolás Maduro’s inner circle", 1,
     "fabricated_content", "No CIA disclosure of a covert March 2024 operation against Maduro's circle is on record.", "AQ1 AQ5 E6", H),
    ("002", "Operational leak (April\u202f2024) – Venezuelan state media released intercepted communications, exposing the raid’s failure", 1,
     "fabricated_content", "No such April 2024 leak of a failed raid is on record.", "AQ1 AQ5", H),
    ("002", "press conference on June\u202f15\u202f2024", 1, "fabricated_content",
     "No such Trump press conference reviving a “strong-hand” narrative on Venezuela raid is on record.", "AQ1 AQ5", M),
    ("002", "June\u202f15\u202f2024 press event – Trump declared, “If the Venezuelan cartel network can’t be stopped in Caracas, then we’ll take the fight to the source—right on Mexican soil.”", 1,
     "fabricated_content", "Invented quote at the invented June 15 2024 event (its repetition).", "AQ1 AQ5", H),
    ("002", "Follow‑up tweet (June\u202f16\u202f2024) – “America will not tolerate drug lords using our neighbors as a shield. the U.S. will act decisively, with or without Mexico’s consent.”", 1,
     "fabricated_content", "No such tweet (post) was published.", "AQ1 AQ5", H),
    ("002", "Policy memo leak (July\u202f2024) – A draft from Trump’s former National Security Council staff outlined potential air‑strike zones in Sinaloa and Baja\u202fCalifornia", 1,
     "fabricated_content", "No such leaked July 2024 memo is on record (AQ1's own example).", "AQ1 AQ5", H),
    ("002", "Executive order\u202f13864 allows limited strikes abroad with “imminent threat” justification", 1, "fabricated_content",
     "Repetition of the fabricated EO 13864 content in the table (EO 13864 is on campus free inquiry).", "AQ1 AQ5", H),
    ("002", "Mexican Constitution (Article\u202f30)", 1, "factual_error",
     "Article 30 governs Mexican nationality; the Senate's authority over foreign troops is Article 76 (fr. III).", "AQ1", M),
    ("002", "President can authorize limited strikes under the War Powers Resolution if the threat is “urgent.”", 1, "factual_error",
     "The War Powers Resolution grants no strike authority on an “urgent” threat; it sets reporting and a 60-day limit.", "AQ1", L),
    ("002", "Mexican Congress must ratify any foreign troop presence under the “Ley de Seguridad Nacional.”", 1, "factual_error",
     "The Senate authorises foreign troops under the Constitution (Art. 76), not under the Ley de Seguridad Nacional.", "AQ1", L),
    ("002", "Existing joint task forces (e.g., “Merida initiative”)", 1, "factual_error",
     "The Mérida Initiative is an aid programme, replaced in 2021 by the Bicentennial Framework, not an existing joint task force.", "AQ1", L),
    ("002", "The Inter‑American Convention on the Suppression of Terrorism", 1, "factual_error",
     "Misnamed treaty: the OAS treaty is the Inter-American Convention against Terrorism (2002), and it does not address transnational criminal groups.", "AQ1 E5", M),
    ("002", "Mexico’s foreign ministry (SRE) has warned that “any unilateral strike will be seen as an act of aggression.”", 1, "fabricated_content",
     "No such SRE warning is on record (AQ1's example).", "AQ1 AQ5", H),
    ("002", "Polls from El Financiero (August\u202f2024) show 62% of Mexicans oppose foreign military action on their soil", 1, "fabricated_content",
     "No such El Financiero August 2024 poll is on record (AQ1's example).", "AQ1 AQ5", H),
    ("002", "Mexico’s Fuerza Armada Nacional (FAN)", 1, "fabricated_content",
     "Fuerza Armada Nacional (Bolivariana) is Venezuela's; Mexico's armed forces are SEDENA/SEMAR (a real body given to the wrong country).", "AQ1 AQ5 E5", M),
    ("002", "Case Study: 2022 U.S.Drone Strike in Aguascalientes (Hypothetical Reference)", 1, "hypothetical_content",
     "Self-declared hypothetical case study.", "AQ1", H),
    ("002", "No fictional events have been introduced", 1, "inconsistent_self_description",
     "Claims no fictional events after a self-declared hypothetical case study and invented events.", "AQ1", H),
    ("002", "All statements are based on publicly available sources, including official White House press releases, Congressional records, and reputable news outlets (Reuters, Associated Press, El Financiero)", 1,
     "inconsistent_self_description", "Claims public sourcing for a section holding invented events, documents and a hypothetical case.", "AQ1", L),
    ("002", "You may also like", 1, "boilerplate", "Related-articles navigation.", "AQ1 AQ3", H),
    ("002", "Leave a Comment", 1, "boilerplate", "Comment prompt.", "AQ1 AQ3", H),
    ("002", "This site uses Akismet to reduce spam. Learn how your comment data is processed", 1, "boilerplate", "Comment-form notice.", "AQ1 AQ3", M),
    ("002", "Adblock Detected", 1, "boilerplate", "Adblock notice.", "AQ1 AQ3", H),
    # a003
    ("003", "Trump Declares US to Commence Land Strikes on Cartels in Mexico, Stepping Up Anti-Drug Drive", 2, "duplicate_headline",
     "The title repeated as a second headline.", "AQ1", H),
    ("003", "loss leaders", 1, "spun_text", "Likely original “leaders”.", "AQ4", H),
    ("003", "freeze off", 1, "spun_text", "Likely original “reject” / “rebuff”.", "AQ4", H),
    ("003", "alien intervention", 1, "spun_text", "Likely original “foreign intervention”.", "AQ4", H),
    ("003", "security measure cooperation", 1, "spun_text", "Likely original “security cooperation”.", "AQ4", M),
    ("003", "terra firma", 1, "spun_text", "Likely original “land”.", "AQ4", H),
    ("003", "mathematical processes", 1, "spun_text", "Likely original “operations”.", "AQ4", H),
    ("003", "land-rap", 1, "spun_text", "Likely original “land-strike”.", "AQ4", H),
    ("003", "vote down dozens", 1, "spun_text", "Likely original “struck/took down dozens”.", "AQ4", H),
    ("003", "blow up into", 1, "spun_text", "Likely original “expanded into”.", "AQ4", H),
    ("003", "major combatants", 1, "spun_text", "Likely original “major cartels” (cartels designated as terrorist organizations).", "AQ4", M),
    ("003", "the practice of law enforcement", 1, "spun_text", "Likely original “law enforcement”.", "AQ4", L),
    ("003", "Delegate cartels", 1, "spun_text", "Likely original “Designating cartels”.", "AQ4", H),
    ("003", "tolerate harsher measures", 1, "spun_text", "Likely original “allows/permits harsher measures”.", "AQ4", H),
    ("003", "admonish", 1, "spun_text", "Likely original “warn”.", "AQ4", M),
    ("003", "ground procedures", 1, "spun_text", "Likely original “ground operations”.", "AQ4", H),
    ("003", "Ravish", 1, "spun_text", "Likely original “Violating”.", "AQ4", H),
    ("003", "res publica’s", 1, "spun_text", "Likely original “nation’s / country’s”.", "AQ4", H),
    ("003", "may pay for legal and diplomatic challenges", 1, "spun_text", "Likely original “may invite/bring legal and diplomatic challenges”.", "AQ4", M),
    ("003", "hold stronger action", 1, "spun_text", "Likely original “support stronger action”.", "AQ4", M),
    ("003", "interracial views", 1, "spun_text", "Likely original “mixed views”.", "AQ4", H),
    ("003", "a character in authorizing", 1, "spun_text", "Likely original “a role in authorizing”.", "AQ4", H),
    ("003", "Trump’s input", 1, "spun_text", "Likely original “Trump’s comments/remarks”.", "AQ4", L),
    ("003", "Venezuelan performance", 1, "spun_text", "Likely original “Venezuelan operation”.", "AQ4", H),
    ("003", "intensifying engagement", 1, "spun_text", "Possibly spun from “intensifying conflict/involvement”.", "AQ4", L),
    ("003", "legal lucidity", 1, "spun_text", "Likely original “legal clarity”.", "AQ4", M),
    ("003", "Security Measures partnership", 1, "spun_text", "Likely original “Security partnership”.", "AQ4", M),
    ("003", "intelligence communication", 1, "spun_text", "Likely original “intelligence sharing”.", "AQ4", M),
    ("003", "Mexican assurance", 1, "spun_text", "Likely original “Mexican officials / Mexico”.", "AQ4", M),
    ("003", "the prohibition of one-sided action", 1, "spun_text", "Likely original “the rejection of unilateral action”.", "AQ4", M),
    ("003", "Leave a Reply", 1, "boilerplate", "Comment prompt.", "AQ1 AQ3", H),
    # a004
    ("004", "Former U.S. President", 1, "factual_error", "Trump is the sitting president.", "AQ1", H),
    ("004", "Trump says the US will start hitting drug cartels on Mexican land", 2, "seo_insertion",
     "Keyword phrase “Trump says the US will start hitting drug cartels on Mexican land” pasted into a sentence it does not fit (AQ1's example).", "AQ1", H),
    ("004", "Reu.", 1, "truncation_artifact", "A Reuters credit cut off.", "AQ1", H),
    ("004", "Subscribe to trusted news sites like USnewsSphere.com for continuous updates", 1, "boilerplate", "Subscription prompt.", "AQ1 AQ3", H),
]

LABELS = {
    "000": ("minor_issues", "boilerplate, duplicate headline and one misquotation (the second, low-confidence misquotation would make it major_issues)"),
    "001": ("minor_issues", "one misquotation (mortality/morality) and possibly a duplicate headline"),
    "002": ("major_issues", "fabricated and hypothetical content, several factual errors"),
    "003": ("major_issues", "spun text throughout"),
    "004": ("minor_issues", "one factual error (Former U.S. President), one SEO insertion, one truncation artifact, boilerplate"),
}


def main():
    with open(os.path.join(HERE, "review39_segments.tsv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["article_id", "start", "end", "kind", "first_words"])
        for a, segs in SEG.items():
            aid, t = T[a]
            starts = [line_start(a, s, n) for s, n, _ in segs]
            for i, (s, n, k) in enumerate(segs):
                st = starts[i]
                en = starts[i + 1] if i + 1 < len(segs) else len(t)
                assert st == 0 or t[st - 1] == "\n" or (a == "002" and k == "headline" and i == 1), (a, s)
                assert st < en
                w.writerow([aid, st, en, k, t[st:en][:40].replace("\n", " ")])
    with open(os.path.join(HERE, "review39_flags.tsv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["article_id", "start", "end", "text", "flag", "note", "rule", "confidence"])
        for a, s, n, fl, note, rule, c in FL:
            aid, t = T[a]
            st, en = find(a, s, n)
            assert t[st:en] == s
            w.writerow([aid, st, en, s, fl, note, rule, c])
    with open(os.path.join(HERE, "review39_labels.tsv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["article_id", "quality_label", "reason"])
        for a, (lab, why) in LABELS.items():
            w.writerow([T[a][0], lab, why])


if __name__ == "__main__":
    main()
