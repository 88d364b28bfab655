"""Annotation sources and raw texts: every bad input is one BuildError naming file:line and a check
id; nothing is silently accepted; no value in a message is longer than a short prefix; the
loader's line numbers never reach the data."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

import minicorpus
from landstrikes.build import build_tables
from landstrikes.errors import SHORT, BuildError, short
from landstrikes.schema.tableio import read_arrow
from landstrikes.annotations.sourcecheck import CATALOGUE_FIELDS, LAYER_FIELDS
from landstrikes.annotations.sources import load_yaml
from landstrikes.annotations.yamlsource import MAX_DEPTH, SourceLoader, parse_source

from conftest import DATASET

INTERNAL_KEYS = ("__line__",)


def refused(folder: Path, check: str) -> BuildError:
    with pytest.raises(BuildError) as err:
        build_tables(folder)
    error = err.value
    assert error.check == check, str(error)
    assert "\n" not in str(error) and len(str(error)) < 900, str(error)[:2000]
    return error


@pytest.fixture
def mini(tmp_path) -> Path:
    minicorpus.write(tmp_path)
    return tmp_path


def source(folder: Path) -> Path:
    return folder / "annotations" / "articles" / "a.yaml"


def line_of(folder: Path, needle: str) -> int:
    """The line of the tiny corpus's source that holds `needle` (the first mention's, ...)."""
    return next(i for i, line in enumerate(source(folder).read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_the_tiny_corpus_builds(mini):
    rows = build_tables(mini)
    assert {name: len(r) for name, r in rows.items() if not r} == {}


# -- the loader's line numbers stay out of the data (item 4) ------------------------------


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("where", ["committed", "built"])
def test_no_built_value_holds_the_loaders_internal_key(where, built_dataset):
    folder = DATASET if where == "committed" else built_dataset
    for table in sorted((folder / "data").iterdir()):
        rows = read_arrow(table).to_pylist()
        found = [s for s in _strings(rows) if any(k in s for k in INTERNAL_KEYS)]
        assert not found, f"{table.name}: {found[:3]}"


def test_loaded_mappings_hold_only_the_keys_written(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("- id: c\n  variants:\n    a: x\n    b: y\n", encoding="utf-8")
    assert load_yaml(path) == [{"id": "c", "variants": {"a": "x", "b": "y"}}]
    parsed = parse_source(path)
    assert parsed.lines.of(parsed.data[0]) == 1 and parsed.lines.of_key(parsed.data[0]["variants"], "b") == 4


def test_the_loader_parses_with_libyaml():
    assert issubclass(SourceLoader, yaml.CSafeLoader)


# -- YAML that must be refused (items 2 and 3) ----------------------------------------------


def test_duplicate_key_is_refused_with_its_line(mini):
    line = line_of(mini, '"entity": "trump"}')
    text = source(mini).read_text(encoding="utf-8").replace('"entity": "trump"}', '"entity": "trump", "entity": "mexico"}', 1)
    source(mini).write_text(text, encoding="utf-8")
    error = refused(mini, "yaml-duplicate-key")
    assert error.line == line and "'entity'" in error.reason


def test_duplicate_top_level_layer_is_refused(mini):
    source(mini).write_text(source(mini).read_text(encoding="utf-8") + "mentions: []\n", encoding="utf-8")
    error = refused(mini, "yaml-duplicate-key")
    assert error.line == source(mini).read_text().count("\n")


@pytest.mark.parametrize("text, line", [
    ("- &a {id: x, description: y}\n", 1),
    ("- {id: x, description: y}\n- {id: z, description: &d w}\n", 2),
])
def test_an_anchor_is_refused_with_its_line(mini, text, line):
    (mini / "annotations" / "stance_targets.yaml").write_text(text, encoding="utf-8")
    assert refused(mini, "yaml-anchor").line == line


def test_alias_expansion_is_refused_at_once_and_briefly(mini):
    """A few hundred bytes that would expand to 10^9 strings (the 'billion laughs')."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (mini / "annotations" / "entities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.process_time()
    error = refused(mini, "yaml-anchor")
    assert time.process_time() - started < 2 and error.line == 1


def test_an_alias_without_anchor_is_refused_as_an_alias(mini):
    (mini / "annotations" / "stance_targets.yaml").write_text("- *nowhere\n", encoding="utf-8")
    refused(mini, "yaml-anchor")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000, 1_000_000])
def test_deep_nesting_is_refused_without_a_crash(mini, depth):
    (mini / "annotations" / "claim_clusters.yaml").write_text("[" * depth, encoding="utf-8")
    assert refused(mini, "yaml-too-deep").line == 1


def test_nesting_up_to_the_limit_is_read(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, encoding="utf-8")
    assert parse_source(path).data is not None


@pytest.mark.parametrize("value, check", [
    ("!!python/object/apply:os.system [echo]", "yaml-tag"),
    ("!!binary aGVsbG8=", "yaml-tag"),
    ("!!set {a, b}", "yaml-tag"),
    ("9" * 5000, "yaml-value"),
])
def test_values_yaml_could_turn_into_objects_or_huge_numbers_are_refused(mini, value, check):
    line = line_of(mini, '{"text": "Trump", "entity": "trump"}')
    text = source(mini).read_text(encoding="utf-8").replace('{"text": "Trump", "entity": "trump"}',
                                                            '{"text": "Trump", "entity": "trump", "n": ' + value + "}", 1)
    source(mini).write_text(text, encoding="utf-8")
    assert refused(mini, check).line == line


def test_a_date_like_value_stays_a_string(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("a: 2026-01-20\n", encoding="utf-8")
    assert load_yaml(path) == {"a": "2026-01-20"}


def test_a_second_document_is_refused(mini):
    source(mini).write_text(source(mini).read_text(encoding="utf-8") + "---\narticle: b.txt\n", encoding="utf-8")
    refused(mini, "yaml-syntax")


@pytest.mark.parametrize("bad, check", [(b"\xff\xfe", "source-not-utf8"), (b"\x01", "yaml-syntax")])
def test_unreadable_bytes_in_a_source_are_refused_with_their_line(mini, bad, check):
    source(mini).write_bytes(source(mini).read_bytes() + b"note: " + bad + b"\n")
    assert refused(mini, check).line == source(mini).read_bytes().count(b"\n")


def test_a_source_that_is_a_directory_is_refused(mini):
    (mini / "annotations" / "articles" / "b.yaml").mkdir()
    refused(mini, "source-unreadable")


def test_a_missing_catalogue_is_refused(mini):
    (mini / "annotations" / "entities.yaml").unlink()
    refused(mini, "source-unreadable")


def test_two_sources_for_one_article_are_refused(mini):
    (mini / "annotations" / "articles" / "b.yaml").write_text("article: a.txt\n", encoding="utf-8")
    error = refused(mini, "duplicate-source")
    assert error.file.endswith("b.yaml") and error.line == 1


def test_a_source_for_no_raw_article_is_refused(mini):
    (mini / "annotations" / "articles" / "b.yaml").write_text("\n\narticle: zzz.txt\n", encoding="utf-8")
    assert refused(mini, "unknown-article").line == 3


# -- every field the builders read, of the wrong type or naming nothing (item 1) ----------


def _field_cases():
    for name, (fields, _) in {**CATALOGUE_FIELDS, **LAYER_FIELDS}.items():
        for field in fields:
            for bad in ([["nested"]], 12, True, {"k": ["v"]}):
                if (field, repr(bad)) not in {("n", "12"), ("hypothetical", "True")}:  # those are the right type
                    yield name, field, bad


@pytest.mark.parametrize("source_kind, field, bad", list(_field_cases()))
def test_a_field_of_the_wrong_type_is_one_error_at_its_line(tmp_path, source_kind, field, bad):
    catalogues, layers = minicorpus.records()
    items = catalogues.get(source_kind) or layers[source_kind]
    items[0][field] = bad
    where = minicorpus.write(tmp_path, catalogues, layers)
    with pytest.raises(BuildError) as err:
        build_tables(tmp_path)
    path, line = where[(source_kind, 0)]
    assert err.value.file == str(path) and err.value.line == line, str(err.value)
    assert err.value.check in {"wrong-type", "label-outside-set", "unknown-reference", "unknown-field", "missing-field"}


@pytest.mark.parametrize("layer, field", [("mentions", "entity"), ("exclusions", "entity"), ("quotes", "speaker"),
                                          ("claims", "claimant"), ("stances", "holder"), ("stances", "target"),
                                          ("claims", "cluster")])
def test_an_id_that_no_catalogue_defines_is_refused(tmp_path, layer, field):
    catalogues, layers = minicorpus.records()
    layers[layer][0][field] = "nobody-at-all"
    where = minicorpus.write(tmp_path, catalogues, layers)
    error = refused(tmp_path, "unknown-reference")
    assert (Path(error.file), error.line) == where[(layer, 0)] and "'nobody-at-all'" in error.reason


def test_a_span_context_given_as_a_list_is_refused(tmp_path):
    catalogues, layers = minicorpus.records()
    layers["quotes"][0]["cue"] = {"text": "said", "in": ["Trump said"]}
    where = minicorpus.write(tmp_path, catalogues, layers)
    assert refused(tmp_path, "wrong-type").line == where[("quotes", 0)][1]


def test_an_unknown_key_inside_a_span_is_refused(tmp_path):
    catalogues, layers = minicorpus.records()
    layers["quotes"][0]["mention"] = {"text": "Trump", "nn": 1}
    minicorpus.write(tmp_path, catalogues, layers)
    refused(tmp_path, "unknown-field")


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_quantity_that_is_not_finite_is_refused(tmp_path, value):
    catalogues, layers = minicorpus.records()
    layers["claims"][0]["quantity"]["low"] = value
    minicorpus.write(tmp_path, catalogues, layers)
    text = source(tmp_path).read_text(encoding="utf-8").replace("NaN", ".nan").replace("Infinity", ".inf")
    source(tmp_path).write_text(text, encoding="utf-8")
    refused(tmp_path, "wrong-type")


def test_a_layer_that_is_not_a_list_is_refused_at_its_line(mini):
    text = source(mini).read_text(encoding="utf-8")
    text = text[:text.index("quality:")] + "quality: 7\n"
    source(mini).write_text(text, encoding="utf-8")
    error = refused(mini, "wrong-type")
    assert error.line == text.count("\n")


def test_a_list_item_that_is_not_a_mapping_is_refused_at_its_line(mini):
    text = source(mini).read_text(encoding="utf-8").replace("stances:\n", "stances:\n  - just text\n")
    source(mini).write_text(text, encoding="utf-8")
    assert refused(mini, "wrong-type").line == text.splitlines().index("  - just text") + 1


def test_a_non_string_key_is_refused(mini):
    source(mini).write_text(source(mini).read_text(encoding="utf-8") + "true: 1\n", encoding="utf-8")
    refused(mini, "wrong-type")


# -- raw texts --------------------------------------------------------------------------------


def test_a_raw_file_that_is_a_directory_is_refused(mini):
    (mini / "raw" / "b.txt").mkdir()
    assert str(refused(mini, "raw-not-a-file")).startswith(str(mini / "raw" / "b.txt"))


def test_a_raw_symlink_loop_is_refused(mini):
    os.symlink("loop.txt", mini / "raw" / "loop.txt")
    refused(mini, "raw-not-a-file")


def test_a_missing_raw_folder_is_refused(mini):
    (mini / "raw" / minicorpus.ARTICLE).unlink()
    (mini / "raw").rmdir()
    refused(mini, "raw-missing")


def test_non_utf8_raw_text_is_refused_with_its_line(mini):
    (mini / "raw" / minicorpus.ARTICLE).write_bytes(b"line one\nline two \xe9\n")
    assert refused(mini, "raw-not-utf8").line == 2


# -- the other inputs of a build ------------------------------------------------------------------


def test_a_missing_card_body_is_refused(mini):
    (mini / "annotations" / "card_body.md").unlink()
    refused(mini, "source-unreadable")


def test_agreement_figures_that_are_not_json_are_refused(mini):
    (mini / "agreement.json").write_text("{", encoding="utf-8")
    refused(mini, "bad-json")


# -- short messages (item 3) -------------------------------------------------------------------


def test_a_huge_value_appears_in_an_error_as_a_short_prefix(tmp_path):
    catalogues, layers = minicorpus.records()
    layers["mentions"][0]["entity"] = "x" * 1_000_000
    minicorpus.write(tmp_path, catalogues, layers)
    error = refused(tmp_path, "unknown-reference")
    assert "x" * SHORT in str(error) and "x" * (SHORT + 1) not in str(error) and "…" in str(error)


def test_short_is_bounded_for_a_value_shared_a_billion_times():
    value = ["lol"] * 10
    for _ in range(9):
        value = [value] * 10  # 10^9 strings if written out
    started = time.process_time()
    text = short(value)
    assert len(text) <= SHORT + 1 and time.process_time() - started < 0.5


@pytest.mark.parametrize("value", ["y" * 10_000, 10 ** 4000, {"k" * 500: ["v" * 500] * 50}, b"\x00" * 5000])
def test_short_shows_at_most_a_short_prefix(value):
    assert len(short(value)) <= SHORT + 3


def test_build_errors_are_one_line_even_for_multiline_reasons():
    error = BuildError("f.yaml", "first\nsecond\r\nthird", 3, "x")
    assert str(error) == "f.yaml:3: first second third [x]"


def test_the_committed_sources_load_as_before():
    """The real sources parse to what the pure-Python safe loader reads (no line keys, same values)."""
    for path in sorted((DATASET / "annotations").glob("*.yaml")) + sorted((DATASET / "annotations" / "articles").glob("*.yaml")):
        assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path.name

