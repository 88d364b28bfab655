"""nfc58: free text is written one way (G7), so a source converted outside git is refused.

`claim_clusters.yaml` or `stance_targets.yaml` NFD-normalised built ANOTHER dataset that
validated (canonically equal propositions, notes, a description); `entities.yaml` so converted
was INVALID, blamed on the mentions (`name-mention-not-alias`) instead of the conversion
(attack54, "Noticed and left"). Now every free-text value of a source is in NFKC and one line
whose only space is U+0020 (G7), checked when the sources load, before anything is built; and
`validate` of tables alone finds such a cell in every column G7 covers, while the extractor's
copies of an NFD text's words still validate.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET, copy_sources
from landstrikes.annotations.yamlsource import parse_source
from landstrikes.build import build_tables
from landstrikes.errors import BuildError
from landstrikes.schema.free_text import OTHER_SPACES, free_text_problem
from landstrikes.schema.free_text_forms import AUTO_COPIES, free_text_columns
from landstrikes.schema.validate import validate as validate_folder

CONVERSIONS = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nfkc": lambda t: unicodedata.normalize("NFKC", t),
    "nfkd": lambda t: unicodedata.normalize("NFKD", t),
    "no-break-space-to-space": lambda t: t.replace("\u00a0", " ").replace("\u202f", " "),
    "crlf": lambda t: t.replace("\n", "\r\n"),
}
SOURCES = ("claim_clusters.yaml", "stance_targets.yaml", "entities.yaml",
           *(f"articles/{p.name}" for p in sorted((DATASET / "annotations" / "articles").glob("*.yaml"))))
FREE_TEXT_KEYS = {"name", "description", "flag_note", "proposition", "note", "reason", "unit"}


@pytest.fixture(scope="module")
def committed_rows():
    return build_tables(DATASET)


def _changed_lines(original: Path, converted: str, tmp: Path, keys=FREE_TEXT_KEYS) -> list[int]:
    """Lines (of the original) of the `keys` whose value the conversion changed."""
    other = tmp / "converted.yaml"
    other.write_bytes(converted.encode("utf-8"))
    before, after = parse_source(original), parse_source(other)
    lines: list[int] = []

    def walk(a, b):
        if isinstance(a, dict) and isinstance(b, dict):
            for key in a:
                if key in keys and a[key] != b.get(key):
                    lines.append(before.lines.of_key(a, key))
                walk(a[key], b.get(key))
        elif isinstance(a, list) and isinstance(b, list):
            for x, y in zip(a, b):
                walk(x, y)
    walk(before.data, after.data)
    return sorted(lines)


@pytest.mark.parametrize("conversion", list(CONVERSIONS))
@pytest.mark.parametrize("source", SOURCES)
def test_a_converted_source_is_refused_naming_its_file_and_line_or_builds_the_same_tables(tmp_path, committed_rows, source, conversion):
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / source
    before = path.read_text(encoding="utf-8")
    after = CONVERSIONS[conversion](before)
    if after == before:
        pytest.skip("the conversion changes nothing in this file")
    path.write_bytes(after.encode("utf-8"))
    changed = _changed_lines(DATASET / "annotations" / source, after, tmp_path)
    aliases = _changed_lines(DATASET / "annotations" / source, after, tmp_path, {"aliases"})
    try:
        rows = build_tables(folder)
    except BuildError as error:
        assert error.file == str(path), str(error)
        assert error.line is not None, str(error)
        if changed:  # a free-text value changed: G7 names the first, before any span is anchored
            assert (error.check, error.line) == ("free-text-not-nfc", changed[0]), str(error)
        elif aliases:  # only aliases changed (NFKC of a002's non-breaking hyphen): the first named
            assert (error.check, error.line) == ("alias-not-the-texts-form", aliases[0]), str(error)
            assert "was this file converted" in error.reason, str(error)
        else:  # only spans changed: the span is not the article's text, named in its source as converted
            assert error.check == "span-not-found" and "outside git?" in error.reason, str(error)
        return
    assert not changed and not aliases, f"{source} converted by {conversion} changed free text and was built"
    assert rows == committed_rows, f"{source} converted by {conversion} built another dataset"


BAD_VALUES = {
    "nfd": ("Nicolás Maduro", unicodedata.normalize("NFD", "Nicolás Maduro"), "free-text-not-nfc", "is NFD: 'Nicola\\u0301s Maduro' (NFC: 'Nicolás Maduro')"),
    "compatibility": ("wait", "wait…", "free-text-not-nfc", "U+2026 HORIZONTAL ELLIPSIS (NFKC: '...')"),
    "no-break-space": ("a b", "a\u00a0b", "free-text-whitespace", "U+00A0 NO-BREAK SPACE: 'a\\xa0b'"),
    "line-end": ("a b", "a\r\nb", "free-text-whitespace", "U+000D CARRIAGE RETURN: 'a\\r\\nb'"),
    "line-separator": ("a b", "a\u2028b", "free-text-whitespace", "U+2028 LINE SEPARATOR"),
    "two-spaces": ("a b", "a  b", "free-text-whitespace", "two spaces in a row: 'a\\x20\\x20b'"),
    "tab": ("a b", "a\tb", "free-text-whitespace", "U+0009 CHARACTER TABULATION"),
    "zero-width-space": ("ab", "a\u200bb", "free-text-whitespace", "U+200B ZERO WIDTH SPACE"),
}


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_the_rule_names_what_is_wrong_with_invisible_characters_escaped(case):
    good, bad, check, said = BAD_VALUES[case]
    assert free_text_problem(good) is None
    found = free_text_problem(bad)
    assert found is not None and found[0] == check and said in found[1], found


def test_every_python_space_but_u0020_is_refused():
    assert set(OTHER_SPACES[:-3]) == {chr(c) for c in range(0x110000) if chr(c).isspace() and c != 0x20}


def _yaml_escaped(value: str) -> str:
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in value) + '"'


# where a free-text key of each catalogue is written: its file, the key, and how its line starts
FIELDS = {
    "claim_clusters.yaml proposition": "  proposition: ",
    "claim_clusters.yaml note": "  note: ",
    "stance_targets.yaml description": "  description: ",
    "entities.yaml name": "- {id: donald-trump, name: Donald Trump,",
    "entities.yaml description": "- {id: donald-trump, name: Donald Trump,",
}


@pytest.mark.parametrize("case", ["nfd", "no-break-space", "line-end", "two-spaces"])
@pytest.mark.parametrize("field", list(FIELDS))
def test_a_source_value_breaking_g7_is_refused_by_build_naming_file_line_and_field(tmp_path, field, case):
    (file, key), prefix = field.split(), FIELDS[field]
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / file
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    _, bad, check, said = BAD_VALUES[case]
    if file == "entities.yaml":
        lines[number] = "- {id: donald-trump, name: %s, type: PERSON, aliases: [Donald Trump, Trump], description: %s}" % (
            _yaml_escaped("Donald " + bad) if key == "name" else "Donald Trump",
            _yaml_escaped("President " + bad) if key == "description" else "President.")
    else:
        indent = prefix[: len(prefix) - len(prefix.lstrip())]
        while number + 1 < len(lines) and lines[number + 1].startswith(indent + "  "):
            del lines[number + 1]  # a folded value's continuation lines
        lines[number] = f"{indent}{key}: {_yaml_escaped('Said ' + bad)}"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_tables(folder)
    error = err.value
    assert (error.file, error.line, error.check) == (str(path), number + 1, check), str(error)
    shown = said.split(": '")[-1].split("'")[0]  # the bad characters, escaped as the message shows them
    assert error.reason.startswith(f"{key} ") and shown in error.reason, str(error)


@pytest.mark.parametrize("key,value", [("note", "The title is printed twice."), ("reason", None), ("unit", None)])
def test_article_source_notes_reasons_and_units_are_free_text(tmp_path, key, value):
    folder = copy_sources(tmp_path / "dataset")
    for path in sorted((folder / "annotations" / "articles").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        at = text.find(f" {key}: ")
        if at >= 0:
            break
    else:
        pytest.skip(f"no article source writes a {key}")
    start = at + len(f" {key}: ")
    end = start + len(value) if value is not None else min(i for i in (text.find(c, start) for c in ",}\n") if i >= 0)
    path.write_text(text[:start] + '"Re\u0301sume\u0301"' + text[end:], encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_tables(folder)
    assert (err.value.check, err.value.file, err.value.line) == ("free-text-not-nfc", str(path), text[:at].count("\n") + 1), str(err.value)
    assert err.value.reason.startswith(f"{key} is NFD: 'Re\\u0301sume\\u0301'"), str(err.value)


def test_the_committed_gold_builds_byte_for_byte(tmp_path):
    result = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(DATASET)],
                            capture_output=True, text=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_build_refuses_an_nfd_catalogue_in_one_line_exit_2_nothing_written(tmp_path):
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / "claim_clusters.yaml"
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(folder)], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "[free-text-not-nfc]" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "data").exists()


def test_the_card_body_in_nfd_is_refused_naming_its_line(tmp_path):
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / "card_body.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nCompiled by Jose\u0301.\n", encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_tables(folder)
    assert (err.value.file, err.value.line, err.value.check) == (str(path), text.count("\n") + 2, "free-text-not-nfc"), str(err.value)
    assert "Jose\\u0301" in err.value.reason


def test_cli_build_check_refuses_an_nfd_catalogue_exit_2(tmp_path):
    folder = copy_sources(tmp_path / "dataset")
    path = folder / "annotations" / "stance_targets.yaml"
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(DATASET / "data", folder / "data")
    result = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(folder)],
                            capture_output=True, text=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert result.returncode == 2 and "[free-text-not-nfc]" in result.stderr and str(path) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


# --- validate of tables ---------------------------------------------------------------------


def _first_value_row(table: pa.Table, column: str, auto: bool) -> int:
    values = table.column(column).to_pylist()
    sources = table.column("source").to_pylist()
    return next(i for i, v in enumerate(values) if v and (sources[i] == "auto") == auto
                and any(c.isalpha() for c in (v if isinstance(v, str) else v[0])))


def _spoil(value, how):
    if isinstance(value, list):
        return [how(value[0]), *value[1:]]
    return how(value)


def _nfd_of(text: str) -> str:
    return "Nicola\u0301s " + text


COVERED = [(spec.name, col.name) for spec, col in free_text_columns()]


@pytest.mark.parametrize("table,column", COVERED)
@pytest.mark.parametrize("how", ["nfd", "no-break-space"])
def test_validate_finds_one_bad_value_in_each_covered_column(dataset_copy, table, column, how):
    path = dataset_copy / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    if not any(v for v in arrow.column(column).to_pylist()):
        pytest.skip(f"the gold has no {table}.{column} value")
    row = _first_value_row(arrow, column, auto=False)
    spoil = _nfd_of if how == "nfd" else (lambda t: t.replace(" ", "\u00a0", 1) if " " in t else t + "\u00a0x")
    values = arrow.column(column).to_pylist()
    values[row] = _spoil(values[row], spoil)
    index = arrow.schema.get_field_index(column)
    arrow = arrow.set_column(index, arrow.schema.field(index), pa.array(values, arrow.schema.field(index).type))
    pq.write_table(arrow, path)
    report = validate_folder(dataset_copy)
    check = "free-text-not-nfc" if how == "nfd" else "free-text-whitespace"
    found = [f for f in report.findings if f.check == check]
    row_id = arrow.column(arrow.column_names[0]).to_pylist()[row]
    assert [(f.table, f.column, f.row_id) for f in found] == [(table, column, row_id)], report.to_text()


def test_aliases_copy_the_articles_words_and_keep_their_form(dataset_copy):
    path = dataset_copy / "data" / "entities" / "entities.parquet"
    arrow = pq.read_table(path)
    assert any("\u2011" in alias for aliases in arrow.column("aliases").to_pylist() for alias in aliases)
    assert not [f for f in validate_folder(dataset_copy).findings if f.check.startswith("free-text")]


def test_extract_of_an_nfd_text_validates_and_its_copied_words_keep_the_texts_form(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted((DATASET / "raw").glob("*.txt"))[:2]:
        (raw / path.name).write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "silver"
    result = subprocess.run([sys.executable, "-m", "landstrikes", "extract", str(raw), "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = pq.read_table(out / "data" / "entities").column("name").to_pylist()
    assert any(not unicodedata.is_normalized("NFC", name) for name in names), "the sample must copy NFD names"
    report = validate_folder(out)
    assert report.ok, report.to_text()
    assert ("entities", "name") in AUTO_COPIES


POOL = ["auto: boilerplate block", "The title is printed twice.", "Secretaría de Relaciones Exteriores", None,
        unicodedata.normalize("NFD", "Secretaría"), "a\u00a0b", "wait…", "one  two", "line\nend", "“quoted”", "",
        "Counter\u2011Narco", "tab\there", "e\u0301", "ok ok"]


@pytest.mark.parametrize("size", [len(POOL), 5000])
def test_the_arrow_check_finds_exactly_the_values_the_rule_refuses_short_or_long_columns(size):
    from landstrikes.schema.free_text import normal_form_problem, spacing_problem
    from landstrikes.schema.free_text_forms import _breaking

    values = [POOL[(i * 7) % len(POOL)] for i in range(size)]
    expected = [i for i, v in enumerate(values) if v is not None and (spacing_problem(v) or normal_form_problem(v))]
    assert len(expected) > 6
    assert _breaking(pa.array(values, pa.string())).tolist() == expected
    assert _breaking(pa.chunked_array([values[: size // 2], values[size // 2:]], pa.string())).tolist() == expected
