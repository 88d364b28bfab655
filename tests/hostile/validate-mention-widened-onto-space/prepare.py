from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    texts = dict(zip(*(pq.read_table(part(input, "articles")).column(c).to_pylist() for c in ("article_id", "text"))))
    mentions = pq.read_table(part(input, "mentions")).to_pylist()
    row = next(i for i, m in enumerate(mentions) if texts[m["article_id"]][m["end"]] == " ")
    m = mentions[row]
    end = m["end"] + 1
    set_cell(input, "mentions", "end", row, end)
    set_cell(input, "mentions", "text", row, texts[m["article_id"]][m["start"]:end])
    set_cell(input, "mentions", "mention_id", row, f"{m['article_id']}:m:{m['start']}-{end}")
