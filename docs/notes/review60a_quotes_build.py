"""Offsets for review60a's own quotes pass (step 1). Every row below is a reading of the raw
text by review60a; this script only locates the written strings and checks text[start:end].
Rerun: python docs/notes/review60a_quotes_build.py  (writes docs/notes/review60a_quotes.tsv)."""
import csv, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTS = {"000": "000_68b95635092649cd", "001": "001_f1f49e9dc8ada067", "004": "004_26f752040ea19616"}

def find(t, s, n=1, after=0):
    i = after - 1
    for _ in range(n):
        i = t.find(s, i + 1)
        if i < 0:
            raise SystemExit(f"not found: {s!r} n={n}")
    return i

def inside(t, anchor, word, an=1):
    """Span of `word` inside the unique (or an-th) occurrence of `anchor`."""
    a = find(t, anchor, an)
    w = t.find(word, a)
    assert 0 <= w - a <= len(anchor) - len(word), (anchor, word)
    return w, w + len(word)

# (local id, article, quote text, occurrence n, kind, status, speaker_id,
#  speaker (anchor, words) or None, cue (anchor, words) or None, cue_lemma, parent local id,
#  event_id, confidence, note)
R = []
def q(*a): R.append(a)

TR = "donald-trump"; CS = "claudia-sheinbaum"; FOX = "fox-news-interview-2026"; NYT = "nyt-interview-2026"
# ---------------- a000
q("p000-01","000","American forces will begin carrying out land strikes against drug cartels operating in Mexico",1,"indirect","attributed",TR,
  ("The US President has now openly stated","The US President"),("The US President has now openly stated","stated"),"state",None,None,"high","lede; occasion named only in the next paragraph, so no event")
q("p000-02","000","the United States had already seen “maximum success” by targeting cartel operations at sea in the eastern Pacific Ocean and the Caribbean",1,"indirect","attributed",TR,
  ("Trump told Fox News","Trump"),("Trump told Fox News","told"),"tell",None,FOX,"high","Q5 told Fox News -> told")
q("p000-03","000","maximum success",1,"partial","attributed",TR,
  ("Trump told Fox News","Trump"),("Trump told Fox News","told"),"tell","p000-02",FOX,"high","Q4 partial inside indirect")
q("p000-04","000","the next phase would involve direct land-based action",1,"indirect","attributed",TR,
  ("According to him","him"),("According to him","According to"),"according to",None,FOX,"high","Q6 According to him -> him")
q("p000-05","000","We are going to start now hitting land with regard to the cartels,",1,"direct","attributed",TR,
  ("cartels,” Trump said, claiming","Trump"),("cartels,” Trump said, claiming","said"),"say",None,FOX,"high","Q3 split quote, first part; comma kept (G2)")
q("p000-06","000","criminal organisations had effectively taken control of Mexico",1,"indirect","attributed",TR,
  ("cartels,” Trump said, claiming","Trump"),("Trump said, claiming","claiming"),"claim",None,FOX,"high","Q11 second cue in the sentence")
q("p000-07","000","The cartels are running Mexico. It’s very sad to watch what’s happened to that country.",1,"direct","attributed",TR,
  ("cartels,” Trump said, claiming","Trump"),("cartels,” Trump said, claiming","said"),"say",None,FOX,"high","Q3 split quote, second part: same mention and cue")
q("p000-08","000","cartel-linked narcotics were responsible for hundreds of thousands of deaths annually in the United States",1,"indirect","attributed",TR,
  ("Trump further alleged","Trump"),("Trump further alleged","alleged"),"allege",None,FOX,"high","Q1 example; event: paragraph continues the interview (Q14), medium")
q("p000-09","000","between 250,000 and 300,000 Americans were dying every year due to drugs trafficked across the border",1,"indirect","attributed",TR,
  ("Trump further alleged","Trump"),("asserting that between","asserting"),"assert",None,FOX,"high","Q11; subject of asserting = Trump")
q("p000-10","000","Mexico could be next",1,"indirect","attributed",TR,
  ("Trump had hinted","Trump"),("Trump had hinted","hinted"),"hint",None,None,"high","Q5 'had hinted that'; sparking alarm... is the reporter's (Q13); another occasion, no event")
q("p000-11","000","We categorically reject intervention in the internal affairs of other countries,",1,"direct","attributed",CS,
  ("countries,” she said","she"),("countries,” she said","said"),"say",None,None,"high","")
q("p000-12","000","Latin America’s history clearly shows that external military interventions have never delivered democracy, stability or prosperity",1,"indirect","attributed",CS,
  ("countries,” she said","she"),("warning that Latin","warning"),"warn",None,None,"high","'shows' is an evidence verb (Q10), no own row")
q("p000-13","000","he has repeatedly urged Sheinbaum to allow American troops to operate inside Mexico to dismantle the cartels",1,"indirect","attributed",TR,
  ("Trump revealed","Trump"),("Trump revealed","revealed"),"reveal",None,None,"medium","end: the dash apposition 'proposals she has consistently turned down' read as the reporter's gloss (Q13), medium; event: no occasion named since a new one (Q14), low")
q("p000-14","000","I’ve asked her numerous times, ‘Would you like us to take out the cartels?’ And she says no,",1,"direct","attributed",TR,
  ("no,” Trump said","Trump"),("no,” Trump said","said"),"say",None,None,"high","Q3 split, first part")
q("p000-15","000","Would you like us to take out the cartels?",1,"direct","attributed",TR,
  ("“I’ve asked her","I"),("I’ve asked her","asked"),"ask","p000-14",None,"high","Q4 nested: cue asked, mention the first-person I")
q("p000-16","000","So we have to do something.",1,"direct","attributed",TR,
  ("no,” Trump said","Trump"),("no,” Trump said","said"),"say",None,None,"high","Q3 split, second part")
q("p000-17","000","any US land strikes inside Mexico would represent a seismic shift in bilateral relations",1,"indirect","unnamed_source",None,
  ("Security analysts warn","Security analysts"),("Security analysts warn","warn"),"warn",None,None,"high","Q9/Q16; next sentence is a new sentence (Q13)")
q("p000-18","000","direct military engagement could fuel migration pressure toward the US border, destabilise already volatile regions, and strengthen cartel recruitment rather than weaken it",1,"indirect","unnamed_source",None,
  ("Experts also caution","Experts"),("Experts also caution","caution"),"caution",None,None,"high","")
q("p000-19","000","decisive force is needed to combat drug trafficking and fentanyl deaths",1,"indirect","unnamed_source",None,
  ("Trump’s supporters argue","Trump’s supporters"),("supporters argue","argue"),"argue",None,None,"medium","supporters: a generic group, no entity (E1/Q9)")
q("p000-20","000","the rhetoric risks pushing the region toward a dangerous confrontation, particularly in the aftermath of the Venezuela operation",1,"indirect","unnamed_source",None,
  ("critics say","critics"),("critics say","say"),"say",None,None,"high","zero-that clause")
# ---------------- a001
q("p001-01","001","Narco-Terror",1,"scare","term",None,None,None,None,None,None,"high","headline, Q7")
q("p001-02","001","the United States could soon begin land strikes on drug cartels operating within Mexico",1,"indirect","attributed",TR,
  ("President Donald Trump has","Donald Trump"),("suggesting the United","suggesting"),"suggest",None,None,"medium","suggest with a zero-that content clause reports speech (Q5); mention: the NAME Donald Trump (title outside), medium")
q("p001-03","001","War on Narco-Terrorists",1,"scare","term",None,None,None,None,None,None,"high","section heading, Q7")
q("p001-04","001","we are going to start now hitting land",1,"direct","attributed",TR,
  ("Trump stated","Trump"),("Trump stated","stated"),"state",None,FOX,"high","Q1 example; comma outside the mark")
q("p001-05","001","they are \"running Mexico\"",1,"indirect","attributed",TR,
  ("The President framed","The President"),("claiming they are","claiming"),"claim",None,FOX,"medium","zero-that content clause holding a partial (Q1, Q4); G2 keeps the pair")
q("p001-06","001","running Mexico",1,"partial","attributed",TR,
  ("The President framed","The President"),("claiming they are","claiming"),"claim","p001-05",FOX,"high","Q1 example")
q("p001-07","001","very sad to watch",1,"partial","attributed",TR,
  ("The President framed","The President"),("lamenting the situation","lamenting"),"lament",None,FOX,"high","'lamenting X as' like 'describing X as' (Q8)")
q("p001-08","001","the cartels are responsible for killing 250,000 to 300,000 people in the United States annually",1,"indirect","attributed",TR,
  ("He further asserted","He"),("He further asserted","asserted"),"assert",None,FOX,"high","appositive 'a figure far exceeding ...' is the reporter's (Q13); event medium")
q("p001-09","001","My own mortality. My own mind. It’s the only thing that can stop me.",1,"direct","attributed",TR,
  ("Trump replied starkly","Trump"),("Trump replied starkly","replied"),"reply",None,NYT,"high","Q14 example; cue the verb, not the colon (Q5)")
q("p001-10","001","it never brings \"lasting well-being or stability\"",1,"indirect","attributed",CS,
  ("President Claudia Sheinbaum criticised","Claudia Sheinbaum"),("stating it never","stating"),"state",None,None,"high","'categorically rejecting intervention' has an NP object (Q10)")
q("p001-11","001","lasting well-being or stability",1,"partial","attributed",CS,
  ("President Claudia Sheinbaum criticised","Claudia Sheinbaum"),("stating it never","stating"),"state","p001-10",None,"high","")
q("p001-12","001","her relationship with Trump is one of \"mutual respect\"",1,"indirect","attributed",CS,
  ("Sheinbaum downplayed","Sheinbaum"),("insisting her relationship","insisting"),"insist",None,None,"high","'noting ongoing coordination' has an NP object (Q10)")
q("p001-13","001","mutual respect",1,"partial","attributed",CS,
  ("Sheinbaum downplayed","Sheinbaum"),("insisting her relationship","insisting"),"insist","p001-12",None,"high","")
q("p001-14","001","the idea of US military help has been repeatedly offered and rejected",1,"indirect","attributed",CS,
  ("She confirmed","She"),("She confirmed","confirmed"),"confirm",None,None,"high","zero-that clause")
q("p001-15","001","organised crime is not taken care with (foreign military) intervention",1,"partial","attributed",CS,
  ("She confirmed","She"),("arguing that","arguing"),"argue",None,None,"high","quote introduced by that is partial (Q1)")
q("p001-16","001","Negotiation Weapon",1,"scare","term",None,None,None,None,None,None,"high","section heading, Q7")
q("p001-17","001","negotiation weapon",1,"partial","attributed","david-saucedo",
  ("expert David Saucedo described","David Saucedo"),("Saucedo described","described"),"describe",None,None,"high","Q8 describing X as")
q("p001-18","001","US Secretary of State Marco Rubio and Trump play a \"good cop, bad cop\" routine, with threats followed by diplomatic smoothing",1,"indirect","attributed","david-saucedo",
  ("Saucedo suggested","Saucedo"),("Saucedo suggested","suggested"),"suggest",None,None,"medium","end: 'with threats followed by diplomatic smoothing' read as Saucedo's content (Q13), medium")
q("p001-19","001","good cop, bad cop",1,"partial","attributed","david-saucedo",
  ("Saucedo suggested","Saucedo"),("Saucedo suggested","suggested"),"suggest","p001-18",None,"high","Q8 example")
q("p001-20","001","Mexico has largely complied with US requests since Trump began imposing tariffs",1,"indirect","unnamed_source",None,
  ("experts note","experts"),("experts note","note"),"note",None,None,"high","Q9 'experts note'")
q("p001-21","001","any US military action in Mexico would suspend this crucial cooperation, leaving the US without a partner and representing a significant risk",1,"indirect","attributed","carlos-perez-ricart",
  ("Carlos Pérez Ricart warned","Carlos Pérez Ricart"),("Ricart warned","warned"),"warn",None,None,"high","Q13 example")
# ---------------- a004
q("p004-01","004","the US will start hitting drug cartels on Mexican land",1,"indirect","attributed",TR,
  ("Trump says the US will start hitting drug cartels on Mexican land — signaling","Trump"),("Trump says the US will start hitting drug cartels on Mexican land — signaling","says"),"say",None,None,"high","zero-that; ends before the dash (reporter's 'signaling'); event: the interview is named only in the next sentence, low")
q("p004-02","004","the United States would shift its anti-drug campaign from sea to land, with planned military strikes against powerful criminal networks operating in Mexico",1,"indirect","attributed",TR,
  ("President Donald Trump, speaking","Donald Trump"),("interview, declared that","declared"),"declare",None,FOX,"high","mention: NAME Donald Trump (title outside), medium; event: 'a high-profile interview', medium")
q("p004-03","004","the U.S. would “start now hitting land with regard to the cartels”",1,"indirect","attributed",TR,
  ("Trump’s declaration that","Trump"),("Trump’s declaration that","declaration"),"declare",None,FOX,"medium","noun cue (Q5) with a content clause; G2 keeps the pair; event low")
q("p004-04","004","start now hitting land with regard to the cartels",1,"partial","attributed",TR,
  ("Trump’s declaration that","Trump"),("Trump’s declaration that","declaration"),"declare","p004-03",FOX,"high","Q4 partial inside indirect")
q("p004-05","004","the next logical step was to confront cartels where they operate on the ground, especially in Mexico",1,"indirect","attributed",TR,
  ("Trump said the next","Trump"),("Trump said the next","said"),"say",None,FOX,"high","event low")
q("p004-06","004","combating maritime drug smuggling had been largely successful",1,"indirect","attributed",TR,
  ("he asserted that combating","he"),("he asserted that combating","asserted"),"assert",None,FOX,"high","Q13 last sentence: first part")
q("p004-07","004","97% of drugs coming into the U.S. by sea had been disrupted",1,"indirect","attributed",TR,
  ("he asserted that combating","he"),("claiming that 97%","claiming"),"claim",None,FOX,"high","Q13: the second cue's row; mention the subject he")
q("p004-08","004","land-based cartel operations remained the primary challenge",1,"indirect","attributed",TR,
  ("he asserted that combating","he"),("he asserted that combating","asserted"),"assert",None,FOX,"high","Q13 last sentence: second part")
q("p004-09","004","Mexican cartels wield enormous power",1,"indirect","attributed",TR,
  ("Trump argued that","Trump"),("Trump argued that","argued"),"argue",None,FOX,"high","stops at the second cue (Q11)")
q("p004-10","004","The cartels are running Mexico,",1,"direct","attributed",TR,
  ("Trump argued that","Trump"),("contending, “","contending"),"contend",None,FOX,"high","full clause after cue and comma: direct (Q1); 'framing ... as essential' has no marks and no content clause")
q("p004-11","004","any foreign military presence or strikes inside Mexico “without consent” would be unacceptable and violate international law",1,"indirect","attributed",CS,
  ("Sheinbaum publicly stated","Sheinbaum"),("Sheinbaum publicly stated","stated"),"state",None,None,"high","")
q("p004-12","004","without consent",1,"partial","attributed",CS,
  ("Sheinbaum publicly stated","Sheinbaum"),("Sheinbaum publicly stated","stated"),"state","p004-11",None,"high","")
q("p004-13","004","both nations have already been working on joint law enforcement and intelligence efforts to combat trafficking and violence",1,"indirect","attributed",CS,
  ("She emphasized","She"),("She emphasized","emphasized"),"emphasize",None,None,"medium","'even as disputes over strategy continue': an as-clause with a new subject, reporter's (Q13), medium")
q("p004-14","004","such operations could trigger diplomatic crises, undermine regional stability, and harm U.S. relationships with other Latin American nations",1,"indirect","unnamed_source",None,
  ("International lawyers and security experts warn","International lawyers and security experts"),("security experts warn","warn"),"warn",None,None,"high","Q16 a coordination of two groups is one phrase")
q("p004-15","004","has resulted in extraordinarily high death tolls",1,"indirect","attributed",TR,
  ("which he claims","he"),("which he claims","claims"),"claim",None,None,"high","Q1 relative-clause example")
q("p004-16","004","they will defend national sovereignty while seeking greater cooperation on shared security challenges",1,"indirect","attributed","mexico",
  ("Mexican officials have signaled","Mexican officials"),("officials have signaled","signaled"),"signal",None,None,"medium","Q9 example: attributed to mexico; speaker words = its mention, read as the NOMINAL 'Mexican officials' (low)")
q("p004-17","004","the US will start hitting drug cartels on Mexican land",2,"indirect","attributed",TR,
  ("announcement that Trump says","Trump"),("announcement that Trump says","says"),"say",None,None,"medium","SEO phrase repeated; one row on 'says'; 'The announcement that ...' not a second row (its clause is the reporter's report), low")
q("p004-18","004","nuanced, cooperative approaches may offer more sustainable progress than unilateral military action, which could provoke significant backlash and unintended consequences",1,"indirect","unnamed_source",None,
  ("Experts agree that","Experts"),("Experts agree that","agree"),"agree",None,None,"medium","'agree that' read as a reporting verb with a content clause ('Both governments agree', Q9); the relative clause is part of the content")

COLS = ["row","article_id","start","end","text","kind","speaker_status","speaker_id","speaker_start","speaker_end","speaker_text",
        "cue_start","cue_end","cue_text","cue_lemma","parent","event_id","confidence","note"]
out = []
texts = {a: (ROOT/"dataset/raw"/f"{f}.txt").read_text(encoding="utf-8") for a, f in ARTS.items()}
for (rid, art, qt, n, kind, status, spk, sp, cue, lemma, parent, ev, conf, note) in R:
    t = texts[art]
    s = find(t, qt, n); e = s + len(qt)
    assert t[s:e] == qt and not t[s].isspace() and not t[e-1].isspace()
    ss = se = st = cs = ce = ct = ""
    if sp:
        ss, se = inside(t, *sp); st = t[ss:se]
        assert not (ss < e and s < se), ("speaker overlaps quote", rid)
    if cue:
        cs, ce = inside(t, *cue); ct = t[cs:ce]
    out.append([rid, art, s, e, qt, kind, status, spk or "", ss, se, st, cs, ce, ct, lemma or "", parent or "", ev or "", conf, note])
with open(ROOT/"docs/notes/review60a_quotes.tsv", "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, delimiter="\t", lineterminator="\n"); w.writerow(COLS); w.writerows(out)
print(len(out), "rows;", {a: sum(r[1] == a for r in out) for a in ARTS})
