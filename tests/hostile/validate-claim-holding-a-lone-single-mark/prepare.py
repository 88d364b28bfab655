from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    texts = dict(zip(*(pq.read_table(part(input, "articles")).column(c).to_pylist() for c in ("article_id", "text"))))
    claims = pq.read_table(part(input, "claims")).to_pylist()
    article = next(a for a, t in texts.items() if "‘Would you like us" in t)
    referenced = {i for c in claims for i in c["contradicted_by"] or []}
    row = next(i for i, c in enumerate(claims) if c["article_id"] == article and c["claim_id"] not in referenced)
    start = texts[article].index("‘Would you like us")
    end = texts[article].index("the cartels?’", start) + len("the cartels")
    set_cell(input, "claims", "start", row, start)
    set_cell(input, "claims", "end", row, end)
    set_cell(input, "claims", "text", row, texts[article][start:end])
    set_cell(input, "claims", "claim_id", row, f"{article}:c:{start}-{end}")
