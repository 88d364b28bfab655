"""M1: a NOMINAL whose words are part of its entity's name is a proper name, a NAME
(`nominal-is-part-of-its-name`, attack55). review56: a sentence's first word is written with a
capital whatever it is, so "Police said on Monday ..." of an entity named "Mexico City Police" was
called a name, though "police" is a common noun the same texts write in lower case. At a sentence's
start, a NOMINAL whose every word the texts also write in lower case is a description; a surname
("Saucedo"), or a common word written with its capital inside a sentence, is still judged."""

from __future__ import annotations

import pyarrow as pa

from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.nominal_names import CHECK, check_nominal_names
from landstrikes.schema.report import Report

TEXT = ("Mexico City Police closed the avenue. Police said on Monday the march would go on.\n"
        "The police had said so before. David Saucedo spoke. Later, Saucedo said more, and the City Police agreed.")


def _findings(nominal: str, at: int, name: str, aliases: list[str]) -> list[str]:
    assert TEXT[at:at + len(nominal)] == nominal
    tables = Corpus.from_arrow({
        "articles": pa.table({"article_id": ["a"], "text": [TEXT]}),
        "entities": pa.table({"entity_id": ["e"], "name": [name], "aliases": pa.array([aliases], pa.list_(pa.string()))}),
        "mentions": pa.table({"mention_id": ["a:m"], "article_id": ["a"], "entity_id": ["e"], "kind": ["NOMINAL"],
                              "text": [nominal], "start": pa.array([at], pa.int64()), "end": pa.array([at + len(nominal)], pa.int64())}),
    })
    report = Report("memory")
    check_nominal_names(tables, report)
    return [f.row_id for f in report.findings if f.check == CHECK]


def test_a_common_noun_opening_a_sentence_is_no_name():
    assert _findings("Police", TEXT.index("Police said"), "Mexico City Police", ["Mexico City Police"]) == []


def test_a_surname_opening_a_sentence_is_still_a_name():
    assert _findings("Saucedo", TEXT.index("Saucedo said"), "David Saucedo", ["Saucedo"]) == []  # an alias: mention-kind-mismatch's
    assert _findings("Saucedo", TEXT.index("Saucedo said"), "David Saucedo", ["D. Saucedo"]) == ["a:m"]


def test_a_capital_inside_a_sentence_is_still_judged():
    assert _findings("City Police", TEXT.index("City Police agreed"), "Mexico City Police", ["Mexico City Police"]) == ["a:m"]
