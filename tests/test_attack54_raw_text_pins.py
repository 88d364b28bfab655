"""attack54: each article's annotation source pins the raw text it was annotated on.

Spans are anchored by their text, so a raw file converted outside git (CRLF line ends, a
byte-order mark, NFD, a final line end added or dropped, a no-break space turned into a space)
built ANOTHER dataset that validated, exit 0: every offset after the change moved, and nothing
said so (attack52's open item). A BOM or NFD gave an error naming the annotation source
(`segment-gap`, `span-not-found`) though the source was right and the raw text wrong. Now
`raw: {sha256, n_chars}` in the source is compared with the file before any builder runs: one
line naming the raw file, both digests and lengths, and the conversion when one explains it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import DATASET, copy_sources
from landstrikes.build import build, build_tables
from landstrikes.errors import BuildError
from rawpin_tools import repin

A000, A001, A002, A003, A004 = ("000_68b95635092649cd", "001_f1f49e9dc8ada067", "002_f6c5fed12bcb1118", "003_53ec89303f4de55c",
                              "004_26f752040ea19616")
BOM = "\ufeff"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# conversion -> (article, what it does to the text, what the error says of it)
CONVERSIONS = {
    "crlf": (A002, lambda t: t.replace("\n", "\r\n"), "converted: line ends turned into CRLF"),
    "cr": (A002, lambda t: t.replace("\n", "\r"), "converted: line ends turned into CR"),
    "bom": (A002, lambda t: BOM + t, "converted: a byte-order mark added"),
    "bom-and-crlf": (A002, lambda t: BOM + t.replace("\n", "\r\n"),
                     "converted: a byte-order mark added, line ends turned into CRLF"),
    "nfd": (A000, _nfd, "converted: decomposed (NFD)"),
    "final-line-end-added": (A000, lambda t: t + "\n", "converted: 1 final line end added"),
    "final-line-ends-dropped": (A004, lambda t: t.rstrip("\n"), "converted: 2 final line ends dropped"),
    "crlf-and-final-line-end": (A000, lambda t: t.replace("\n", "\r\n") + "\r\n",
                                "converted: line ends turned into CRLF, 1 final line end added"),
    "no-break-space-to-space": (A003, lambda t: t.replace("\u00a0", " "), "same length: characters were replaced"),
    "nfkc": (A002, lambda t: unicodedata.normalize("NFKC", t), "same length: characters were replaced"),
    "a-word-edited": (A002, lambda t: t.replace("Mexico", "Mexic", 1), "edited or converted"),
}


def _convert(folder: Path, article: str, change) -> Path:
    path = folder / "raw" / f"{article}.txt"
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, "the conversion must change this article's text"
    path.write_bytes(after.encode("utf-8"))
    return path


@pytest.fixture
def sources(tmp_path) -> Path:
    return copy_sources(tmp_path / "dataset")


@pytest.mark.parametrize("name", list(CONVERSIONS))
def test_a_raw_text_converted_outside_git_is_refused_naming_the_file_and_the_conversion(sources, name):
    article, change, said = CONVERSIONS[name]
    path = _convert(sources, article, change)
    with pytest.raises(BuildError) as err:
        build(sources)
    error = err.value
    assert error.check == "raw-text-changed", str(error)
    assert error.file == str(path), str(error)
    assert said in error.reason, str(error)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in error.reason and f"annotations/articles/{article}.yaml:" in error.reason, str(error)
    assert "\n" not in str(error)
    assert not (sources / "data").exists() and not (sources / "README.md").exists()


def test_the_committed_sources_pin_the_texts_the_articles_table_holds():
    """What each source pins is the `articles` row's sha256 and n_chars: the same text."""
    articles = pq.read_table(DATASET / "data" / "articles" / "articles.parquet").to_pylist()
    pins = {}
    for source in sorted((DATASET / "annotations" / "articles").glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        name = re.search(r"^article: (\S+)$", text, re.M).group(1)
        pin = re.search(r"^raw: \{sha256: ([0-9a-f]{64}), n_chars: (\d+)\}$", text, re.M)
        pins[name] = (pin.group(1), int(pin.group(2)))
    assert pins == {row["source_file"]: (row["sha256"], row["n_chars"]) for row in articles}


def test_a_source_that_pins_no_raw_text_is_refused_with_the_line_to_add(sources):
    path = sources / "annotations" / "articles" / f"{A003}.yaml"
    text = path.read_text(encoding="utf-8")
    pin = re.search(r"^raw: .*$", text, re.M).group(0)
    path.write_text(text.replace(pin + "\n", ""), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_tables(sources)
    assert err.value.check == "raw-not-pinned" and err.value.file == str(path), str(err.value)
    assert err.value.line == 2 and f"'{pin}'" in err.value.reason, str(err.value)


def test_a_text_changed_on_purpose_builds_once_its_annotations_and_pin_follow_it(sources):
    """The way out the error names: re-anchor (here nothing moves: one word appended at the end)
    and pin the new text."""
    path = _convert(sources, A004, lambda t: t + "Addendum.\n")
    with pytest.raises(BuildError):
        build_tables(sources)
    repin(sources, A004)
    text = path.read_text(encoding="utf-8")
    rows = build_tables(sources)
    assert next(r for r in rows["articles"] if r["article_id"] == A004)["text"] == text


@pytest.mark.parametrize("pin, check", [
    ("raw: 3ae6e85b", "wrong-type"),
    ("raw: [1, 2]", "wrong-type"),
    ("raw: {sha256: 3AE6, n_chars: 3520}", "wrong-type"),
    ("raw: {sha256: 3ae6e85b047e204f134985ea1dc462e3c69d3289f463faf69e4ed1b56a5e36fe, n_chars: -1}", "wrong-type"),
    ("raw: {sha256: 3ae6e85b047e204f134985ea1dc462e3c69d3289f463faf69e4ed1b56a5e36fe, n_chars: true}", "wrong-type"),
    ("raw: {sha256: 3ae6e85b047e204f134985ea1dc462e3c69d3289f463faf69e4ed1b56a5e36fe}", "missing-field"),
    ("raw: {sha256: 3ae6e85b047e204f134985ea1dc462e3c69d3289f463faf69e4ed1b56a5e36fe, n_chars: 3520, bytes: 1}",
     "unknown-field"),
])
def test_a_malformed_pin_is_one_line_at_its_line(sources, pin, check):
    path = sources / "annotations" / "articles" / f"{A000}.yaml"
    path.write_text(re.sub(r"^raw: .*$", pin, path.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_tables(sources)
    assert err.value.check == check and err.value.file == str(path) and err.value.line == 3, str(err.value)


def test_build_and_build_check_exit_2_in_one_line_and_write_nothing(sources):
    path = _convert(sources, A002, lambda t: t.replace("\n", "\r\n"))
    def files() -> list[Path]:  # the dataset lock a build takes stays, empty, by design
        return sorted(p.relative_to(sources) for p in sources.rglob("*") if p.name != ".landstrikes.lock")

    before = files()
    for command in (["build", "--dataset", str(sources)], ["build", "--check", "--dataset", str(sources)]):
        done = subprocess.run([sys.executable, "-m", "landstrikes", *command], capture_output=True, text=True, timeout=300)
        out = done.stdout + done.stderr
        assert done.returncode == 2, out
        assert "Traceback" not in out and "[raw-text-changed]" in out and str(path) in out, out
        assert files() == before


def test_validate_finds_tables_rebuilt_from_a_converted_text_that_its_source_does_not_pin(sources):
    """Raw text and tables agree (article-not-raw is silent), but the source pins another text:
    what a build that read no pin, or a consistent edit of raw/ and data/, leaves behind."""
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.schema import validate

    source = sources / "annotations" / "articles" / f"{A002}.yaml"
    annotated = source.read_text(encoding="utf-8")
    _convert(sources, A002, lambda t: t.replace("\n", "\r\n"))
    repin(sources, A002)
    assert build(sources).report.ok
    assert validate(sources).ok
    source.write_text(annotated, encoding="utf-8")
    found = [(f.check, f.table, f.row_id, f.column) for f in validate(sources).findings]
    assert found == [("raw-text-changed", "articles", A002, "sha256")]
    engine = validate_partitioned(sources)  # --engine judges the folder alike
    assert [(f.check, f.table, f.row_id, f.column) for f in engine.findings] == found


def test_release_refuses_a_converted_raw_text_naming_it_and_releases_nothing(released_copy):
    """A release builds from the sources too: it names the converted file, not a table that differs."""
    path = _convert(released_copy, A002, lambda t: BOM + t)
    changelog = released_copy.parent / "CHANGELOG.md"
    before = changelog.read_bytes(), sorted(p.name for p in (released_copy / "releases").iterdir())
    done = subprocess.run([sys.executable, "-m", "landstrikes", "release", "1.0.2", "--dataset", str(released_copy)],
                          capture_output=True, text=True, timeout=300, cwd=released_copy.parent)
    out = done.stdout + done.stderr
    assert done.returncode == 2 and "[raw-text-changed]" in out and str(path) in out, out
    assert "Traceback" not in out and len(done.stderr.strip().splitlines()) == 1, out
    assert (changelog.read_bytes(), sorted(p.name for p in (released_copy / "releases").iterdir())) == before


def test_two_raw_files_swapped_are_named_as_swapped(sources):
    first, second = sources / "raw" / f"{A000}.txt", sources / "raw" / f"{A001}.txt"
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    with pytest.raises(BuildError) as err:
        build_tables(sources)
    error = err.value
    assert error.check == "raw-text-changed" and error.file == str(first), str(error)
    assert f"it is the text {A001}.yaml pins: raw files swapped or renamed" in error.reason, str(error)
