"""A check that raises is reported as `check-crashed`, never a traceback and never a silent pass
(mutate67). The three places validate catches a check's exception (a table's own checks, a
cross-table check, the raw texts' comparison) had tests only that `check-crashed` is ABSENT (each
crash found was fixed), so silencing the report of a crash failed no test: a check broken by a
future change would have judged nothing and let the folder read VALID. No data of the gold makes a
check raise (that is the point of those fixes), so each test breaks the check itself; each was seen
failing with its `check-crashed` call silenced and passing on the real code."""

from __future__ import annotations

import importlib

from landstrikes.schema import validate

validate_module = importlib.import_module("landstrikes.schema.validate")


def _raises(*args, **kwargs):
    raise RuntimeError("broken on purpose")


def crashed(report) -> list[tuple[str, str, str]]:
    return [(f.table, f.row_id, f.message) for f in report.findings if f.check == "check-crashed"]


def test_a_cross_table_check_that_raises_is_check_crashed_and_the_folder_invalid(dataset_copy, monkeypatch):
    digest = validate_module.check_article_digest

    def check_article_digest(tables, report):  # the same name: the check, broken
        _raises()

    for name in ("CROSS_CHECKS", "LONGEST_FIRST"):
        checks = getattr(validate_module, name)
        assert digest in checks
        monkeypatch.setattr(validate_module, name, tuple(check_article_digest if c is digest else c for c in checks))
    report = validate(dataset_copy)
    assert crashed(report) == [("*", "", "check_article_digest could not run: RuntimeError: broken on purpose")]
    assert report.exit_code == 1


def test_a_table_check_that_raises_is_check_crashed_of_that_table(dataset_copy, monkeypatch):
    monkeypatch.setattr(validate_module, "check_arrow_table", _raises)
    report = validate(dataset_copy)
    tables = {table for table, _, message in crashed(report)
              if message == "table checks could not run: RuntimeError: broken on purpose"}
    assert "articles" in tables and "quotes" in tables
    assert report.exit_code == 1


def test_a_raw_text_comparison_that_raises_is_check_crashed(raw_and_data_copy, monkeypatch):
    monkeypatch.setattr(validate_module, "check_raw_texts", _raises)
    report = validate(raw_and_data_copy)
    assert crashed(report) == [("*", "", "check_raw_texts could not run: RuntimeError: broken on purpose")]
    assert report.exit_code == 1
