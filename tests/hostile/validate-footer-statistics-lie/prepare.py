"""The quotes part's footer edited so its statistics state a maximum article id (and quote id)
of article 001 while the data, untouched, holds quotes of articles 002-004."""

from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import footer_replace, part


def prepare(input: Path) -> None:
    path = part(input, "quotes")
    last = max(pq.read_table(path, columns=["article_id"]).column(0).to_pylist())
    footer_replace(path, last.encode(), ("001" + last[3:]).encode())
