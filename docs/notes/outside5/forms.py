"""A chunk's records into Arrow batches three ways, per table (hot replay of tables.py's cached
records, medians of 7, ms): the struct conversion the command uses, one `pa.array` per column of
`zip(*batch)`, and the same with each column made a list first. Run from the repository root
after tables.py (which caches the records):  python docs/notes/outside5/forms.py
"""
import pickle, time, statistics, gc
from pathlib import Path
from landstrikes.extract.nopandas import arrow_without_numpy, arrow_without_pandas
arrow_without_numpy(); arrow_without_pandas()
import pyarrow as pa
from landstrikes.extract.article import ARTICLE_TABLES
from landstrikes.schema.registry import TABLES_BY_NAME
arts = pickle.loads(Path("/tmp/o5/records-raw-news-2000.pkl").read_bytes())
gc.disable()
cpu = time.process_time
def med(f, n=7):
    s = []
    for _ in range(n):
        t = cpu(); f(); s.append(cpu() - t)
    return statistics.median(s) * 1000
T = [0, 0, 0]
for name in ARTICLE_TABLES:
    schema = TABLES_BY_NAME[name].arrow_schema()
    st = pa.struct(list(schema))
    recs = [r for a in arts for r in a[name]]
    batches = [recs[i:i + 4096] for i in range(0, len(recs), 4096)]
    def struct():
        return [pa.RecordBatch.from_struct_array(pa.array(b, type=st)) for b in batches]
    def columns():
        out = []
        for b in batches:
            cols = list(zip(*b))
            out.append(pa.RecordBatch.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, schema)], schema=schema))
        return out
    def columns_list():
        out = []
        for b in batches:
            cols = [list(c) for c in zip(*b)]
            out.append(pa.RecordBatch.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, schema)], schema=schema))
        return out
    assert pa.Table.from_batches(struct()).equals(pa.Table.from_batches(columns()))
    a, b, c = med(struct), med(columns), med(columns_list)
    T[0] += a; T[1] += b; T[2] += c
    print(f"{name:15} {len(recs):6} rows {len(schema)} cols  struct {a:6.1f}  zip columns {b:6.1f}  zip->lists {c:6.1f}")
print("total", [round(x, 1) for x in T])
