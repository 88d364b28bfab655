from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    texts = dict(zip(*(pq.read_table(part(input, "articles")).column(c).to_pylist() for c in ("article_id", "text"))))
    claims = pq.read_table(part(input, "claims")).to_pylist()
    row = next(i for i, c in enumerate(claims) if c["text"] == 'they are "running Mexico"')
    article = claims[row]["article_id"]
    start = texts[article].index('running Mexico"')
    end = texts[article].index('"very sad') + len('"very sad')
    set_cell(input, "claims", "start", row, start)
    set_cell(input, "claims", "end", row, end)
    set_cell(input, "claims", "text", row, texts[article][start:end])
    set_cell(input, "claims", "claim_id", row, f"{article}:c:{start}-{end}")
