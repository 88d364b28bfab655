"""attack16: the extractor read a name spelled with combining marks (NFD, as macOS copies and some
CMSs write it) as no name: `TOKEN_DEFINITION`'s word characters `[^\\W_]` exclude category Mn, so
"Rene\\u0301e Martin said" gave the entity `martin` and "Jose\\u0301 Mari\\u0301a Pe\\u0301rez
said: ..." no speaker, where the NFC spelling gives `renee-martin` and `jose-maria-perez`. A text
holding a mark is now tokenised by `TOKEN_WITH_MARKS` (session 17): an NFD text gives the entities
and speakers its NFC spelling gives."""

from __future__ import annotations

import unicodedata

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.extract.article import extract_article
from landstrikes.schema.validate import validate

RAW = Path(__file__).resolve().parents[1] / "dataset" / "raw"
TEXT = ("Harbour news\n\nJose\u0301 Mari\u0301a Pe\u0301rez said: \u201cThe dog is here.\u201d\n\n"
        "Pe\u0301rez added that 300 people died. Rene\u0301e Martin said it was over.\n")


def _extract(tmp_path, text: str) -> tuple[list[str], list]:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    report = validate(tmp_path / "silver")
    assert report.ok, report.to_text()
    entities = sorted(r["entity_id"] for f in sorted((tmp_path / "silver" / "data" / "entities").rglob("*.parquet"))
                      for r in pq.read_table(f).to_pylist())
    speakers = [r["speaker_id"] for f in sorted((tmp_path / "silver" / "data" / "quotes").rglob("*.parquet"))
                for r in pq.read_table(f).to_pylist()]
    return entities, speakers


def test_attack_held_the_silver_of_an_nfd_text_validates_and_nfc_finds_the_names(tmp_path):
    entities, speakers = _extract(tmp_path, unicodedata.normalize("NFC", TEXT))
    assert entities == ["jose-maria-perez", "renee-martin"] and "jose-maria-perez" in speakers


def test_an_nfd_name_is_found_as_its_nfc_spelling_is(tmp_path):
    entities, speakers = _extract(tmp_path, TEXT)
    assert entities == ["jose-maria-perez", "renee-martin"] and "jose-maria-perez" in speakers


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_each_gold_article_in_nfd_gives_the_entities_and_speakers_of_its_nfc_spelling(path):
    text = path.read_text(encoding="utf-8")
    nfc, nfd = (extract_article("a", unicodedata.normalize(form, text)) for form in ("NFC", "NFD"))
    assert sorted(r["entity_id"] for r in nfd["entity_rows"]) == sorted(r["entity_id"] for r in nfc["entity_rows"])
    assert [r["speaker_id"] for r in nfd["quotes"]] == [r["speaker_id"] for r in nfc["quotes"]]
