from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    texts = dict(zip(*(pq.read_table(part(input, "articles")).column(c).to_pylist() for c in ("article_id", "text"))))
    stances = pq.read_table(part(input, "stances")).to_pylist()
    row = next(i for i, s in enumerate(stances) if texts[s["article_id"]][s["evidence_start"]:s["evidence_start"] + 2].isalpha()
               and texts[s["article_id"]][s["evidence_end"]] in " .,")
    s = stances[row]
    start, end = s["evidence_start"] + 1, s["evidence_end"] + 1
    set_cell(input, "stances", "evidence_start", row, start)
    set_cell(input, "stances", "evidence_end", row, end)
    set_cell(input, "stances", "evidence_text", row, texts[s["article_id"]][start:end])
