"""C10: a verbatim repeat of the headline is not annotated, so no claim lies in it
(`claim-in-repeated-headline`). attack36: a text whose headline states a number ("$4bn") and is
repeated after the byline gave a silver claim in the repeat as well as in the headline, so
`extract`'s output did not validate, against README's promise that it does."""

from __future__ import annotations

import pyarrow.parquet as pq

from landstrikes.cli import main
from landstrikes.schema import validate

TEXT = ("Port Authority Approves $4bn Harbour Expansion\n"
        "By Maria Delgado, Staff Reporter\n\n"
        "Port Authority Approves $4bn Harbour Expansion\n\n"
        "The Port Authority of Kingsbridge voted on Tuesday to approve a $4bn expansion of the harbour, "
        "ending a two-year dispute with local fishermen.\n\n"
        "\"It will create at least 3,000 jobs,\" said chairman Robert Okafor.\n")


def test_no_claim_in_a_repeated_headline_and_the_output_validates(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "001_harbour.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    report = validate(out)
    assert [f.check for f in report.findings] == []
    repeat = TEXT.index("Port Authority", 1)
    claims = pq.read_table(out / "data" / "claims").to_pylist()
    assert [c["start"] for c in claims if c["start"] < len(TEXT.split("\n")[0])] == [0]  # the headline's own claim is kept
    assert not [c for c in claims if repeat <= c["start"] < repeat + 46]
