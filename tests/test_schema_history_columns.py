"""A release's tables carry exactly the columns (names, order, Arrow types, nullability) of the
schema version its MANIFEST.json states, old or current; a release stating a schema version
newer than this package's is not vouched for (verify19).

Before verify19, `verify` judged the label lists by the stated schema version but not the
columns: a release stating '2.0' whose quotes carried 2.1's speaker columns, or lacked 2.0's
event_id, or held `start` as floats, verified ok once its manifest and witnesses were restated,
and a release stating '2.2' passed the label check by being judged against no list at all.
Each forgery below is a copy of a committed release restated consistently (Parquet stamps,
manifest columns and hashes, croissant.json's digests and fields, the card), so that only the
column check (or the newer-schema refusal) can catch it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.column_history import COLUMNS_BY_SCHEMA_VERSION
from landstrikes.releases.manifest import describe_columns, verify
from landstrikes.schema.columns import Col
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME
from conftest import DATASET

RELEASES = sorted(p for p in (DATASET / "releases").iterdir() if (p / "MANIFEST.json").is_file())


def _manifest(release: Path) -> dict:
    return json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_each_committed_release_states_the_columns_of_its_schema_version(release):
    manifest = _manifest(release)
    history = COLUMNS_BY_SCHEMA_VERSION[manifest["schema_version"]]
    assert list(manifest["tables"]) == list(history)
    for table, spec in manifest["tables"].items():
        stated = [(c["name"], c["type"], c["nullable"]) for c in spec["columns"]]
        assert stated == [tuple(c) for c in history[table]], table


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_each_committed_release_file_has_the_arrow_schema_of_its_schema_version(release):
    history = COLUMNS_BY_SCHEMA_VERSION[_manifest(release)["schema_version"]]
    for path in sorted(release.glob("data/*/*.parquet")):
        fields = [(f.name, f.type, f.nullable) for f in pq.read_schema(path)]
        want = [(c.name, Col(c.name, c.type, "").arrow_type, c.nullable) for c in history[path.parent.name]]
        assert fields == want, path


def test_the_current_schema_versions_columns_are_the_registrys():
    current = {spec.name: [(c.name, c.type, c.nullable) for c in spec.columns] for spec in TABLES_BY_NAME.values()}
    assert current == {t: [tuple(c) for c in cols] for t, cols in COLUMNS_BY_SCHEMA_VERSION[SCHEMA_VERSION].items()}


# --- forging a release consistently --------------------------------------------------------------


def _forge(release: Path, edit=None, schema_version: str | None = None) -> None:
    """Every Parquet file rewritten through `edit(table, arrow) -> arrow` (and restamped with
    `schema_version`), then restated everywhere a forger would: the manifest's schema version,
    columns and file entries, croissant.json's sha256 and record-set fields, the card's prose
    version; croissant.json and the card re-hashed."""
    manifest = _manifest(release)
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    old_version = manifest["schema_version"]
    version = schema_version or old_version
    manifest["schema_version"] = version
    for rel in sorted(r for r in manifest["files"] if r.endswith(".parquet")):
        table_name = rel.split("/")[1]
        path = release / rel
        arrow = pq.read_table(path)
        stamps = dict(arrow.schema.metadata)
        stamps[b"landstrikes.schema_version"] = version.encode()
        arrow = (edit(table_name, arrow) if edit else None) or arrow
        pq.write_table(arrow.replace_schema_metadata(stamps), path)
        old_sha = manifest["files"][rel]["sha256"]
        manifest["files"][rel].update(sha256=_sha(path), bytes=path.stat().st_size)
        _restate_digest(croissant, old_sha, manifest["files"][rel]["sha256"])
        labels = {c["name"]: c["labels"] for c in manifest["tables"][table_name]["columns"]}
        columns = describe_columns(arrow.schema)
        for column in columns:
            column["labels"] = labels.get(column["name"])
        manifest["tables"][table_name]["columns"] = columns
        _restate_fields(croissant, table_name, [c["name"] for c in columns])
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    card = release / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace(f"schema version {old_version};", f"schema version {version};"),
                    encoding="utf-8")
    for name in ("croissant.json", "README.md"):
        manifest["files"][name].update(sha256=_sha(release / name), bytes=(release / name).stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _restate_digest(croissant: dict, old: str, new: str) -> None:
    for obj in croissant["distribution"]:
        if obj.get("sha256") == old:
            obj["sha256"] = new


def _restate_fields(croissant: dict, table: str, columns: list[str]) -> None:
    """The table's record set lists exactly `columns`, a new one read like the table's first."""
    record_set = next(rs for rs in croissant["recordSet"] if rs.get("@id") == table)
    by_name = {f["name"]: f for f in record_set["field"]}
    model = record_set["field"][0]
    record_set["field"] = [by_name.get(name) or {**json.loads(json.dumps(model)), "@id": f"{table}/{name}", "name": name,
                                                 "source": {"fileObject": model["source"]["fileObject"],
                                                            "extract": {"column": name}}}
                           for name in columns]


def _copy(version: str, tmp_path: Path) -> Path:
    release = tmp_path / version
    shutil.copytree(DATASET / "releases" / version, release)
    return release


def _drop(table: str, column: str):
    return lambda name, arrow: arrow.drop_columns([column]) if name == table else None


def _retype(table: str, column: str, field: pa.Field):
    def edit(name, arrow):
        if name != table:
            return None
        i = arrow.schema.get_field_index(column)
        return arrow.set_column(i, field, arrow.column(i).cast(field.type))
    return edit


def _add(table: str, column: str, after: str):
    def edit(name, arrow):
        if name != table:
            return None
        return arrow.add_column(arrow.schema.get_field_index(after) + 1, pa.field(column, pa.string()),
                                pa.array(["x"] * arrow.num_rows, pa.string()))
    return edit


def _swap(table: str, first: str, second: str):
    def edit(name, arrow):
        if name != table:
            return None
        names = arrow.column_names
        i, j = names.index(first), names.index(second)
        names[i], names[j] = names[j], names[i]
        return arrow.select(names)
    return edit


def _verified(release: Path, capsys) -> tuple[int, list[str]]:
    code = main(["verify", str(release)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.strip() for line in lines[1:]]


def _refused(release: Path, capsys) -> list[str]:
    """verify's findings for a release it must refuse as a defect (exit 1)."""
    code, findings = _verified(release, capsys)
    assert code == 1, findings
    return findings


def _forged(version: str, tmp_path: Path, edit=None, schema_version: str | None = None) -> Path:
    release = _copy(version, tmp_path)
    _forge(release, edit, schema_version)
    return release


# --- columns judged by the stated schema version ---------------------------------------------------


def test_a_release_stating_20_whose_quotes_carry_21s_speaker_columns_is_refused(tmp_path, capsys):
    release = _forged("2.1.0", tmp_path, schema_version="2.0")  # 2.1 added columns and no label: only the columns tell
    findings = _refused(release, capsys)
    assert findings == [
        f"[manifest-columns-mismatch] MANIFEST.json#tables.quotes.{name}: a column schema 2.0's quotes table "
        f"does not have ({kind}; it came with schema 2.1)"
        for name, kind in (("speaker_end", "int, nullable"), ("speaker_start", "int, nullable"),
                           ("speaker_text", "string, nullable"))], findings  # sorted, as verify prints
    with pytest.raises(ReleaseIntegrityError, match="manifest-columns-mismatch"):
        load("quotes", version=release, as_pandas=True)


def test_a_column_the_stated_schema_had_that_the_release_lacks_is_refused(tmp_path, capsys):
    findings = _refused(_forged("2.0.0", tmp_path, _drop("quotes", "event_id")), capsys)
    assert findings == ["[manifest-columns-mismatch] MANIFEST.json#tables.quotes.event_id: missing: schema 2.0's "
                        "quotes table has it (string, nullable)"], findings


@pytest.mark.parametrize("field, says", [
    (pa.field("start", pa.float64(), nullable=False), "type float (Arrow double), schema 2.0's is int (Arrow int64)"),
    (pa.field("start", pa.int64(), nullable=True), "nullable, schema 2.0's is not"),
])
def test_a_column_typed_otherwise_than_the_stated_schema_is_refused(field, says, tmp_path, capsys):
    findings = _refused(_forged("2.0.0", tmp_path, _retype("quotes", "start", field)), capsys)
    assert findings == [f"[manifest-columns-mismatch] MANIFEST.json#tables.quotes.start: {says}"], findings


def test_columns_out_of_the_stated_schemas_order_are_refused(tmp_path, capsys):
    findings = _refused(_forged("1.0.0", tmp_path, _swap("claims", "start", "end")), capsys)
    assert findings == ["[manifest-columns-mismatch] MANIFEST.json#tables.claims.end: stands where schema 1.0 has "
                        "'start' (schema order: claim_id, article_id, start, end, text, …)"], findings


def test_a_column_no_schema_had_is_refused_in_a_release_of_the_current_schema(tmp_path, capsys):
    findings = _refused(_forged("2.5.0", tmp_path, _add("stances", "rationale", after="evidence_text")), capsys)
    assert findings == ["[manifest-columns-mismatch] MANIFEST.json#tables.stances.rationale: a column schema 2.1's "
                        "stances table does not have (string, nullable)"], findings


def test_a_table_the_stated_schema_had_that_the_release_lacks_is_refused(tmp_path, capsys):
    release = _copy("2.0.0", tmp_path)
    _remove_table(release, "stance_targets")
    assert _refused(release, capsys) == [
        "[manifest-columns-mismatch] MANIFEST.json#tables.stance_targets: missing: schema 2.0 has this table"]


def _remove_table(release: Path, table: str) -> None:
    """The table's files, manifest entries, croissant.json nodes and card config and features
    gone, the witnesses re-hashed: a release that never had it."""
    import yaml

    shutil.rmtree(release / "data" / table)
    manifest = _manifest(release)
    del manifest["tables"][table]
    manifest["files"] = {rel: entry for rel, entry in manifest["files"].items() if not rel.startswith(f"data/{table}/")}
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    croissant["distribution"] = [o for o in croissant["distribution"] if not o.get("contentUrl", "").startswith(f"data/{table}/")]
    croissant["recordSet"] = [rs for rs in croissant["recordSet"]
                              if rs.get("@id") != table and not rs.get("@id", "").startswith(f"labels-{table}-")]
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    card = release / "README.md"
    _, front, body = card.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(front)
    meta["configs"] = [c for c in meta["configs"] if c["config_name"] != table]
    meta["dataset_info"] = [c for c in meta["dataset_info"] if c["config_name"] != table]
    card.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---" + body, encoding="utf-8")
    for name in ("croissant.json", "README.md"):
        manifest["files"][name].update(sha256=_sha(release / name), bytes=(release / name).stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def test_a_second_part_file_with_other_columns_than_the_first_is_refused(tmp_path, capsys):
    """The tables section compares the manifest with a table's first file; every part is judged."""
    release = _copy("2.0.0", tmp_path)
    manifest = _manifest(release)
    first = release / "data" / "quotes" / "quotes.parquet"
    arrow = pq.read_table(first)
    half = arrow.num_rows // 2
    pq.write_table(arrow.slice(0, half), first)
    second = release / "data" / "quotes" / "quotes2.parquet"
    rest = arrow.slice(half).drop_columns(["event_id"])
    pq.write_table(rest.replace_schema_metadata(arrow.schema.metadata), second)
    for path, rows in ((first, half), (second, arrow.num_rows - half)):
        rel = path.relative_to(release).as_posix()
        manifest["files"][rel] = {"sha256": _sha(path), "bytes": path.stat().st_size, "rows": rows}
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    obj = next(o for o in croissant["distribution"] if o.get("contentUrl") == "data/quotes/quotes.parquet")
    croissant["distribution"].append({**obj, "@id": "quotes-parquet-2", "name": "quotes2.parquet",
                                      "contentUrl": "data/quotes/quotes2.parquet", "sha256": _sha(second)})
    obj["sha256"] = _sha(first)
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest["files"]["croissant.json"].update(sha256=_sha(release / "croissant.json"),
                                               bytes=(release / "croissant.json").stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    problems = [p for p in verify(release) if p.check == "manifest-columns-mismatch"]
    assert [(p.path, p.message) for p in problems] == [
        ("data/quotes/quotes2.parquet#event_id", "missing: schema 2.0's quotes table has it (string, nullable)")]
    with pytest.raises(ReleaseIntegrityError, match="manifest-columns-mismatch"):
        load("quotes", version=release, as_pandas=True)


# --- a schema version newer than the package's -----------------------------------------------------


@pytest.mark.parametrize("stated", ["2.2", "3.0"])
def test_verify_says_it_cannot_vouch_for_a_release_of_a_newer_schema(stated, tmp_path, capsys):
    release = _forged("2.5.0", tmp_path, schema_version=stated)
    code = main(["verify", str(release)])
    out = capsys.readouterr().out
    assert code == 2, out
    assert out.splitlines()[0].endswith(f"NOT VERIFIED (schema {stated} is newer than this package's {SCHEMA_VERSION})"), out
    assert out.splitlines()[1:] == [
        f"  [schema-version-newer] MANIFEST.json#schema_version: states schema {stated}, newer than this package's "
        f"{SCHEMA_VERSION}: its columns and label lists are unknown here, so its tables cannot be vouched for "
        "(upgrade landstrikes to verify it)"], out


def test_load_refuses_a_release_of_a_newer_schema_naming_the_upgrade(tmp_path):
    from landstrikes.errors import ReleaseSchemaNewer

    release = _forged("2.5.0", tmp_path, schema_version="2.2")
    with pytest.raises(ReleaseSchemaNewer, match=r"states schema 2\.2, newer than this package's 2\.1.*upgrade landstrikes"):
        load("quotes", version=release)
    assert issubclass(ReleaseSchemaNewer, ReleaseIntegrityError)  # callers that catch integrity errors still do


def test_a_newer_schema_release_with_another_problem_fails_with_exit_1(tmp_path, capsys):
    """A defect the package can see is still a defect: exit 1, the newer schema named beside it."""
    release = _forged("2.5.0", tmp_path, schema_version="2.2")
    (release / "data" / "quotes" / "quotes.parquet").write_bytes(b"not the released bytes")
    findings = _refused(release, capsys)
    assert any(f.startswith("[schema-version-newer]") for f in findings) and any("sha256-mismatch" in f for f in findings)


def test_verify_of_every_release_exits_2_when_only_a_newer_schema_one_is_not_vouched_for(tmp_path, capsys):
    root = tmp_path / "dataset"
    shutil.copytree(DATASET / "releases" / "2.4.0", root / "releases" / "2.4.0")
    shutil.copytree(DATASET / "releases" / "2.5.0", root / "releases" / "2.5.0")
    _forge(root / "releases" / "2.5.0", schema_version="2.2")
    assert main(["verify", "--dataset", str(root)]) == 2
    out = capsys.readouterr().out
    assert "2.4.0: ok" in out and "2.5.0: NOT VERIFIED" in out


def test_the_committed_releases_verify_ok(capsys):
    assert main(["verify"]) == 0, capsys.readouterr().out
