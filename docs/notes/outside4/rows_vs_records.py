"""What the per-article function's output form costs, inside it and in the chunk around it.

    PYTHONPATH=OLD_PACKAGE python docs/notes/outside4/rows_vs_records.py RAW_FOLDER   # dict rows (code before records)
    python docs/notes/outside4/rows_vs_records.py RAW_FOLDER                          # this checkout (records)

One process, the chunk's loop without files, timers or Parquet: for each article the per-article
function the chunk calls (`extract_records`, or `extract_article` in older code), then what the
chunk does with its output: every table's rows into `shard.Columns` (Arrow batches of 4,096 rows,
the rows freed as each batch is made) and the entity evidence into `ChunkEvidence`; at the end
each table's last batch. CPU per step (process time), summed over the articles; the collector
runs as in a chunk (older heap frozen). Prints one JSON line.
"""

import gc
import json
import sys
import time
from pathlib import Path

from landstrikes.extract.nopandas import arrow_without_numpy

arrow_without_numpy()
import landstrikes.extract.article as article  # noqa: E402
from landstrikes.extract.catalogue import ChunkEvidence  # noqa: E402
from landstrikes.extract.entities import warm_up  # noqa: E402
from landstrikes.extract.shard import Columns  # noqa: E402
from landstrikes.schema.registry import TABLES_BY_NAME  # noqa: E402

per_article = getattr(article, "extract_records", None) or article.extract_article
texts = [(p.stem, p.read_text(encoding="utf-8"), p.name) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
warm_up()
per_article(*texts[0])  # (first-use caches of the rules, for both codes)
gc.collect()
gc.freeze()
cpu = time.process_time
tables = {t: Columns(TABLES_BY_NAME[t]) for t in article.ARTICLE_TABLES}
evidence = ChunkEvidence()
inside = columns = merge = 0.0
for text in texts:
    t0 = cpu()
    rows = per_article(*text)
    t1 = cpu()
    for table in article.ARTICLE_TABLES:
        tables[table].extend(rows[table])
    t2 = cpu()
    evidence.add_rows(rows["entity_rows"])
    t3 = cpu()
    del rows
    inside, columns, merge = inside + t1 - t0, columns + t2 - t1, merge + t3 - t2
t0 = cpu()
for table in article.ARTICLE_TABLES:
    tables[table].table()
columns += cpu() - t0
print(json.dumps({"form": per_article.__name__, "articles": len(texts), "inside_s": round(inside, 3),
                  "rows_to_arrow_s": round(columns, 3), "evidence_merge_s": round(merge, 3)}))
