"""DATASHEET's "Fit for two common studies" is hand-written prose a reader decides on, outside every
`<!-- stats -->` block, so `stats --check` never compared it with the tables: at 2.35.2 it still said
238 propositions and 44 claims contradicting the record (2.34's figures; the tables hold 241 and 45;
newuser59). Each figure of that item is recomputed here from the built tables."""

import re

import pandas as pd

from conftest import REPO

DATA = REPO / "dataset" / "data"
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def study_item() -> str:
    text = (REPO / "DATASHEET.md").read_text(encoding="utf-8")
    start = text.index("- **Fit for two common studies**")
    end = text.index("\n- **", start + 1)
    return " ".join(text[start:end].split())  # one line: figures may wrap


def figure(pattern: str) -> int:
    found = re.search(pattern, study_item())
    assert found, f"DATASHEET's 'Fit for two common studies' no longer says {pattern!r}: update this test with it"
    value = found.group(1).replace(",", "")
    return WORDS[value] if value in WORDS else int(value)


def table(name: str) -> pd.DataFrame:
    return pd.read_parquet(DATA / name)


def test_study_item_quote_kinds_are_the_quotes_tables():
    kinds = table("quotes").kind.value_counts()
    assert figure(r"(\d+) direct, \d+ partial") == kinds.get("direct", 0)
    assert figure(r"(\d+) partial and \d+ indirect") == kinds.get("partial", 0)
    assert figure(r"(\d+) indirect quotes") == kinds.get("indirect", 0)


def test_study_item_speakers_and_the_main_speakers_share():
    quotes, entities = table("quotes"), table("entities")
    speakers = set(quotes.speaker_id.dropna())
    people = set(entities[entities.type == "PERSON"].entity_id) & speakers
    assert figure(r"(\w+) speakers \(") == len(speakers)
    assert figure(r"speakers \((\w+) people") == len(people)
    assert figure(r"Trump (\d+) of the \d+ rows") == (quotes.speaker_id == "donald-trump").sum()
    assert figure(r"Trump \d+ of the (\d+) rows") == len(quotes)


def test_study_item_utterance_clusters_and_those_of_several_articles():
    articles_per_cluster = table("quotes").groupby("cluster_id").article_id.nunique()
    assert figure(r"(\d+) utterance clusters") == len(articles_per_cluster)
    assert figure(r"utterance clusters, (\d+) reported by more than one article") == (articles_per_cluster > 1).sum()


def test_study_item_claims_propositions_and_record_status():
    claims, clusters = table("claims"), table("claim_clusters")
    assert figure(r"(\w+) contradiction pair only") == (claims.consistency == "contradicted").sum() // 2
    stated = figure(r"some (\d+) claims")
    assert abs(stated - len(claims)) < 50, f"'some {stated} claims': the table holds {len(claims)}"
    assert figure(r"claims in (\d+) propositions") == len(clusters)
    articles_per_cluster = claims.groupby("cluster_id").article_id.nunique()
    assert figure(r"propositions, (\d+) of them stated by more than one article") == (articles_per_cluster > 1).sum()
    assert figure(r"(\d+) claims contradict the public record") == (claims.record_status == "contradicts").sum()
