"""README's "Out of sample" extraction figures are copied from docs/extraction.md's table, which
every round of rules updates: README's copy, five rounds of prose, still gave held-out 5 NER 0.766 and
attribution 0.862 and held-out 4 NER 0.739 after extract49 had moved them to 0.770, 0.866 and 0.745
(newuser59). Each figure of README's table is the one docs/extraction.md's table gives for that set."""

import re

from conftest import REPO

COLUMNS = ("dq overlap", "dq exact", "attribution", "speaker", "sp.name", "NER")
SETS = {"held-out 4": "held-out 4, 40 texts", "held-out 5": "held-out 5, 40 texts", "held-out 6": "held-out 6, 16 FNC-1 texts"}


def rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|") and not line.startswith("|---")]


def figure(cell: str) -> str:
    """The cell's figure: its first number, bold, notes and counts after it aside."""
    found = re.search(r"\d\.\d{3}|–", cell)
    assert found, cell
    return found.group(0)


def readme_table() -> dict[str, list[str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("**Out of sample**")
    section = readme[start:readme.index("**Per layer on the gold**", start)]
    table = rows(section)
    assert table, "README's 'Out of sample' holds no table of the held-out sets' figures"
    assert tuple(table[0][1:]) == COLUMNS, table[0]
    return {row[0]: [figure(cell) for cell in row[1:]] for row in table[1:]}


def docs_table() -> dict[str, list[str]]:
    text = (REPO / "docs" / "extraction.md").read_text(encoding="utf-8")
    found = {}
    for row in rows(text):
        name = row[0].replace("*", "")
        if len(row) == 8 and any(name.startswith(s) for s in SETS) and "baseline" not in name:
            found[name] = [figure(cell) for cell in row[2:]]
        if len(row) == 8 and name.startswith("naive baseline"):
            found[f"naive baseline on {row[1].replace(', adjudicated', '')}"] = [figure(cell) for cell in row[2:]]
    return found


def test_readme_out_of_sample_figures_are_docs_extraction_figures():
    readme, docs = readme_table(), docs_table()
    for short, docs_name in SETS.items():
        ours = next(v for k, v in readme.items() if k.startswith(short))
        theirs = next(v for k, v in docs.items() if k.startswith(docs_name))
        assert ours == theirs, f"README's {short} row {ours} is not docs/extraction.md's {theirs}"
    for name in ("held-out 5", "held-out 6"):
        ours = next(v for k, v in readme.items() if k.startswith(f"naive baseline on {name}"))
        assert ours == docs[f"naive baseline on {name}"], name
