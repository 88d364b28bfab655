"""`validate --engine` lends the tables whose rows belong to no article (`entities`,
`claim_clusters`, `stance_targets`) whole to every task, and dropped every finding a task made on
them, trusting the shared job (which checks those tables alone) to give each. A check that judges
a lent row against the task's articles gives a finding the shared job cannot: attack44 found
`entity-name-not-alias` (M2, attack41: an entity's name occurring in an article is one of its
aliases) INVALID in one folder and VALID under the engine, for a name dropped from its aliases
with its mention. The findings of such a check on a lent table must be the one-folder ones, each
once, whatever the check."""

from __future__ import annotations

import importlib

import pytest

from test_engine_placement import GOLD, own_partition, same_report, scatter

one_folder = importlib.import_module("landstrikes.schema.validate")  # the module (`validate` is the function)


def _drop_alias_and_mention(entity_id: str, alias: str):
    def edit(table: str, rows: list[dict]) -> None:
        if table == "entities":
            for row in rows:
                if row["entity_id"] == entity_id:
                    row["aliases"] = [a for a in row["aliases"] if a != alias]
        if table == "mentions":
            rows[:] = [r for r in rows if not (r["entity_id"] == entity_id and r["text"] == alias)]
    return edit


def test_an_entity_name_no_alias_of_it_is_found_under_the_engine_as_in_one_folder(tmp_path):
    findings = same_report(scatter(tmp_path, own_partition, _drop_alias_and_mention("americans", "Americans")))
    assert [(f.check, f.table, f.row_id) for f in findings] == [("entity-name-not-alias", "entities", "americans")]


def test_a_lent_row_judged_against_an_article_given_twice_is_found_twice_as_in_one_folder(tmp_path):
    """Article 000's row also in a sixth partition: one folder judges each of its two rows, and so
    gives the finding twice; the engine checks both rows in one task and gives it twice too."""
    drop = _drop_alias_and_mention("americans", "Americans")

    def edit(table: str, rows: list[dict]) -> None:
        drop(table, rows)
        if table == "articles":
            rows.append(dict(rows[0]))

    def place(table: str, i: int, article: str | None) -> int:
        return len(GOLD) if table == "articles" and i == len(GOLD) else own_partition(table, i, article)

    findings = same_report(scatter(tmp_path, place, edit))
    assert [f.row_id for f in findings if f.check == "entity-name-not-alias"] == ["americans", "americans"]


def _per_article_probe(tables, report) -> None:
    """A check judging a lent row against each article it sees: one finding per article."""
    entity = tables["entities"].arrow.column("entity_id")[0].as_py()
    for article_id in tables["articles"].arrow.column("article_id").to_pylist():
        report.add("entities", "probe-per-article", f"judged against {article_id}", entity, "name", article_id)


def _row_local_probe(tables, report) -> None:
    """A check of the lent rows alone: one finding, whichever articles are beside it."""
    entity = tables["entities"].arrow.column("entity_id")[0].as_py()
    report.add("entities", "probe-row-local", "the lent row's own", entity, "name", "")


@pytest.mark.parametrize("probe, expected", [(_per_article_probe, len(GOLD)), (_row_local_probe, 1)])
def test_a_check_s_findings_on_a_lent_table_are_the_one_folder_ones_each_once(tmp_path, monkeypatch, probe, expected):
    """Any check, not only M2's: a lent row judged against a task's articles is found in the task
    holding them; a finding on the lent rows alone is given once, not once per task."""
    monkeypatch.setattr(one_folder, "CROSS_CHECKS", (*one_folder.CROSS_CHECKS, probe))
    monkeypatch.setattr(one_folder, "LONGEST_FIRST", (*one_folder.LONGEST_FIRST, probe))
    findings = same_report(scatter(tmp_path, own_partition))
    assert len([f for f in findings if f.check.startswith("probe")]) == expected
