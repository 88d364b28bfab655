"""Fuzzing the annotation sources: whatever a source holds (random structures, wrong types,
unicode, anchors, duplicate keys, deep nesting, long strings, random bytes), loading and building
either succeeds or raises one BuildError (one line, naming the file, a check id); never another
exception, never a hang; and the CLI never writes data/ from a source it refuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import minicorpus
from landstrikes.build import build_tables
from landstrikes.errors import BuildError
from landstrikes.annotations.sourcecheck import CATALOGUE_FIELDS, LAYER_FIELDS

FAST = settings(max_examples=100, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10 ** 30), 10 ** 30), st.floats(), st.text(max_size=20),
    st.sampled_from(["Trump", "Mexico", "trump", "mexico", "c1", "v1", "strikes", "direct", "NAME", "body", ""]),
    st.text(min_size=2000, max_size=3000).map(lambda s: s * 20),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                      max_leaves=12)
SOURCES = sorted({**CATALOGUE_FIELDS, **LAYER_FIELDS})
FIELDS = sorted({f for fields, _ in {**CATALOGUE_FIELDS, **LAYER_FIELDS}.values() for f in fields} | {"id", "zzz"})


def assert_builds_or_one_error(write) -> bool:
    """Write a corpus with `write(folder)`, build it: success (True), or one short BuildError line."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        folder = Path(tmp)
        write(folder)
        try:
            build_tables(folder)
        except BuildError as exc:
            message = str(exc)
            assert "\n" not in message and len(message) < 1200, message[:2000]
            assert message.startswith(str(folder)) and message.endswith("]"), message
            return False
        return True


CHECK_TYPES = {"text": str, "span_text": str, "one_of": str, "ref": str, "occurrence": int, "boolean": bool,
               "strings": list, "variants": list, "entity_list": list, "quantity": dict, "span": (str, dict), "number": (int, float)}
"""What a value of each field kind must be, whatever else its check asks."""


def field_type(source: str, field: str):
    fields = {**CATALOGUE_FIELDS, **LAYER_FIELDS}[source][0]
    if field not in fields:
        return None
    check = fields[field]
    return CHECK_TYPES[check.__qualname__.split(".")[0]]


@FAST
@given(source=st.sampled_from(SOURCES), index=st.integers(0, 1), field=st.sampled_from(FIELDS), value=values)
def test_any_value_in_any_field_builds_or_is_one_error(source, index, field, value):
    catalogues, layers = minicorpus.records()
    items = catalogues.get(source) or layers[source]
    items[min(index, len(items) - 1)][field] = value
    built = assert_builds_or_one_error(lambda f: minicorpus.write(f, catalogues, layers))
    expected = field_type(source, field)
    if built and expected is not None and value is not None:  # nothing of the wrong type is coerced into a table
        assert isinstance(value, expected), (source, field, value)


SNIPPETS = st.sampled_from([
    "&a ", "*a ", "&a [1, 2]\nb: *a\n", "a: 1\na: 2\n", "- x\n- &x y\n- *x\n", "[" * 60, "{" * 60, "- " * 40 + "x\n",
    "!!python/object:os.system x", "!!binary aGk=", "!!timestamp 2001-01-01", "<<: {a: 1}\n", "? [a, b]\n: c\n",
    "\t", "\x00", "\x85", "\ufeff", "\U0001f525" * 100, "é\u0301" * 50, "---\n", "...\n", "%YAML 1.1\n---\n",
    "\"unterminated", "'", "text: " + "z" * 100_000 + "\n", "n: " + "9" * 5000 + "\n", "n: .nan\n", "n: -.inf\n",
])


def _mutate(text: str, cuts: list[tuple[int, str]]) -> str:
    for at, snippet in cuts:
        at %= max(1, len(text))
        text = text[:at] + snippet + text[at:]
    return text


@FAST
@given(value=values, cuts=st.lists(st.tuples(st.integers(0, 10 ** 6), SNIPPETS), max_size=3),
       target=st.sampled_from(["articles/a.yaml", "entities.yaml", "claim_clusters.yaml", "stance_targets.yaml"]),
       keep_article=st.booleans())
def test_random_yaml_text_builds_or_is_one_error(value, cuts, target, keep_article):
    if keep_article and target.startswith("articles"):
        value = {"article": minicorpus.ARTICLE, "mentions": value}
    text = _mutate(yaml.safe_dump(value, allow_unicode=True), cuts)

    def write(folder):
        minicorpus.write(folder)
        (folder / "annotations" / target).write_text(text, encoding="utf-8", errors="surrogatepass")

    assert_builds_or_one_error(write)


@FAST
@given(data=st.binary(max_size=300), target=st.sampled_from(["articles/a.yaml", "entities.yaml", "../raw/a.txt"]))
def test_random_bytes_build_or_are_one_error(data, target):
    def write(folder):
        minicorpus.write(folder)
        (folder / "annotations" / target).write_bytes(data)

    assert_builds_or_one_error(write)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(["entity", "text", "kind", "n", "in"]), value=st.lists(values, min_size=1, max_size=3),
       snippet=SNIPPETS)
def test_the_cli_refuses_a_broken_source_in_one_line_and_writes_no_data(field, value, snippet):
    catalogues, layers = minicorpus.records()
    layers["mentions"][0][field] = value
    folder = Path(tempfile.mkdtemp(prefix="fuzz-cli-"))
    minicorpus.write(folder, catalogues, layers)
    source = folder / "annotations" / "articles" / "a.yaml"
    source.write_text(source.read_text(encoding="utf-8") + snippet, encoding="utf-8", errors="surrogatepass")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(folder)], capture_output=True,
                          text=True, errors="replace", env=env, timeout=120)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, json.dumps([proc.returncode, proc.stdout[-500:], proc.stderr[-500:]])
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith(f"error: {folder}")
    assert not (folder / "data").exists()
    shutil.rmtree(folder)
