"""review38 independent pass (step 1): entity catalogue and mentions of the five raw articles,
written from ANNOTATION_GUIDELINES.md 2.33 and dataset/raw/*.txt only (no gold read).
Run from the repository root: python3 docs/notes/review38_pass.py
Writes docs/notes/review38_entities.tsv and docs/notes/review38_mentions.tsv."""
import glob, os, re, sys

RAW = sorted(glob.glob("dataset/raw/*.txt"))
TEXT = {os.path.basename(f)[:3]: open(f, encoding="utf-8").read() for f in RAW}

H = "\u2011"  # non-breaking hyphen as the raw text of a002 has it
# (entity_id, type, aliases, flag, note)
ENT = [
 ("donald-trump", "PERSON", ["Donald Trump", "Trump"], "", "US President; speaker of the land-strike remarks"),
 ("claudia-sheinbaum", "PERSON", ["Claudia Sheinbaum", "Sheinbaum"], "", "President of Mexico"),
 ("nicolas-maduro", "PERSON", ["Nicolás Maduro", "Nicolas Maduro", "Maduro"], "", "Venezuelan president captured by the US operation"),
 ("cilia-flores", "PERSON", ["Cilia Flores"], "", "Maduro's wife, captured with him"),
 ("gustavo-petro", "PERSON", ["Gustavo Petro"], "", "President of Colombia"),
 ("marco-rubio", "PERSON", ["Marco Rubio"], "", "US Secretary of State"),
 ("david-saucedo", "PERSON", ["David Saucedo", "Saucedo"], "", "Mexican security expert quoted in a001"),
 ("carlos-perez-ricart", "PERSON", ["Carlos Pérez Ricart"], "", "Political analyst quoted in a001"),
 ("sean-hannity", "PERSON", ["Sean Hannity"], "", "Fox News host who interviewed Trump"),
 ("omar-el-sayed", "PERSON", ["Omar El Sayed"], "", "Byline author of a002 (World Editor)"),
 ("mexico-foreign-minister", "PERSON", [], "", "Sheinbaum's foreign minister, named only by office (a002 'her foreign minister')"),
 ("trump-administration", "ORG", ["Trump administration"], "", "The US executive under Trump"),
 ("sheinbaum-administration", "ORG", ["Sheinbaum administration"], "", "Mexico's executive under Sheinbaum"),
 ("white-house", "ORG", ["White House"], "", "US presidency (building for the office)"),
 ("mexico-foreign-ministry", "ORG", ["Foreign Ministry", "foreign ministry", "SRE"], "", "Mexico's Secretaría de Relaciones Exteriores"),
 ("cia", "ORG", ["Central Intelligence Agency", "CIA"], "", "US Central Intelligence Agency"),
 ("department-of-defense", "ORG", ["Department of Defense"], "", "US Department of Defense"),
 ("national-security-council", "ORG", ["National Security Council"], "", "US National Security Council"),
 ("us-congress", "ORG", ["Congress", "Congressional"], "", "United States Congress"),
 ("mexican-congress", "ORG", ["Mexican Congress"], "", "Congress of the Union of Mexico"),
 ("international-court-of-justice", "ORG", ["International Court of Justice", "ICJ"], "", "UN principal judicial organ"),
 ("un-security-council", "ORG", ["UN Security Council"], "", "United Nations Security Council"),
 ("ofac", "ORG", ["OFAC"], "", "US Treasury Office of Foreign Assets Control"),
 ("sedena", "ORG", ["Secretariat of Defense", "SEDENA"], "", "Mexico's Secretaría de la Defensa Nacional"),
 ("joint-counter-narco-intelligence-center", "ORG", ["Joint Counter" + H + "Narco Intelligence Center", "JCNIC"], "unverifiable", "No public record of a 'Joint Counter-Narco Intelligence Center'; cannot be checked"),
 ("joint-anti-drug-force", "ORG", ["Joint Anti" + H + "Drug Force", "Fuerza Conjunta Antinarcóticos"], "unverifiable", "No public record of a Mexican 'Fuerza Conjunta Antinarcóticos'; cannot be checked"),
 ("fuerza-armada-nacional", "ORG", ["Fuerza Armada Nacional", "FAN"], "fabricated", "Given to Mexico, but the Fuerza Armada Nacional (Bolivariana) is Venezuela's; Mexico's forces are SEDENA/SEMAR"),
 ("us-special-operations-forces", "ORG", ["Special operations Forces"], "", "US Special Operations Forces (a002 operational challenges list)"),
 ("sinaloa-cartel", "ORG", ["Sinaloa Cartel"], "", "Mexican drug cartel"),
 ("jalisco-new-generation-cartel", "ORG", ["Jalisco New Generation Cartel"], "", "Mexican drug cartel (CJNG)"),
 ("nato", "ORG", ["NATO"], "", "North Atlantic Treaty Organization (a000 link to another article)"),
 ("united-states", "GPE", ["United States", "U.S.", "US", "America", "Washington"], "", "The United States (and its government, E4)"),
 ("mexico", "GPE", ["Mexico"], "", "Mexico (and its government, E4)"),
 ("venezuela", "GPE", ["Venezuela"], "", "Venezuela"),
 ("colombia", "GPE", ["Colombia"], "", "Colombia"),
 ("caracas", "GPE", ["Caracas"], "", "Capital of Venezuela"),
 ("sinaloa", "GPE", ["Sinaloa"], "", "Mexican state"),
 ("baja-california", "GPE", ["Baja California"], "", "Mexican state"),
 ("mexico-city", "GPE", ["Mexico City"], "", "Capital of Mexico (the city, a004)"),
 ("washington-dc", "GPE", [], "", "Washington the city (a004 'from Washington to Mexico City'); its surface 'Washington' is listed under united-states (M5, E3 one alias one entity)"),
 ("denmark", "GPE", ["Denmark"], "", "Denmark (a000 link to another article)"),
 ("greenland", "GPE", ["Greenland"], "", "Greenland (a000 link to another article)"),
 ("latin-america", "LOC", ["Latin America", "Latin American"], "", "Region"),
 ("western-hemisphere", "LOC", ["Western Hemisphere"], "", "Region"),
 ("caribbean-sea", "LOC", ["Caribbean Sea", "Caribbean"], "", "Sea where the boat strikes took place"),
 ("eastern-pacific-ocean", "LOC", ["eastern Pacific Ocean", "Pacific"], "", "Ocean where the boat strikes took place"),
 ("us-southwest", "LOC", ["Southwest"], "", "US Southwest region (a002 'U.S. bases in the Southwest')"),
 ("nellis-afb", "LOC", ["Nellis AFB"], "", "Nellis Air Force Base, Nevada"),
 ("mexicans", "NORP", ["Mexican", "Mexicans", "mexican"], "", "Mexican nationality/people"),
 ("americans", "NORP", ["American", "Americans"], "", "American nationality/people"),
 ("venezuelans", "NORP", ["Venezuelan"], "", "Venezuelan nationality"),
 ("colombians", "NORP", ["Colombian"], "", "Colombian nationality"),
 ("maduro-operation", "EVENT", [], "", "January 2026 US operation in Caracas that captured Maduro and Cilia Flores"),
 ("maduro-raid-2024", "EVENT", [], "fabricated", "a002 appended account of a failed covert CIA raid in March 2024: no such raid or leak is on record"),
 ("fox-news-interview-2026", "EVENT", [], "", "Trump's Fox News (Hannity) interview after the Maduro operation"),
 ("nyt-interview-2026", "EVENT", [], "", "Trump's New York Times interview on the limits of his powers"),
 ("trump-petro-call", "EVENT", [], "", "Phone call between Trump and Petro (a002)"),
 ("cartel-terrorist-designation", "EVENT", [], "", "US designation of cartels as terrorist organisations (a003)"),
 ("boat-strike-campaign", "EVENT", [], "", "US strikes on drug-smuggling boats in the Caribbean and eastern Pacific since Sept 2025"),
 ("trump-press-event-2024-06-15", "EVENT", [], "fabricated", "a002: 'June 15 2024 press event' answering a raid that never happened; no such statement on record"),
 ("trump-tweet-2024-06-16", "EVENT", [], "fabricated", "a002: 'Follow-up tweet (June 16 2024)'; no such Trump post on record"),
 ("nsc-policy-memo-leak-2024", "EVENT", [], "unverifiable", "a002: leaked July 2024 draft of former NSC staff with strike zones; cannot be checked"),
 ("drone-strike-aguascalientes-2022", "EVENT", ["2022 U.S.Drone Strike in Aguascalientes"], "fabricated", "a002 case study the article itself calls hypothetical; no such strike happened"),
 ("el-financiero-poll-2024", "OTHER", [], "unverifiable", "a002: El Financiero poll (August 2024) with 62% of Mexicans opposing; not found in the public record"),
 ("merida-initiative", "OTHER", ["Merida initiative"], "", "US-Mexico security cooperation programme (Mérida Initiative)"),
 ("akismet", "OTHER", ["Akismet"], "", "Spam-filtering service named in a002's comment boilerplate"),
 ("usmca", "LAW", ["US-Mexico-Canada Agreement", "USMCA"], "", "US-Mexico-Canada trade agreement"),
 ("national-security-strategy", "LAW", ["National Security Strategy"], "", "Trump administration's 2025 National Security Strategy"),
 ("eo-13864", "LAW", ["EO 13864", "Executive order 13864"], "fabricated", "EO 13864 is 'Improving Free Inquiry, Transparency, and Accountability at Colleges and Universities' (March 2019), not an anti-cartel interdiction order"),
 ("national-security-and-anti-cartel-act", "LAW", ["National Security and Anti" + H + "Cartel Act", "H.R. 4245"], "fabricated", "No 2020 'National Security and Anti-Cartel Act' passed or exists; invented act"),
 ("mexican-constitution", "LAW", ["Mexican Constitution"], "", "Constitution of Mexico (a002 cites Article 30, which is on nationality, a claim error not the entity's)"),
 ("un-charter", "LAW", ["UN Charter", "United Nations Charter"], "", "Charter of the United Nations"),
 ("war-powers-resolution", "LAW", ["War Powers Resolution"], "", "US War Powers Resolution of 1973"),
 ("ley-de-seguridad-nacional", "LAW", ["Ley de Seguridad Nacional"], "", "Mexico's National Security Law (2005)"),
 ("inter-american-convention-suppression-terrorism", "LAW", ["Inter" + H + "American Convention on the Suppression of Terrorism"], "fabricated", "No treaty carries this name (the OAS one is the Inter-American Convention against Terrorism; 'Suppression of Terrorism' is the European convention)"),
 ("kingpin-act", "LAW", ["Kingpin Act"], "", "Foreign Narcotics Kingpin Designation Act"),
 ("us-mexico-extradition-treaty", "LAW", ["U.S.–Mexico Extradition Treaty"], "", "1978 US-Mexico extradition treaty"),
 ("denmark-shoot-first-order", "LAW", ["Shoot-First Order"], "", "Danish standing order to shoot first (a000 link headline)"),
 ("fox-news", "MEDIA", ["Fox News"], "", "US cable news channel"),
 ("new-york-times", "MEDIA", ["New York Times"], "", "US newspaper"),
 ("reuters", "MEDIA", ["Reuters"], "", "News agency"),
 ("bbc", "MEDIA", ["BBC"], "", "British broadcaster"),
 ("associated-press", "MEDIA", ["Associated Press"], "", "News agency"),
 ("el-financiero", "MEDIA", ["El Financiero"], "", "Mexican newspaper"),
 ("usnewssphere", "MEDIA", ["USnewsSphere.com"], "", "Site that published a004"),
]
ETYPE = {e[0]: e[1] for e in ENT}

# NAME occurrences whose entity is not the alias owner (E4) or that are not mentions (M5)
# key: (article, alias, 1-based occurrence among that alias's whole-word matches)
OVERRIDE = {
 ("004", "Washington", 1): ("washington-dc", "E4 the city: 'from Washington to Mexico City'"),
}
EXCLUDE = {
 ("002", "Pacific", 1): "'the Pacific corridor' is a smuggling route along Mexico's Pacific coast (land), not the ocean",
}

SP = "[ \u00a0\u202f\u2009\u2000-\u200a\u3000]"
def alias_re(a):
    parts = [re.escape(p) for p in a.split(" ")]
    return re.compile(r"(?<![\w])" + SP.join(parts) + r"(?![\w])")

def name_mentions():
    out, excl = [], []
    for art, t in TEXT.items():
        cands = []
        for eid, typ, aliases, flag, note in ENT:
            for a in aliases:
                for k, m in enumerate(alias_re(a).finditer(t), 1):
                    cands.append((m.start(), m.end(), eid, a, k))
        # longest name wins (M4)
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = []
        for s, e, eid, a, k in cands:
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if (art, a, k) in EXCLUDE:
                excl.append((art, s, e, t[s:e], eid, EXCLUDE[(art, a, k)]))
                continue
            rule, conf = "M2", "high"
            if (art, a, k) in OVERRIDE:
                eid, why = OVERRIDE[(art, a, k)]
                rule = why
            elif a == "Washington":
                rule, conf = "M2+E4 capital for its government", "high"
            elif ETYPE[eid] == "NORP" or a in ("Congressional", "Latin American"):
                rule = "M2 adjectival name"
            if a in ("mexican", "Latin American", "Special operations Forces", "Southwest", "Nellis AFB",
                     "Shoot-First Order", "Akismet", "Foreign Ministry", "foreign ministry"):
                conf = "medium"
            out.append((art, s, e, t[s:e], eid, "NAME", "required", rule, conf))
    return out, excl

# NOMINAL / PRONOUN mentions: (article, context, target within context, entity, kind, req, rule, conf)
NP = [
 # ---- a000
 ("000", "the dramatic US military operation that led", "the dramatic US military operation", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("000", "Nicolás Maduro and his wife", "his", "nicolas-maduro", "PRONOUN", "optional", "M3", "high"),
 ("000", "Nicolás Maduro and his wife", "his wife", "cilia-flores", "NOMINAL", "optional", "M3/E1", "high"),
 ("000", "in Washington’s approach", "", None, None, None, None, None),
 ("000", "The US President has now openly stated", "The US President", "donald-trump", "NOMINAL", "required", "M3/Q6 speaker", "high"),
 ("000", "In his first sit-down interview", "his first sit-down interview", "fox-news-interview-2026", "NOMINAL", "required", "M3/Q14 speech event (E6 example)", "high"),
 ("000", "In his first sit-down interview", "his", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("000", "following the Maduro operation, Trump told", "the Maduro operation", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("000", "According to him", "him", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker (Q6 example)", "high"),
 ("000", "happened to that country", "that country", "mexico", "NOMINAL", "optional", "M3", "medium"),
 ("000", "Washington’s unprecedented military action in Venezuela", "Washington’s unprecedented military action", "maduro-operation", "NOMINAL", "optional", "M3/E6", "medium"),
 ("000", "Soon after Maduro’s capture", "Maduro’s capture", "maduro-operation", "NOMINAL", "optional", "M3/E6", "medium"),
 ("000", "with her strongest public rebuke", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("000", "other countries,” she said", "she", "claudia-sheinbaum", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("000", "Trump revealed that he has", "he", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("000", "proposals she has consistently", "she", "claudia-sheinbaum", "PRONOUN", "optional", "M3/S3 stance holder?", "medium"),
 ("000", "“I’ve asked her", "I", "donald-trump", "PRONOUN", "required", "M3/Q4 nested-quote speaker (Q4 example)", "high"),
 ("000", "“I’ve asked her", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("000", "And she says no", "she", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("000", "aftermath of the Venezuela operation", "the Venezuela operation", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("000", "Venezuela’s First Lady", "Venezuela’s First Lady", "cilia-flores", "NOMINAL", "optional", "M3/E1", "medium"),
 # ---- a001
 ("001", "in his administration's war", "his administration", "trump-administration", "NOMINAL", "optional", "M3/E6", "high"),
 ("001", "in his administration's war", "his", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("001", "a brazen raid to capture its president", "its president", "nicolas-maduro", "NOMINAL", "optional", "M3", "high"),
 ("001", "a brazen raid to capture its president", "its", "venezuela", "PRONOUN", "optional", "M3", "high"),
 ("001", "In an interview with Fox News", "interview", "fox-news-interview-2026", "NOMINAL", "required", "M3/Q14 speech event (E6, M1 indefinite article out)", "high"),
 ("001", "These operations targeted", "These operations", "boat-strike-campaign", "NOMINAL", "optional", "M3/E6", "medium"),
 ("001", "The President framed the cartels", "The President", "donald-trump", "NOMINAL", "required", "M3/Q6 speaker of 'claiming ... \"running Mexico\"'", "high"),
 ("001", "He further asserted", "He", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("001", "last week's extraordinary military raid", "last week's extraordinary military raid", "maduro-operation", "NOMINAL", "optional", "M3/E6", "medium"),
 ("001", "The operation led to the capture", "The operation", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("001", "and his wife, Cilia Flores", "his", "nicolas-maduro", "PRONOUN", "optional", "M3", "high"),
 ("001", "and his wife, Cilia Flores", "his wife", "cilia-flores", "NOMINAL", "optional", "M3", "high"),
 ("001", "Colombia and its leftist President", "its", "colombia", "PRONOUN", "optional", "M3", "high"),
 ("001", "When questioned by the New York Times", "questioned by the New York Times", "nyt-interview-2026", "NOMINAL", "required", "M3/Q14 speech event (E6 example; no noun phrase, span is the E6 phrase)", "low"),
 ("001", "limits of his foreign policy powers", "his", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("001", "criticised the Venezuela intervention", "the Venezuela intervention", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("001", "stating it never brings", "it", "maduro-operation", "PRONOUN", "optional", "M3", "medium"),
 ("001", "insisting her relationship", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("001", "She confirmed the idea", "She", "claudia-sheinbaum", "PRONOUN", "required", "M3/Q6 speaker of 'arguing that \"organised crime ...\"'", "high"),
 ("001", "than its predecessor", "its", "sheinbaum-administration", "PRONOUN", "optional", "M3", "medium"),
 # ---- a002
 ("002", "directed her foreign minister", "her foreign minister", "mexico-foreign-minister", "NOMINAL", "required", "E1/M6 (only mention of a catalogued entity)", "high"),
 ("002", "directed her foreign minister", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("002", "said she had directed", "she", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("002", "directly with the president,", "the president", "donald-trump", "NOMINAL", "optional", "M3", "medium"),
 ("002", "The ex-president’s rhetoric", "The ex-president", "donald-trump", "NOMINAL", "required", "M3/Q6 speaker (Q6 example)", "high"),
 ("002", "what he described as a cartel", "he", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("002", "condemned the U.S. operation in Venezuela", "the U.S. operation", "maduro-operation", "NOMINAL", "optional", "M3/E6", "high"),
 ("002", "In the wake of Maduro’s detention", "Maduro’s detention", "maduro-operation", "NOMINAL", "optional", "M3/E6", "medium"),
 ("002", "whom he described as a “sick man.”", "he", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker of partial 'sick man.'", "high"),
 ("002", "described the call as cordial", "the call", "trump-petro-call", "NOMINAL", "required", "E6/M6 (only mention of the call; E6 example)", "high"),
 ("002", "Throughout his 2016", "his", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("002", "The Maduro Raid: What Happened?", "The Maduro Raid", "maduro-raid-2024", "NOMINAL", "required", "E6/M6 appended account of another event (E6 example)", "high"),
 ("002", "disclosed a covert operation targeting", "covert operation", "maduro-raid-2024", "NOMINAL", "optional", "M3/E6 (indefinite article out)", "medium"),
 ("002", "The mission aimed", "The mission", "maduro-raid-2024", "NOMINAL", "optional", "M3/E6", "high"),
 ("002", "exposing the raid’s failure", "the raid", "maduro-raid-2024", "NOMINAL", "optional", "M3/E6", "high"),
 ("002", "The incident heightened", "The incident", "maduro-raid-2024", "NOMINAL", "optional", "M3/E6", "high"),
 ("002", "to revive his “strong", "his", "donald-trump", "PRONOUN", "optional", "M3", "high"),
 ("002", "during a press conference on June", "press conference", "trump-press-event-2024-06-15", "NOMINAL", "optional", "M3/E6 (indefinite article out)", "medium"),
 ("002", "June\u202f15\u202f2024 press event", "June\u202f15\u202f2024 press event", "trump-press-event-2024-06-15", "NOMINAL", "required", "M3/Q14 speech event of 'Trump declared'", "medium"),
 ("002", "Follow" + H + "up tweet", "Follow" + H + "up tweet", "trump-tweet-2024-06-16", "NOMINAL", "required", "M3/Q14 written occasion (Q14 example)", "high"),
 ("002", "Policy memo leak", "Policy memo leak", "nsc-policy-memo-leak-2024", "NOMINAL", "optional", "M3/Q14 written occasion?", "low"),
 ("002", "Polls from El Financiero", "Polls", "el-financiero-poll-2024", "NOMINAL", "optional", "M3/E2 OTHER poll", "low"),
 ("002", "Background – The U.S. conducted a limited UAV operation", "limited UAV operation", "drone-strike-aguascalientes-2022", "NOMINAL", "optional", "M3 (indefinite article out)", "medium"),
 ("002", "The strike destroyed", "The strike", "drone-strike-aguascalientes-2022", "NOMINAL", "optional", "M3", "high"),
 ("002", "Caribbean boat operations targeted", "Caribbean boat operations", "boat-strike-campaign", "NOMINAL", "optional", "M3/E6", "low"),
 # ---- a003
 ("003", "In an interview on Fox News, he said", "interview", "fox-news-interview-2026", "NOMINAL", "required", "M3/Q14 speech event (M1 example)", "high"),
 ("003", "In an interview on Fox News, he said", "he", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("003", "He claimed cartels", "He", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("003", "Those strikes expanded", "Those strikes", "boat-strike-campaign", "NOMINAL", "optional", "M3/E6", "high"),
 ("003", "under the administration’s broader", "the administration", "trump-administration", "NOMINAL", "optional", "M3/E6", "high"),
 ("003", "He stressed that Mexico", "He", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("003", "“get its act together”", "its", "mexico", "PRONOUN", "optional", "M3", "high"),
 ("003", "Mexican Government Rejects", "Mexican Government", "mexico", "NOMINAL", "optional", "M3/S3 holder (E4 government)", "medium"),
 ("003", "reiterated her nation’s", "her nation", "mexico", "NOMINAL", "optional", "M3", "high"),
 ("003", "reiterated her nation’s", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("003", "She called for diplomatic", "She", "claudia-sheinbaum", "PRONOUN", "optional", "M3/S3 stance holder (evidence?)", "medium"),
 ("003", "Her administration cited", "Her administration", "sheinbaum-administration", "NOMINAL", "optional", "M3", "high"),
 ("003", "Her administration cited", "Her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("003", "She noted homicide", "She", "claudia-sheinbaum", "PRONOUN", "required", "M3/Q6 speaker (indirect 'noted')", "high"),
 ("003", "action on its territory", "its", "mexico", "PRONOUN", "optional", "M3", "high"),
 ("003", "The operations vote down", "The operations", "boat-strike-campaign", "NOMINAL", "optional", "M3/E6", "medium"),
 ("003", "The administration also designated", "The administration", "trump-administration", "NOMINAL", "optional", "M3/E6", "high"),
 ("003", "This unusual categorisation", "This unusual categorisation", "cartel-terrorist-designation", "NOMINAL", "required", "E6/M6 (the designation's only noun phrase)", "high"),
 ("003", "the controversial Venezuelan performance", "the controversial Venezuelan performance", "maduro-operation", "NOMINAL", "optional", "M3/E6", "medium"),
 ("003", "captured their president", "their president", "nicolas-maduro", "NOMINAL", "optional", "M3", "medium"),
 # ---- a004
 ("004", "speaking in a high-profile interview", "high-profile interview", "fox-news-interview-2026", "NOMINAL", "required", "M3/Q14 speech event (M1 indefinite article out)", "high"),
 ("004", "maritime strikes on drug-smuggling vessels", "maritime strikes on drug-smuggling vessels", "boat-strike-campaign", "NOMINAL", "optional", "M3/E6 (E6 example)", "medium"),
 ("004", "and the capture of Venezuelan President Nicolás Maduro", "the capture", "maduro-operation", "NOMINAL", "optional", "M3/E6", "low"),
 ("004", "In the interview, he asserted", "the interview", "fox-news-interview-2026", "NOMINAL", "required", "M3/Q14 speech event", "high"),
 ("004", "In the interview, he asserted", "he", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("004", "underscoring her nation’s", "her nation", "mexico", "NOMINAL", "optional", "M3", "high"),
 ("004", "underscoring her nation’s", "her", "claudia-sheinbaum", "PRONOUN", "optional", "M3", "high"),
 ("004", "She emphasized that", "She", "claudia-sheinbaum", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("004", "with government officials highlighting", "government officials", "mexico", "NOMINAL", "optional", "M3 (C14 claimant is the government, Q9)", "medium"),
 ("004", "which he claims has", "he", "donald-trump", "PRONOUN", "required", "M3/Q6 speaker", "high"),
 ("004", "Mexican officials have signaled", "Mexican officials", "mexico", "NOMINAL", "required", "M3/Q6 speaker (Q9 example: attributed to mexico)", "high"),
 ("004", "signaled they will defend", "they", "mexico", "PRONOUN", "optional", "M3", "high"),
 ("004", "Reu.", "Reu", "reuters", "NAME", "optional", "truncated name (AQ truncation artifact); not an alias", "low"),
]

def np_mentions():
    out = []
    for art, ctx, tgt, eid, kind, req, rule, conf in NP:
        if eid is None:
            continue
        t = TEXT[art]
        n = t.count(ctx)
        assert n == 1, (art, ctx, n)
        c = t.index(ctx)
        off = ctx.index(tgt) if tgt != "I" else ctx.index("I’")
        s = c + off
        e = s + len(tgt)
        assert t[s:e] == tgt
        out.append((art, s, e, tgt, eid, kind, req, rule, conf))
    return out

def main():
    names, excl = name_mentions()
    nps = np_mentions()
    rows = sorted(names + nps, key=lambda r: (r[0], r[1], r[2]))
    used = {r[4] for r in rows}
    missing = [e[0] for e in ENT if e[0] not in used]
    assert not missing, missing
    arts = {}
    for r in rows:
        arts.setdefault(r[4], set()).add(r[0])
    with open("docs/notes/review38_entities.tsv", "w", encoding="utf-8") as f:
        f.write("entity_id\ttype\taliases\tflag\tnote\tarticles\n")
        for eid, typ, aliases, flag, note in ENT:
            f.write("\t".join([eid, typ, " | ".join(aliases), flag, note, ",".join(sorted(arts[eid]))]) + "\n")
    with open("docs/notes/review38_mentions.tsv", "w", encoding="utf-8") as f:
        f.write("article_id\tstart\tend\ttext\tentity_id\tkind\trequired\trule\tconfidence\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
        for art, s, e, txt, eid, why in sorted(excl):
            f.write("\t".join([art, str(s), str(e), txt, eid, "EXCLUSION", "-", "M5: " + why, "medium"]) + "\n")
    print(len(ENT), "entities;", len(names), "NAME;", len(nps), "NOMINAL/PRONOUN;", len(excl), "exclusions")

if __name__ == "__main__":
    main()
