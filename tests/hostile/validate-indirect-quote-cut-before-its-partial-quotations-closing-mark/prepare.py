from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    quotes = pq.read_table(part(input, "quotes")).to_pylist()
    row = next(i for i, q in enumerate(quotes) if q["kind"] == "indirect" and q["text"] == 'they are "running Mexico"')
    end = quotes[row]["end"] - 1
    set_cell(input, "quotes", "end", row, end)
    set_cell(input, "quotes", "text", row, quotes[row]["text"][:-1])
    set_cell(input, "quotes", "quote_id", row, f"{quotes[row]['article_id']}:q:{quotes[row]['start']}-{end}")
