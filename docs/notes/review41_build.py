import sys, csv, re
sys.path.insert(0,'docs/notes'); from review41_rows import R, FNC
texts={}
out=[]
for a,hk,h,tg,lab,conf,ev,n,why in R:
    if a not in texts: texts[a]=open(f'dataset/raw/{a}.txt',encoding='utf-8').read()
    t=texts[a]
    pat=re.compile(''.join('[ \u00a0\u202f\u2009]' if ch==' ' else re.escape(ch) for ch in ev))
    ms=list(pat.finditer(t))
    if len(ms)<n: sys.exit(f'NOT FOUND {a} {ev!r}')
    cnt=len(ms); s,e=ms[n-1].span(); ev=t[s:e]
    assert t[s:e]==ev and not ev[0].isspace() and not ev[-1].isspace()
    if ev[-1] in '.,;:': print('WARN stop', a, ev[-20:])
    hid=h if hk=='entity' else ''; hg=h if hk=='group' else ''
    key=f"{a}:s:{hid or ('group-'+hg if hg else 'article')}:{tg}"
    out.append([key,a,hk,hid,hg,tg,lab,conf,FNC[a] if hk=='article' else '',s,e,ev,why,cnt])
keys=[o[0] for o in out]; assert len(keys)==len(set(keys)), [k for k in keys if keys.count(k)>1]
# S4: every addressed target has article row
for a in texts:
    for tg in set(o[5] for o in out if o[1]==a):
        assert any(o[1]==a and o[5]==tg and o[2]=='article' for o in out), (a,tg)
with open('docs/notes/review41_stances.tsv','w',encoding='utf-8',newline='') as f:
    w=csv.writer(f,delimiter='\t',lineterminator='\n')
    w.writerow(['stance_key','article_id','holder_kind','holder_id','holder_group','target_id','label','stance_confidence','fnc_label','start','end','evidence','reason'])
    for o in out: w.writerow(o[:13])
print(len(out),'rows; multi-occurrence:',[(o[0],o[13]) for o in out if o[13]>1])
