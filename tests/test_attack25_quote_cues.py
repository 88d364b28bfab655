"""Q5: the cue is the reporting expression that introduces the quoted words ("said", "According
to", a colon), so it never lies inside them (as the speaker words never do, Q16). attack25 moved
an indirect quote's cue onto the first word of its own content ("cartel-linked", its lemma kept
equal): validate said VALID [cue-inside-quote]. No gold row (90 cues) and no extractor row (8,600
cues on the BBC dev news and adversarial texts) has one."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import findings_of

CHECK = "cue-inside-quote"


def _cue_on_first_word(folder, kind: str) -> str:
    path = folder / "data" / "quotes" / "quotes.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    row = next(i for i in range(len(columns["quote_id"])) if columns["kind"][i] == kind and columns["cue_start"][i] is not None)
    word = columns["text"][row].split(" ")[0]
    start = columns["start"][row]
    columns["cue_start"][row], columns["cue_end"][row] = start, start + len(word)
    columns["cue_text"][row] = columns["cue_lemma"][row] = word
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)
    return columns["quote_id"][row]


def test_a_cue_inside_its_own_quote_is_a_finding(dataset_copy):
    quote_id = _cue_on_first_word(dataset_copy, "indirect")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, quote_id, "cue_start")]


def test_the_gold_cues_lie_outside_their_quotes(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
