"""Arrow conversion of one table's rows: dicts vs tuples (struct array) vs columns (zip + pa.array
per column), per table, on N news articles' rows (this checkout's extract_article, so the values
are the same in every form). Run from the repository root:

    python docs/notes/outside4/conversion_forms.py

(writes 500 dev-news texts to /tmp/o4/raw500 once; internal evaluation, never committed). The first
part also times dict(zip) building and freeing; the second compares the three forms, medians of 7.
"""
import sys, time, gc, pickle
sys.path.insert(0, "benchmarks")
from pathlib import Path
from corpora import default_dev_news, write_corpus
import tempfile
raw = Path("/tmp/o4/raw500")
if not raw.exists():
    write_corpus("news", raw, 500, default_dev_news())
from landstrikes.extract.nopandas import arrow_without_numpy
arrow_without_numpy()
from landstrikes.extract.article import extract_article, ARTICLE_TABLES
from landstrikes.schema.registry import TABLES_BY_NAME
import pyarrow as pa
rows = [extract_article(p.stem, p.read_text(), p.name) for p in sorted(raw.glob("*.txt"))]
cpu = time.process_time


def forms(table):
    """The table's schema, struct type, column names, and its rows as dicts and as tuples."""
    schema = TABLES_BY_NAME[table].arrow_schema()
    dicts = [r for a in rows for r in a[table]]
    return schema, pa.struct(list(schema)), schema.names, dicts, [tuple(r[n] for n in schema.names) for r in dicts]


for table in ARTICLE_TABLES:
    schema, st, names, dicts, tuples = forms(table)
    gc.disable()
    t = cpu()
    for _ in range(5): pa.array(dicts, type=st)
    d = (cpu() - t) / 5
    t = cpu()
    for _ in range(5): pa.array(tuples, type=st)
    tu = (cpu() - t) / 5
    t = cpu()
    for _ in range(5): x = [dict(zip(names, v)) for v in tuples]; del x
    dz = (cpu() - t) / 5
    gc.enable()
    print(f"{table:15} rows {len(dicts):6} fields {len(names):2} to-arrow dict {d*1000:6.1f} ms tuple {tu*1000:6.1f} ms | dict(zip) build+free {dz*1000:6.1f} ms")
print("---- columns")
tot = {"d": 0, "t": 0, "c": 0}
for table in ARTICLE_TABLES:
    schema, st, names, dicts, tuples = forms(table)
    gc.disable()
    res = {}
    for k, f in {"d": lambda: pa.RecordBatch.from_struct_array(pa.array(dicts, type=st)),
                 "t": lambda: pa.RecordBatch.from_struct_array(pa.array(tuples, type=st)),
                 "c": lambda: pa.RecordBatch.from_arrays([pa.array(col, type=fld.type) for col, fld in zip(zip(*tuples), schema)], schema=schema)}.items():
        best = []
        for _ in range(7):
            t = cpu(); f(); best.append(cpu() - t)
        best.sort(); res[k] = best[3]; tot[k] += best[3]
    gc.enable()
    print(table, {k: round(v*1000, 1) for k, v in res.items()})
print({k: round(v*1000, 1) for k, v in tot.items()})
