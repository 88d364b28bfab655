"""`stats` refuses documents that lack one of its blocks, as `stats --check` and `release` do.

A block removed from DATASHEET.md (or README.md) is drift to `stats --check` (exit 1, "run
`landstrikes stats` to regenerate") and to `release` ("run `landstrikes stats`, commit, then
release"), but `stats` itself filled the blocks it found and said "everything was up to date",
exit 0: the advised fix did nothing, and the release stayed refused (attack26). The same
silence let `stats --root` name another project's folder, whose README and DATASHEET hold no
block: it wrote docs/figures/*.png there. `stats` now names the missing block in one line,
exit 2, and writes nothing."""

from __future__ import annotations

import re

import pytest

from landstrikes.cli import main
from landstrikes.documents.docgen import DATASHEET, README
from test_stats import docs_copy, snapshot  # noqa: F401 (a fixture)


@pytest.mark.parametrize("document, block", [(DATASHEET, "silver"), (DATASHEET, "segments"), (README, "readme-rows")])
def test_a_document_lacking_a_block_is_refused_by_stats_as_by_its_check(docs_copy, capsys, document, block):  # noqa: F811
    path = docs_copy / document
    path.write_text(re.sub(rf"<!-- stats:{block} -->.*?<!-- /stats:{block} -->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL),
                    encoding="utf-8")
    before = snapshot(docs_copy)
    assert main(["stats", "--check", "--dataset", str(docs_copy / "dataset")]) == 1
    capsys.readouterr()
    assert main(["stats", "--dataset", str(docs_copy / "dataset")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and document in err and repr(block) in err and "missing" in err, err
    assert snapshot(docs_copy) == before


def test_stats_writes_nothing_into_a_root_whose_documents_hold_no_block(docs_copy, tmp_path, capsys):  # noqa: F811
    other = tmp_path / "other-project"
    other.mkdir()
    (other / README).write_text("# another project\n", encoding="utf-8")
    (other / DATASHEET).write_text("# its datasheet\n", encoding="utf-8")
    assert main(["stats", "--dataset", str(docs_copy / "dataset"), "--root", str(other)]) == 2
    assert "missing" in capsys.readouterr().err
    assert sorted(p.name for p in other.rglob("*")) == [DATASHEET, README]
