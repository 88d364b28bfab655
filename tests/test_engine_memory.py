"""The engine driver's corpus-wide pass holds a table it reads whole only while a check still
needs it (issue 19: the driver's heap grew with every table read; figures in
docs/notes/build-fast.md, measured, not tested here)."""

from __future__ import annotations

import gc
import importlib
import weakref


def test_the_driver_drops_each_whole_read_table_once_no_later_check_needs_it(dataset_copy, monkeypatch):
    engine = importlib.import_module("landstrikes.engines.validate")
    alive: dict[str, weakref.ref] = {}
    real_read = engine.read_table

    def read(folder):
        frame = real_read(folder)
        alive[folder.name] = weakref.ref(frame)
        return frame

    held_at: dict[str, set[str]] = {}

    def spy(check):
        def run(tables, report):
            gc.collect()
            held_at[check.__name__] = {name for name, ref in alive.items() if ref() is not None}
            return check(tables, report)

        return run

    monkeypatch.setattr(engine, "read_table", read)
    monkeypatch.setattr(engine, "check_claims", spy(engine.check_claims))
    monkeypatch.setattr(engine, "check_claim_clusters", spy(engine.check_claim_clusters))
    monkeypatch.setattr(engine, "GOLD_CORPUS_WIDE", tuple((spy(check), needs) for check, needs in engine.GOLD_CORPUS_WIDE))

    report = engine.validate_partitioned(dataset_copy, "local", 1)

    assert report.ok, report.to_text()
    assert held_at == {
        "check_claims": {"claims", "claim_clusters"},
        "check_claim_clusters": {"claims", "claim_clusters"},
        "check_variants_used": {"claims", "claim_clusters"},
        "check_claim_named_clusters": {"claims", "claim_clusters"},  # review14: before the tables are dropped
        "check_auto_propositions": {"claims", "claim_clusters"},  # silver39: an extractor cluster states its claim
        "check_contradiction_links": {"claims"},  # attack25: claim_clusters dropped, no later check needs it
        "check_entities_mentioned": {"articles", "entities", "mentions"},
        "check_auto_entities": {"entities", "mentions"},  # session 31: beside it, mentions dropped before the quote checks
        "check_quote_cluster_wording": {"quotes", "quality_flags"},
        "check_quote_cluster_reference": {"quotes"},  # quality_flags dropped: no later check needs it
        "check_quote_cluster_names": {"quotes"},
    }
