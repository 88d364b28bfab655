"""M1: a NOMINAL mention's span is the description "with its definite determiner or possessive
... an indefinite article stays out, as in every such mention of the corpus: 'interview' in 'In an
interview'". attack25 widened that mention onto its article ("an interview", id re-derived,
text the slice): validate said VALID [nominal-indefinite-article]. The extractor's rows are
exempt: its nominals name unnamed speakers as written ("a Vodafone spokesman")."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import findings_of

CHECK = "nominal-indefinite-article"


def _widen_onto_article(folder) -> str:
    texts = {a["article_id"]: a["text"] for a in pq.read_table(folder / "data" / "articles").to_pylist()}
    path = folder / "data" / "mentions" / "mentions.parquet"
    mentions = pq.read_table(path).to_pylist()
    mention = next(m for m in mentions if m["kind"] == "NOMINAL" and texts[m["article_id"]][m["start"] - 3:m["start"]] == "an ")
    start = mention["start"] - 3
    mention.update(start=start, text=texts[mention["article_id"]][start:mention["end"]],
                   mention_id=f"{mention['article_id']}:m:{start}-{mention['end']}")
    pq.write_table(pa.Table.from_pylist(mentions, schema=pq.read_schema(path)), path)
    return mention["mention_id"]


def test_a_nominal_mention_holding_its_indefinite_article_is_a_finding(dataset_copy):
    mention_id = _widen_onto_article(dataset_copy)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, mention_id, "start")]


def test_the_gold_nominals_leave_their_indefinite_article_out(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
