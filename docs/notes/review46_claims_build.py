"""Build docs/notes/review46_claims.tsv: review46's own pass over the claims of article 002.

Each row below is a reading of the text (span as typed, with '-', "'" and '"' matching their
typographic variants), its claimant, C4 type, C5 quantity, C6 hedging, a one-line proposition
and a confidence. The script only locates the typed span in the raw text (n = 1-based
occurrence, G4) and writes the exact slice; it fails if a span is not found.
Run: python docs/notes/review46_claims_build.py (stdlib only).
"""
import csv, re, sys, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT = (ROOT / "dataset/raw/002_f6c5fed12bcb1118.txt").read_text(encoding="utf-8")

def pat(s):
    out = []
    for ch in s:
        if ch in "-‑–":
            out.append("[-‑]" if ch != "–" else "–")
        elif ch in "'’":
            out.append("['’]")
        elif ch in '"“”':
            out.append('["“”]')
        elif ch == " ":
            out.append("[ \u00a0\u202f\u2009]")
        else:
            out.append(re.escape(ch))
    return "".join(out)

def locate(span, n=1):
    ms = list(re.finditer(pat(span), TEXT))
    if len(ms) < n:
        sys.exit(f"not found (n={n}): {span!r}")
    m = ms[n - 1]
    return m.start(), m.end()

A, T, Q = "asserted", "attributed", "questioned"
# (span, n, claimant, type, qlow, qhigh, unit, bound, hedging, proposition, confidence, note)
R = [
 # headline (line 3; line 1's copy after the breadcrumb is the duplicate, C10/SG2)
 ("Trump threatens US strikes on Mexican soil against drug cartels", 2, "", "event", "", "", "", "", A, "Trump threatened US strikes on drug cartels on Mexican soil", "high", "headline, first non-duplicate occurrence"),
 ("Maduro raid", 2, "", "event", "", "", "", "", A, "A raid on Maduro took place (before the threat)", "high", "phrase claim after 'after' (C2)"),
 # Breaking line
 ("White House signals potential strikes on mexican drug cartels", 1, "", "event", "", "", "", "", A, "The White House signalled potential strikes on Mexican drug cartels", "high", "headline frame (C7/C10)"),
 ("regional tensions surge", 1, "", "event", "", "", "", "", A, "Regional tensions are rising", "high", "C4 decided case: a change as it happens is event"),
 # lede
 ("The United States has signaled it could order military strikes against drug cartels operating on Mexican soil", 1, "united-states", "prediction", "", "", "", "", T, "The US could order military strikes against cartels on Mexican soil (as the US signalled)", "medium", "C14 saying verb with content: actor claimant; type of the content (could order) prediction; allowed: position"),
 ("marking a sharp escalation in efforts to curb narcotics and border threats", 1, "", "other", "", "", "", "", A, "The signal marks a sharp escalation in counter-narcotics efforts", "high", "C13 participle, significance"),
 ("The stance comes after a rapid U.S. operation in Caracas last week that resulted in the detention of Venezuelan President Nicolas Maduro", 1, "", "event", "", "", "", "", A, "The US stance followed the Caracas operation that detained Maduro", "high", "C2 sequence clause"),
 ("a rapid U.S. operation in Caracas last week that resulted in the detention of Venezuelan President Nicolas Maduro", 1, "", "event", "", "", "", "", A, "A rapid US operation in Caracas last week detained Maduro", "high", "phrase claim inside the sequence (C2)"),
 ("a move Washington says targets narcotics trafficking", 1, "united-states", "other", "", "", "", "", Q, "The operation targets narcotics trafficking (per Washington; Maduro denies)", "medium", "C4 target stated alone other; C6/C11 'a claim Maduro denies' -> questioned; span edge: could start at 'Washington' or 'targets'"),
 # para 2
 ("President Trump also accused Mexico of \"flooding\" the United States with drugs and unauthorized migrants", 1, "donald-trump", "other", "", "", "", "", T, "Mexico floods the US with drugs and unauthorized migrants (Trump's accusation)", "medium", "C14 accuse = saying; type other/event both plausible"),
 ("a charge that has intensified diplomatic tension between the two neighbors", 1, "", "causal", "", "", "", "", A, "Trump's charge intensified US-Mexico diplomatic tension", "high", ""),
 ("Since September 2025, U.S. forces have targeted at least 35 boats tied to cartel activity in Caribbean waters", 1, "", "statistic", "35", "35", "boats", "at_least", A, "Since Sept 2025 US forces have targeted at least 35 cartel-linked boats in the Caribbean", "high", ""),
 # para 3
 ("Trump told Fox News' Sean Hannity", 1, "", "event", "", "", "", "", A, "Trump spoke to Sean Hannity of Fox News (interview)", "medium", "C11 checkable reporting frame naming its occasion"),
 ("authorities have already made notable inroads against traffickers", 1, "donald-trump", "event", "", "", "", "", T, "US authorities have made notable inroads against traffickers (per Trump)", "high", "indirect speech"),
 ("We've knocked out 97% of the drugs coming in by water", 1, "donald-trump", "statistic", "97", "97", "percent", "exact", T, "The US has knocked out 97% of drugs coming by water", "high", "quote"),
 ("we are going to start now hitting land with regard to the cartels", 1, "donald-trump", "prediction", "", "", "", "", T, "The US will start hitting cartels on land", "high", "quote"),
 # para 4
 ("The ex-president's rhetoric echoed a deeper frustration", 1, "", "other", "", "", "", "", A, "Trump's rhetoric reflected a deeper frustration", "medium", "article's characterisation (C13); 'The ex-president' title is AQ1, not a claim"),
 ("what he described as a cartel-dominated landscape in Mexico", 1, "donald-trump", "other", "", "", "", "", T, "Mexico is dominated by cartels (Trump's description)", "medium", "C14 characterising verb; span edge could start at 'he'"),
 ("The cartels are running Mexico", 1, "donald-trump", "other", "", "", "", "", T, "The cartels are running Mexico", "high", "C4 example"),
 ("It's very,very sad to watch and see what's happened to that country", 1, "donald-trump", "other", "", "", "", "", T, "What has happened to Mexico is very sad", "medium", "C13 characterisation in a source's voice"),
 # para 5
 ("Mexican President Claudia Sheinbaum responded by framing the comments as part of Trump's dialogue style", 1, "claudia-sheinbaum", "other", "", "", "", "", T, "Trump's comments are part of his dialogue style (Sheinbaum's framing)", "medium", "C14 framing = characterising; type of content other (allowed: position)"),
 ("she had directed her foreign minister to work with U.S. counterparts to strengthen coordination,if necessary directly with the president,to stabilize cross-border cooperation", 1, "claudia-sheinbaum", "event", "", "", "", "", T, "Sheinbaum directed her foreign minister to work with US counterparts on coordination", "high", "indirect speech after 'said'"),
 # para 6
 ("Mexico's Foreign Ministry also condemned the U.S. operation in Venezuela as a \"serious threat to regional stability,\"", 1, "", "position", "", "", "", "", A, "Mexico's Foreign Ministry condemned the Venezuela operation as a serious threat to regional stability", "high", "C14 example: verb of taking a position; keeps the pair of marks (G2)"),
 ("the U.S. operation in Venezuela", 1, "", "event", "", "", "", "", A, "The US carried out an operation in Venezuela", "medium", "C2 2.32 re-mention naming the event by where"),
 ("underlining how security moves in one country can ripple across the region", 1, "", "other", "", "", "", "", A, "Security moves in one country can ripple across the region", "high", "C4 generalisation other; C13 participle"),
 # para 7
 ("Maduro's detention", 1, "", "event", "", "", "", "", A, "Maduro was detained", "high", "phrase claim after 'In the wake of' (C2 2.32)"),
 ("Trump exchanged remarks with Colombian President Gustavo Petro", 1, "", "event", "", "", "", "", A, "Trump exchanged remarks with Petro", "high", ""),
 ("whom he described as a \"sick man.\"", 1, "donald-trump", "other", "", "", "", "", T, "Petro is a sick man (Trump's description)", "high", "G2 example span"),
 ("the two leaders spoke by phone on Wednesday", 1, "", "event", "", "", "", "", A, "Trump and Petro spoke by phone on Wednesday", "high", ""),
 ("described the call as cordial", 1, "", "position", "", "", "", "", A, "Both leaders described the call as cordial", "medium", "C14 characterisation two actors hold together -> article's, position; second predicate phrase (C2)"),
 ("signaling continued diplomatic engagement", 1, "", "other", "", "", "", "", A, "The call signals continued diplomatic engagement", "high", "C13 example"),
 ("diverging views", 1, "", "other", "", "", "", "", A, "Trump and Petro hold diverging views", "medium", "phrase after 'despite' (C2 2.32); a continuing state"),
 # Key Facts table (fact_table)
 ("Mexico (possible strikes on cartels)", 1, "", "prediction", "", "", "", "", A, "Strikes on cartels in Mexico are possible", "low", "table cell; allowed: event (threat made)"),
 ("Venezuela (Maduro raid)", 1, "", "event", "", "", "", "", A, "A raid on Maduro took place in Venezuela", "medium", "table cell"),
 ("Caribbean waters (cartel boats)", 1, "", "event", "", "", "", "", A, "Cartel boats in Caribbean waters are a concern (boat strikes)", "low", "table cell; thin"),
 ("Threats of strikes inside Mexico", 1, "", "event", "", "", "", "", A, "Strikes inside Mexico were threatened", "high", "C2 2.33 names the plan as such"),
 ("rapid raid in Caracas", 1, "", "event", "", "", "", "", A, "A rapid raid took place in Caracas", "high", ""),
 ("Caribbean boat operations targeted", 1, "", "event", "", "", "", "", A, "Boat operations in the Caribbean were targeted", "high", ""),
 ("Cartels blamed for narcotics flows", 1, "", "causal", "", "", "", "", T, "Cartels are blamed for narcotics flows", "low", "agentless passive: claim attributed to no identity; allowed: position/event null asserted"),
 ("U.S. asserts significant water-borne drug seizures", 1, "united-states", "event", "", "", "", "", T, "The US has made significant water-borne drug seizures (US assertion)", "medium", "C14 saying verb"),
 ("criticisms of sovereignty and regional stability", 1, "", "event", "", "", "", "", A, "Criticisms regarding sovereignty and regional stability were voiced", "medium", ""),
 ("Mexico's government downplays rhetoric", 1, "", "position", "", "", "", "", A, "Mexico's government downplays Trump's rhetoric", "high", "C14 verb of taking a position"),
 ("calls for coordination", 1, "", "position", "", "", "", "", A, "Mexico's government calls for coordination", "high", ""),
 ("Venezuela raid condemned by Mexico", 1, "", "position", "", "", "", "", A, "Mexico condemned the Venezuela raid", "high", ""),
 ("Venezuela raid", 1, "", "event", "", "", "", "", A, "A raid in Venezuela took place", "medium", "C2 2.32 re-mention naming the event by where, nested"),
 ("mixed regional responses", 1, "", "other", "", "", "", "", A, "Regional responses were mixed", "medium", "allowed: position"),
 ("Caracas raid occurred last week", 1, "", "event", "", "", "", "", A, "The Caracas raid occurred last week", "high", ""),
 ("ongoing Caribbean actions", 1, "", "event", "", "", "", "", A, "Caribbean actions (boat strikes) are ongoing", "high", "C4 decided case"),
 ("remarks in the days that followed", 1, "", "event", "", "", "", "", A, "Remarks were made in the days after the raid", "medium", "names the timing, not a bare pointer"),
 # evergreen insights
 ("Across the hemisphere, this episode underscores enduring challenges in balancing national security with sovereignty", 1, "", "other", "", "", "", "", A, "The episode underscores challenges of balancing security and sovereignty", "high", "C13 significance"),
 ("military postures tied to narcotics control frequently enough collide with diplomatic norms", 1, "", "other", "", "", "", "", A, "Counter-narcotics military postures often collide with diplomatic norms", "high", "generalisation"),
 ("testing cooperation between countries with long histories of fraught but essential collaboration on border security, intelligence sharing, and law enforcement", 1, "", "causal", "", "", "", "", A, "These collisions test cooperation between countries", "medium", "participle of effect stated as holding (C4); allowed: other"),
 ("long histories of fraught but essential collaboration on border security, intelligence sharing, and law enforcement", 1, "", "position", "", "", "", "", A, "The countries have long histories of collaboration on border security etc.", "low", "phrase claim: standing cooperation (C4 position)"),
 ("cartels adapt", 1, "", "other", "", "", "", "", A, "Cartels adapt", "medium", "C9b names 'cartels adapt' as a generalisation"),
 ("governments may increasingly rely on a mix of sanctions, interdiction at sea, and targeted cross-border operations, alongside diplomatic negotiations to stabilize fragile regional dynamics", 1, "", "prediction", "", "", "", "", A, "Governments may increasingly rely on a mix of sanctions, interdiction and operations", "high", ""),
 ("Experts note that sustained progress against drug trafficking requires obvious rules of engagement, clear consent for cross-border actions, and robust civilian oversight to prevent escalation from spiraling into broader conflict", 1, "", "causal", "", "", "", "", T, "Progress against trafficking requires rules of engagement, consent and oversight (experts)", "high", "C13/C14 unnamed experts; span may start at 'sustained'"),
 ("Public trust hinges on consistent messaging, measurable results, and accountability for all sides in these complex security challenges", 1, "", "causal", "", "", "", "", A, "Public trust depends on consistent messaging, results and accountability", "high", "C13 example; C6 new sentence asserted"),
 # appended section
 ("Trump's Public threat Against Mexican Soil", 1, "", "event", "", "", "", "", A, "Trump publicly threatened action on Mexican soil", "medium", "heading stating something (C10); 'Context and Implications' a topic"),
 ("Throughout his 2016-2020 presidency, Donald Trump repeatedly framed Mexican drug cartels as a national security threat", 1, "", "position", "", "", "", "", A, "In his 2016-2020 presidency Trump repeatedly framed cartels as a national security threat", "high", "C14 record summary -> article's claim"),
 ("calling for \"hard-line\" actions and increased border enforcement", 1, "", "position", "", "", "", "", A, "Trump called for hard-line actions and increased border enforcement", "medium", "second predicate of the record summary"),
 ("In 2019, Trump signed EO 13864", 1, "", "event", "", "", "", "", A, "Trump signed EO 13864 in 2019", "high", ""),
 ("authorizing \"enhanced interdiction\" against transnational criminal organizations", 1, "", "legal", "", "", "", "", A, "EO 13864 authorizes enhanced interdiction against TCOs", "high", "C4 'authorizing' legal"),
 ("expanding the Department of Defense's role in anti-narco operations", 1, "", "legal", "", "", "", "", A, "EO 13864 expanded the DoD's role in anti-narco operations", "high", "C4 example"),
 ("The 2020 \"National Security and Anti-Cartel Act\" (H.R. 4245) received bipartisan support", 1, "", "event", "", "", "", "", A, "The 2020 National Security and Anti-Cartel Act received bipartisan support", "high", ""),
 ("granting the U.S. military limited authority to conduct strikes against cartel strongholds with presidential approval", 1, "", "legal", "", "", "", "", A, "The act grants the US military limited strike authority", "high", ""),
 ("Intelligence briefing (March 2024) – U.S. Central Intelligence Agency (CIA) disclosed a covert operation targeting Venezuelan President Nicolás Maduro's inner circle", 1, "", "event", "", "", "", "", A, "In March 2024 the CIA disclosed a covert operation targeting Maduro's inner circle", "high", "C2 dated label part of the claim"),
 ("a covert operation targeting Venezuelan President Nicolás Maduro's inner circle", 1, "", "event", "", "", "", "", A, "A covert operation targeted Maduro's inner circle", "low", "nested phrase claim of the operation (disclosure's content); allowed: not separate"),
 ("The mission aimed to capture high-ranking officials linked to narcotics trafficking", 1, "", "event", "", "", "", "", A, "The mission aimed to capture officials linked to narcotics trafficking", "high", "C4 mission with its aim: event"),
 ("Operational leak (April 2024) – Venezuelan state media released intercepted communications", 1, "", "event", "", "", "", "", A, "In April 2024 Venezuelan state media released intercepted communications", "high", ""),
 ("exposing the raid's failure", 1, "", "event", "", "", "", "", A, "The release exposed the raid's failure", "medium", "participle; allowed: causal"),
 ("the raid's failure", 1, "", "event", "", "", "", "", A, "The raid failed", "high", "C2 example"),
 ("sparking international criticism of U.S. involvement in Venezuelan affairs", 1, "", "causal", "", "", "", "", A, "The release sparked international criticism of US involvement", "high", "C4 'sparking' causal"),
 ("The incident heightened concerns about U.S. willingness to use force against drug-linked regimes", 1, "", "causal", "", "", "", "", A, "The incident heightened concerns about US willingness to use force", "high", "label 'After-effects' (undated) left out"),
 ("prompting Trump to revive his \"strong-hand\" narrative during a press conference on June 15 2024", 1, "", "causal", "", "", "", "", A, "The incident prompted Trump to revive his strong-hand narrative at a June 15 2024 press conference", "high", "C4 'prompting' causal"),
 ("a press conference on June 15 2024", 1, "", "event", "", "", "", "", A, "Trump held a press conference on June 15 2024", "high", "C2 example"),
 ("Trump's Threat", 1, "", "event", "", "", "", "", A, "Trump made a threat (2024)", "medium", "C10 example heading; span edge: whole heading allowed?"),
 ("June 15 2024 press event – Trump declared", 1, "", "event", "", "", "", "", A, "At a June 15 2024 press event Trump made a declaration", "medium", "label + frame; span edge"),
 ("If the Venezuelan cartel network can't be stopped in Caracas, then we'll take the fight to the source—right on Mexican soil", 1, "donald-trump", "prediction", "", "", "", "", T, "If not stopped in Caracas, the US will take the fight to Mexican soil", "high", "quote"),
 ("Follow-up tweet (June 16 2024)", 1, "", "event", "", "", "", "", A, "Trump posted a follow-up tweet on June 16 2024", "high", "C9b names it the post's own claim"),
 ("America will not tolerate drug lords using our neighbors as a shield", 1, "donald-trump", "position", "", "", "", "", T, "The US will not tolerate drug lords using neighbours as a shield", "medium", "allowed: prediction"),
 ("the U.S. will act decisively, with or without Mexico's consent", 1, "donald-trump", "prediction", "", "", "", "", T, "The US will act decisively with or without Mexico's consent", "high", "quote"),
 ("Policy memo leak (July 2024) – A draft from Trump's former National Security Council staff outlined potential air-strike zones in Sinaloa and Baja California", 1, "", "event", "", "", "", "", A, "A leaked July 2024 NSC-staff draft outlined air-strike zones in Sinaloa and Baja California", "high", ""),
 ("citing \"strategic cartel leadership hubs.\"", 1, "national-security-council", "other", "", "", "", "", T, "The zones are strategic cartel leadership hubs (per the draft)", "low", "characterisation by the draft's authors; allowed: part of the event claim"),
 # Legal and Diplomatic Framework table
 ("Executive order 13864 allows limited strikes abroad with \"imminent threat\" justification", 1, "", "legal", "", "", "", "", A, "EO 13864 allows limited strikes abroad on imminent-threat grounds", "high", ""),
 ("Mexican Constitution (Article 30) prohibits foreign military operations without congressional approval", 1, "", "legal", "", "", "", "", A, "Article 30 of Mexico's Constitution prohibits foreign military operations without congressional approval", "high", ""),
 ("UN Charter (Article 2 (4)) bars unilateral use of force against a sovereign state", 1, "", "legal", "", "", "", "", A, "UN Charter Art. 2(4) bars unilateral force", "high", ""),
 ("President can authorize limited strikes under the War Powers Resolution if the threat is \"urgent.\"", 1, "", "legal", "", "", "", "", A, "The WPR lets the President authorize limited strikes if the threat is urgent", "high", "keeps its closing mark (G2)"),
 ("Mexican Congress must ratify any foreign troop presence under the \"Ley de Seguridad Nacional.\"", 1, "", "legal", "", "", "", "", A, "Mexico's Congress must ratify foreign troop presence under the Ley de Seguridad Nacional", "high", "keeps its closing mark (G2)"),
 ("The International Court of Justice (ICJ) has ruled that cross-border strikes require either UN Security Council authorization or self-defence proof", 1, "", "legal", "", "", "", "", A, "The ICJ has ruled cross-border strikes need UNSC authorisation or self-defence proof", "medium", "'has ruled' = court acting (C3 case); allowed: ICJ claimant attributed"),
 ("Existing joint task forces (e.g., \"Merida initiative\") focus on intelligence sharing, not kinetic action", 1, "", "position", "", "", "", "", A, "Joint task forces focus on intelligence sharing, not kinetic action", "high", "C4 decided case"),
 ("Mexico's \"Joint Anti-Drug Force\" (Fuerza Conjunta Antinarcóticos) emphasizes law-enforcement over military strikes", 1, "", "position", "", "", "", "", A, "Mexico's Joint Anti-Drug Force emphasises law enforcement over strikes", "high", ""),
 ("The Inter-American Convention on the Suppression of Terrorism allows collaborative actions against transnational criminal groups, but not unilateral strikes", 1, "", "legal", "", "", "", "", A, "The Inter-American Convention allows collaborative action, not unilateral strikes", "high", ""),
 # Operational challenges (heading not a claim, C10)
 ("Cartel networks are fluid", 1, "", "other", "", "", "", "", A, "Cartel networks are fluid", "high", "C9b generalisation; label 'Intelligence reliability' a topic (C10)"),
 ("leadership changes rapidly", 1, "", "other", "", "", "", "", A, "Cartel leadership changes rapidly", "high", ""),
 ("making real-time targeting arduous", 1, "", "causal", "", "", "", "", A, "Rapid leadership change makes real-time targeting arduous", "high", "C4 'making' causal"),
 ("Collateral damage risk", 1, "", "prediction", "", "", "", "", A, "Strikes would risk collateral damage", "high", "C10 label naming a risk; typed as under its heading"),
 ("Air strikes in densely populated regions risk civilian casualties", 1, "", "prediction", "", "", "", "", A, "Air strikes in populated regions would risk civilian casualties", "high", ""),
 ("potentially violating the law of Armed Conflict", 1, "", "prediction", "", "", "", "", A, "Such strikes could violate the law of armed conflict", "high", ""),
 ("U.S. Special operations Forces would need explicit host-nation permission to avoid breaching international law", 1, "", "legal", "", "", "", "", A, "US SOF would need host-nation permission not to breach international law", "medium", "label 'Cross-border jurisdiction' a topic (C10); allowed: prediction"),
 ("Logistical constraints", 1, "", "prediction", "", "", "", "", A, "Strikes would face logistical constraints", "high", "C10 label naming a constraint"),
 ("Operating from U.S. bases in the Southwest (e.g., Nellis AFB) would require extended sortie ranges and aerial refueling", 1, "", "prediction", "", "", "", "", A, "Operations from Southwest bases would need extended sorties and refuelling", "high", ""),
 ("increasing mission complexity", 1, "", "prediction", "", "", "", "", A, "This would increase mission complexity", "high", ""),
 # Potential impact (heading not a claim)
 ("Diplomatic backlash", 1, "", "prediction", "", "", "", "", A, "Strikes would bring diplomatic backlash", "high", "C10 label naming an effect"),
 ("Mexico's foreign ministry (SRE) has warned that \"any unilateral strike will be seen as an act of aggression.\"", 1, "mexico-foreign-ministry", "prediction", "", "", "", "", T, "Any unilateral strike will be seen as an act of aggression (SRE warning)", "medium", "C14 'has warned that'; span may start at the content"),
 ("Economic repercussions", 1, "", "prediction", "", "", "", "", A, "Strikes would have economic repercussions", "high", ""),
 ("Trade flow under USMCA could face tariffs or suspension if tensions escalate", 1, "", "prediction", "", "", "", "", A, "USMCA trade could face tariffs or suspension", "high", ""),
 ("Security cooperation strain", 1, "", "prediction", "", "", "", "", A, "Strikes would strain security cooperation", "high", ""),
 ("Joint anti-drug operations could be halted", 1, "", "prediction", "", "", "", "", A, "Joint anti-drug operations could be halted", "high", ""),
 ("undermining intelligence sharing that already curbs cartel shipments", 1, "", "prediction", "", "", "", "", A, "Halting operations would undermine intelligence sharing", "medium", "effect that may follow (C4)"),
 ("intelligence sharing that already curbs cartel shipments", 1, "", "causal", "", "", "", "", A, "Intelligence sharing already curbs cartel shipments", "medium", "effect stated as holding"),
 ("Public opinion shift", 1, "", "prediction", "", "", "", "", A, "Strikes would shift public opinion", "high", ""),
 ("Polls from El Financiero (August 2024) show 62% of Mexicans oppose foreign military action on their soil", 1, "el-financiero", "statistic", "62", "62", "percent", "exact", T, "62% of Mexicans oppose foreign military action (El Financiero poll, Aug 2024)", "medium", "claimant: the poll's medium (C14 'show'); allowed: null asserted"),
 ("potentially fueling anti-U.S. sentiment", 1, "", "prediction", "", "", "", "", A, "This could fuel anti-US sentiment", "high", ""),
 # Policy alternatives: advice, not claims (C12), but an effect predicted:
 ("limiting their ability to finance operations", 1, "", "prediction", "", "", "", "", A, "Freezing cartel leaders' assets would limit their ability to finance operations", "low", "effect inside advice; allowed: none (C12 advice)"),
 # Case study (hypothetical)
 ("2022 U.S.Drone Strike in Aguascalientes", 1, "", "event", "", "", "", "", A, "The US carried out a drone strike in Aguascalientes in 2022", "low", "heading naming the event; allowed: a topic heading, no claim"),
 ("The U.S. conducted a limited UAV operation targeting a known cartel weapons cache in 2022", 1, "", "event", "", "", "", "", A, "In 2022 the US conducted a UAV operation against a cartel weapons cache", "high", ""),
 ("coordinated with Mexican authorities", 1, "", "event", "", "", "", "", A, "The operation was coordinated with Mexican authorities", "medium", "another proposition (C2); allowed: in one span"),
 ("The strike destroyed 15 metric tons of illicit arms", 1, "", "statistic", "15", "15", "metric_tons", "exact", A, "The strike destroyed 15 metric tons of illicit arms", "high", ""),
 ("no civilian casualties", 1, "", "event", "", "", "", "", A, "The strike caused no civilian casualties", "high", "C2 example span"),
 ("Post-operation reports indicated a 12% reduction in weapon flow to the Pacific corridor for six months", 1, "", "statistic", "12", "12", "percent_decrease", "exact", T, "Weapon flow to the Pacific corridor fell 12% for six months (per reports)", "high", "unnamed reports -> null attributed"),
 ("success hinged on bilateral approval, precise intelligence, and a clear exit strategy", 1, "", "causal", "", "", "", "", A, "The operation's success hinged on approval, intelligence and exit strategy", "high", "label 'Lesson learned' left out"),
 ("highlighting the importance of cooperation over unilateral force", 1, "", "other", "", "", "", "", A, "Cooperation matters more than unilateral force", "medium", "C13 participle; allowed: causal"),
 # Key takeaways
 ("Trump's threat reflects a broader shift toward aggressive rhetoric", 1, "", "other", "", "", "", "", A, "Trump's threat reflects a shift to aggressive rhetoric", "high", "C13 significance"),
 ("faces significant legal, diplomatic, and operational hurdles", 1, "", "other", "", "", "", "", A, "The threat faces legal, diplomatic and operational hurdles", "high", "second predicate (C2)"),
 ("Kinetic strikes on Mexican soil risk violating sovereignty, provoking civilian casualties, and undermining longstanding bilateral security frameworks", 1, "", "prediction", "", "", "", "", A, "Strikes on Mexican soil risk violating sovereignty, casualties, undermining frameworks", "high", ""),
 ("non-kinetic alternatives—intelligence sharing, sanctions, capacity building—offer more sustainable, lawful avenues to disrupt cartel networks without escalating conflict", 1, "", "other", "", "", "", "", A, "Non-kinetic alternatives offer more sustainable lawful avenues", "high", "judgement (C13)"),
 # disclaimer
 ("All statements are based on publicly available sources, including official White House press releases, Congressional records, and reputable news outlets (Reuters, Associated Press, El Financiero)", 1, "", "other", "", "", "", "", A, "The article's statements are based on public sources", "high", "G3 boilerplate is covered"),
 ("No fictional events have been introduced", 1, "", "other", "", "", "", "", A, "The article introduces no fictional events", "high", ""),
]

cols = ["no", "start", "end", "text", "claimant_id", "type", "quantity_low", "quantity_high",
        "quantity_unit", "quantity_bound", "hedging", "proposition", "confidence", "note"]
rows = []
for r in R:
    span, n = r[0], r[1]
    s, e = locate(span, n)
    t = TEXT[s:e]
    assert t == t.strip(), t
    rows.append([s, e, t] + list(r[2:]))
rows.sort(key=lambda x: (x[0], -x[1]))
out = ROOT / "docs/notes/review46_claims.tsv"
with out.open("w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(cols)
    for i, r in enumerate(rows, 1):
        w.writerow([f"p{i:03d}"] + r)
print(len(rows), "rows ->", out)
