"""Every check id a hostile case expects, and every id of the false-VALID census's checks, is
documented: named in backticks in README.md or in a docs/ file README links to (README keeps a
summary; the full list of validate's ids is docs/check-ids.md). An id a reader meets in a report
and finds nowhere in the documentation is an id nobody explained."""

from __future__ import annotations

import re

from conftest import REPO

from landstrikes.schema.census_checks import CENSUS_CHECK_IDS

HOSTILE = REPO / "tests" / "hostile"
CHECK_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")


def documentation() -> dict[str, str]:
    """README.md and every Markdown file under docs/ that README links to, by path."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    linked = dict.fromkeys(re.findall(r"\]\((docs/[^)#\s]+\.md)(?:#[^)\s]*)?\)", readme))
    return {"README.md": readme, **{path: (REPO / path).read_text(encoding="utf-8") for path in linked}}


def expected_ids() -> set[str]:
    """The check ids the hostile cases expect (the `check:` values that are ids, not phrases) and the census's."""
    found = set()
    for case in HOSTILE.glob("*/case.yaml"):
        found.update(v for v in re.findall(r'^check:\s*"?([^"\n]+?)"?\s*$', case.read_text(encoding="utf-8"), re.M)
                     if CHECK_ID.fullmatch(v))
    return found | set(CENSUS_CHECK_IDS)


def undocumented(ids: set[str], documents: dict[str, str]) -> list[str]:
    text = "\n".join(documents.values())
    return sorted(i for i in ids if f"`{i}`" not in text)


def test_the_check_id_list_is_linked_from_readme():
    assert "docs/check-ids.md" in documentation()


def test_every_check_id_the_suite_expects_is_documented():
    ids = expected_ids()
    assert len(ids) > 80 and {"span-splits-word", "protected-output"} <= ids
    assert undocumented(ids, documentation()) == []


def test_an_id_dropped_from_the_documentation_is_reported():
    documents = documentation()
    gone = {path: text.replace("`claims-overlap`", "claims-overlap") for path, text in documents.items()}
    assert undocumented(expected_ids(), gone) == ["claims-overlap"]
    unlinked = {path: text for path, text in documents.items() if path != "docs/check-ids.md"}
    assert undocumented(expected_ids(), unlinked)  # the moved list is what documents them
