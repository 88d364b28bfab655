"""Where a struct conversion of records costs: per table, the conversion and the freeing of the
records, and the four dearest columns converted alone. Run from the repository root:

    python docs/notes/outside4/column_costs.py synthetic    (or: news)

(writes 400 texts of the corpus to /tmp/o4/raw-CORPUS-400 once). The first table's figure includes
the process's first struct conversion.
"""
import sys, time, gc
sys.path.insert(0, "benchmarks")
from pathlib import Path
from corpora import default_dev_news, write_corpus
corpus = sys.argv[1]
raw = Path(f"/tmp/o4/raw-{corpus}-400")
if not raw.exists():
    write_corpus(corpus, raw, 400, default_dev_news())
from landstrikes.extract.nopandas import arrow_without_numpy
arrow_without_numpy()
from landstrikes.extract.article import extract_records, ARTICLE_TABLES, FIELDS
from landstrikes.schema.registry import TABLES_BY_NAME
import pyarrow as pa
texts = [(p.stem, p.read_text(), p.name) for p in sorted(raw.glob("*.txt"))]
cpu = time.process_time
gc.disable()
tot = [0, 0, 0]
for table in ARTICLE_TABLES:
    schema = TABLES_BY_NAME[table].arrow_schema()
    st = pa.struct(list(schema))
    conv = free = 0.0
    n = 0
    for rep in range(3):
        recs = [r for t in texts for r in extract_records(*t)[table]]
        n = len(recs)
        t0 = cpu(); arr = pa.array(recs, type=st); t1 = cpu(); del recs; t2 = cpu()
        conv += t1 - t0; free += t2 - t1
    # per column cost
    recs = [r for t in texts for r in extract_records(*t)[table]]
    cols = list(zip(*recs))
    percol = []
    for c, f in zip(cols, schema):
        t0 = cpu()
        for _ in range(3): pa.array(c, type=f.type)
        percol.append((round((cpu() - t0) / 3 * 1000, 2), f.name))
    percol.sort(reverse=True)
    print(f"{table:15} rows {n:6} conv {conv/3*1000:6.1f} ms free {free/3*1000:6.1f} ms  top cols {percol[:4]}")
    tot[0] += conv / 3; tot[1] += free / 3
print("total ms", [round(x*1000, 1) for x in tot])
