"""Attacks on `extract` that held (attack19), kept as a spec: texts with zero-width joiners inside
names, bidi controls around quotation marks, CRLF or CR line ends, a BOM, a NUL, combining marks,
astral letters, curly and nested marks, apostrophes in names, Unicode line and paragraph
separators; a file name that is not UTF-8 and a text holding a CESU-8 surrogate. The output
validates, every article is the raw file verbatim (its sha256 the file's), and the two bad files
are failure rows."""

from __future__ import annotations

import csv
import hashlib

import pyarrow.parquet as pq

from landstrikes.cli import main
from landstrikes.schema import validate

BASE = ('WASHINGTON (AP) — President Donald Trump said on Thursday that the United States will "start now '
        'hitting land" against cartels. "We are going to do it," Trump told reporters. Mexican President Claudia '
        'Sheinbaum said the country would not accept intervention.\n\nSecretary of State Marco Rubio said Mexico '
        'was cooperating.\n')
TEXTS = {
    "001_zw": BASE.replace("Donald Trump", "Donald\u200bTrump").replace("Sheinbaum", "Shein\u200dbaum"),
    "002_bidi": BASE.replace('"start', '\u202e"start').replace('land"', 'land"\u202c') + '\u2067Rubio said "yes."\u2069\n',
    "003_crlf": BASE.replace("\n", "\r\n"),
    "004_bom": "\ufeff" + BASE,
    "005_nul": BASE.replace("Thursday", "Thurs\x00day"),
    "006_apostrophes": "Police Chief Conor O'Brien said \"we are ready.\" O\u2019Neill told reporters \"it is over.\"\n",
    "007_cr": BASE.replace("\n", "\r"),
    "008_separators": BASE.replace("\n\n", "\u2029").replace(". ", ".\u2028"),
    "009_combining": BASE.replace("Sheinbaum", "Sheinbau\u0301m").replace("Trump", "Tr\u0308ump"),
    "010_astral": BASE.replace("Trump", "\U0001d413rump") + 'He said "\U0001f600 emoji \U0001f1fa\U0001f1f8."\n',
    "011_nested": "Trump said \"he told me 'they said \"no\" to us' yesterday.\" Then he left.\n",
}


def test_hostile_texts_extract_verbatim_and_validate(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in TEXTS.items():
        (raw / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (raw / "013_bad\udcff.txt").write_bytes(BASE.encode("utf-8"))  # a file name that is not UTF-8
    (raw / "014_surrogate.txt").write_bytes(BASE.encode("utf-8").replace(b"Thursday", b"Thurs\xed\xa0\x80day"))
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 3
    with open(out / "extract_errors.csv", encoding="utf-8", newline="") as handle:
        assert sorted(row["check"] for row in csv.DictReader(handle)) == ["extract-bad-name", "extract-not-utf8"]
    assert validate(out).ok
    for row in pq.read_table(out / "data" / "articles").to_pylist():
        data = (raw / row["source_file"].rsplit("/", 1)[-1]).read_bytes()
        assert row["text"] == data.decode("utf-8") and row["sha256"] == hashlib.sha256(data).hexdigest()
    assert pq.read_table(out / "data" / "articles").num_rows == len(TEXTS)
