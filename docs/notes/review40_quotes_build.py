# builds docs/notes/review40_quotes.tsv from my row specs (offsets found and checked by slicing)
# run from the repository root: python docs/notes/review40_quotes_build.py (rewrites docs/notes/review40_quotes.tsv)
import glob, csv, sys
T={}
for f in sorted(glob.glob('dataset/raw/*.txt')):
    aid=f.split('/')[-1][:3]
    T[aid]=open(f,encoding='utf-8').read()

def linebounds(t,pos):
    s=t.rfind('\n',0,pos)+1; e=t.find('\n',pos); e=len(t) if e<0 else e
    return s,e

rows=[]
def q(rid,a,hint,text,kind,cue,lemma,status,spk,spkw,parent='',event='',conf='high',note='',n=1,cue_n=None,spk_n=None):
    t=T[a]; p=hint-1
    for _ in range(n):
        p=t.find(text,p+1)
        assert p>=0,(rid,text)
    s,e=p,p+len(text)
    ls,le=linebounds(t,s)
    def near(w):
        if not w: return ('','','')
        cands=[]; i=t.find(w,ls)
        while 0<=i<le:
            wb=(i==0 or not t[i-1].isalnum() or not w[0].isalnum()) and (i+len(w)>=len(t) or not t[i+len(w)].isalnum() or not w[-1].isalnum())
            if wb and (i+len(w)<=s or i>=e): cands.append(i)
            i=t.find(w,i+1)
        assert cands,(rid,w)
        i=min(cands,key=lambda c: abs(c-s))
        return (i,i+len(w),w)
    c=near(cue); sp=near(spkw)
    assert t[s:e]==text
    rows.append(dict(row=rid,article_id=a,start=s,end=e,text=text,kind=kind,cue_start=c[0],cue_end=c[1],cue_text=c[2],
        cue_lemma=lemma,speaker_status=status,speaker_ids=spk,speaker_start=sp[0],speaker_end=sp[1],speaker_text=sp[2],
        parent_row=parent,event_id=event,confidence=conf,note=note))
FOX='fox-news-interview-2026'
# ---------------- a000
a='000'
q('000-01',a,164,'American forces will begin carrying out land strikes against drug cartels operating in Mexico','indirect','stated','state','attributed','donald-trump','The US President',conf='high',note='"has signalled a major escalation" is Q10 (no quote); headline "Signals Land Strikes" likewise (both copies)')
q('000-02',a,550,'the United States had already seen “maximum success” by targeting cartel operations at sea in the eastern Pacific Ocean and the Caribbean','indirect','told','tell','attributed','donald-trump','Trump',event=FOX,note='Q4 example; occasion "his first sit-down interview"')
q('000-03',a,550,'maximum success','partial','told','tell','attributed','donald-trump','Trump',parent='000-02',event=FOX,note='Q4: partial inside indirect, parent the indirect row')
q('000-04',a,550,'the next phase would involve direct land-based action','indirect','According to','according to','attributed','donald-trump','him',event=FOX,note='Q6 example "According to him"')
q('000-05',a,852,'We are going to start now hitting land with regard to the cartels,','direct','said','say','attributed','donald-trump','Trump',event=FOX,conf='high',note='G2 example; event: paragraph continues the interview (Q14), medium on event')
q('000-06',a,852,'criminal organisations had effectively taken control of Mexico','indirect','claiming','claim','attributed','donald-trump','Trump',event=FOX,note='participle cue, subject Trump')
q('000-07',a,852,'The cartels are running Mexico. It’s very sad to watch what’s happened to that country.','direct','said','say','attributed','donald-trump','Trump',event=FOX,note='Q3 split quote: same cue and mention as 000-05')
q('000-08',a,1102,'cartel-linked narcotics were responsible for hundreds of thousands of deaths annually in the United States','indirect','alleged','allege','attributed','donald-trump','Trump',event=FOX,conf='high',note='Q1 example; Q11 two rows; event medium (continuing paragraphs)')
q('000-09',a,1102,'between 250,000 and 300,000 Americans were dying every year due to drugs trafficked across the border','indirect','asserting','assert','attributed','donald-trump','Trump',event=FOX,note='Q11 second cue')
q('000-10',a,1356,'Mexico could be next','indirect','hinted','hint','attributed','donald-trump','Trump',conf='medium',note='"hinted that" a content clause; an earlier occasion ("Soon after Maduro’s capture"), no event')
q('000-11',a,1821,'We categorically reject intervention in the internal affairs of other countries,','direct','said','say','attributed','claudia-sheinbaum','she',note='1585 paragraph: "responded with ... rebuke", "acknowledging cooperation", "rejected any foreign military action" are Q10, no quote')
q('000-12',a,1821,'Latin America’s history clearly shows that external military interventions have never delivered democracy, stability or prosperity','indirect','warning','warn','attributed','claudia-sheinbaum','she',note='"shows that" is an evidence verb inside the content (Q10), not a second row')
q('000-13',a,2060,'he has repeatedly urged Sheinbaum to allow American troops to operate inside Mexico to dismantle the cartels','indirect','revealed','reveal','attributed','donald-trump','Trump',conf='medium',note='span stops before the dash: "— proposals she has consistently turned down" is the reporter\'s apposition (Q13); event left null: Sheinbaum paragraphs intervene (Q14 new occasion), low confidence on event')
q('000-14',a,2250,'I’ve asked her numerous times, ‘Would you like us to take out the cartels?’ And she says no,','direct','said','say','attributed','donald-trump','Trump',conf='high',note='Q4 example outer; event null as 000-13 (low)')
q('000-15',a,2250,'Would you like us to take out the cartels?','direct','asked','ask','attributed','donald-trump','I',parent='000-14',note='Q4 example: cue "asked" inside outer quote, mention "I"')
q('000-16',a,2250,'So we have to do something.','direct','said','say','attributed','donald-trump','Trump',note='Q3 split quote of 000-14; Q1 example')
q('000-17',a,2388,'any US land strikes inside Mexico would represent a seismic shift in bilateral relations','indirect','warn','warn','unnamed_source','','Security analysts',note='Q16 example; next sentence is reporter voice (Q13 new sentence)')
q('000-18',a,2677,'direct military engagement could fuel migration pressure toward the US border, destabilise already volatile regions, and strengthen cartel recruitment rather than weaken it','indirect','caution','caution','unnamed_source','','Experts')
q('000-19',a,2878,'decisive force is needed to combat drug trafficking and fentanyl deaths','indirect','argue','argue','unnamed_source','','Trump’s supporters',conf='medium',note='"Trump’s supporters" an uncatalogued group (E1), unnamed_source')
q('000-20',a,2878,'the rhetoric risks pushing the region toward a dangerous confrontation, particularly in the aftermath of the Venezuela operation','indirect','say','say','unnamed_source','','critics',note='zero-that clause; Q16 example "critics"; 3130 "Washington signalling escalation"/"Mexico rejecting foreign intervention" are Q10, no quote')
# ---------------- a001
a='001'
q('001-01',a,0,'Narco-Terror','scare','','','term','','',note='Q1 example; "Threatens Land Strikes", "Hints at Land Strikes" are NP objects (Q10)')
q('001-02',a,132,'the United States could soon begin land strikes on drug cartels operating within Mexico','indirect','suggesting','suggest','attributed','donald-trump','Donald Trump',conf='medium',note='participle with zero-that clause; speaker mention edge: "Donald Trump" vs "President Donald Trump" (mention layer decides); "signalled a dramatic escalation" is Q10')
q('001-03',a,440,'War on Narco-Terrorists','scare','','','term','',"",note='section heading (Q7)')
q('001-04',a,504,'we are going to start now hitting land','direct','stated','state','attributed','donald-trump','Trump',event=FOX,note='Q1 example; "indicating a shift" NP, no quote')
q('001-05',a,751,'they are "running Mexico"','indirect','claiming','claim','attributed','donald-trump','The President',event=FOX,conf='medium',note='zero-that content clause of "claiming" holding the partial (as Q4\'s "maximum success"); Q1 lists the partial; "framed the cartels as a dire threat" no quote')
q('001-06',a,751,'running Mexico','partial','claiming','claim','attributed','donald-trump','The President',parent='001-05',event=FOX,note='Q1 example')
q('001-07',a,751,'very sad to watch','partial','lamenting','lament','attributed','donald-trump','The President',event=FOX,note='"lamenting the situation as" = describing as (Q8)')
q('001-08',a,751,'the cartels are responsible for killing 250,000 to 300,000 people in the United States annually','indirect','asserted','assert','attributed','donald-trump','He',event=FOX,note='stops before the reporter\'s apposition "a figure far exceeding..." (Q13); event medium')
q('001-09',a,1668,'My own mortality. My own mind. It’s the only thing that can stop me.','direct','replied','reply','attributed','donald-trump','Trump',event='nyt-interview-2026',note='Q14 example; cue "replied" (the colon follows the verb); "questioned ... about the limits" has NP, no quote; "issued a warning to Colombia" (1371) NP, no quote')
q('001-10',a,1848,'it never brings "lasting well-being or stability"','indirect','stating','state','attributed','claudia-sheinbaum','Claudia Sheinbaum',conf='medium',note='span keeps its closing mark (G2); "categorically rejecting intervention" NP, no quote; mention edge "President Claudia Sheinbaum"?')
q('001-11',a,1848,'lasting well-being or stability','partial','stating','state','attributed','claudia-sheinbaum','Claudia Sheinbaum',parent='001-10')
q('001-12',a,2150,'her relationship with Trump is one of "mutual respect"','indirect','insisting','insist','attributed','claudia-sheinbaum','Sheinbaum',conf='medium',note='"downplayed the risk", "noting ongoing coordination" NP objects, no quote')
q('001-13',a,2150,'mutual respect','partial','insisting','insist','attributed','claudia-sheinbaum','Sheinbaum',parent='001-12')
q('001-14',a,2150,'the idea of US military help has been repeatedly offered and rejected','indirect','confirmed','confirm','attributed','claudia-sheinbaum','She',conf='medium')
q('001-15',a,2150,'organised crime is not taken care with (foreign military) intervention','partial','arguing','argue','attributed','claudia-sheinbaum','She',note='introduced by "that": partial (Q1)')
q('001-16',a,2485,'Negotiation Weapon','scare','','','term','',"",note='section heading (Q7)')
q('001-17',a,2528,'negotiation weapon','partial','described','describe','attributed','david-saucedo','David Saucedo',note='"described them as" (Q8); "Analysts view" is Q10; mention edge "Mexican security expert David Saucedo"?')
q('001-18',a,2823,'US Secretary of State Marco Rubio and Trump play a "good cop, bad cop" routine, with threats followed by diplomatic smoothing','indirect','suggested','suggest','attributed','david-saucedo','Saucedo',conf='medium',note='"with threats followed..." kept as his content (Q13)')
q('001-19',a,2823,'good cop, bad cop','partial','suggested','suggest','attributed','david-saucedo','Saucedo',parent='001-18',conf='medium',note='quoted words inside his reported speech (Q8 partial); scare arguable (set phrase)')
q('001-20',a,2969,'Mexico has largely complied with US requests since Trump began imposing tariffs','indirect','note','note','unnamed_source','','experts',note='Q9 example "experts note"')
q('001-21',a,3235,'any US military action in Mexico would suspend this crucial cooperation, leaving the US without a partner and representing a significant risk','indirect','warned','warn','attributed','carlos-perez-ricart','Carlos Pérez Ricart',note='Q13 example')
# ---------------- a002
a='002'
q('002-01',a,314,'it could order military strikes against drug cartels operating on Mexican soil','indirect','signaled','signal','attributed','united-states','The United States',conf='low',note='"signaled" with a content clause (zero-that), unlike Q10\'s "signalled an escalation" (NP); stops before the reporter\'s "marking ..."; headlines "threatens US strikes", "White House signals potential strikes" are NP objects (Q10)')
q('002-02',a,314,'targets narcotics trafficking','indirect','says','say','attributed','united-states','Washington',conf='medium',note='"a move Washington says targets ...": content clause with the relative gap; Washington = US government (E4); "a claim Maduro denies" has an NP object (Q10), no quote')
q('002-03',a,716,'flooding','partial','accused','accuse','attributed','donald-trump','Trump',conf='high',note='"accused Mexico of “flooding”": quoted word of his speech (Q8); mention edge "President Trump"?')
q('002-04',a,1010,'authorities have already made notable inroads against traffickers','indirect','told','tell','attributed','donald-trump','Trump',conf='high',note='Q5 example: the verb\'s own content is its that-clause row; event: no interview is named in 002 ("told Fox News’ Sean Hannity"), left null (low)')
q('002-05',a,1010,'We’ve knocked out 97% of the drugs coming in by water, and we are going to start now hitting land with regard to the cartels.','direct',':',':','attributed','donald-trump','Trump',conf='high',note='Q5: the colon is the cue of the direct quote; event null as 002-04')
q('002-06',a,1245,'The cartels are running Mexico. It’s very,very sad to watch and see what’s happened to that country.','direct','saying','say','attributed','donald-trump','The ex-president',note='Q6 example; "what he described as a cartel-dominated landscape" has no quotation and an NP (no quote)')
q('002-07',a,1479,'she had directed her foreign minister to work with U.S. counterparts to strengthen coordination,if necessary directly with the president,to stabilize cross-border cooperation','indirect','said','say','attributed','claudia-sheinbaum','Claudia Sheinbaum',note='"framing the comments as part of ..." no quote; mention edge "Mexican President Claudia Sheinbaum"?')
q('002-08',a,1769,'serious threat to regional stability,','partial','condemned','condemn','attributed','mexico-foreign-ministry','Mexico’s Foreign Ministry',note='"condemned X as “...”" = describing as (Q8); the comma before the closing mark stays (G2); "underlining how ..." is the reporter\'s')
q('002-09',a,1964,'sick man.','partial','described','describe','attributed','donald-trump','he',note='G2 example; "described the call as cordial" no marks, NP, no quote; event null (the remark is not placed on the call)')
q('002-10',a,3619,'sustained progress against drug trafficking requires obvious rules of engagement, clear consent for cross-border actions, and robust civilian oversight to prevent escalation from spiraling into broader conflict','indirect','note','note','unnamed_source','','Experts',note='table 2268-3019: "U.S. asserts significant water-borne drug seizures", "downplays rhetoric", "calls for coordination" are NP objects, no quote; Reader questions are the site\'s own, no quote')
q('002-11',a,4440,'Consent.','orphan','','','unattributed','','',note='Q1 example')
q('002-12',a,4576,'hard‑line','partial','calling','call','attributed','donald-trump','Donald Trump',conf='low',note='"calling for “hard‑line” actions": quoted words tied to his speech by "calling" (Q8) -> partial; scare (term) arguable since "calling for" + NP is not indirect speech (Q10)')
q('002-13',a,4792,'enhanced interdiction','scare','','','term','','',conf='medium',note='wording of an order (a LAW cannot be a speaker, S3/Q6): term')
q('002-14',a,4997,'National Security and Anti‑Cartel Act','scare','','','term','','',note='Q1 example')
q('002-15',a,5725,'strong‑hand','scare','','','term','','',note='Q1 example')
q('002-16',a,5985,'If the Venezuelan cartel network can’t be stopped in Caracas, then we’ll take the fight to the source—right on Mexican soil.','direct','declared','declare','attributed','donald-trump','Trump',event='june-2024-press-conference',note='occasion "June 15 2024 press event"')
q('002-17',a,6159,'America will not tolerate drug lords using our neighbors as a shield. the U.S. will act decisively, with or without Mexico’s consent.','direct','','','implicit','donald-trump','',event='june-2024-tweet',note='Q9/Q14 example: bullet with dash, no cue, implicit')
q('002-18',a,6332,'strategic cartel leadership hubs.','partial','citing','cite','unnamed_source','','Trump’s former National Security Council staff',event='july-2024-memo-leak',conf='medium',note='Q9 (2.13): former NSC staff = unnamed group; speaker words: the group, not "A draft from ..." (low on words edge); scare arguable')
q('002-19',a,6632,'imminent threat','scare','','','term','','',note='table cell')
q('002-20',a,6921,'urgent.','scare','','','term','','',note='table cell; stop inside the mark stays')
q('002-21',a,6921,'Ley de Seguridad Nacional.','scare','','','term','','',note='name of a law')
q('002-22',a,6921,'cross‑border strikes require either UN Security Council authorization or self‑defence proof','indirect','ruled','rule','attributed','international-court-of-justice','International Court of Justice',conf='low',note='a ruling reported with a that-clause; a court is an ORG that can be a speaker; mention edge "The International Court of Justice (ICJ)"?')
q('002-23',a,7275,'Merida initiative','scare','','','term','','',note='Q1 example')
q('002-24',a,7275,'Joint Anti‑Drug Force','scare','','','term','','',note='name')
q('002-25',a,8387,'any unilateral strike will be seen as an act of aggression.','partial','warned','warn','attributed','mexico-foreign-ministry','Mexico’s foreign ministry',note='Q1 example (partial after "that"); mention edge: with "(SRE)"?; "Polls ... show" (8781) and "reports indicated" (9774) are Q10')
# ---------------- a003
a='003'
for i,h in ((1,0),(2,94)):
    q(f'003-0{i}',a,h,'US to Commence Land Strikes on Cartels in Mexico','indirect','Declares','declare','attributed','donald-trump','Trump',conf='medium',note='headline (Q7, both copies): "Declares" + clause "US to Commence ..."; stops before the reporter\'s ", Stepping Up ..."; could be read as an NP-like complement (no quote)')
q('003-03',a,205,'the US will begin land-based strikes aimed at drug cartels, including in Mexico','indirect','said','say','attributed','donald-trump','Trump',note='bullet; mention edge "President Trump"?; 311 "call for ..." NP, no quote')
q('003-04',a,426,'terra firma mathematical processes could violate sovereignty and international law','indirect','warn','warn','unnamed_source','','Critics')
q('003-05',a,528,'US forces will “start now hitting land” to target drug cartels','indirect','said','say','attributed','donald-trump','he',event=FOX,conf='medium',note='content clause holding the partial (Q1 lists the partial; Q4 parent); "indicated a major escalation" NP (Q10)')
q('003-06',a,528,'start now hitting land','partial','said','say','attributed','donald-trump','he',parent='003-05',event=FOX,note='Q1 example')
q('003-07',a,717,'cartels are “running Mexico” and causing widespread harm','indirect','claimed','claim','attributed','donald-trump','He',event=FOX,conf='medium',note='"framed the move as necessary" no quote; event: paragraph continues the interview (medium)')
q('003-08',a,717,'running Mexico','partial','claimed','claim','attributed','donald-trump','He',parent='003-07',event=FOX)
q('003-09',a,936,'Mexico must “get its act together” or risk US involvement','indirect','stressed','stress','attributed','donald-trump','He',event=FOX,conf='medium',note='"did not detail the scope" no quote; event low (continuing paragraphs)')
q('003-10',a,936,'get its act together','partial','stressed','stress','attributed','donald-trump','He',parent='003-09',event=FOX)
q('003-11',a,1349,'Mexico seeks closer coordination with the US, but not foreign strikes','indirect','said','say','attributed','claudia-sheinbaum','Sheinbaum',note='"reiterated her nation’s sovereignty", "opposed any unilateral ...", "called for diplomatic engagement" are NP objects (Q10)')
q('003-12',a,1490,'homicide rates have fallen under domestic operations','indirect','noted','note','attributed','claudia-sheinbaum','She',note='"cited security cooperation progress" NP, no quote')
q('003-13',a,1637,'any action on its territory must respect sovereignty','indirect','insists','insist','attributed','mexico','Mexico',note='Q9 example')
q('003-14',a,2417,'such actions blur the line between the practice of law enforcement and armed conflict','indirect','say','say','unnamed_source','','Legal experts',note='"Analysts expect", "Polls suggest" Q10')
q('003-15',a,2587,'ground procedures inside Mexico could trigger major backlash','indirect','admonish','admonish','unnamed_source','','Critics')
q('003-16',a,3336,'such strikes may exceed presidential authority','indirect','indicate','indicate','unnamed_source','','Legal scholars',conf='medium',note='"indicate that" of people = stating (not an evidence verb of documents)')
q('003-17',a,3631,'these assertions risk intensifying engagement in the Western Hemisphere','indirect','say','say','unnamed_source','','Critics')
q('003-18',a,4155,'cartels pose a serious threat','indirect','agree','agree','multiple','united-states;mexico','Both governments',note='Q9/Q16 example')
q('003-19',a,4376,'talks are crucial to avoiding escalation','indirect','say','say','unnamed_source','','Observers',note='Q9 example')
# ---------------- a004
a='004'
q('004-01',a,0,'the US will start hitting drug cartels on Mexican land','indirect','says','say','attributed','donald-trump','Trump',conf='high',note='stops before "— signaling ..." (reporter)')
q('004-02',a,0,'the United States would shift its anti-drug campaign from sea to land, with planned military strikes against powerful criminal networks operating in Mexico','indirect','declared','declare','attributed','donald-trump','Donald Trump',event=FOX,conf='high',note='occasion "a high-profile interview" (event medium); mention edge "Former U.S. President Donald Trump"?')
q('004-03',a,1250,'the U.S. would “start now hitting land with regard to the cartels”','indirect','declaration','declaration','attributed','donald-trump','Trump',event=FOX,conf='medium',note='noun cue with content clause (Q5 "declaration"); mention the possessive "Trump" (Q6 "The ex-president’s rhetoric"); event low')
q('004-04',a,1250,'start now hitting land with regard to the cartels','partial','declaration','declaration','attributed','donald-trump','Trump',parent='004-03',event=FOX)
q('004-05',a,1250,'the next logical step was to confront cartels where they operate on the ground, especially in Mexico','indirect','said','say','attributed','donald-trump','Trump',event=FOX,note='event low (no occasion in this paragraph; the next names "the interview")')
q('004-06',a,1645,'combating maritime drug smuggling had been largely successful','indirect','asserted','assert','attributed','donald-trump','he',event=FOX,note='Q13 example: first part')
q('004-07',a,1645,'97% of drugs coming into the U.S. by sea had been disrupted','indirect','claiming','claim','attributed','donald-trump','he',event=FOX,note='Q13 example: second cue')
q('004-08',a,1645,'land-based cartel operations remained the primary challenge','indirect','asserted','assert','attributed','donald-trump','he',event=FOX,note='Q13 example: third part, cue "asserted"')
q('004-09',a,1645,'Mexican cartels wield enormous power','indirect','argued','argue','attributed','donald-trump','Trump',event=FOX)
q('004-10',a,1645,'The cartels are running Mexico,','direct','contending','contend','attributed','donald-trump','Trump',event=FOX,note='"contending, “...”": direct; "framing the land strikes as essential" no quote')
q('004-11',a,2377,'any foreign military presence or strikes inside Mexico “without consent” would be unacceptable and violate international law','indirect','stated','state','attributed','claudia-sheinbaum','Sheinbaum',note='"rejecting ...", "underscoring ..." NP objects')
q('004-12',a,2377,'without consent','partial','stated','state','attributed','claudia-sheinbaum','Sheinbaum',parent='004-11')
q('004-13',a,2712,'both nations have already been working on joint law enforcement and intelligence efforts to combat trafficking and violence','indirect','emphasized','emphasize','attributed','claudia-sheinbaum','She',note='stops before "even as disputes ... continue" (Q13 "as" clause with a new subject)')
q('004-14',a,3813,'such operations could trigger diplomatic crises, undermine regional stability, and harm U.S. relationships with other Latin American nations','indirect','warn','warn','unnamed_source','','International lawyers and security experts',note='Q16 coordination one phrase; 3050 "government officials highlighting" Q9/Q10 no quote; 2052 Q10')
q('004-15',a,6111,'has resulted in extraordinarily high death tolls','indirect','claims','claim','attributed','donald-trump','he',conf='medium',note='"which he claims has resulted ...": content clause with relative gap; "framing them as necessary" no quote; "questioned by independent health experts" NP')
q('004-16',a,7146,'they will defend national sovereignty while seeking greater cooperation on shared security challenges','indirect','signaled','signal','attributed','mexico','Mexican officials',note='Q9 example; stops before the reporter\'s "illustrating"')
q('004-17',a,7855,'the US will start hitting drug cartels on Mexican land','indirect','says','say','attributed','donald-trump','Trump',conf='medium',note='"The announcement that Trump says": one row on "says" (the noun\'s clause is the reporter\'s garble); "Reu." is a truncation artifact, no quote')
q('004-18',a,8294,'nuanced, cooperative approaches may offer more sustainable progress than unilateral military action, which could provoke significant backlash and unintended consequences','indirect','agree','agree','unnamed_source','','Experts',note='relative clause continues the content (Q13)')

cols=list(rows[0].keys())
with open('docs/notes/review40_quotes.tsv','w',encoding='utf-8',newline='') as f:
    w=csv.DictWriter(f,cols,delimiter='\t',lineterminator='\n'); w.writeheader(); w.writerows(rows)
# checks
for r in rows:
    t=T[r['article_id']]
    assert t[r['start']:r['end']]==r['text']
    if r['cue_text']: assert t[r['cue_start']:r['cue_end']]==r['cue_text']
    if r['speaker_text']: assert t[r['speaker_start']:r['speaker_end']]==r['speaker_text']
    print(r['row'],r['start'],r['end'],'| cue',r['cue_start'],r['cue_text'],'| spk',r['speaker_start'],r['speaker_text'],'|',r['text'][:50])
print(len(rows))
